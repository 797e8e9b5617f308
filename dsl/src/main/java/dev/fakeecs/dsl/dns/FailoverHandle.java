package dev.fakeecs.dsl.dns;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.dns.Endpoint;
import dev.fakeecs.dns.FailoverRecord;
import dev.fakeecs.dns.HealthCheck;
import dev.fakeecs.dns.Route53;
import dev.fakeecs.traffic.AvailabilityReport;
import dev.fakeecs.traffic.TrafficModel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A declared DNS failover record on a running world: whether it is live yet, its Route 53 record
 * and health checks, and what its traffic saw. Get it with {@code Ecs.failover(ecs, name)}.
 *
 * <pre>{@code
 * FailoverHandle api = Ecs.failover(ecs, "api.food.example");
 * ecs.clock().advance(Duration.ofHours(2));
 * assertThat(api.report().availability()).isGreaterThan(0.99);
 * assertThat(api.answer()).isEqualTo(api.spec().primary());
 * }</pre>
 */
public final class FailoverHandle {

    private final FakeEcs ecs;
    private final DnsFailoverSpec spec;
    private final List<HealthCheck> checks = new ArrayList<>();
    private ScheduledEvent waiting;
    private FailoverRecord record;
    private TrafficModel traffic;
    private Instant liveSince;

    FailoverHandle(FakeEcs ecs, DnsFailoverSpec spec) {
        this.ecs = ecs;
        this.spec = spec;
    }

    /** Goes live now if the primary is up, else at the first second it is. */
    void start() {
        if (spec.primary().isUp(ecs)) {
            goLive();
            return;
        }
        waiting = ecs.clock().schedulePeriodic(Duration.ofSeconds(1), Duration.ofSeconds(1),
                "dns " + spec.name() + " waits for " + spec.primary(), () -> {
                    if (record == null && spec.primary().isUp(ecs)) {
                        waiting.cancel();
                        goLive();
                    }
                });
    }

    private void goLive() {
        Route53 dns = Route53.of(ecs);
        HealthCheck primaryCheck = dns.createHealthCheck(spec.primary(), spec.healthCheckInterval(),
                spec.failureThreshold());
        checks.add(primaryCheck);
        HealthCheck secondaryCheck = null;
        if (spec.secondaryHealthCheck()) {
            secondaryCheck = dns.createHealthCheck(spec.secondary(), spec.healthCheckInterval(),
                    spec.failureThreshold());
            checks.add(secondaryCheck);
        }
        record = dns.failoverRecord(spec.name(), spec.ttl(), spec.primary(), primaryCheck, spec.secondary(),
                secondaryCheck);
        if (spec.traffic() != null) {
            traffic = TrafficModel.start(ecs, record, spec.traffic());
        }
        liveSince = ecs.clock().instant();
    }

    /** Stops waiting, probing and sending traffic (a changed declaration replaces this one). */
    void stop() {
        if (waiting != null) {
            waiting.cancel();
        }
        checks.forEach(HealthCheck::delete);
        if (traffic != null) {
            traffic.stop();
        }
    }

    /** The declaration. */
    public DnsFailoverSpec spec() {
        return spec;
    }

    /** True once the primary had a healthy task and the record, checks and traffic were created. */
    public boolean isLive() {
        return record != null;
    }

    /** When it went live, or null. */
    public Instant liveSince() {
        return liveSince;
    }

    /** The Route 53 record; fails while the record is not live yet. */
    public FailoverRecord record() {
        if (record == null) {
            throw new IllegalStateException("DNS failover " + spec.name() + " is not live yet: it waits for its primary "
                    + spec.primary() + " to have a healthy RUNNING task (advance the clock until it has)");
        }
        return record;
    }

    /** What Route 53 answers now. */
    public Endpoint answer() {
        return record().answer();
    }

    /** The health checks (primary, then secondary if it has one); empty while not live. */
    public List<HealthCheck> healthChecks() {
        return List.copyOf(checks);
    }

    /**
     * What the declared traffic saw so far (served, failed, outages, time to failover); an empty
     * report while not live. Fails when the declaration has no {@code traffic(...)}.
     */
    public AvailabilityReport report() {
        if (spec.traffic() == null) {
            throw new IllegalStateException("DNS failover " + spec.name()
                    + " declares no traffic; add .traffic(load(rps)) to its declaration");
        }
        return traffic == null ? new AvailabilityReport(0, 0, List.of(), Map.of(), null) : traffic.report();
    }

    @Override
    public String toString() {
        return "FailoverHandle[" + spec.name() + (isLive() ? " live since " + liveSince : " waiting") + "]";
    }
}
