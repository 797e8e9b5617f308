package dev.fakeecs.junit.report;

import dev.fakeecs.calls.ApiCall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's view of the API calls around the failure: a lane per service and region with a tick per call (red for a
 * call that failed, its line in the title), and the calls' lines, those in the timeline's window (at most
 * {@link #MAX_LINES}, the last ones), after the calls just before it when the window holds few.
 *
 * <pre>{@code
 * CallsSection calls = new CallsSection(ecs.calls().all());
 * html.append(calls.svg(faults, from, to)).append(calls.lines(from, to));
 * }</pre>
 */
final class CallsSection {

    /** How many call lines the page shows at most. */
    static final int MAX_LINES = 200;

    private final List<ApiCall> calls;

    CallsSection(List<ApiCall> calls) {
        this.calls = calls;
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    /** The calls in {@code [from, to]}. */
    List<ApiCall> within(Instant from, Instant to) {
        return calls.stream().filter(c -> !c.time().isBefore(from) && !c.time().isAfter(to)).toList();
    }

    String svg(List<TimelinePage.Mark> faults, Instant t0, Instant t1) {
        Map<String, List<ApiCall>> lanes = new LinkedHashMap<>();
        for (ApiCall c : within(t0, t1)) {
            lanes.computeIfAbsent(c.region() + Labels.SEPARATOR + c.service(), k -> new ArrayList<>()).add(c);
        }
        StringBuilder body = new StringBuilder();
        int y = 28;
        for (Map.Entry<String, List<ApiCall>> lane : lanes.entrySet()) {
            body.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", y + 12,
                    TimelinePage.esc(lane.getKey())));
            for (ApiCall c : lane.getValue()) {
                double x = TimelinePage.x(c.time(), t0, t1);
                body.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
                                + " stroke=\"%s\" stroke-width=\"2\"><title>%s</title></line>",
                        c.succeeded() ? "call-ok" : "call-failed", x, y + 2, x, y + TimelinePage.ROW - 2,
                        c.succeeded() ? "#1565c0" : "#c62828", TimelinePage.esc(c.toString())));
            }
            y += TimelinePage.ROW;
        }
        return TimelinePage.svg(body, y, faults, t0, t1, "api-calls");
    }

    /** At least this many calls are listed: when the window holds fewer, the calls just before it are added. */
    static final int MIN_LINES = 20;

    /**
     * The lines of the calls in the window (the last {@link #MAX_LINES}); when it holds fewer than {@link #MIN_LINES},
     * the calls just before it first, so the calls that led up to the failure are there.
     */
    String lines(Instant from, Instant to) {
        List<ApiCall> shown = within(from, to);
        StringBuilder b = new StringBuilder();
        if (shown.size() < MIN_LINES) {
            List<ApiCall> before = calls.stream().filter(c -> c.time().isBefore(from)).toList();
            before = before.subList(Math.max(0, before.size() - (MIN_LINES - shown.size())), before.size());
            if (!before.isEmpty()) {
                b.append("(before the window)\n");
                for (ApiCall c : before) {
                    b.append(TimelinePage.esc(c.toString())).append('\n');
                }
                b.append("(in the window)\n");
            }
        }
        if (shown.size() > MAX_LINES) {
            b.append("(").append(shown.size() - MAX_LINES).append(" earlier calls in the window: see calls.txt)\n");
            shown = shown.subList(shown.size() - MAX_LINES, shown.size());
        }
        for (ApiCall c : shown) {
            b.append(TimelinePage.esc(c.toString())).append('\n');
        }
        return b.toString();
    }
}
