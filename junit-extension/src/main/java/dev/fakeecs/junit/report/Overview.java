package dev.fakeecs.junit.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The whole run as a thumbnail above a zoomed timeline: a thin line per task (starting amber, running green), fault
 * marks, and the zoomed window outlined, so the failing minutes are found in the run at a glance.
 *
 * <pre>{@code
 * html.append(Overview.svg(bars, faults, runStart, runEnd, window));
 * }</pre>
 */
final class Overview {

    /** The height of one task's line. */
    static final int ROW = 3;
    /** At most this many task lines. */
    static final int MAX_ROWS = 80;

    private Overview() {
    }

    static String svg(List<TimelinePage.TaskBar> bars, List<TimelinePage.Mark> faults, Instant t0, Instant t1,
                      FailureWindow window) {
        StringBuilder body = new StringBuilder();
        int y = 4;
        int rows = 0;
        for (TimelinePage.TaskBar t : bars) {
            if (rows++ >= MAX_ROWS) {
                break;
            }
            Instant end = t.stopped() == null ? t1 : t.stopped();
            Instant runFrom = t.running() == null ? end : t.running();
            line(body, "#f0ad4e", t.created(), runFrom, y, t0, t1);
            if (t.running() != null) {
                line(body, "#2e7d32", t.running(), end, y, t0, t1);
            }
            y += ROW;
        }
        int h = Math.max(y + 4, 24);
        StringBuilder svg = new StringBuilder();
        int width = TimelinePage.LABEL + TimelinePage.PLOT + 40;
        svg.append(String.format(Locale.ROOT, "<svg id=\"overview\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\">", width, h, width, h));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"14\">whole run</text><text x=\"4\" y=\"%d\">%s</text>",
                Math.min(h - 2, 28), TimelinePage.esc("+" + TimelinePage.offsetText(t0, t1))));
        svg.append(body);
        for (TimelinePage.Mark m : faults) {
            double x = TimelinePage.x(m.at(), t0, t1);
            svg.append(String.format(Locale.ROOT, "<line class=\"fault\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\""
                    + " stroke=\"#c62828\"><title>%s %s</title></line>", x, x, h, m.at(), TimelinePage.esc(m.label())));
        }
        if (window.zoomed()) {
            double x1 = TimelinePage.x(window.from(), t0, t1);
            double x2 = TimelinePage.x(window.to(), t0, t1);
            svg.append(String.format(Locale.ROOT, "<rect class=\"zoom-window\" x=\"%.1f\" y=\"1\" width=\"%.1f\""
                            + " height=\"%d\" fill=\"#1565c0\" fill-opacity=\"0.12\" stroke=\"#1565c0\" stroke-width=\"2\">"
                            + "<title>the timeline below: %s to %s</title></rect>", x1, Math.max(2, x2 - x1), h - 2,
                    window.from(), window.to()));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void line(StringBuilder out, String color, Instant from, Instant to, int y, Instant t0, Instant t1) {
        double x1 = TimelinePage.x(from, t0, t1);
        double x2 = TimelinePage.x(to, t0, t1);
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                x1, y, Math.max(1, x2 - x1), ROW - 1, color));
    }
}
