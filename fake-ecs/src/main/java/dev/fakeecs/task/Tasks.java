package dev.fakeecs.task;

import dev.fakeecs.arn.Arns;
import dev.fakeecs.cluster.Cluster;
import dev.fakeecs.containerinstance.ContainerInstance;
import dev.fakeecs.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.paging.Page;
import dev.fakeecs.region.RegionState;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandRequest;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionRequest;
import software.amazon.awssdk.services.ecs.model.GetTaskProtectionResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.ProtectedTask;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Session;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.StartTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesRequest;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesResponse;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeResponse;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskProtectionResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tasks of one region: RunTask, StartTask, StopTask, DescribeTasks, ListTasks, task
 * protection, ECS Exec and the agent's state-change calls; plus the Java-level hooks the
 * scheduler and faults use ({@link #launch(LaunchSpec)}, {@link #stop(Task, String, String)},
 * listeners and placement gates).
 *
 * <pre>{@code
 * RunTaskResponse r = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web").count(3)
 *     .launchType(LaunchType.FARGATE).networkConfiguration(net));
 * ecs.clock().advance(Duration.ofSeconds(90));   // the tasks are RUNNING now
 * }</pre>
 */
public final class Tasks {

    private final RegionState state;
    private final Map<String, Task> byId = new LinkedHashMap<>();
    private final Map<String, Integer> activePerCluster = new java.util.HashMap<>();
    private final Map<String, Map<String, Integer>> zoneCountsByGroup = new java.util.HashMap<>();
    private final List<TaskStateListener> listeners = new CopyOnWriteArrayList<>();
    private final List<TaskHealthListener> healthListeners = new CopyOnWriteArrayList<>();
    private final List<PlacementGate> gates = new CopyOnWriteArrayList<>();
    private final TaskLifecycle lifecycle;
    private final TaskLauncher launcher;
    private final TaskRenderer renderer;
    private final RunTaskPlanner planner;
    private final WaitingTasks waiting;

    public Tasks(RegionState state) {
        this.state = state;
        this.lifecycle = new TaskLifecycle(state, this);
        this.launcher = new TaskLauncher(state, this);
        this.renderer = new TaskRenderer(state);
        this.planner = new RunTaskPlanner(state);
        this.waiting = new WaitingTasks(state, this, launcher);
        state.containerInstances().addListener(new HostLoss(lifecycle));
        state.capacityProviders().demand(waiting::needs);
    }

