package dev.fakeecs.junit.report;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a world's journal as one self-contained HTML page (no scripts, no network): an SVG
 * timeline of tasks per service and per host over virtual time, with deployments shaded and
 * faults marked, a lane per load balancer target group (each target's registration, health
 * transitions and draining) when the world has any, followed by the journal's last lines.
 *
 * <pre>{@code
 * String html = TimelinePage.render("OrdersTest.scales_out", ecs, "expected 20 running, was 12");
 * }</pre>
 */
public final class TimelinePage {

    static final int LABEL = 240;
    static final int PLOT = 960;
    static final int ROW = 16;
    static final int MAX_ROWS = 400;
    private static final long[] STEPS = {1, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400};

    private TimelinePage() {
    }

    /** One task's life, from the journal. */
    record TaskBar(String arn, String service, String host, Instant created, Instant running, Instant stopped,
                   String stopCode) {
        String id() {
            return arn.substring(arn.lastIndexOf('/') + 1);
        }
    }

    /** A deployment, from PRIMARY to COMPLETED or FAILED (or still going). */
    record Band(String service, String id, Instant start, Instant end, String outcome) {
    }

    /** A fault's start, end or effect (or a target group's health check fault). */
    record Mark(Instant at, String label) {
    }

    /** The page for a world as it is now. */
    public static String render(String title, FakeEcs ecs, String failure) {
        List<JournalEntry> entries = ecs.journal().entries();
        Map<String, MutableTask> tasks = new LinkedHashMap<>();
        Map<String, Band> bands = new LinkedHashMap<>();
        List<Mark> faults = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (e.type() == JournalEventType.TASK_PLACED || e.type() == JournalEventType.TASK_STATE) {
                MutableTask t = tasks.computeIfAbsent(e.subject(), k -> new MutableTask(k, e.time()));
                t.apply(e);
            } else if (e.type() == JournalEventType.DEPLOYMENT && e.detail("deployment") != null) {
                String service = last(e.subject());
                String id = e.detail("deployment");
                String key = e.subject() + "#" + id;
                Band b = bands.get(key);
                if (b == null) {
                    b = new Band(service, id, e.time(), null, "IN_PROGRESS");
                }
                String rollout = e.detail("rolloutState");
                if (rollout != null && !"IN_PROGRESS".equals(rollout)) {
                    b = new Band(service, id, b.start(), e.time(), rollout);
                }
                bands.put(key, b);
            } else if (e.type() == JournalEventType.FAULT) {
                StringBuilder label = new StringBuilder(last(e.subject()));
                e.details().forEach((k, v) -> label.append(' ').append(k).append('=').append(v));
                faults.add(new Mark(e.time(), label.toString()));
            }
        }
        Instant t0 = entries.isEmpty() ? ecs.clock().instant() : entries.get(0).time();
        Instant t1 = ecs.clock().instant();
        if (!t1.isAfter(t0)) {
            t1 = t0.plusSeconds(1);
        }
        List<TaskBar> bars = tasks.values().stream().map(MutableTask::bar).toList();
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>fake-ecs report: ").append(esc(title)).append("</title>")
                .append("<style>body{font:13px/1.4 system-ui,sans-serif;margin:16px;color:#222}")
                .append("h1{font-size:18px}h2{font-size:15px;margin-top:24px}pre{background:#f6f6f6;padding:8px;")
                .append("overflow:auto;max-height:300px}svg text{font:11px monospace}")
                .append(".legend span{display:inline-block;margin-right:14px}")
                .append(".sw{display:inline-block;width:12px;height:10px;margin-right:4px;vertical-align:middle}")
                .append("</style></head><body>\n");
        html.append("<h1>fake-ecs report: ").append(esc(title)).append("</h1>\n");
        html.append("<p id=\"facts\">seed <b id=\"seed\">").append(ecs.seed()).append("</b> &middot; virtual time ")
                .append(esc(String.valueOf(t0))).append(" to <b>").append(esc(String.valueOf(t1))).append("</b> &middot; ")
                .append(bars.size()).append(" tasks &middot; ").append(bands.size()).append(" deployments &middot; ")
                .append(faults.size()).append(" fault entries &middot; ").append(entries.size())
                .append(" journal entries</p>\n");
        html.append("<pre id=\"failure\">").append(esc(failure)).append("</pre>\n");
        html.append("<p class=\"legend\"><span><i class=\"sw\" style=\"background:#f0ad4e\"></i>starting</span>")
                .append("<span><i class=\"sw\" style=\"background:#2e7d32\"></i>running</span>")
                .append("<span><i class=\"sw\" style=\"background:#9e9e9e\"></i>stopping</span>")
                .append("<span><i class=\"sw\" style=\"background:#1565c0;opacity:.15\"></i>deployment</span>")
                .append("<span><i class=\"sw\" style=\"background:#c62828\"></i>fault</span></p>\n");
        html.append("<h2>Tasks per service</h2>\n");
        html.append(servicesSvg(bars, new ArrayList<>(bands.values()), faults, t0, t1));
        html.append("<h2>Tasks per host</h2>\n");
        html.append(hostsSvg(bars, faults, t0, t1));
        TargetGroupLanes targetGroups = TargetGroupLanes.of(entries);
        if (!targetGroups.isEmpty()) {
            html.append("<h2>Target groups</h2>\n");
            html.append("<p class=\"legend\">");
            TargetGroupLanes.COLORS.forEach((state, color) -> html.append("<span><i class=\"sw\" style=\"background:")
                    .append(color).append("\"></i>").append(state).append("</span>"));
            html.append("<span><i class=\"sw\" style=\"background:#1565c0\"></i>registered</span></p>\n");
            html.append(targetGroups.svg(faults, t0, t1));
        }
        html.append("<h2>Journal (last 300 entries)</h2>\n<pre id=\"journal\">");
        for (JournalEntry e : entries.subList(Math.max(0, entries.size() - 300), entries.size())) {
            html.append(esc(e.describe())).append('\n');
        }
        html.append("</pre>\n</body></html>\n");
        return html.toString();
    }

    private static String servicesSvg(List<TaskBar> bars, List<Band> bands, List<Mark> faults, Instant t0, Instant t1) {
        Map<String, List<TaskBar>> byService = new LinkedHashMap<>();
        bands.forEach(b -> byService.computeIfAbsent(b.service(), k -> new ArrayList<>()));
        bars.forEach(b -> byService.computeIfAbsent(b.service(), k -> new ArrayList<>()).add(b));
        StringBuilder body = new StringBuilder();
        int y = 28;
        int rows = 0;
        for (Map.Entry<String, List<TaskBar>> s : byService.entrySet()) {
            int top = y;
            int height = ROW * (s.getValue().size() + 1);
            for (Band b : bands) {
                if (b.service().equals(s.getKey())) {
                    double x1 = x(b.start(), t0, t1);
                    double x2 = x(b.end() == null ? t1 : b.end(), t0, t1);
                    body.append(String.format(Locale.ROOT, "<rect class=\"deployment\" x=\"%.1f\" y=\"%d\" width=\"%.1f\""
                                    + " height=\"%d\" fill=\"%s\" opacity=\"0.15\"><title>deployment %s %s</title></rect>",
                            x1, top, Math.max(1, x2 - x1), height, "FAILED".equals(b.outcome()) ? "#c62828" : "#1565c0",
                            esc(b.id()), esc(b.outcome())));
                }
            }
            body.append(String.format(Locale.ROOT, "<text class=\"group\" x=\"4\" y=\"%d\" font-weight=\"bold\">%s</text>",
                    y + 12, esc(s.getKey())));
            y += ROW;
            for (TaskBar t : s.getValue()) {
                if (rows++ >= MAX_ROWS) {
                    break;
                }
                body.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\">%s</text>", y + 12, esc(t.id())));
                bar(body, t, y, t0, t1);
                y += ROW;
            }
        }
        return svg(body, y, faults, t0, t1, "services");
    }

    private static String hostsSvg(List<TaskBar> bars, List<Mark> faults, Instant t0, Instant t1) {
        Map<String, List<List<TaskBar>>> lanes = new LinkedHashMap<>();
        for (TaskBar t : bars) {
            List<List<TaskBar>> hostLanes = lanes.computeIfAbsent(t.host(), k -> new ArrayList<>());
            List<TaskBar> free = null;
            for (List<TaskBar> lane : hostLanes) {
                TaskBar lastBar = lane.get(lane.size() - 1);
                if (lastBar.stopped() != null && !lastBar.stopped().isAfter(t.created())) {
                    free = lane;
                    break;
                }
            }
            if (free == null) {
                free = new ArrayList<>();
                hostLanes.add(free);
            }
            free.add(t);
        }
        StringBuilder body = new StringBuilder();
        int y = 28;
        int rows = 0;
        for (Map.Entry<String, List<List<TaskBar>>> h : lanes.entrySet()) {
            body.append(String.format(Locale.ROOT, "<text class=\"group\" x=\"4\" y=\"%d\" font-weight=\"bold\">%s</text>",
                    y + 12, esc(h.getKey())));
            y += ROW;
            for (List<TaskBar> lane : h.getValue()) {
                if (rows++ >= MAX_ROWS) {
                    break;
                }
                for (TaskBar t : lane) {
                    bar(body, t, y, t0, t1);
                }
                y += ROW;
            }
        }
        return svg(body, y, faults, t0, t1, "hosts");
    }

    private static void bar(StringBuilder out, TaskBar t, int y, Instant t0, Instant t1) {
        Instant end = t.stopped() == null ? t1 : t.stopped();
        Instant runFrom = t.running() == null ? end : t.running();
        String title = esc(t.id() + " " + t.service() + " on " + t.host() + ", created " + t.created()
                + (t.running() == null ? "" : ", running " + t.running())
                + (t.stopped() == null ? "" : ", stopped " + t.stopped())
                + (t.stopCode() == null ? "" : " (" + t.stopCode() + ")"));
        segment(out, "task-starting", "#f0ad4e", t.created(), runFrom, y, t0, t1, title);
        if (t.running() != null) {
            segment(out, "task-running", "#2e7d32", t.running(), end, y, t0, t1, title);
        }
        if (t.stopped() != null && t.stopCode() != null) {
            double x = x(t.stopped(), t0, t1);
            out.append(String.format(Locale.ROOT, "<circle class=\"task-stop\" cx=\"%.1f\" cy=\"%d\" r=\"3\" fill=\"%s\">"
                    + "<title>%s</title></circle>", x, y + 8, stopColor(t.stopCode()), title));
        }
    }

    private static String stopColor(String code) {
        return "ServiceSchedulerInitiated".equals(code) || "UserInitiated".equals(code) ? "#9e9e9e" : "#c62828";
    }

    static void segment(StringBuilder out, String cls, String color, Instant from, Instant to, int y,
                                Instant t0, Instant t1, String title) {
        double x1 = x(from, t0, t1);
        double x2 = x(to, t0, t1);
        out.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                + " fill=\"%s\"><title>%s</title></rect>", cls, x1, y + 3, Math.max(1.5, x2 - x1), ROW - 6, color, title));
    }

    static String svg(StringBuilder body, int height, List<Mark> faults, Instant t0, Instant t1, String id) {
        int h = Math.max(height + 8, 60);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\">", id, LABEL + PLOT + 20, h, LABEL + PLOT + 20, h));
        long span = Math.max(1, Duration.between(t0, t1).getSeconds());
        long step = STEPS[STEPS.length - 1];
        for (long s : STEPS) {
            if (span / s <= 12) {
                step = s;
                break;
            }
        }
        for (long s = 0; s <= span; s += step) {
            Instant at = t0.plusSeconds(s);
            double x = x(at, t0, t1);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"16\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"12\" text-anchor=\"middle\"><title>%s</title>+%s</text>",
                    x, x, h, x, at, offset(s)));
        }
        svg.append(body);
        for (Mark m : faults) {
            double x = x(m.at(), t0, t1);
            svg.append(String.format(Locale.ROOT, "<line class=\"fault\" x1=\"%.1f\" y1=\"16\" x2=\"%.1f\" y2=\"%d\""
                    + " stroke=\"#c62828\" stroke-dasharray=\"4 2\"><title>%s %s</title></line>",
                    x, x, h, m.at(), esc(m.label())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String offset(long seconds) {
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        if (seconds >= 3600) {
            b.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            b.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0) {
            b.append(seconds % 60).append('s');
        }
        return b.toString();
    }

    static double x(Instant t, Instant t0, Instant t1) {
        double total = Duration.between(t0, t1).toMillis();
        double at = Duration.between(t0, t).toMillis();
        return LABEL + Math.max(0, Math.min(1, at / total)) * PLOT;
    }

    private static String last(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final class MutableTask {
        final String arn;
        final Instant created;
        String service = "standalone tasks";
        String host = "unplaced";
        Instant running;
        Instant stopped;
        String stopCode;

        MutableTask(String arn, Instant created) {
            this.arn = arn;
            this.created = created;
        }

        void apply(JournalEntry e) {
            if (e.type() == JournalEventType.TASK_PLACED) {
                String group = e.detail("group");
                if (group != null) {
                    service = group.startsWith("service:") ? group.substring("service:".length()) : group;
                }
                String ci = e.detail("containerInstance");
                String zone = e.detail("availabilityZone");
                if (ci != null) {
                    host = "host " + last(ci) + (zone == null ? "" : " (" + zone + ")");
                } else {
                    String provider = e.detail("capacityProvider");
                    host = (provider != null ? provider : String.valueOf(e.detail("launchType")))
                            + (zone == null ? "" : " " + zone);
                }
            }
            if (e.detail("stopCode") != null) {
                stopCode = e.detail("stopCode");
            }
            String to = e.detail("to");
            if ("RUNNING".equals(to) && running == null) {
                running = e.time();
            } else if ("STOPPED".equals(to)) {
                stopped = e.time();
            }
        }

        TaskBar bar() {
            return new TaskBar(arn, service, host, created, running, stopped, stopCode);
        }
    }
}
