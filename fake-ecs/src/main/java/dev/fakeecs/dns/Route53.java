package dev.fakeecs.dns;

import dev.fakeecs.FakeEcs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The world's Route 53: health checks and failover records over services in several regions,
 * evaluated on the virtual clock (Route 53 health checks and failover routing).
 *
 * <pre>{@code
 * Route53 dns = Route53.of(ecs);
 * Endpoint east = Endpoint.of("us-east-1", "food", "orders");
 * Endpoint west = Endpoint.of("us-west-2", "food", "orders");
 * FailoverRecord api = dns.failoverRecord("api.food.example", Duration.ofSeconds(60),
 *         east, dns.createHealthCheck(east, HealthCheck.FAST_INTERVAL, 3),
 *         west, dns.createHealthCheck(west, HealthCheck.FAST_INTERVAL, 3));
 * }</pre>
 */
public final class Route53 {

    private final FakeEcs ecs;
    private final List<HealthCheck> checks = new ArrayList<>();
    private final List<FailoverRecord> records = new ArrayList<>();

    private Route53(FakeEcs ecs) {
        this.ecs = ecs;
    }

    /** The world's Route 53 (made on first use). */
    public static Route53 of(FakeEcs ecs) {
        return ecs.engine().extension(Route53.class, () -> new Route53(ecs));
    }

    /** A health check probing {@code endpoint} every {@code interval} (10 or 30 s). */
    public HealthCheck createHealthCheck(Endpoint endpoint, Duration interval, int failureThreshold) {
        ecs.engine().lock().lock();
        try {
            HealthCheck check = new HealthCheck(ecs, "hc-" + (checks.size() + 1), endpoint, interval,
                    failureThreshold);
            checks.add(check);
            return check;
        } finally {
            ecs.engine().lock().unlock();
        }
    }

    /** A standard health check: every 30 s, failure threshold 3. */
    public HealthCheck createHealthCheck(Endpoint endpoint) {
        return createHealthCheck(endpoint, HealthCheck.STANDARD_INTERVAL, HealthCheck.DEFAULT_FAILURE_THRESHOLD);
    }

    /**
     * A PRIMARY/SECONDARY failover pair under {@code name}; either health check may be null (a
     * secondary without one is used whenever the primary is unhealthy).
     */
    public FailoverRecord failoverRecord(String name, Duration ttl, Endpoint primary, HealthCheck primaryCheck,
                                         Endpoint secondary, HealthCheck secondaryCheck) {
        ecs.engine().lock().lock();
        try {
            FailoverRecord record = new FailoverRecord(ecs, name, ttl, primary, primaryCheck, secondary,
                    secondaryCheck);
            records.add(record);
            return record;
        } finally {
            ecs.engine().lock().unlock();
        }
    }

    public List<HealthCheck> healthChecks() {
        return List.copyOf(checks);
    }

    public List<FailoverRecord> records() {
        return List.copyOf(records);
    }
}
