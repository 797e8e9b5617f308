package dev.fakeecs.internal.task;

import software.amazon.awssdk.services.ecs.model.Task;
import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.containerinstance.ContainerInstanceListener;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tasks of one region: the registry (by id, per cluster, per group and zone), launching
 * ({@link #launch(LaunchSpec)}, waiting for ASG capacity), stopping ({@link #stop(Task, String, String)}),
 * and what others subscribe to: state and health listeners, capacity-freed listeners and placement
 * gates. The task API operations live in {@code controlplane.TaskOperations}.
 *
 * <pre>{@code
 * LaunchResult r = tasks.launch(spec);                  // placed, waiting in PROVISIONING, or why not
 * tasks.addListener((task, from, to) -> log(task.arn() + " " + from + " -> " + to));
 * tasks.stop(r.task(), "UserInitiated", "Task stopped by user");
 * }</pre>
 */
public final class Tasks {

    private final RegionContext region;
    private final Map<String, SimulatedTask> byId = new LinkedHashMap<>();
    private final Map<String, Integer> activePerCluster = new java.util.HashMap<>();
    private final Map<String, Map<String, Integer>> zoneCountsByGroup = new java.util.HashMap<>();
    private final List<TaskStateListener> listeners = new CopyOnWriteArrayList<>();
    private final List<TaskHealthListener> healthListeners = new CopyOnWriteArrayList<>();
    private final List<PlacementGate> gates = new CopyOnWriteArrayList<>();
    private final TaskLifecycle lifecycle;
    private final TaskLauncher launcher;
    private final List<CapacityFreedListener> capacityListeners = new CopyOnWriteArrayList<>();
    private final Tags tags;
    private final TaskRenderer renderer;
    private final WaitingTasks waiting;
    private final TaskApplications applications;
    private TaskTargets targets = TaskTargets.NONE;
    private final CapacityProviders capacityProviders;
    private java.util.function.Predicate<SimulatedTask> waitingHeld = t -> false;

    public Tasks(RegionContext region, Tags tags, ContainerInstances containerInstances,
                 CapacityProviders capacityProviders) {
        this.region = region;
        this.tags = tags;
        this.capacityProviders = capacityProviders;
        this.lifecycle = new TaskLifecycle(region, this);
        PrivateAddresses addresses = new PrivateAddresses();
        listeners.add(addresses);
        this.launcher = new TaskLauncher(region, this, containerInstances, addresses);
        this.renderer = new TaskRenderer(region, tags);
        this.waiting = new WaitingTasks(region, this, launcher);
        this.applications = new TaskApplications(region, this, containerInstances);
        listeners.add(applications);
        containerInstances.addListener(applications);
        containerInstances.addListener(new HostTermination(lifecycle));
        containerInstances.addFollowUpListener(new ContainerInstanceListener() {
            @Override
            public void onRegistered(SimulatedContainerInstance instance) {
                waiting.retry(instance.clusterName());   // tasks waiting for capacity may now place
            }

            @Override
            public void onActivated(SimulatedContainerInstance instance) {
                waiting.retry(instance.clusterName());
            }
        });
        capacityProviders.demand(waiting::needs);
        tags.registerResourceType("task", arn -> {
            SimulatedTask task = find(arn);
            return task != null && task.arn().equals(arn);
        });
    }

    /**
     * What answers at each load balancer target of the region (a task's ENI IP and container port, an instance id
     * and host port), for the Elastic Load Balancing v2 simulation's health checks and traffic.
     */
    public dev.fakeecs.internal.targets.TargetApplications applications() {
        return applications;
    }

    /** Who registers and deregisters the tasks' load balancer targets ({@link TaskTargets#NONE} by default). */
    public TaskTargets targets() {
        return targets;
    }

    /** Sets who registers and deregisters the tasks' load balancer targets (the service scheduler). */
    public void targets(TaskTargets targets) {
        this.targets = targets == null ? TaskTargets.NONE : targets;
    }

    /** The lifecycle driver (stop, container exits, health) for faults and the scheduler. */
    public TaskLifecycle lifecycle() {
        return lifecycle;
    }

    /** Launches one task as described; the result says where it went or why it could not. */
    public LaunchResult launch(LaunchSpec spec) {
        checkClusterQuota(spec.clusterName(), 1);
        TaskLauncher.Outcome outcome = launcher.launch(spec);
        if (outcome.placed()) {
            return new LaunchResult(outcome.task(), List.of(), null);
        }
        if (spec.capacityProvider() != null && !"FARGATE".equals(spec.launchType())
                && outcome.capacityShortage() == null) {
            if (waiting.waitingIn(spec.clusterName()) >= region.engine().quotas().provisioningTasksPerCluster()) {
                // Amazon ECS service quotas: at most 500 tasks per cluster wait in PROVISIONING (ASG providers).
                return new LaunchResult(null, List.of(), LaunchResult.PROVISIONING_LIMIT_EXCEEDED);
            }
            SimulatedTask waitingTask = waiting.enqueue(spec);
            capacityProviders.taskWaiting(spec.capacityProvider());
            return new LaunchResult(waitingTask, List.of(), null);
        }
        return new LaunchResult(null, outcome.failures(), outcome.capacityShortage());
    }

    /** The tasks waiting in PROVISIONING for a capacity provider, oldest first. */
    public List<SimulatedTask> waitingFor(String provider) {
        return waiting.tasksFor(provider);
    }

    /**
     * Sets which waiting tasks are held back from placement for now (Managed Instances keep a task for the
     * instance launched for it while that instance boots); null: none.
     */
    public void waitingHeld(java.util.function.Predicate<SimulatedTask> held) {
        this.waitingHeld = held == null ? t -> false : held;
    }

    boolean waitingHeld(SimulatedTask task) {
        return waitingHeld.test(task);
    }

    /** Tries again to place the tasks of a cluster that wait in PROVISIONING. */
    public void retryWaiting(String clusterName) {
        waiting.retry(clusterName);
    }

    /** Launches one task on exactly this container instance (StartTask, daemon services). */
    public LaunchResult launchOn(LaunchSpec spec, SimulatedContainerInstance instance) {
        checkClusterQuota(spec.clusterName(), 1);
        TaskLauncher.Outcome outcome = launcher.launchOn(spec, instance);
        return new LaunchResult(outcome.task(), outcome.failures(), outcome.capacityShortage());
    }

    /** Stops a task the orderly way (no-op if already stopping). */
    public void stop(SimulatedTask task, String stopCode, String reason) {
        lifecycle.stop(task, stopCode, reason);
    }

    /** Every task this region still remembers (STOPPED ones for an hour), in launch order. */
    public List<SimulatedTask> all() {
        return List.copyOf(byId.values());
    }

    /** Tasks of the cluster that are not STOPPED. */
    public List<SimulatedTask> activeInCluster(String clusterName) {
        List<SimulatedTask> list = new ArrayList<>();
        for (SimulatedTask t : byId.values()) {
            if (!t.isStopped() && t.clusterName().equals(clusterName)) {
                list.add(t);
            }
        }
        return list;
    }

    /** Not-STOPPED tasks of a group per availability zone (tasks still waiting for a zone are not counted). */
    public Map<String, Integer> zoneCounts(String clusterName, String group) {
        Map<String, Integer> counts = zoneCountsByGroup.get(clusterName + "|" + group);
        return counts == null ? Map.of() : java.util.Collections.unmodifiableMap(counts);
    }

    /** A waiting task got its zone when it was placed. */
    void zonePlaced(SimulatedTask task, String zone) {
        task.availabilityZone(zone);
        zoneCountsByGroup.computeIfAbsent(task.clusterName() + "|" + task.group(), k -> new java.util.HashMap<>())
                .merge(zone, 1, Integer::sum);
    }

    /** How many tasks of the cluster are not STOPPED. */
    public int activeCountInCluster(String clusterName) {
        return activePerCluster.getOrDefault(clusterName, 0);
    }

    /** Whether any not-STOPPED task of the cluster runs on that capacity provider. */
    public boolean usesCapacityProvider(String clusterName, String provider) {
        for (SimulatedTask t : activeInCluster(clusterName)) {
            if (provider.equals(t.capacityProviderName())) {
                return true;
            }
        }
        return false;
    }

    /** A task by id or ARN (any cluster), or null. */
    public SimulatedTask find(String idOrArn) {
        return byId.get(Arns.lastSegment(idOrArn));
    }

    public void addListener(TaskStateListener listener) {
        listeners.add(listener);
    }

    public void addHealthListener(TaskHealthListener listener) {
        healthListeners.add(listener);
    }

    public void addGate(PlacementGate gate) {
        gates.add(gate);
    }

    public void removeGate(PlacementGate gate) {
        gates.remove(gate);
    }

    /** Whether every placement gate lets new tasks start in {@code zone}. */
    public boolean zoneUsable(String zone) {
        for (PlacementGate g : gates) {
            if (!g.zoneUsable(zone)) {
                return false;
            }
        }
        return true;
    }

    boolean hasCapacity(String provider, String zone) {
        for (PlacementGate g : gates) {
            if (!g.hasCapacity(provider, zone)) {
                return false;
            }
        }
        return true;
    }

    /** Subscribes to "a task on a container instance stopped": the cluster has room again. */
    public void addCapacityFreedListener(CapacityFreedListener listener) {
        capacityListeners.add(listener);
    }

    void register(SimulatedTask task, List<Tag> taskTags) {
        byId.put(task.id(), task);
        activePerCluster.merge(task.clusterName(), 1, Integer::sum);
        if (task.availabilityZone() != null) {
            zoneCountsByGroup.computeIfAbsent(task.clusterName() + "|" + task.group(), k -> new java.util.HashMap<>())
                    .merge(task.availabilityZone(), 1, Integer::sum);
        }
        if (taskTags != null && !taskTags.isEmpty()) {
            tags.putWithManaged(task.arn(), taskTags);
        }
    }

    void notifyTransition(SimulatedTask task, String from, String to) {
        for (TaskStateListener l : listeners) {
            l.onTransition(task, from, to);
        }
    }

    void notifyHealth(SimulatedTask task, String from, String to) {
        for (TaskHealthListener l : healthListeners) {
            l.onHealthChange(task, from, to);
        }
    }

    /** Called when a task reaches STOPPED: frees its host resources and forgets it an hour later. */
    void stopped(SimulatedTask task) {
        activePerCluster.merge(task.clusterName(), -1, Integer::sum);
        Map<String, Integer> zones = zoneCountsByGroup.get(task.clusterName() + "|" + task.group());
        if (zones != null && task.availabilityZone() != null) {
            zones.merge(task.availabilityZone(), -1, Integer::sum);
        }
        if (task.containerInstance() != null) {
            task.containerInstance().release(task);
        }
        waiting.remove(task);
        Duration retention = region.engine().timing().stoppedRetention();
        region.engine().clock().schedule(retention, "forget stopped task " + task.id(), () -> {
            byId.remove(task.id());
            tags.remove(task.arn());
        });
        if (task.containerInstance() != null) {
            waiting.retry(task.clusterName());
            for (CapacityFreedListener l : capacityListeners) {
                l.onCapacityFreed(task.clusterName());
            }
        }
    }

    /**
     * Places one task on exactly this container instance without the per-cluster quota check (StartTask
     * checks the quota for the whole request first); the result says why not when it could not.
     */
    public LaunchResult placeOn(LaunchSpec spec, SimulatedContainerInstance instance) {
        TaskLauncher.Outcome outcome = launcher.launchOn(spec, instance);
        return new LaunchResult(outcome.placed() ? outcome.task() : null, outcome.failures(), outcome.capacityShortage());
    }

    /** Whether {@code adding} more tasks would exceed the tasks-per-cluster quota. */
    public boolean exceedsClusterQuota(String cluster, int adding) {
        return activeCountInCluster(cluster) + adding > region.engine().quotas().tasksPerCluster();
    }

    /** LimitExceededException when {@code adding} more tasks would exceed the tasks-per-cluster quota. */
    public void checkClusterQuota(String cluster, int adding) {
        int max = region.engine().quotas().tasksPerCluster();
        if (activeCountInCluster(cluster) + adding > max) {
            throw EcsErrors.limitExceeded("The maximum number of tasks (" + max + ") for cluster " + cluster
                    + " has been reached.");
        }
    }

    /** Whether a task is protected from scale-in now (protection expires on the virtual clock). */
    public boolean isProtected(SimulatedTask task) {
        return task.protectedFromScaleIn() && task.protectionExpiresAt() != null
                && region.now().isBefore(task.protectionExpiresAt());
    }

    /** Renders a task as the API shows it (for the DSL and assertions). */
    public Task describe(SimulatedTask task) {
        return renderer.render(task, true);
    }

    /** Renders a task as the API shows it, without looking its tags up (events do not carry them). */
    public Task describeUntagged(SimulatedTask task) {
        return renderer.render(task, false);
    }
}
