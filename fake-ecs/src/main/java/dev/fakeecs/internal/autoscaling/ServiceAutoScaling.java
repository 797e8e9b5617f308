package dev.fakeecs.internal.autoscaling;

import dev.fakeecs.internal.autoscaling.ScalableTarget;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import dev.fakeecs.autoscaling.ScalingMetric;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.task.SimulatedTask;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Service Auto Scaling (Application Auto Scaling's target tracking for ECS) in one region, on the
 * virtual clock. Every minute each scalable target records one datapoint per policy from its
 * service's {@link ServiceLoad} (or, with none, from the CPU and memory its containers' images
 * declare, see {@link ContainerUsage}); as the managed CloudWatch alarms do, 3 consecutive datapoints
 * above target scale out, 15 consecutive below 90 % of target scale in. The new desired count is
 * {@code ceil(running x metric / target)} within min/max. Scale-out happens if any policy asks for
 * it, scale-in only if every policy with scale-in enabled agrees (a policy with
 * {@code disableScaleIn} has no say in scale-in); cooldowns default to 300 s; scale-in is suspended
 * while the service has a deployment in progress.
 *
 * <pre>{@code
 * ServiceAutoScaling scaling = RegionEngine.of(ecs.defaultRegion()).autoScaling();
 * scaling.registerScalableTarget("prod", "orders", 2, 20);
 * scaling.putTargetTrackingPolicy("prod", "orders", TargetTrackingPolicy.cpu(60));
 * scaling.setLoad("prod", "orders", new ServiceLoad(dinnerPeak, 50));
 * }</pre>
 */
public final class ServiceAutoScaling {

    /** How often datapoints are taken (CloudWatch's 1-minute metrics). */
    public static final Duration PERIOD = Duration.ofMinutes(1);
    /** Datapoints above target that trigger a scale-out. */
    public static final int SCALE_OUT_DATAPOINTS = 3;
    /** Datapoints below 90 % of target that trigger a scale-in. */
    public static final int SCALE_IN_DATAPOINTS = 15;

    private final RegionContext region;
    private final Map<String, ScalableTarget> targets = new LinkedHashMap<>();
    private final Services services;
    /** Loads set for services that are not (yet) scalable targets here, by cluster/service (see {@link #setLoad}). */
    private final Map<String, ServiceLoad> untargetedLoads = new LinkedHashMap<>();

    public ServiceAutoScaling(RegionContext region, Services services) {
        this.region = region;
        this.services = services;
    }

    /** Registers (or updates the bounds of) a service as a scalable target. */
    public ScalableTarget registerScalableTarget(String cluster, String service, int minCapacity, int maxCapacity) {
        return region.read(() -> {
            SimulatedService s = services.resolveActive(cluster, service);
            String key = s.clusterName() + "/" + s.name();
            ScalableTarget target = targets.get(key);
            if (target == null) {
                target = new ScalableTarget(s.clusterName(), s.name(), minCapacity, maxCapacity);
                targets.put(key, target);
                ServiceLoad pending = untargetedLoads.remove(key);
                if (pending != null) {
                    target.load(pending);
                }
                ScalableTarget t = target;
                target.evaluation(region.engine().clock().schedulePeriodic(PERIOD, PERIOD,
                        "auto scaling " + target.resourceId(), () -> evaluate(t)));
            } else {
                target.bounds(minCapacity, maxCapacity);
            }
            region.record(JournalEventType.SCALING, s.arn(), "minCapacity", Integer.toString(minCapacity),
                    "maxCapacity", Integer.toString(maxCapacity));
            clampDesired(target, s);
            return target;
        });
    }

    public void putTargetTrackingPolicy(String cluster, String service, TargetTrackingPolicy policy) {
        region.read(() -> {
            target(cluster, service).addPolicy(policy);
            return null;
        });
    }

    /**
     * Sets the load a service gets: on its scalable target when it has one here, else kept for the service (its
     * CloudWatch metrics and the traffic it offers its target groups follow it, and a scalable target registered
     * later takes it over). A null load forgets it.
     */
    public void setLoad(String cluster, String service, ServiceLoad load) {
        region.read(() -> {
            ScalableTarget t = targets.get(cluster + "/" + service);
            if (t != null) {
                t.load(load);
                return null;
            }
            SimulatedService s = services.resolveActive(cluster, service);
            String key = s.clusterName() + "/" + s.name();
            t = targets.get(key);
            if (t != null) {
                t.load(load);
            } else if (load == null) {
                untargetedLoads.remove(key);
            } else {
                untargetedLoads.put(key, load);
            }
            return null;
        });
    }

