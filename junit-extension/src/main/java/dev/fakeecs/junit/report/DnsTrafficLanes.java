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
 * The report's lanes for Route 53 failover and client traffic, read from the journal's {@code DNS} and {@code TRAFFIC}
 * entries: per failover record, the answer over time (primary blue, secondary purple, the endpoint in each span's
 * title); per health check, Healthy and Unhealthy spans with a tick per failing probe; per traffic model, its outages
 * (red, with the failed requests) between spans served.
 *
 * <pre>{@code
 * DnsTrafficLanes lanes = DnsTrafficLanes.of(ecs.journal().entries());
 * if (!lanes.isEmpty()) html.append(lanes.svg(faults, from, to));
 * }</pre>
 */
final class DnsTrafficLanes {

    /** The colour of each state a lane shows. */
    static final Map<String, String> COLORS = new LinkedHashMap<>();

    static {
        COLORS.put("PRIMARY", "#1565c0");
        COLORS.put("SECONDARY", "#6a1b9a");
        COLORS.put("Healthy", "#2e7d32");
        COLORS.put("Unhealthy", "#c62828");
        COLORS.put("served", "#81c784");
        COLORS.put("outage", "#b71c1c");
    }

    /** A state from {@code from} until the next one (or now). */
    record Span(Instant from, String state, String title) {
    }

    /** One row: a record's answers, a health check's status or a traffic model's outages. */
    static final class Lane {
        final String label;
        final List<Span> spans = new ArrayList<>();
        final List<Instant> ticks = new ArrayList<>();

        Lane(String label) {
            this.label = label;
        }
    }

    private final Map<String, Lane> lanes;

    private DnsTrafficLanes(Map<String, Lane> lanes) {
        this.lanes = lanes;
    }

    /** Reads the lanes from journal entries in order; {@code runStart} is where a first state found later began. */
    static DnsTrafficLanes of(List<JournalEntry> entries, Instant runStart) {
        Map<String, Lane> lanes = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            if (e.type() == JournalEventType.DNS && e.detail("answer") != null) {
                Lane lane = lanes.computeIfAbsent("dns " + e.subject(), k -> new Lane("DNS " + e.subject()));
                if (lane.spans.isEmpty() && e.detail("previous") != null) {
                    boolean wasPrimary = "SECONDARY".equals(e.detail("failover"));
                    lane.spans.add(new Span(runStart, wasPrimary ? "PRIMARY" : "SECONDARY",
                            e.subject() + " answered " + e.detail("previous")));
                }
                lane.spans.add(new Span(e.time(), e.detail("failover"), e.subject() + " answers " + e.detail("answer")
                        + " (" + e.detail("failover") + ") from " + e.time()));
            } else if (e.type() == JournalEventType.DNS && e.detail("status") != null) {
                Lane lane = lanes.computeIfAbsent("check " + e.subject(),
                        k -> new Lane("health check " + e.subject()));
                String status = e.detail("status");
                if (lane.spans.isEmpty()) {
                    String before = "Healthy".equals(status) ? "Unhealthy" : "Healthy";
                    lane.spans.add(new Span(runStart, before, e.subject() + " " + before));
                }
                lane.spans.add(new Span(e.time(), status, e.subject() + " " + status + " from " + e.time()
                        + (e.detail("endpoint") == null ? "" : " (" + e.detail("endpoint") + ")")));
            } else if (e.type() == JournalEventType.DNS && "unhealthy".equals(e.detail("probe"))) {
                lanes.computeIfAbsent("check " + e.subject(), k -> new Lane("health check " + e.subject()))
                        .ticks.add(e.time());
            } else if (e.type() == JournalEventType.TRAFFIC && e.detail("outage") != null) {
                Lane lane = lanes.computeIfAbsent("traffic " + e.subject(), k -> new Lane("traffic " + e.subject()));
                if ("started".equals(e.detail("outage"))) {
                    if (lane.spans.isEmpty()) {
                        lane.spans.add(new Span(runStart, "served", e.subject() + " served"));
                    }
                    lane.spans.add(new Span(e.time(), "outage", e.subject() + " outage from " + e.time()
                            + " (target " + e.detail("target") + ")"));
                } else {
                    lane.spans.add(new Span(e.time(), "served", e.subject() + " served by " + e.detail("servedBy")
                            + " from " + e.time() + " after " + e.detail("failedRequests") + " failed requests"));
                }
            }
        }
        return new DnsTrafficLanes(lanes);
    }

    boolean isEmpty() {
        return lanes.isEmpty();
    }

    /** The SVG: a row per record, health check and traffic model. */
    String svg(List<TimelinePage.Mark> faults, Instant t0, Instant t1) {
        StringBuilder body = new StringBuilder();
        int y = 28;
        for (Lane lane : lanes.values()) {
            body.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", y + 12,
                    TimelinePage.esc(TimelinePage.fit(lane.label))));
            for (int i = 0; i < lane.spans.size(); i++) {
                Span span = lane.spans.get(i);
                Instant end = i + 1 < lane.spans.size() ? lane.spans.get(i + 1).from() : t1;
                String cls = lane.label.startsWith("DNS") ? "dns-answer" : lane.label.startsWith("traffic")
                        ? "traffic-" + span.state() : "dns-check";
                TimelinePage.segment(body, cls, COLORS.getOrDefault(span.state(), "#607d8b"), span.from(), end, y, t0, t1,
                        TimelinePage.esc(span.title()));
            }
            for (Instant at : lane.ticks) {
                if (at.isBefore(t0) || at.isAfter(t1)) {
                    continue;
                }
                double x = TimelinePage.x(at, t0, t1);
                body.append(String.format(Locale.ROOT, "<line class=\"dns-probe-failed\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\""
                        + " y2=\"%d\" stroke=\"#000\"><title>probe failed %s</title></line>", x, y + 2, x,
                        y + TimelinePage.ROW - 2, at));
            }
            y += TimelinePage.ROW;
        }
        return TimelinePage.svg(body, y, faults, t0, t1, "dns-traffic");
    }
}
