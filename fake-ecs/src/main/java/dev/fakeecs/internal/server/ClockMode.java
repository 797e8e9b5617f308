package dev.fakeecs.internal.server;

import java.time.Duration;
import java.util.Locale;

/**
 * How the runnable server moves virtual time: {@code manual} (only the control API moves it),
 * {@code auto[:SECONDS]} (every API request first advances it by a fixed step, default 1 s;
 * deterministic), {@code realtime[:FACTOR]} (1 wall second = FACTOR virtual seconds, default 1).
 *
 * <pre>{@code
 * ClockMode mode = ClockMode.parse("realtime:60");   // an hour of virtual time per wall minute
 * }</pre>
 *
 * @param kind   manual, auto or realtime
 * @param step   the step of {@code auto}
 * @param factor the speed of {@code realtime}
 */
public record ClockMode(Kind kind, Duration step, double factor) {

    /** The three ways time moves. */
    public enum Kind {
        MANUAL, AUTO, REALTIME
    }

    /** The default: time moves only when told. */
    public static final ClockMode MANUAL = new ClockMode(Kind.MANUAL, Duration.ZERO, 0);

    /**
     * Parses {@code manual}, {@code auto}, {@code auto:SECONDS}, {@code realtime} or {@code realtime:FACTOR}.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static ClockMode parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String name = value.contains(":") ? value.substring(0, value.indexOf(':')) : value;
        String argument = value.contains(":") ? value.substring(value.indexOf(':') + 1) : null;
        try {
            switch (name) {
                case "manual":
                    if (argument == null) {
                        return MANUAL;
                    }
                    break;
                case "auto":
                    double seconds = argument == null ? 1 : Double.parseDouble(argument);
                    if (seconds > 0 && seconds <= 86_400) {
                        return new ClockMode(Kind.AUTO, Duration.ofMillis(Math.round(seconds * 1000)), 0);
                    }
                    break;
                case "realtime":
                    double factor = argument == null ? 1 : Double.parseDouble(argument);
                    if (factor > 0 && factor <= 1_000_000) {
                        return new ClockMode(Kind.REALTIME, Duration.ZERO, factor);
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // fall through to the explanation
        }
        throw new IllegalArgumentException("--clock must be manual, auto[:SECONDS] (0 < SECONDS <= 86400) or "
                + "realtime[:FACTOR] (0 < FACTOR <= 1000000), not '" + text + "'");
    }

    @Override
    public String toString() {
        switch (kind) {
            case AUTO:
                return "auto:" + step.toMillis() / 1000.0;
            case REALTIME:
                return "realtime:" + factor;
            default:
                return "manual";
        }
    }
}
