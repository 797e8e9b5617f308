package dev.fakeecs.junit.report;

import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The failure report's lane per load balancer target group, read from the journal's {@code TARGET_REGISTRATION}
 * and {@code TARGET_HEALTH} entries: one row per target, coloured by health state from registration through
 * {@code initial}, {@code healthy}/{@code unhealthy} to {@code draining} and gone, a blue tick at each
 * registration, and the group's health check faults marked.
 *
 * <pre>{@code
 * TargetGroupLanes lanes = TargetGroupLanes.of(ecs.journal().entries());
 * if (!lanes.isEmpty()) html.append(lanes.svg(faults, t0, t1));
 * }</pre>
 */
final class TargetGroupLanes {

    /** The colour of each target health state. */
    static final Map<String, String> COLORS = new LinkedHashMap<>();

    static {
        COLORS.put("initial", "#f0ad4e");
        COLORS.put("healthy", "#2e7d32");
        COLORS.put("unhealthy", "#c62828");
        COLORS.put("draining", "#9e9e9e");
        COLORS.put("unused", "#cfd8dc");
        COLORS.put("unavailable", "#795548");
    }

    /** One state of a target from {@code from} until the next change (or now). */
    record Span(Instant from, String state, String reason) {
    }

    /** One target of a group: its registrations and state history. */
    static final class Lane {
        final String target;
        final List<Span> spans = new ArrayList<>();
        final List<Instant> registrations = new ArrayList<>();
        Instant gone;

        Lane(String target) {
            this.target = target;
        }

        void state(Instant at, String state, String reason) {
            if ("Target.NotRegistered".equals(reason)) {
                gone = at;
                return;
            }
            gone = null;
            spans.add(new Span(at, state, reason));
        }
    }

    private final Map<String, Map<String, Lane>> groups;
    private final List<TimelinePage.Mark> marks;

    private TargetGroupLanes(Map<String, Map<String, Lane>> groups, List<TimelinePage.Mark> marks) {
        this.groups = groups;
        this.marks = marks;
    }

    /** Reads the lanes from journal entries in order. */
    static TargetGroupLanes of(List<JournalEntry> entries) {
        Map<String, Map<String, Lane>> groups = new LinkedHashMap<>();
        List<TimelinePage.Mark> marks = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (e.type() != JournalEventType.TARGET_REGISTRATION && e.type() != JournalEventType.TARGET_HEALTH) {
                continue;
            }
            String group = name(e.subject());
            String target = e.detail("target");
            if (target == null) {
                if (e.detail("healthChecks") != null) {
                    marks.add(new TimelinePage.Mark(e.time(), group + " health checks " + e.detail("healthChecks")));
                    groups.computeIfAbsent(group, k -> new LinkedHashMap<>());
                }
                continue;
            }
            Lane lane = groups.computeIfAbsent(group, k -> new LinkedHashMap<>())
                    .computeIfAbsent(target, Lane::new);
            if (e.type() == JournalEventType.TARGET_REGISTRATION) {
                String action = e.detail("action");
                if ("registered".equals(action)) {
                    lane.registrations.add(e.time());
                }
            } else if (e.detail("state") != null) {
                lane.state(e.time(), e.detail("state"), e.detail("reason"));
            }
        }
        return new TargetGroupLanes(groups, marks);
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The SVG: a bold row per target group, then a row per target. */
    String svg(List<TimelinePage.Mark> faults, Instant t0, Instant t1) {
        StringBuilder body = new StringBuilder();
        int y = 28;
        int rows = 0;
        for (Map.Entry<String, Map<String, Lane>> g : groups.entrySet()) {
            body.append(String.format(Locale.ROOT, "<text class=\"group\" x=\"4\" y=\"%d\" font-weight=\"bold\">%s</text>",
                    y + 12, TimelinePage.esc(g.getKey())));
            y += TimelinePage.ROW;
            for (Lane lane : g.getValue().values()) {
                if (rows++ >= TimelinePage.MAX_ROWS) {
                    break;
                }
                body.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\">%s</text>", y + 12,
                        TimelinePage.esc(lane.target)));
                for (int i = 0; i < lane.spans.size(); i++) {
                    Span span = lane.spans.get(i);
                    Instant end = i + 1 < lane.spans.size() ? lane.spans.get(i + 1).from()
                            : lane.gone != null && !lane.gone.isBefore(span.from()) ? lane.gone : t1;
                    String title = TimelinePage.esc(lane.target + " " + span.state() + " from " + span.from()
                            + (span.reason() == null ? "" : " (" + span.reason() + ")"));
                    TimelinePage.segment(body, "target-" + span.state(),
                            COLORS.getOrDefault(span.state(), "#607d8b"), span.from(), end, y, t0, t1, title);
                }
                for (Instant at : lane.registrations) {
                    double x = TimelinePage.x(at, t0, t1);
                    body.append(String.format(Locale.ROOT, "<line class=\"target-registered\" x1=\"%.1f\" y1=\"%d\""
                            + " x2=\"%.1f\" y2=\"%d\" stroke=\"#1565c0\" stroke-width=\"2\"><title>%s registered %s"
                            + "</title></line>", x, y + 1, x, y + TimelinePage.ROW - 1,
                            TimelinePage.esc(lane.target), at));
                }
                y += TimelinePage.ROW;
            }
        }
        List<TimelinePage.Mark> all = new ArrayList<>(faults);
        all.addAll(marks);
        return TimelinePage.svg(body, y, all, t0, t1, "target-groups");
    }

    /** {@code us-east-1 / web-tg} from {@code arn:aws:elasticloadbalancing:us-east-1:...:targetgroup/web-tg/0123}. */
    private static String name(String arn) {
        int i = arn.indexOf(":targetgroup/");
        if (i < 0) {
            return arn;
        }
        String rest = arn.substring(i + ":targetgroup/".length());
        int slash = rest.indexOf('/');
        String[] parts = arn.split(":", 5);
        String region = parts.length >= 4 ? parts[3] + Labels.SEPARATOR : "";
        return region + (slash < 0 ? rest : rest.substring(0, slash));
    }
}
