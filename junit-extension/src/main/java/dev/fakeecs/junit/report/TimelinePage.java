package dev.fakeecs.junit.report;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.junit.assertions.error.JournalRelevance;

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

    static final int LABEL = 300;
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

    /** The page for a world as it is now, its timeline spanning the whole run. */
    public static String render(String title, FakeEcs ecs, String failure) {
        return render(title, ecs, failure, null);
    }

    /**
     * The page for a world as it is now, its timelines zoomed to {@code window} (null: the whole run), with the whole
     * run as a thumbnail above them.
     *
     * <pre>{@code
     * String html = TimelinePage.render("OrdersTest.scales_out", ecs, failure.toString(),
     *         FailureWindow.of(failure, runStart, ecs.clock().instant()));
     * }</pre>
     */
    public static String render(String title, FakeEcs ecs, String failure, FailureWindow window) {
        List<JournalEntry> entries = ecs.journal().entries();
        Map<String, MutableTask> tasks = new LinkedHashMap<>();
        Map<String, Band> bands = new LinkedHashMap<>();
        List<Mark> faults = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (e.type() == JournalEventType.TASK_PLACED || e.type() == JournalEventType.TASK_STATE) {
                MutableTask t = tasks.computeIfAbsent(e.subject(), k -> new MutableTask(k, e.time()));
                t.apply(e);
            } else if (e.type() == JournalEventType.DEPLOYMENT && e.detail("deployment") != null) {
                String service = Labels.service(e.subject());
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
                StringBuilder label = new StringBuilder(e.region().isEmpty() ? "" : e.region() + " ")
                        .append(Labels.last(e.subject()));
                e.details().forEach((k, v) -> label.append(' ').append(k).append('=').append(v));
                faults.add(new Mark(e.time(), label.toString()));
            }
        }
        Instant run0 = entries.isEmpty() ? ecs.clock().instant() : entries.get(0).time();
        Instant run1 = ecs.clock().instant();
        if (!run1.isAfter(run0)) {
            run1 = run0.plusSeconds(1);
        }
        FailureWindow zoom = window == null || !window.zoomed() ? new FailureWindow(run0, run1, false) : window;
        Instant t0 = zoom.from();
        Instant t1 = zoom.to();
        List<TaskBar> allBars = tasks.values().stream().map(MutableTask::bar).toList();
        List<TaskBar> bars = allBars.stream().filter(b -> zoom.overlaps(b.created(), b.stopped())).toList();
        List<Band> shownBands = bands.values().stream().filter(b -> zoom.overlaps(b.start(), b.end())).toList();
        List<Mark> shownFaults = faults.stream().filter(m -> zoom.overlaps(m.at(), m.at())).toList();
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
                .append(esc(String.valueOf(run0))).append(" to <b>").append(esc(String.valueOf(run1))).append("</b> &middot; ")
                .append(allBars.size()).append(" tasks &middot; ").append(bands.size()).append(" deployments &middot; ")
                .append(faults.size()).append(" fault entries &middot; ").append(entries.size())
                .append(" journal entries &middot; ").append(ecs.calls().size()).append(" API calls</p>\n");
        html.append("<pre id=\"failure\">").append(esc(failure)).append("</pre>\n");
        html.append("<h2>Whole run</h2>\n").append(Overview.svg(allBars, faults, run0, run1, zoom));
        html.append("<p id=\"window\">").append(zoom.zoomed()
                ? "Timelines below: the failing assertion's window, " + esc(t0 + " to " + t1) + " (outlined above)"
                : "Timelines below: the whole run").append("</p>\n");
        html.append("<p class=\"legend\"><span><i class=\"sw\" style=\"background:#f0ad4e\"></i>starting</span>")
                .append("<span><i class=\"sw\" style=\"background:#2e7d32\"></i>running</span>")
                .append("<span><i class=\"sw\" style=\"background:#9e9e9e\"></i>stopping</span>")
                .append("<span><i class=\"sw\" style=\"background:#1565c0;opacity:.15\"></i>deployment</span>")
                .append("<span><i class=\"sw\" style=\"background:#c62828\"></i>fault</span></p>\n");
        html.append("<h2>Tasks per service</h2>\n");
        html.append(servicesSvg(bars, shownBands, shownFaults, t0, t1));
        html.append("<h2>Tasks per host</h2>\n");
        html.append(hostsSvg(bars, shownFaults, t0, t1));
        TargetGroupLanes targetGroups = TargetGroupLanes.of(entries);
        if (!targetGroups.isEmpty()) {
            html.append("<h2>Target groups</h2>\n");
            html.append("<p class=\"legend\">");
            TargetGroupLanes.COLORS.forEach((state, color) -> html.append("<span><i class=\"sw\" style=\"background:")
                    .append(color).append("\"></i>").append(state).append("</span>"));
            html.append("<span><i class=\"sw\" style=\"background:#1565c0\"></i>registered</span></p>\n");
            html.append(targetGroups.svg(shownFaults, t0, t1));
        }
        DnsTrafficLanes dns = DnsTrafficLanes.of(entries, run0);
        if (!dns.isEmpty()) {
            html.append("<h2>DNS answers and traffic</h2>\n<p class=\"legend\">");
            DnsTrafficLanes.COLORS.forEach((state, color) -> html.append("<span><i class=\"sw\" style=\"background:")
                    .append(color).append("\"></i>").append(state).append("</span>"));
            html.append("</p>\n").append(dns.svg(shownFaults, t0, t1));
        }
        CallsSection calls = new CallsSection(ecs.calls().all());
        if (!calls.isEmpty()) {
            html.append("<h2>API calls</h2>\n").append(calls.svg(shownFaults, t0, t1));
            html.append("<pre id=\"calls\">").append(calls.lines(t0, t1)).append("</pre>\n");
        }
        List<JournalEntry> inWindow = entries.stream().filter(e -> zoom.overlaps(e.time(), e.time())).toList();
        html.append("<h2>Relevant journal (faults, service events and stops first, then the most recent; ")
                .append(Math.min(RELEVANT, inWindow.size())).append(" of ").append(inWindow.size())
                .append(" in the window)</h2>\n")
                .append("<pre id=\"relevant-journal\">");
        for (JournalEntry e : JournalRelevance.select(inWindow, x -> true, RELEVANT)) {
            html.append(esc(e.describe())).append('\n');
        }
        html.append("</pre>\n");
        html.append("<h2>Journal (last 300 entries)</h2>\n<pre id=\"journal\">");
        for (JournalEntry e : entries.subList(Math.max(0, entries.size() - 300), entries.size())) {
            html.append(esc(e.describe())).append('\n');
        }
        html.append("</pre>\n</body></html>\n");
        return html.toString();
    }

    /** How many journal lines the relevant-journal section shows. */
    static final int RELEVANT = 40;

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
            body.append(String.format(Locale.ROOT, "<text class=\"group\" x=\"4\" y=\"%d\" font-weight=\"bold\">"
                    + "<title>%s</title>%s</text>", y + 12, esc(s.getKey()), esc(fit(s.getKey()))));
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
            body.append(String.format(Locale.ROOT, "<text class=\"group\" x=\"4\" y=\"%d\" font-weight=\"bold\">"
                    + "<title>%s</title>%s</text>", y + 12, esc(h.getKey()), esc(fit(h.getKey()))));
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
        if (t.stopped() != null && t.stopCode() != null && !t.stopped().isBefore(t0) && !t.stopped().isAfter(t1)) {
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
        if (to.isBefore(t0) || from.isAfter(t1)) {
            return;   // outside the (zoomed) timeline
        }
        double x1 = x(from, t0, t1);
        double x2 = x(to, t0, t1);
        out.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                + " fill=\"%s\"><title>%s</title></rect>", cls, x1, y + 3, Math.max(1.5, x2 - x1), ROW - 6, color, title));
    }

    static String svg(StringBuilder body, int height, List<Mark> faults, Instant t0, Instant t1, String id) {
        int h = Math.max(height + 8, 60);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\">", id, LABEL + PLOT + 40, h, LABEL + PLOT + 40, h));
        long span = Math.max(1, Duration.between(t0, t1).getSeconds());
        long step = STEPS[STEPS.length - 1];
        for (long s : STEPS) {
            if (span / s <= 12) {
                step = s;
                break;
            }
        }
        long first = Math.floorDiv(t0.getEpochSecond() + step - 1, step) * step;   // ticks on round clock times
        for (long s = first - t0.getEpochSecond(); s <= span; s += step) {
            Instant at = Instant.ofEpochSecond(t0.getEpochSecond() + s);
            double x = x(at, t0, t1);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"16\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"12\" text-anchor=\"middle\"><title>%s</title>%s</text>",
                    x, x, h, x, at, clockTime(at, span)));
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

    /**
     * A tick's label: the virtual clock's time of day ({@code 19:30:05}, UTC), with the date when the timeline spans
     * more than a day; the same in the thumbnail and in a zoomed timeline.
     */
    static String clockTime(Instant at, long spanSeconds) {
        String text = at.toString();   // 2026-01-01T19:30:05Z
        int t = text.indexOf('T');
        String time = text.substring(t + 1, Math.min(text.length() - 1, t + 9));
        return spanSeconds > 86_400 ? text.substring(5, t) + " " + time.substring(0, 5) : time;
    }

    /** The width of a stretch of time as ticks show it ({@code 1h30m}). */
    static String offsetText(Instant t0, Instant t1) {
        return offset(Math.max(0, Duration.between(t0, t1).getSeconds()));
    }

    /** How many characters of a label fit its column. */
    static final int LABEL_CHARS = 44;

    /** A label cut in the middle to fit its column (the full text is in the SVG title). */
    static String fit(String label) {
        if (label.length() <= LABEL_CHARS) {
            return label;
        }
        int keep = (LABEL_CHARS - 3) / 2;
        return label.substring(0, keep) + "..." + label.substring(label.length() - keep);
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
        String service;
        String host;
        Instant running;
        Instant stopped;
        String stopCode;

        MutableTask(String arn, Instant created) {
            this.arn = arn;
            this.created = created;
            this.service = Labels.scope(arn) + Labels.SEPARATOR + "standalone tasks";
            this.host = Labels.scope(arn) + Labels.SEPARATOR + "unplaced";
        }

        void apply(JournalEntry e) {
            if (e.type() == JournalEventType.TASK_PLACED) {
                String group = e.detail("group");
                if (group != null) {
                    service = Labels.scope(arn) + Labels.SEPARATOR
                            + (group.startsWith("service:") ? group.substring("service:".length()) : group);
                }
                String ci = e.detail("containerInstance");
                String zone = e.detail("availabilityZone");
                if (ci != null) {
                    host = Labels.scope(arn) + Labels.SEPARATOR + "host " + last(ci)
                            + (zone == null ? "" : " (" + zone + ")");
                } else {
                    String provider = e.detail("capacityProvider");
                    host = Labels.scope(arn) + Labels.SEPARATOR
                            + (provider != null ? provider : String.valueOf(e.detail("launchType")))
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
