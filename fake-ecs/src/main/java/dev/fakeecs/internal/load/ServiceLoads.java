package dev.fakeecs.internal.load;

import dev.fakeecs.autoscaling.ScalingMetric;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.task.SimulatedTask;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The load each service of one region gets: the test's lever over utilisation and traffic. A service's
 * {@link ServiceLoad} (set from the DSL, {@code EngineSetup.setServiceLoad} or the control API's
 * {@code POST /_fake-ecs/load}) drives the {@code AWS/ECS} CPUUtilization and MemoryUtilization that CloudWatch
 * publishes, and the requests the service's target groups receive (their RequestCount, RequestCountPerTarget).
 * A service with no load uses what its containers' images declare ({@link ContainerUsage}). Scaling itself is
 * Application Auto Scaling's ({@code internal.applicationautoscaling}), which sees these figures only through
 * CloudWatch, as on AWS.
 *
 * <pre>{@code
 * ServiceLoads loads = RegionEngine.of(ecs.defaultRegion()).serviceLoads();
 * loads.setLoad("prod", "orders", new ServiceLoad(dinnerPeak, 50));
 * loads.metricNow("prod", "orders", ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION);
 * }</pre>
 */
public final class ServiceLoads {

    private final RegionContext region;
    private final Services services;
    /** Loads by cluster name / service name. */
    private final Map<String, ServiceLoad> loads = new LinkedHashMap<>();

    public ServiceLoads(RegionContext region, Services services) {
        this.region = region;
        this.services = services;
    }

    /**
     * Sets the load a service gets (its CloudWatch metrics and the traffic it offers its target groups follow it).
     * A null load forgets it. The service must exist and be ACTIVE.
     */
    public void setLoad(String cluster, String service, ServiceLoad load) {
        region.read(() -> {
            String key = cluster + "/" + service;
            if (!loads.containsKey(key)) {
                SimulatedService s = services.resolveActive(cluster, service);
                key = s.clusterName() + "/" + s.name();
            }
            if (load == null) {
                loads.remove(key);
            } else {
                loads.put(key, load);
            }
            return null;
        });
    }

    /** The service's load ({@link #setLoad}), or null when none was set. */
    public ServiceLoad load(String cluster, String service) {
        return region.read(() -> loads.get(cluster + "/" + service));
    }

    /**
     * Requests offered during {@code [from, from + period)} to a target group (ARN) by the region's ACTIVE services
     * whose {@code loadBalancers} name it: each service's load model (multiplier windows included) sampled at every
     * whole second of the period, summed (each service counted once; negative or non-finite samples count 0).
     * Services without a load offer nothing. The ECS side of {@code OfferedLoad}; called under the engine lock,
     * reads only.
     */
    public double offeredLoad(String targetGroupArn, Instant from, Duration period) {
        long seconds = Math.max(1, period.toSeconds());
        double sum = 0;
        for (Map.Entry<String, ServiceLoad> e : loads.entrySet()) {
            int slash = e.getKey().indexOf('/');
            SimulatedService s = services.find(e.getKey().substring(0, slash), e.getKey().substring(slash + 1));
            if (s == null || !s.isActive()
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

    /** The current value of a metric for the service (NaN without data), as CloudWatch publishes it. */
    public double metricNow(String cluster, String service, ScalingMetric metric) {
        return region.read(() -> {
            SimulatedService s = services.find(cluster, service);
            return s == null ? Double.NaN : usageNow(s, metric);
        });
    }

    /**
     * The service's metric now as CloudWatch publishes it ({@code AWS/ECS} CPUUtilization, MemoryUtilization):
     * from its {@link ServiceLoad} when it has one, else from what its containers' images declare; NaN with no
     * data. The caller holds the engine lock.
     */
    public double usageNow(SimulatedService s, ScalingMetric metric) {
        ServiceLoad load = loads.get(s.clusterName() + "/" + s.name());
        if (load != null) {
            return load.metric(metric, region.now(), running(s));
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
}
