package dev.fakeecs.internal.service;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.deployment.DeploymentLimits;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.Tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Availability Zone rebalancing ({@code availabilityZoneRebalancing} ENABLED), one task at a time.
 * When a settled replica service (one COMPLETED deployment, exactly its desired count of tasks, all
 * healthy, below maximumPercent) has open zones (no fault closes them) whose task counts differ by
 * more than one, it writes {@code is not AZ balanced} (once per move) and starts one extra task.
 * The zones counted are the region's on Fargate and those of the cluster's ACTIVE instances on EC2,
 * whatever the service's subnets or placement constraints allow.
 *
 * <p>This class does not choose the zone: the launch does (on Fargate the allowed zone with the
 * fewest tasks of the service's group; on EC2 the service's placement strategies, by default
 * spread across zones first). The replica reconciler's next scale-in then stops a RUNNING task,
 * which {@link ScaleInSelector} takes from the zone with the most. Once the open zones differ by
 * one at most, the service writes {@code is AZ balanced}. While a settled service's zones differ by
 * more than one counting closed zones too, it looks again every {@link #RECHECK}.
 */
final class AzRebalancer {

    /** How often an AZ-imbalanced service looks again whether it can rebalance. */
    static final Duration RECHECK = Duration.ofMinutes(5);

    private final RegionContext region;
    private final ContainerInstances containerInstances;
    private final Tasks regionTasks;
    private final ServiceTasks tasks;
    private final ReplicaLauncher launcher;
    private final ServiceEventWriter events;
    private final Map<SimulatedService, Move> moves = new IdentityHashMap<>();

    AzRebalancer(RegionContext region, ContainerInstances containerInstances, Tasks regionTasks, ServiceTasks tasks,
                 ReplicaLauncher launcher, ServiceEventWriter events) {
        this.region = region;
        this.containerInstances = containerInstances;
        this.regionTasks = regionTasks;
        this.tasks = tasks;
        this.launcher = launcher;
        this.events = events;
    }

    private Move move(SimulatedService service) {
        return moves.computeIfAbsent(service, s -> new Move());
    }

    /** Whether a rebalancing move of the service is under way (an extra task started to move). */
    boolean isMoving(SimulatedService service) {
        return move(service).underWay;
    }

    /**
     * How many of {@code extra} tasks above the desired count the scale-in may stop now: during a
     * move, none until every kept task is healthy; more than one extra is a lowered desired count,
     * not a move, so the move is abandoned and all of them may stop.
     */
    int scaleInAllowance(SimulatedService service, List<SimulatedTask> keep, int extra, Instant now) {
        Move m = move(service);
        if (extra > 1 && m.underWay) {
            m.underWay = false;
        }
        if (extra == 1 && m.underWay) {
            for (SimulatedTask t : keep) {
                if (!ServiceHealth.isHealthy(t, now)) {
                    return 0;
                }
            }
        }
        return extra;
    }

    void rebalance(SimulatedService service, SimulatedDeployment primary, DeploymentLimits limits, Instant now, Wake wake) {
        if (!"ENABLED".equals(service.availabilityZoneRebalancing()) || !primary.isCompleted()
                || service.deployments().size() != 1 || service.isDaemon()) {
            return;
        }
        List<SimulatedTask> live = tasks.live(service);
        if (live.size() != service.desiredCount() || live.size() >= limits.maximumTotal()) {
            return;
        }
        for (SimulatedTask t : live) {
            if (!ServiceHealth.isHealthy(t, now)) {
                return;
            }
        }
        if (imbalance(live, usableZones(service, false)) > 1) {
            wake.at(now.plus(RECHECK));
        }
        List<String> zones = usableZones(service, true);
        if (zones.size() < 2) {
            return;
        }
        Move m = move(service);
        if (imbalance(live, zones) <= 1) {
            if (m.underWay) {
                m.underWay = false;
                events.write(service, ServiceMessages.azBalanced(service.name()));
            }
            return;
        }
        if (!m.underWay) {
            m.underWay = true;
            events.write(service, ServiceMessages.notAzBalanced(service.name()));
        }
        launcher.launch(service, primary, 1, live, wake);
    }

    /** The most tasks in one of the zones minus the fewest in one (0 for fewer than two zones). */
    private static int imbalance(List<SimulatedTask> live, List<String> zones) {
        if (zones.size() < 2) {
            return 0;
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String zone : zones) {
            int n = 0;
            for (SimulatedTask t : live) {
                if (zone.equals(t.availabilityZone())) {
                    n++;
                }
            }
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        return max - min;
    }

    /**
     * Zones the service can run in: the region's zones on Fargate, the zones of the cluster's ACTIVE
     * instances otherwise; with {@code open}, only zones no fault closes now.
     */
    private List<String> usableZones(SimulatedService service, boolean open) {
        List<String> zones = new ArrayList<>();
        if ("FARGATE".equals(service.effectiveLaunchType())) {
            for (String z : region.availabilityZones()) {
                if (!open || regionTasks.zoneUsable(z)) {
                    zones.add(z);
                }
            }
            return zones;
        }
        for (SimulatedContainerInstance ci : containerInstances.inCluster(service.clusterName())) {
            if (ci.isActive() && (!open || regionTasks.zoneUsable(ci.availabilityZone()))
                    && !zones.contains(ci.availabilityZone())) {
                zones.add(ci.availabilityZone());
            }
        }
        return zones;
    }

    /** A rebalancing move under way, from {@code is not AZ balanced} until balanced again. */
    private static final class Move {
        boolean underWay;
    }
}
