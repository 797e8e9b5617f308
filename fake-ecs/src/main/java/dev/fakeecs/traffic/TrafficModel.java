package dev.fakeecs.traffic;

import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.load.ServiceLoads;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.autoscaling.LoadModel;
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
 * <p>The traffic is the load of the record's endpoints: while the model runs, each endpoint's service gets the
 * profile's requests at the seconds the resolver sends them there (none otherwise), replacing any load set for it
 * (its per-task capacity and memory figures are kept, else 50 requests per second per task at full CPU). So after a
 * failover the standby's CPU, its target group's request counts and the auto scaling that tracks them follow the
 * traffic it now receives. {@link #stop()} gives the services their earlier loads back.
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
    private final RoutedLoad routing;
    /** The load each endpoint's service had before (null: none), for those this model's load was given to. */
    private final Map<Endpoint, ServiceLoad> loadsBefore = new LinkedHashMap<>();

    private TrafficModel(FakeEcs ecs, FailoverRecord record, LoadProfile profile) {
        this.ecs = ecs;
        this.record = record;
        this.profile = profile;
        this.resolver = new Resolver(record);
        this.routing = new RoutedLoad(profile);
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
        ecs.engine().lock().lock();
        try {
            ticks.cancel();
            routing.stop(ecs.clock().instant());
            for (Map.Entry<Endpoint, ServiceLoad> e : loadsBefore.entrySet()) {
                Endpoint endpoint = e.getKey();
                ServiceLoads loads = RegionEngine.of(ecs.region(endpoint.region())).serviceLoads();
                if (RegionEngine.of(ecs.region(endpoint.region())).services()
                        .find(endpoint.cluster(), endpoint.service()) != null) {
                    loads.setLoad(endpoint.cluster(), endpoint.service(), e.getValue());
                }
            }
            loadsBefore.clear();
        } finally {
            ecs.engine().lock().unlock();
        }
        return report();
    }

    /** Gives each endpoint's service (once it exists and is ACTIVE) the load of the traffic routed to it. */
    private void routeLoad() {
        for (Endpoint endpoint : List.of(record.primary(), record.secondary())) {
            if (endpoint == null || loadsBefore.containsKey(endpoint)) {
                continue;
            }
            RegionEngine region = RegionEngine.of(ecs.region(endpoint.region()));
            SimulatedService s = region.services().find(endpoint.cluster(), endpoint.service());
            if (s == null || !s.isActive()) {
                continue;
            }
            ServiceLoads loads = region.serviceLoads();
            ServiceLoad before = loads.load(s.clusterName(), s.name());
            loadsBefore.put(endpoint, before);
            LoadModel routed = routing.loadOf(endpoint);
            loads.setLoad(s.clusterName(), s.name(), before == null ? new ServiceLoad(routed, 50)
                    : new ServiceLoad(routed, before.requestsPerTaskAtFullCpu(), before.baseMemoryPercent(),
                    before.memoryPercentPerRequest()));
        }
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
        routing.sent(secondStart, target);
        if (loadsBefore.size() < 2) {
            routeLoad();
        }
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
