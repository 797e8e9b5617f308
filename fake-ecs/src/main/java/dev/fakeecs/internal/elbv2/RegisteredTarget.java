package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.targets.Target;

import java.time.Instant;

/**
 * A target registered in a target group and its health check state machine's memory.
 *
 * <pre>{@code
 * RegisteredTarget t = tg.targets.get(target);
 * if (t.state.equals("healthy")) ...
 * }</pre>
 */
final class RegisteredTarget {

    final Target target;
    final Instant registered;
    /** The zone the target is in (null until known). */
    String zone;
    /** initial, healthy, unhealthy, draining (stored states; unused and unavailable are derived). */
    String state = "initial";
    String reason = "Elb.RegistrationInProgress";
    String description = "Target registration is in progress";
    int passes;
    int failures;
    /** Bumped whenever pending work for this target must be ignored (re-registration, deregistration). */
    long generation;
    Instant drainEnds;
    Instant healthySince;
    /** Whether the last probe tick found the target in use (a listener forwards to it in an enabled zone). */
    boolean inUse = true;
    /** The QUIC server id given at registration (QUIC and TCP_QUIC target groups); null otherwise. */
    String quicServerId;

    RegisteredTarget(Target target, Instant registered, String zone) {
        this.target = target;
        this.registered = registered;
        this.zone = zone;
    }
}
