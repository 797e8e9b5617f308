package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.placement.PlacementFailure;
import dev.fakeecs.internal.task.LaunchResult;
import dev.fakeecs.internal.task.SimulatedTask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts tasks of a replica service's deployment one at a time, at most 500 a minute per service
 * on Fargate and 250 on EC2; past that it writes {@code operations are being throttled} and wakes
 * the service when the minute is over. The first task that cannot be placed ends the batch: the
 * service is marked blocked, writes why (the first rejected instance and its reason, capacity
 * unavailable, or the provisioning limit) and retries after {@link ServiceScheduler#PLACEMENT_RETRY}
 * (or sooner, when capacity changes). Started tasks get one {@code has started N tasks} event.
 * Daemon services and task sets launch their own way.
 */
final class ReplicaLauncher {

    private final RegionContext region;
    private final ServiceLaunches launches;
    private final ServiceTasks tasks;
    private final BlockedServices blocked;
    private final SteadyStateTracker steadyState;
    private final ServiceEventWriter events;
    private final Map<SimulatedService, Window> windows = new IdentityHashMap<>();

    ReplicaLauncher(RegionContext region, ServiceLaunches launches, ServiceTasks tasks, BlockedServices blocked,
                    SteadyStateTracker steadyState, ServiceEventWriter events) {
        this.region = region;
        this.launches = launches;
        this.tasks = tasks;
        this.blocked = blocked;
        this.steadyState = steadyState;
        this.events = events;
    }

    /**
     * Starts up to {@code count} tasks of the deployment; {@code live} is the service's live tasks
     * before the batch (capacity provider strategies count them). Answers how many started.
     */
    int launch(SimulatedService service, SimulatedDeployment deployment, int count, List<SimulatedTask> live, Wake wake) {
        Window window = windows.computeIfAbsent(service, s -> new Window());
        int perMinute = "FARGATE".equals(service.effectiveLaunchType()) ? 500 : 250;
        Instant now = region.now();
        if (window.start == null || !now.isBefore(window.start.plusSeconds(60))) {
            window.start = now;
            window.launched = 0;
        }
        List<String> startedIds = new ArrayList<>();
        List<SimulatedTask> current = new ArrayList<>(live);
        for (int i = 0; i < count; i++) {
            if (window.launched >= perMinute) {
                events.write(service, ServiceMessages.throttled(service.name()));
                wake.at(window.start.plusSeconds(60));
                break;
            }
            LaunchResult result = launches.launch(launches.specFor(service, deployment, current));
            if (!result.placed()) {
                blocked.add(service);
                events.write(service, placementMessage(service, result));
                wake.at(now.plus(ServiceScheduler.PLACEMENT_RETRY));
                break;
            }
            SimulatedTask task = result.task();
            tasks.add(service, task);
            current.add(task);
            startedIds.add(task.id());
            window.launched++;
        }
        if (!startedIds.isEmpty()) {
            steadyState.unsettle(service);
            events.write(service, ServiceMessages.started(service.name(), startedIds));
        }
        return startedIds.size();
    }

    private String placementMessage(SimulatedService service, LaunchResult result) {
        if (result.clusterTaskLimitExceeded()) {
            return ServiceMessages.clusterTaskLimitExceeded(service.name(), region.engine().quotas().tasksPerCluster());
        }
        if (result.provisioningLimitExceeded()) {
            return ServiceMessages.provisioningLimitExceeded(service.name());
        }
        if (result.capacityShortage() != null) {
            return ServiceMessages.capacityUnavailable(service.name());
        }
        List<PlacementFailure> failures = result.failures();
        if (failures.isEmpty()) {
            return ServiceMessages.unableToPlace(service.name(), null, null);
        }
        PlacementFailure closest = failures.get(0);
        String id = closest.arn() == null ? null : closest.arn().substring(closest.arn().lastIndexOf('/') + 1);
        return ServiceMessages.unableToPlace(service.name(), id, closest.reason());
    }

    /** The service's current one-minute launch window. */
    private static final class Window {
        Instant start;
        int launched;
    }
}
