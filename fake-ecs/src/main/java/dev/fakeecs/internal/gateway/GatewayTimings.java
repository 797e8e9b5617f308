package dev.fakeecs.internal.gateway;

import java.time.Duration;
import java.time.Instant;

/**
 * The fake's rule for how long the gateways' transitional statuses last (AWS documents none): an UpdateGateway is
 * {@code UPDATE_IN_PROGRESS} for 30 s of virtual time, then {@code UPDATE_COMPLETE}; a disassociation without
 * gateway routes in the cluster is {@code DISASSOCIATING} for 30 s, then {@code INACTIVE}. Statuses are computed
 * from the clock when read, so nothing is scheduled.
 *
 * <pre>{@code
 * boolean done = GatewayTimings.elapsed(updateStartedAt, region.now());   // true 30 s after the update
 * }</pre>
 */
public final class GatewayTimings {

    /** How long a transitional status lasts. */
    public static final Duration TRANSITION = Duration.ofSeconds(30);

    private GatewayTimings() {
    }

    /** Whether the transition that started at {@code since} has finished at {@code now}. */
    public static boolean elapsed(Instant since, Instant now) {
        return !now.isBefore(since.plus(TRANSITION));
    }

    /** The instant the transition that started at {@code since} finishes. */
    public static Instant finishedAt(Instant since) {
        return since.plus(TRANSITION);
    }
}