    /** The service's load ({@link #setLoad}), or null when none was set. */
    public ServiceLoad load(String cluster, String service) {
        return region.read(() -> {
            ScalableTarget t = targets.get(cluster + "/" + service);
            return t != null ? t.load() : untargetedLoads.get(cluster + "/" + service);
        });
    }

    /** Stops scaling the service. */
    public void deregisterScalableTarget(String cluster, String service) {
        region.read(() -> {
            ScalableTarget t = targets.remove(cluster + "/" + service);
            if (t != null && t.evaluation() != null) {
                t.evaluation().cancel();
            }
            return null;
        });
    }

    public ScalableTarget target(String cluster, String service) {
        ScalableTarget t = targets.get(cluster + "/" + service);
        if (t == null) {
            throw EcsErrors.of("ObjectNotFoundException", "No scalable target registered for service/" + cluster
                    + "/" + service + ".");
        }
        return t;
    }

    /**
     * Requests offered during {@code [from, from + period)} to a target group (ARN) by the region's ACTIVE services
     * whose {@code loadBalancers} name it: each service's {@link ServiceLoad} load model (as set now, multiplier
     * windows included) sampled at every whole second of the period, summed (each service counted once; negative or
     * non-finite samples count 0). Services without a load (no scalable target, or none set) offer nothing. The
     * ECS side of {@code OfferedLoad}; called under the engine lock, reads only.
     */
    public double offeredLoad(String targetGroupArn, Instant from, Duration period) {
        long seconds = Math.max(1, period.toSeconds());
        double sum = 0;
        for (ScalableTarget t : targets.values()) {
            if (t.load() == null) {
                continue;
            }
            SimulatedService s = services.find(t.cluster(), t.service());
            if (s == null || !s.isActive()
                    || s.loadBalancers().stream().noneMatch(lb -> targetGroupArn.equals(lb.targetGroupArn()))) {
                continue;
            }
            for (long i = 0; i < seconds; i++) {
                double rps = t.load().load().requestsPerSecond(from.plusSeconds(i));
                if (rps > 0 && Double.isFinite(rps)) {
                    sum += rps;
                }
            }
        }
        for (Map.Entry<String, ServiceLoad> e : untargetedLoads.entrySet()) {
            int slash = e.getKey().indexOf('/');
            SimulatedService s = services.find(e.getKey().substring(0, slash), e.getKey().substring(slash + 1));
            if (s == null || !s.isActive() || targets.containsKey(e.getKey())
                    || s.loadBalancers().stream().noneMatch(lb -> targetGroupArn.equals(lb.targetGroupArn()))) {
                continue;
            }
            for (long i = 0; i < seconds; i++) {
                double rps = e.getValue().load().requestsPerSecond(from.plusSeconds(i));
                if (rps > 0 && Double.isFinite(rps)) {
                    sum += rps;
                }
            }
        }
        return sum;
    }

    /** The current value of a metric for the service (NaN without data), as the alarms see it. */
    public double metricNow(String cluster, String service, ScalingMetric metric) {
        return region.read(() -> {
            ServiceLoad untargeted = untargetedLoads.get(cluster + "/" + service);
            ServiceLoad load = untargeted != null ? untargeted : target(cluster, service).load();
            SimulatedService s = services.find(cluster, service);
            if (s == null) {
                return Double.NaN;
            }
            return load != null ? load.metric(metric, region.now(), running(s))
                    : ContainerUsage.metric(metric, services.tasksOf(s));
        });
    }

    /**
     * The service's metric now as CloudWatch publishes it ({@code AWS/ECS} CPUUtilization, MemoryUtilization):
     * from its scalable target's {@link ServiceLoad} when it has one, else from what its containers' images
     * declare; NaN with no data. The same figures the scaling policies see ({@link #metricNow}), without needing
     * a scalable target. The caller holds the engine lock.
     */
    public double usageNow(SimulatedService s, ScalingMetric metric) {
        ScalableTarget t = targets.get(s.clusterName() + "/" + s.name());
        if (t != null && t.load() != null) {
            return t.load().metric(metric, region.now(), running(s));
        }
        ServiceLoad untargeted = t == null ? untargetedLoads.get(s.clusterName() + "/" + s.name()) : null;
        if (untargeted != null) {
            return untargeted.metric(metric, region.now(), running(s));
        }
        return ContainerUsage.metric(metric, services.tasksOf(s));
    }

