package dev.fakeecs.traffic;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.dns.Endpoint;
import dev.fakeecs.dns.FailoverRecord;
import dev.fakeecs.dns.Resolver;
import dev.fakeecs.journal.JournalEventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Client traffic through a DNS failover record: every second of virtual time, the load profile's
 * requests go to the endpoint a caching resolver answers (see {@link Resolver}); they are served
 * when that endpoint is up (region reachable, at least one healthy RUNNING task) and failed
 * otherwise. Outage starts and ends are journalled as {@code TRAFFIC} entries.
 *
 * <pre>{@code
 * TrafficModel traffic = TrafficModel.start(ecs, record, LoadProfile.constant(500));
 * ecs.clock().advance(Duration.ofHours(1));
 * AvailabilityReport report = traffic.stop();
 * }</pre>
 */
public final class TrafficModel {

    /** How often requests are sent (their rate is per second). */
    public static final Duration TICK = Duration.ofSeconds(1);

    private final FakeEcs ecs;
    private final FailoverRecord record;
    private final LoadProfile profile;
    private final Resolver resolver;
    private final Map<Endpoint, Long> servedBy = new LinkedHashMap<>();
    private final List<Outage> outages = new ArrayList<>();
    private ScheduledEvent ticks;
    private long served;
    private long failed;
    private Instant outageStart;
    private long outageFailed;
    private Endpoint lastServedBy;
    private Endpoint servedBeforeFirstOutage;
    private Instant firstOutage;
    private Duration timeToFailover;

    private TrafficModel(FakeEcs ecs, FailoverRecord record, LoadProfile profile) {
        this.ecs = ecs;
        this.record = record;
        this.profile = profile;
        this.resolver = new Resolver(record);
    }

    /**
     * Starts sending traffic now. Each tick at instant T sends the requests of the second
     * [T, T+1 s) to the endpoint resolved at T, judged by the state at T.
     */
    public static TrafficModel start(FakeEcs ecs, FailoverRecord record, LoadProfile profile) {
        TrafficModel model = new TrafficModel(ecs, record, profile);
        ecs.engine().lock().lock();
        try {
            model.ticks = ecs.clock().schedulePeriodic(Duration.ZERO, TICK, "traffic to " + record.name(), model::tick);
        } finally {
            ecs.engine().lock().unlock();
        }
        return model;
    }

    /** Stops sending and reports. */
    public AvailabilityReport stop() {
        ticks.cancel();
        return report();
    }

    /** What was seen so far. */
    public AvailabilityReport report() {
        ecs.engine().lock().lock();
        try {
            List<Outage> all = new ArrayList<>(outages);
            if (outageStart != null) {
                all.add(new Outage(outageStart, null, outageFailed));
            }
            return new AvailabilityReport(served, failed, List.copyOf(all), Map.copyOf(servedBy), timeToFailover);
        } finally {
            ecs.engine().lock().unlock();
        }
    }

    private void tick() {
        Instant now = ecs.clock().instant();
        Instant secondStart = now;
        long requests = profile.requestsPerSecond(secondStart);
        Endpoint target = resolver.resolve(now);
        if (target.isUp(ecs)) {
            served += requests;
            servedBy.merge(target, requests, Long::sum);
            if (outageStart != null) {
                outages.add(new Outage(outageStart, secondStart, outageFailed));
                ecs.engine().journal().record(target.region(), JournalEventType.TRAFFIC, record.name(), "outage",
                        "ended", "failedRequests", String.valueOf(outageFailed), "servedBy", target.toString());
                outageStart = null;
            }
            if (firstOutage != null && timeToFailover == null && !target.equals(servedBeforeFirstOutage)) {
                timeToFailover = Duration.between(firstOutage, secondStart);
            }
            lastServedBy = target;
        } else {
            failed += requests;
            if (outageStart == null) {
                outageStart = secondStart;
                outageFailed = 0;
                ecs.engine().journal().record(target.region(), JournalEventType.TRAFFIC, record.name(), "outage",
                        "started", "target", target.toString());
                if (firstOutage == null) {
                    firstOutage = secondStart;
                    servedBeforeFirstOutage = lastServedBy;
                }
            }
            outageFailed += requests;
        }
    }
}