    // ---- Java-level access ------------------------------------------------------------------

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
            if (waiting.waitingIn(spec.clusterName()) >= state.world().quotas().provisioningTasksPerCluster()) {
                // Reference section 10: at most 500 tasks per cluster wait in PROVISIONING (ASG providers).
                return new LaunchResult(null, List.of(), LaunchResult.PROVISIONING_LIMIT_EXCEEDED);
            }
            Task waitingTask = waiting.enqueue(spec);
            return new LaunchResult(waitingTask, List.of(), null);
        }
        return new LaunchResult(null, outcome.failures(), outcome.capacityShortage());
    }

    /** Launches one task on exactly this container instance (StartTask, daemon services). */
    public LaunchResult launchOn(LaunchSpec spec, ContainerInstance instance) {
        checkClusterQuota(spec.clusterName(), 1);
        TaskLauncher.Outcome outcome = launcher.launchOn(spec, instance);
        return new LaunchResult(outcome.task(), outcome.failures(), outcome.capacityShortage());
    }

    /** Stops a task the orderly way (no-op if already stopping). */
    public void stop(Task task, String stopCode, String reason) {
        lifecycle.stop(task, stopCode, reason);
    }

    /** Every task this region still remembers (STOPPED ones for an hour), in launch order. */
    public List<Task> all() {
        return List.copyOf(byId.values());
    }

    /** Tasks of the cluster that are not STOPPED. */
    public List<Task> activeInCluster(String clusterName) {
        List<Task> list = new ArrayList<>();
        for (Task t : byId.values()) {
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
    void zonePlaced(Task task, String zone) {
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
        for (Task t : activeInCluster(clusterName)) {
            if (provider.equals(t.capacityProviderName())) {
                return true;
            }
        }
        return false;
    }

    /** How many tasks wait in PROVISIONING for capacity from this provider (for managed scaling). */
    public int provisioningDemand(String capacityProvider) {
        return waiting.demand(capacityProvider);
    }

    /** A task by id or ARN (any cluster), or null. */
    public Task find(String idOrArn) {
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

    /** Called when a host joins a cluster: tasks waiting for capacity may now place. */
    public void onInstanceRegistered(ContainerInstance instance) {
        waiting.retry(instance.clusterName());
        state.services().onCapacityChanged(instance.clusterName());
    }

    /**
     * Called when an instance goes DRAINING. Standalone tasks stay; service tasks are the service
     * scheduler's business (it listens separately).
     */
    public void onInstanceDraining(ContainerInstance instance) {
        state.services().onInstanceDraining(instance);
    }

    void register(Task task, List<Tag> tags) {
        byId.put(task.id(), task);
        activePerCluster.merge(task.clusterName(), 1, Integer::sum);
        if (task.availabilityZone() != null) {
            zoneCountsByGroup.computeIfAbsent(task.clusterName() + "|" + task.group(), k -> new java.util.HashMap<>())
                    .merge(task.availabilityZone(), 1, Integer::sum);
        }
        if (tags != null && !tags.isEmpty()) {
            state.tags().put(task.arn(), tags);
        }
    }

    void notifyTransition(Task task, String from, String to) {
        for (TaskStateListener l : listeners) {
            l.onTransition(task, from, to);
        }
    }

    void notifyHealth(Task task, String from, String to) {
        for (TaskHealthListener l : healthListeners) {
            l.onHealthChange(task, from, to);
        }
    }

    /** Called when a task reaches STOPPED: frees its host resources and forgets it an hour later. */
    void stopped(Task task) {
        activePerCluster.merge(task.clusterName(), -1, Integer::sum);
        Map<String, Integer> zones = zoneCountsByGroup.get(task.clusterName() + "|" + task.group());
        if (zones != null && task.availabilityZone() != null) {
            zones.merge(task.availabilityZone(), -1, Integer::sum);
        }
        if (task.containerInstance() != null) {
            task.containerInstance().release(task);
        }
        waiting.remove(task);
        Duration retention = state.world().timing().stoppedRetention();
        state.world().clock().schedule(retention, "forget stopped task " + task.id(), () -> {
            byId.remove(task.id());
            state.tags().remove(task.arn());
        });
        if (task.containerInstance() != null) {
            waiting.retry(task.clusterName());
            state.services().onCapacityChanged(task.clusterName());
        }
    }

    private void checkClusterQuota(String cluster, int adding) {
        int max = state.world().quotas().tasksPerCluster();
        if (activeCountInCluster(cluster) + adding > max) {
            throw EcsErrors.limitExceeded("The maximum number of tasks (" + max + ") for cluster " + cluster
                    + " has been reached.");
        }
    }

    // ---- API operations ---------------------------------------------------------------------

    public RunTaskResponse runTask(RunTaskRequest request) {
        Cluster cluster = state.clusters().resolve(request.cluster());
        List<LaunchSpec> specs = planner.plan(cluster, request);
        checkClusterQuota(cluster.name(), specs.size());
        List<software.amazon.awssdk.services.ecs.model.Task> started = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (LaunchSpec spec : specs) {
            LaunchResult result = launch(spec);
            if (result.task() != null) {
                started.add(renderer.render(result.task(), true));
            } else if (result.capacityShortage() != null) {
                failures.add(Failure.builder().reason(result.capacityShortage()).build());
            } else {
                result.failures().forEach(f -> failures.add(Failure.builder().arn(f.arn()).reason(f.reason()).build()));
            }
        }
        return RunTaskResponse.builder().tasks(started).failures(failures).build();
    }

    public StartTaskResponse startTask(StartTaskRequest request) {
        Cluster cluster = state.clusters().resolve(request.cluster());
        if (!request.hasContainerInstances() || request.containerInstances().isEmpty()) {
            throw EcsErrors.invalidParameter("containerInstances can not be null or empty.");
        }
        int max = state.world().quotas().instancesPerStartTask();
        if (request.containerInstances().size() > max) {
            throw EcsErrors.invalidParameter("containerInstances can have at most " + max + " items.");
        }
        LaunchSpec template = planner.planStart(cluster, request);
        checkClusterQuota(cluster.name(), request.containerInstances().size());
        List<software.amazon.awssdk.services.ecs.model.Task> started = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : request.containerInstances()) {
            ContainerInstance ci = state.containerInstances().find(cluster.name(), ref);
            if (ci == null) {
                failures.add(Failure.builder().arn(Arns.isArn(ref) ? ref
                        : state.arns().containerInstance(cluster.name(), ref)).reason("MISSING").build());
                continue;
            }
            TaskLauncher.Outcome outcome = launcher.launchOn(template, ci);
            if (outcome.placed()) {
                started.add(renderer.render(outcome.task(), true));
            } else {
                outcome.failures().forEach(f -> failures.add(Failure.builder().arn(f.arn()).reason(f.reason()).build()));
            }
        }
        return StartTaskResponse.builder().tasks(started).failures(failures).build();
    }

    public StopTaskResponse stopTask(StopTaskRequest request) {
        EcsErrors.require(request.task(), "task");
        Cluster cluster = state.clusters().resolve(request.cluster());
        Task task = find(request.task());
        if (task == null || !task.clusterName().equals(cluster.name())) {
            throw EcsErrors.invalidParameter("The referenced task was not found.");
        }
        String reason = request.reason() == null || request.reason().isEmpty() ? "Task stopped by user"
                : request.reason();
        if (reason.length() > 255) {
            throw EcsErrors.invalidParameter("reason: must be at most 255 characters.");
        }
        lifecycle.stop(task, "UserInitiated", reason);
        return StopTaskResponse.builder().task(renderer.render(task, false)).build();
    }

    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        Cluster cluster = state.clusters().resolve(request.cluster());
        if (!request.hasTasks() || request.tasks().isEmpty()) {
            throw EcsErrors.invalidParameter("Tasks cannot be empty.");
        }
        if (request.tasks().size() > 100) {
            throw EcsErrors.invalidParameter("tasks can have at most 100 items.");
        }
        boolean withTags = request.hasInclude() && request.include().contains(TaskField.TAGS);
        List<software.amazon.awssdk.services.ecs.model.Task> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : request.tasks()) {
            Task task = find(ref);
            if (task == null || !task.clusterName().equals(cluster.name())) {
                String arn = Arns.isArn(ref) ? ref : state.arns().task(cluster.name(), ref);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(renderer.render(task, withTags));
            }
        }
        return DescribeTasksResponse.builder().tasks(found).failures(failures).build();
    }

    public ListTasksResponse listTasks(ListTasksRequest request) {
        Cluster cluster = state.clusters().resolve(request.cluster());
        if (request.serviceName() != null && !request.serviceName().isEmpty()
                && !state.services().exists(cluster.name(), request.serviceName())) {
            throw EcsErrors.serviceNotFound();
        }
        String desired = request.desiredStatusAsString() == null ? "RUNNING" : request.desiredStatusAsString();
        if ("PENDING".equals(desired)) {
            // ECS accepts the filter but never sets a task's desired status to PENDING (only lastStatus).
            return ListTasksResponse.builder().taskArns(List.of()).build();
        }
        String instanceArn = null;
        if (request.containerInstance() != null) {
            ContainerInstance ci = state.containerInstances().find(cluster.name(), request.containerInstance());
            if (ci == null) {
                throw EcsErrors.invalidParameter("containerInstance: the referenced container instance "
                        + request.containerInstance() + " was not found.");
            }
            instanceArn = ci.arn();
        }
        List<String> arns = new ArrayList<>();
        for (Task t : byId.values()) {
            if (!t.clusterName().equals(cluster.name())) {
                continue;
            }
            boolean stoppedView = "STOPPED".equals(desired);
            if (stoppedView != t.isStoppingOrStopped()) {
                continue;
            }
            if (request.family() != null && !request.family().equals(t.taskDefinition().family())) {
                continue;
            }
            if (request.startedBy() != null && !request.startedBy().equals(t.startedBy())) {
                continue;
            }
            if (request.serviceName() != null && !request.serviceName().equals(t.serviceName())) {
                continue;
            }
            if (request.launchType() != null && !request.launchTypeAsString().equals(t.launchType())) {
                continue;
            }
            if (instanceArn != null && (t.containerInstance() == null
                    || !instanceArn.equals(t.containerInstance().arn()))) {
                continue;
            }
            arns.add(t.arn());
        }
        Page<String> page = Page.of(arns, request.nextToken(), request.maxResults(), 100, "ListTasks");
        return ListTasksResponse.builder().taskArns(page.items()).nextToken(page.nextToken()).build();
    }

    public GetTaskProtectionResponse getTaskProtection(GetTaskProtectionRequest request) {
        Cluster cluster = state.clusters().resolve(request.cluster());
        List<ProtectedTask> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<String> refs = request.hasTasks() ? request.tasks() : List.of();
        for (String ref : refs) {
            Task task = find(ref);
            if (task == null || !task.clusterName().equals(cluster.name())) {
                failures.add(Failure.builder().arn(Arns.isArn(ref) ? ref : state.arns().task(cluster.name(), ref))
                        .reason("TASK_NOT_VALID").build());
                continue;
            }
            found.add(protection(task));
        }
        return GetTaskProtectionResponse.builder().protectedTasks(found).failures(failures).build();
    }

    public UpdateTaskProtectionResponse updateTaskProtection(UpdateTaskProtectionRequest request) {
        Cluster cluster = state.clusters().resolve(request.cluster());
        if (!request.hasTasks() || request.tasks().isEmpty()) {
            throw EcsErrors.invalidParameter("tasks can not be null or empty.");
        }
        EcsErrors.require(request.protectionEnabled(), "protectionEnabled");
        int minutes = request.expiresInMinutes() == null ? 120 : request.expiresInMinutes();
        if (minutes < 1 || minutes > 2880) {
            throw EcsErrors.invalidParameter("expiresInMinutes must be between 1 and 2880.");
        }
        List<ProtectedTask> done = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : request.tasks()) {
            Task task = find(ref);
            if (task == null || !task.clusterName().equals(cluster.name()) || task.serviceName() == null) {
                failures.add(Failure.builder().arn(Arns.isArn(ref) ? ref : state.arns().task(cluster.name(), ref))
                        .reason("TASK_NOT_VALID")
                        .detail("The task is not part of a service or does not exist.").build());
                continue;
            }
            task.protection(request.protectionEnabled(), state.now().plus(Duration.ofMinutes(minutes)));
            state.record(JournalEventType.TASK_STATE, task.arn(), "protectionEnabled",
                    Boolean.toString(request.protectionEnabled()));
            done.add(protection(task));
        }
        return UpdateTaskProtectionResponse.builder().protectedTasks(done).failures(failures).build();
    }

    /** Whether a task is protected from scale-in now (protection expires on the virtual clock). */
    public boolean isProtected(Task task) {
        return task.protectedFromScaleIn() && task.protectionExpiresAt() != null
                && state.now().isBefore(task.protectionExpiresAt());
    }

    private ProtectedTask protection(Task task) {
        boolean on = isProtected(task);
        return ProtectedTask.builder().taskArn(task.arn()).protectionEnabled(on)
                .expirationDate(on ? task.protectionExpiresAt() : null).build();
    }

    public ExecuteCommandResponse executeCommand(ExecuteCommandRequest request) {
        Cluster cluster = state.clusters().resolve(request.cluster());
        EcsErrors.require(request.task(), "task");
        EcsErrors.require(request.command(), "command");
        if (!Boolean.TRUE.equals(request.interactive())) {
            throw EcsErrors.invalidParameter("Interactive is the only mode supported currently.");
        }
        Task task = find(request.task());
        if (task == null || !task.clusterName().equals(cluster.name())) {
            throw EcsErrors.invalidParameter("The referenced task was not found.");
        }
        if (!task.enableExecuteCommand()) {
            throw EcsErrors.invalidParameter("The execute command failed because execute command was not enabled "
                    + "when the task was run or the execute command agent isn't running. Wait and try again or run "
                    + "a new task with execute command enabled and try again.");
        }
        if (!task.isRunning()) {
            throw EcsErrors.invalidParameter("The execute command failed because the task is not RUNNING.");
        }
        Container container = request.container() == null ? task.containers().get(0)
                : task.container(request.container());
        if (container == null) {
            throw EcsErrors.invalidParameter("container: the task has no container named " + request.container() + ".");
        }
        String sessionId = "ecs-execute-command-" + state.world().random().hex(17);
        state.record(JournalEventType.TASK_STATE, task.arn(), "executeCommand", request.command(),
                "container", container.name(), "output", container.behavior().commandOutput());
        return ExecuteCommandResponse.builder()
                .clusterArn(cluster.arn()).taskArn(task.arn()).containerName(container.name())
                .containerArn(container.arn()).interactive(true)
                .session(Session.builder().sessionId(sessionId)
                        .streamUrl("wss://ssmmessages." + state.name() + ".amazonaws.com/v1/data-channel/"
                                + sessionId + "?role=publish_subscribe")
                        .tokenValue(state.world().random().hex(64)).build())
                .build();
    }

    public SubmitTaskStateChangeResponse submitTaskStateChange(SubmitTaskStateChangeRequest request) {
        Task task = request.task() == null ? null : find(request.task());
        if (task == null) {
            throw EcsErrors.invalidParameter("The referenced task was not found.");
        }
        state.record(JournalEventType.TASK_STATE, task.arn(), "agentReported", request.status());
        return SubmitTaskStateChangeResponse.builder().acknowledgment("ACK").build();
    }

    public SubmitContainerStateChangeResponse submitContainerStateChange(SubmitContainerStateChangeRequest request) {
        Task task = request.task() == null ? null : find(request.task());
        if (task == null) {
            throw EcsErrors.invalidParameter("The referenced task was not found.");
        }
        Container container = task.container(request.containerName());
        if (container == null) {
            throw EcsErrors.invalidParameter("containerName: the task has no container named "
                    + request.containerName() + ".");
        }
        if ("STOPPED".equals(request.status()) && request.exitCode() != null) {
            lifecycle.containerExited(task, container, request.exitCode(), request.reason());
        }
        return SubmitContainerStateChangeResponse.builder().acknowledgment("ACK").build();
    }

    public SubmitAttachmentStateChangesResponse submitAttachmentStateChanges(
            SubmitAttachmentStateChangesRequest request) {
        state.clusters().resolve(request.cluster());
        if (!request.hasAttachments() || request.attachments().isEmpty()) {
            throw EcsErrors.invalidParameter("attachments can not be null or empty.");
        }
        return SubmitAttachmentStateChangesResponse.builder().acknowledgment("ACK").build();
    }

    /** Renders a task as the API shows it (for the DSL and assertions). */
    public software.amazon.awssdk.services.ecs.model.Task describe(Task task) {
        return renderer.render(task, true);
    }
}