    private int running(SimulatedService s) {
        int n = 0;
        for (SimulatedTask t : services.tasksOf(s)) {
            if (t.isRunning()) {
                n++;
            }
        }
        return n;
    }

    private void evaluate(ScalableTarget target) {
        SimulatedService s = services.find(target.cluster(), target.service());
        if (s == null || !s.isActive()) {
            target.evaluation().cancel();
            targets.remove(target.cluster() + "/" + target.service());
            return;
        }
        if (target.policies().isEmpty()) {
            return;
        }
        Instant now = region.now();
        int running = running(s);
        int current = s.desiredCount();
        int scaleOutTo = -1;
        int scaleInTo = -1;
        boolean allWantIn = true;
        for (TargetTrackingPolicy p : target.policies()) {
            double value = target.load() != null ? target.load().metric(p.metric(), now, running)
                    : ContainerUsage.metric(p.metric(), services.tasksOf(s));
            Deque<Double> points = target.datapoints(p);
            if (Double.isNaN(value)) {
                points.clear();
                allWantIn &= p.disableScaleIn();
                continue;
            }
            points.addLast(value);
            while (points.size() > SCALE_IN_DATAPOINTS) {
                points.removeFirst();
            }
            int proposal = (int) Math.ceil(running * value / p.targetValue());
            if (lastAllAbove(points, p.targetValue(), SCALE_OUT_DATAPOINTS) && proposal > current) {
                scaleOutTo = Math.max(scaleOutTo, proposal);
            }
            if (p.disableScaleIn()) {
                continue; // only policies with scale-in enabled vote on scale-in
            }
            boolean wantsIn = points.size() >= SCALE_IN_DATAPOINTS
                    && lastAllBelow(points, p.targetValue() * 0.9, SCALE_IN_DATAPOINTS) && proposal < current;
            if (wantsIn) {
                scaleInTo = Math.max(scaleInTo, proposal);
            } else {
                allWantIn = false;
            }
        }
        if (scaleOutTo > current) {
            TargetTrackingPolicy first = target.policies().get(0);
            if (target.lastScaleOut() == null || !now.isBefore(target.lastScaleOut().plus(first.scaleOutCooldown()))) {
                apply(target, s, Math.min(target.maxCapacity(), scaleOutTo), "scale-out");
                target.scaledOut(now);
            }
            return;
        }
        if (allWantIn && scaleInTo >= 0 && scaleInTo < current && !s.scaleInSuspended()) {
            TargetTrackingPolicy first = target.policies().get(0);
            boolean coolOut = target.lastScaleOut() == null
                    || !now.isBefore(target.lastScaleOut().plus(first.scaleInCooldown()));
            boolean coolIn = target.lastScaleIn() == null
                    || !now.isBefore(target.lastScaleIn().plus(first.scaleInCooldown()));
            if (coolOut && coolIn) {
                apply(target, s, Math.max(target.minCapacity(), scaleInTo), "scale-in");
                target.scaledIn(now);
            }
        }
    }

    private static boolean lastAllAbove(Deque<Double> points, double threshold, int count) {
        if (points.size() < count) {
            return false;
        }
        int seen = 0;
        var it = points.descendingIterator();
        while (it.hasNext() && seen < count) {
            if (it.next() <= threshold) {
                return false;
            }
            seen++;
        }
        return true;
    }

    private static boolean lastAllBelow(Deque<Double> points, double threshold, int count) {
        int seen = 0;
        var it = points.descendingIterator();
        while (it.hasNext() && seen < count) {
            if (it.next() >= threshold) {
                return false;
            }
            seen++;
        }
        return seen == count;
    }

    private void clampDesired(ScalableTarget target, SimulatedService s) {
        int desired = s.desiredCount();
        int clamped = Math.max(target.minCapacity(), Math.min(target.maxCapacity(), desired));
        if (clamped != desired) {
            apply(target, s, clamped, "bounds");
        }
    }

    private void apply(ScalableTarget target, SimulatedService s, int desired, String why) {
        if (desired == s.desiredCount()) {
            return;
        }
        region.record(JournalEventType.SCALING, s.arn(), "action", why, "from", Integer.toString(s.desiredCount()),
                "to", Integer.toString(desired));
        services.updateService(UpdateServiceRequest.builder().cluster(s.clusterName()).service(s.name())
                .desiredCount(desired).build());
    }
}
