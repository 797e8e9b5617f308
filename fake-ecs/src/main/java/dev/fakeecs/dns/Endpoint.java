package dev.fakeecs.dns;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.task.SimulatedTask;

/**
 * What a DNS record points at: an ECS service in one region (in real life its load balancer).
 * It can take traffic while its region is reachable and the service has at least one RUNNING
 * task that is not UNHEALTHY and not told to stop.
 *
 * <pre>{@code
 * Endpoint east = Endpoint.of("us-east-1", "food", "orders");
 * east.healthyTasks(ecs);   // 4
 * east.isUp(ecs);           // true
 * }</pre>
 *
 * @param region  the region
 * @param cluster the cluster
 * @param service the service name
 */
public record Endpoint(String region, String cluster, String service) {

    public static Endpoint of(String region, String cluster, String service) {
        return new Endpoint(region, cluster, service);
    }

    /** RUNNING tasks of the service not UNHEALTHY and not told to stop (0 if the service is gone). */
    public int healthyTasks(FakeEcs ecs) {
        RegionEngine state = RegionEngine.of(ecs.region(region));
        SimulatedService s = state.services().find(cluster, service);
        if (s == null) {
            return 0;
        }
        int n = 0;
        for (SimulatedTask t : state.services().tasksOf(s)) {
            if (t.isRunning() && !t.isStoppingOrStopped() && !"UNHEALTHY".equals(t.healthStatus())) {
                n++;
            }
        }
        return n;
    }

    /** Whether its region is reachable (no REGION_OUTAGE) and it has a healthy task. */
    public boolean isUp(FakeEcs ecs) {
        return FaultInjector.of(ecs).regionReachable(region) && healthyTasks(ecs) > 0;
    }

    @Override
    public String toString() {
        return service + "." + cluster + "." + region;
    }
}
