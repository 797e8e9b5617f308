package dev.fakeecs.internal.server;

import java.time.Duration;

/**
 * How long the HTTP server waits, in wall time, before it hands an ECS call to the engine: the
 * over-the-wire face of the {@code API_LATENCY} fault. Sleeping happens on the server's thread,
 * outside the engine lock, so the engine itself never reads the wall clock.
 *
 * <pre>{@code
 * FakeEcsServer.builder().wallLatency((region, op) -> op.equals("RunTask") ? Duration.ofMillis(200) : Duration.ZERO)
 * }</pre>
 */
@FunctionalInterface
public interface WallLatency {

    WallLatency NONE = (region, operation) -> Duration.ZERO;

    /** The delay for {@code operation} in {@code region} (region may be null when the request names none). */
    Duration latencyFor(String region, String operation);
}
