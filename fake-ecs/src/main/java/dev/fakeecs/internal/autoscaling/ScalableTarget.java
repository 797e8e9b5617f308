package dev.fakeecs.internal.autoscaling;

import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import dev.fakeecs.clock.ScheduledEvent;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service registered with Application Auto Scaling (resource {@code service/<cluster>/<service>},
 * dimension {@code ecs:service:DesiredCount}): its capacity bounds, policies, load, the metric
 * datapoints the alarms look at, and when it last scaled.
 */
public final class ScalableTarget {

    private final String cluster;
    private final String service;
    private int minCapacity;
    private int maxCapacity;
    private final List<TargetTrackingPolicy> policies = new ArrayList<>();
    private final Map<TargetTrackingPolicy, Deque<Double>> datapoints = new IdentityHashMap<>();
    private ServiceLoad load;
    private Instant lastScaleOut;
    private Instant lastScaleIn;
    private ScheduledEvent evaluation;

    ScalableTarget(String cluster, String service, int minCapacity, int maxCapacity) {
        this.cluster = cluster;
        this.service = service;
        bounds(minCapacity, maxCapacity);
    }

    public String cluster() { return cluster; }
    public String service() { return service; }
    /** The Application Auto Scaling resource id. */
    public String resourceId() { return "service/" + cluster + "/" + service; }
    public int minCapacity() { return minCapacity; }
    public int maxCapacity() { return maxCapacity; }
    public List<TargetTrackingPolicy> policies() { return List.copyOf(policies); }
    public ServiceLoad load() { return load; }
    public Instant lastScaleOut() { return lastScaleOut; }
    public Instant lastScaleIn() { return lastScaleIn; }

    void bounds(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("capacity bounds need 0 <= min <= max: min " + min + ", max " + max);
        }
        this.minCapacity = min;
        this.maxCapacity = max;
    }

    void addPolicy(TargetTrackingPolicy policy) {
        policies.add(policy);
        datapoints.put(policy, new ArrayDeque<>());
    }

    void load(ServiceLoad load) {
        this.load = load;
    }

    Deque<Double> datapoints(TargetTrackingPolicy policy) {
        return datapoints.get(policy);
    }

    void scaledOut(Instant at) {
        lastScaleOut = at;
        datapoints.values().forEach(Deque::clear);
    }

    void scaledIn(Instant at) {
        lastScaleIn = at;
        datapoints.values().forEach(Deque::clear);
    }

    ScheduledEvent evaluation() { return evaluation; }
    void evaluation(ScheduledEvent e) { this.evaluation = e; }
}
