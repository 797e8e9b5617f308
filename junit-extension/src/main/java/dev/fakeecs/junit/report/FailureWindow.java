package dev.fakeecs.junit.report;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stretch of virtual time a failure is about, read from the failure's message (and its causes and suppressed
 * failures, for soft assertions): an eventual assertion's window ({@code [eventually] within PT10M of virtual time
 * (FROM to TO)}) or an immediate assertion's instant ({@code at virtual time T}, then the {@link #LOOKBACK} before
 * it). The report's timeline zooms to it, padded, within the run.
 *
 * <pre>{@code
 * FailureWindow w = FailureWindow.of(failure, runStart, now);
 * if (w.isZoomed()) { ... w.from() ... w.to() ... }
 * }</pre>
 *
 * @param from   the start of the zoomed timeline
 * @param to     its end
 * @param zoomed whether it is narrower than the whole run (the thumbnail then marks it)
 */
public record FailureWindow(Instant from, Instant to, boolean zoomed) {

    /** How far before an immediate assertion's instant the timeline starts. */
    public static final Duration LOOKBACK = Duration.ofMinutes(5);

    private static final Pattern EVENTUALLY = Pattern.compile(
            "of virtual time \\((\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z) to (\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z)\\)");
    private static final Pattern AT = Pattern.compile("at virtual time (\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z)");

    /** The window of {@code failure} within the run {@code [runStart, runEnd]}; the whole run if it names none. */
    public static FailureWindow of(Throwable failure, Instant runStart, Instant runEnd) {
        Instant[] span = {null, null};
        collect(failure, span, 0);
        if (span[0] == null) {
            return new FailureWindow(runStart, runEnd, false);
        }
        Instant from = span[0];
        Instant to = span[1];
        Duration width = Duration.between(from, to);
        Duration pad = width.dividedBy(10).compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10)
                : width.dividedBy(10);
        from = from.minus(pad);
        to = to.plus(pad);
        if (from.isBefore(runStart)) {
            from = runStart;
        }
        if (to.isAfter(runEnd)) {
            to = runEnd;
        }
        if (!to.isAfter(from)) {
            return new FailureWindow(runStart, runEnd, false);
        }
        Duration run = Duration.between(runStart, runEnd);
        boolean zoomed = Duration.between(from, to).compareTo(run.multipliedBy(9).dividedBy(10)) < 0;
        return zoomed ? new FailureWindow(from, to, true) : new FailureWindow(runStart, runEnd, false);
    }

    private static void collect(Throwable t, Instant[] span, int depth) {
        if (t == null || depth > 8) {
            return;
        }
        String message = t.getMessage();
        if (message != null) {
            Matcher m = EVENTUALLY.matcher(message);
            boolean windowed = false;
            while (m.find()) {
                widen(span, Instant.parse(m.group(1)), Instant.parse(m.group(2)));
                windowed = true;
            }
            if (!windowed) {
                Matcher at = AT.matcher(message);
                while (at.find()) {
                    Instant i = Instant.parse(at.group(1));
                    widen(span, i.minus(LOOKBACK), i);
                }
            }
        }
        collect(t.getCause(), span, depth + 1);
        for (Throwable s : t.getSuppressed()) {
            collect(s, span, depth + 1);
        }
    }

    private static void widen(Instant[] span, Instant from, Instant to) {
        if (span[0] == null || from.isBefore(span[0])) {
            span[0] = from;
        }
        if (span[1] == null || to.isAfter(span[1])) {
            span[1] = to;
        }
    }

    /** Whether {@code [a, b]} (b null: still going) overlaps the window. */
    boolean overlaps(Instant a, Instant b) {
        return !a.isAfter(to) && (b == null || !b.isBefore(from));
    }
}
