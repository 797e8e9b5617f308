package dev.fakeecs.internal.service;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.deployment.DeploymentLimits;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.placement.ClusterQuery;
import dev.fakeecs.internal.task.FargateZones;
import dev.fakeecs.internal.taskdefinition.TaskResources;
import dev.fakeecs.internal.task.SimulatedTask;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import dev.fakeecs.internal.task.Tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Availability Zone rebalancing ({@code availabilityZoneRebalancing} ENABLED), one task at a time.
 * When a settled replica service (one COMPLETED deployment, exactly its desired count of tasks, all
 * healthy, below maximumPercent) has open zones (no fault closes them) whose task counts differ by
 * more than one, it writes {@code is not AZ balanced} (once per move) and starts one extra task.
 * The zones counted are those the service can place in: on Fargate the zones its subnets allow, on
 * EC2 those of the cluster's ACTIVE instances that meet its memberOf constraints. It applies only to
 * the services ECS rebalances ({@link #appliesTo}).
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
                || service.deployments().size() != 1 || !appliesTo(service)) {
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
        if (!canImprove(service, primary, live, zones)) {
            return; // no zone with room would make it better: starting a task would only churn
        }
        if (!m.underWay) {
            m.underWay = true;
            events.write(service, ServiceMessages.notAzBalanced(service.name()));
        }
        launcher.launch(service, primary, 1, live, wake);
    }

    /**
     * Whether one more task can improve the balance: some zone that can take it now (on EC2: an ACTIVE
     * instance there, agent connected, meeting the memberOf constraints, with CPU and memory left for the
     * task) holds at least two tasks fewer than the fullest zone.
     */
    private boolean canImprove(SimulatedService service, SimulatedDeployment primary, List<SimulatedTask> live,
                               List<String> zones) {
        int max = 0;
        for (String zone : zones) {
            max = Math.max(max, count(live, zone));
        }
        List<String> targets = new ArrayList<>();
        for (String zone : zones) {
            if (count(live, zone) <= max - 2) {
                targets.add(zone);
            }
        }
        if (targets.isEmpty() || "FARGATE".equals(service.effectiveLaunchType())) {
            return !targets.isEmpty();
        }
        int cpu = TaskResources.cpuUnits(primary.taskDefinition());
        int memory = TaskResources.memoryMiB(primary.taskDefinition());
        List<ClusterQuery> memberOf = memberOf(service);
        for (SimulatedContainerInstance ci : containerInstances.inCluster(service.clusterName())) {
            if (ci.isActive() && ci.agentConnected() && targets.contains(ci.availabilityZone())
                    && memberOf.stream().allMatch(q -> q.test(ci))
                    && ci.remainingCpu() >= cpu && ci.remainingMemory() >= memory) {
                return true;
            }
        }
        return false;
    }

    private static int count(List<SimulatedTask> live, String zone) {
        int n = 0;
        for (SimulatedTask t : live) {
            if (zone.equals(t.availabilityZone())) {
                n++;
            }
        }
        return n;
    }

    private static List<ClusterQuery> memberOf(SimulatedService service) {
        List<ClusterQuery> memberOf = new ArrayList<>();
        for (PlacementConstraint c : service.placementConstraints()) {
            if ("memberOf".equalsIgnoreCase(c.typeAsString()) && c.expression() != null) {
                memberOf.add(ClusterQuery.parse(c.expression()));
            }
        }
        return memberOf;
    }

    /**
     * Whether ECS rebalances this kind of service at all (docs/fidelity.md, "AZ rebalancing"): a REPLICA
     * service, not on EXTERNAL instances, whose placement strategy (if any) starts by spreading across
     * {@code attribute:ecs.availability-zone} (binpack, random or another spread first would fight it),
     * and which no memberOf constraint pins to zones by {@code attribute:ecs.availability-zone}.
     * A maximumPercent that leaves no room for an extra task is checked in {@link #rebalance}.
     */
    static boolean appliesTo(SimulatedService service) {
        if (service.isDaemon() || "EXTERNAL".equals(service.effectiveLaunchType())) {
            return false;
        }
        List<PlacementStrategy> strategies = service.placementStrategy();
        if (!strategies.isEmpty()) {
            PlacementStrategy first = strategies.get(0);
            if (!"spread".equalsIgnoreCase(first.typeAsString()) || first.field() == null
                    || !first.field().equalsIgnoreCase("attribute:ecs.availability-zone")) {
                return false;
            }
        }
        for (PlacementConstraint c : service.placementConstraints()) {
            if ("memberOf".equalsIgnoreCase(c.typeAsString()) && c.expression() != null
                    && c.expression().toLowerCase(Locale.ROOT).contains("ecs.availability-zone")) {
                return false;
            }
        }
        return true;
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
     * Zones the service can place in, so only zones a new task could go to count: on Fargate the zones its
     * subnets allow, otherwise the zones of the cluster's ACTIVE instances that meet the service's memberOf
     * constraints; with {@code open}, only zones no fault closes now.
     */
    private List<String> usableZones(SimulatedService service, boolean open) {
        List<String> zones = new ArrayList<>();
        if ("FARGATE".equals(service.effectiveLaunchType())) {
            for (String z : FargateZones.allowedZones(region, service.networkConfiguration())) {
                if (!open || regionTasks.zoneUsable(z)) {
                    zones.add(z);
                }
            }
            return zones;
        }
        List<ClusterQuery> memberOf = memberOf(service);
        for (SimulatedContainerInstance ci : containerInstances.inCluster(service.clusterName())) {
            if (ci.isActive() && (!open || regionTasks.zoneUsable(ci.availabilityZone()))
                    && !zones.contains(ci.availabilityZone()) && memberOf.stream().allMatch(q -> q.test(ci))) {
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
