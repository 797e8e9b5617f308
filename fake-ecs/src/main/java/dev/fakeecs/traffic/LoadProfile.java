package dev.fakeecs.traffic;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Requests per second offered at each virtual instant.
 *
 * <pre>{@code
 * LoadProfile flat = LoadProfile.constant(200);
 * LoadProfile dinner = LoadProfile.dinnerPeak(200, 1000, LocalTime.of(18, 30), LocalTime.of(21, 0));
 * }</pre>
 */
@FunctionalInterface
public interface LoadProfile {

    /** Requests per second at {@code at}. */
    long requestsPerSecond(Instant at);

    static LoadProfile constant(long rps) {
        return at -> rps;
    }

    /** {@code base} rps, {@code peak} rps from {@code from} (inclusive) to {@code to} (exclusive), UTC. */
    static LoadProfile dinnerPeak(long base, long peak, LocalTime from, LocalTime to) {
        return at -> {
            LocalTime t = LocalTime.ofInstant(at, ZoneOffset.UTC);
            return !t.isBefore(from) && t.isBefore(to) ? peak : base;
        };
    }
}
