package dev.fakeecs.fault;

import java.time.Instant;

/**
 * An injected fault: its id (as the control API reports it), what was asked, where it is in its
 * life, and the way to end it early. Closing a scheduled fault cancels it; closing an active one
 * undoes what still lasts. Closing twice does nothing.
 *
 * <pre>{@code
 * try (FaultHandle outage = faults.inject(FaultSpec.of(FaultType.AZ_OUTAGE).availabilityZone("us-east-1a").build())) {
 *     ecs.clock().advance(Duration.ofMinutes(10));
 * }   // the zone recovers here
 * }</pre>
 */
public final class FaultHandle implements AutoCloseable {

    private final String id;
    private final FaultSpec spec;
    private final String region;
    private final FaultInjector injector;
    private volatile FaultState state = FaultState.SCHEDULED;
    private volatile Instant startedAt;
    private volatile Instant endedAt;

    FaultHandle(String id, FaultSpec spec, String region, FaultInjector injector) {
        this.id = id;
        this.spec = spec;
        this.region = region;
        this.injector = injector;
    }

    /** The fault's id, e.g. {@code fault-0001}. */
    public String id() {
        return id;
    }

    public FaultSpec spec() {
        return spec;
    }

    public FaultType type() {
        return spec.type();
    }

    /** The region the fault applies to. */
    public String region() {
        return region;
    }

    public FaultState state() {
        return state;
    }

    public boolean isActive() {
        return state == FaultState.ACTIVE;
    }

    /** When it started, or null while scheduled (or if cancelled before it started). */
    public Instant startedAt() {
        return startedAt;
    }

    /** When it ended, or null. */
    public Instant endedAt() {
        return endedAt;
    }

    void started(Instant at) {
        this.startedAt = at;
        this.state = FaultState.ACTIVE;
    }

    void ended(Instant at) {
        this.endedAt = at;
        this.state = FaultState.ENDED;
    }

    /** Ends the fault now (same as {@link FaultInjector#remove(String)}). */
    @Override
    public void close() {
        injector.end(this);
    }

    @Override
    public String toString() {
        return "Fault[" + id + " " + spec.type() + " " + region + " " + state + "]";
    }
}
