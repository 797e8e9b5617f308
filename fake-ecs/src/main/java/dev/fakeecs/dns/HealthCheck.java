package dev.fakeecs.dns;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.journal.JournalEventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Route 53 health check of one {@link Endpoint}: probed every {@code interval} (30 s standard,
 * 10 s fast) on the virtual clock, first one interval after creation; its status flips after
 * {@code failureThreshold} (1-10, default 3) consecutive probes say otherwise. New checks start
 * healthy. Every checker region sees the same result in the fake, so the ">18 % of checkers"
 * rule reduces to the single probe.
 *
 * <pre>{@code
 * HealthCheck check = Route53.of(ecs).createHealthCheck(Endpoint.of("us-east-1", "food", "orders"),
 *         HealthCheck.FAST_INTERVAL, 3);
 * check.isHealthy();
 * }</pre>
 */
public final class HealthCheck {

    public static final Duration STANDARD_INTERVAL = Duration.ofSeconds(30);
    public static final Duration FAST_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_FAILURE_THRESHOLD = 3;

    private final FakeEcs ecs;
    private final String id;
    private final Endpoint endpoint;
    private final Duration interval;
    private final int failureThreshold;
    private final List<Consumer<HealthCheck>> listeners = new ArrayList<>();
    private final ScheduledEvent probes;
    private boolean healthy = true;
    private int streak;
    private Instant lastChange;

    HealthCheck(FakeEcs ecs, String id, Endpoint endpoint, Duration interval, int failureThreshold) {
        if (!interval.equals(STANDARD_INTERVAL) && !interval.equals(FAST_INTERVAL)) {
            throw new IllegalArgumentException("RequestInterval must be 10 or 30 seconds: " + interval);
        }
        if (failureThreshold < 1 || failureThreshold > 10) {
            throw new IllegalArgumentException("FailureThreshold must be between 1 and 10: " + failureThreshold);
        }
        this.ecs = ecs;
        this.id = id;
        this.endpoint = endpoint;
        this.interval = interval;
        this.failureThreshold = failureThreshold;
        this.lastChange = ecs.clock().instant();
        this.probes = ecs.clock().schedulePeriodic(interval, interval, "health check " + id, this::probe);
    }

    public String id() {
        return id;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Duration interval() {
        return interval;
    }

    public int failureThreshold() {
        return failureThreshold;
    }

    public boolean isHealthy() {
        return healthy;
    }

    /** When the status last flipped (or the check was created). */
    public Instant lastChange() {
        return lastChange;
    }

    /** Stops probing (deleting the health check). */
    public void delete() {
        probes.cancel();
    }

    void onChange(Consumer<HealthCheck> listener) {
        listeners.add(listener);
    }

    private void probe() {
        boolean up = endpoint.isUp(ecs);
        if (up == healthy) {
            streak = 0;
            return;
        }
        streak++;
        ecs.engine().journal().record(endpoint.region(), JournalEventType.DNS, id, "probe", up ? "healthy" : "unhealthy",
                "consecutive", String.valueOf(streak), "threshold", String.valueOf(failureThreshold));
        if (streak >= failureThreshold) {
            healthy = up;
            streak = 0;
            lastChange = ecs.clock().instant();
            ecs.engine().journal().record(endpoint.region(), JournalEventType.DNS, id, "status",
                    healthy ? "Healthy" : "Unhealthy", "endpoint", endpoint.toString());
            for (Consumer<HealthCheck> l : List.copyOf(listeners)) {
                l.accept(this);
            }
        }
    }
}
