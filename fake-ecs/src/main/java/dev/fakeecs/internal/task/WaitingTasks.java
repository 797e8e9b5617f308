package dev.fakeecs.internal.task;

import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.engine.RegionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tasks launched on an Auto Scaling group capacity provider that had no room: they wait in
 * PROVISIONING (as on real ECS) until a host joins or resources free up, and count as demand for
 * the provider's managed scaling.
 */
final class WaitingTasks {

    private final RegionContext region;
    private final Tasks tasks;
    private final TaskLauncher launcher;
    private final Map<SimulatedTask, LaunchSpec> waiting = new LinkedHashMap<>();

    WaitingTasks(RegionContext region, Tasks tasks, TaskLauncher launcher) {
        this.region = region;
        this.tasks = tasks;
        this.launcher = launcher;
    }

    /** Registers a task that waits in PROVISIONING, on no host, until capacity appears. */
    SimulatedTask enqueue(LaunchSpec spec) {
        SimulatedTask task = launcher.newTask(spec, null);
        waiting.put(task, spec);
        tasks.register(task, spec.tags());
        region.record(JournalEventType.TASK_STATE, task.arn(), "from", "NONE", "to", "PROVISIONING",
                "waitingFor", spec.capacityProvider());
        return task;
    }

    /** How many tasks of the cluster wait in PROVISIONING for capacity. */
    int waitingIn(String clusterName) {
        int n = 0;
        for (LaunchSpec spec : waiting.values()) {
            if (clusterName.equals(spec.clusterName())) {
                n++;
            }
        }
        return n;
    }

    int demand(String provider) {
        int n = 0;
        for (LaunchSpec spec : waiting.values()) {
            if (provider.equals(spec.capacityProvider())) {
                n++;
            }
        }
        return n;
    }

    /** What the tasks waiting for a provider need, for the provider's managed scaling. */
    List<dev.fakeecs.internal.capacity.CapacityDemand.TaskNeed> needs(String provider) {
        List<dev.fakeecs.internal.capacity.CapacityDemand.TaskNeed> list = new ArrayList<>();
        for (LaunchSpec spec : waiting.values()) {
            if (provider.equals(spec.capacityProvider())) {
                list.add(new dev.fakeecs.internal.capacity.CapacityDemand.TaskNeed(
                        dev.fakeecs.internal.taskdefinition.TaskResources.cpuUnits(spec.taskDefinition()),
                        dev.fakeecs.internal.taskdefinition.TaskResources.memoryMiB(spec.taskDefinition())));
            }
        }
        return list;
    }

    /** The tasks waiting for a provider, oldest first. */
    List<SimulatedTask> tasksFor(String provider) {
        List<SimulatedTask> list = new ArrayList<>();
        for (Map.Entry<SimulatedTask, LaunchSpec> e : waiting.entrySet()) {
            if (provider.equals(e.getValue().capacityProvider()) && !e.getKey().isStoppingOrStopped()) {
                list.add(e.getKey());
            }
        }
        return list;
    }

    void remove(SimulatedTask task) {
        waiting.remove(task);
    }

    /** Tries to place the waiting tasks of a cluster, oldest first; a placed task carries on as itself. */
    void retry(String clusterName) {
        if (waiting.isEmpty()) {
            return;
        }
        for (Map.Entry<SimulatedTask, LaunchSpec> e : new ArrayList<>(waiting.entrySet())) {
            SimulatedTask task = e.getKey();
            LaunchSpec spec = e.getValue();
            if (!spec.clusterName().equals(clusterName) || task.isStoppingOrStopped()) {
                continue;
            }
            if (launcher.placeWaiting(task, spec)) {
                waiting.remove(task);
            }
        }
    }
}
