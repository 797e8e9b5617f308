package dev.fakeecs.internal.controlplane;

import software.amazon.awssdk.services.ecs.model.Task;
import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.task.SimulatedContainer;
import dev.fakeecs.internal.task.LaunchResult;
import dev.fakeecs.internal.task.LaunchSpec;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.TaskRenderer;
import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.internal.taskdefinition.TaskDefinitions;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.engine.RegionContext;
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
import java.util.List;

/**
 * The task API of one region: RunTask, StartTask, StopTask, DescribeTasks, ListTasks, task
 * protection, ECS Exec and the agent's state-change calls, over the {@link Tasks} registry.
 *
 * <pre>{@code
 * RunTaskResponse r = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web").count(3)
 *     .launchType(LaunchType.FARGATE).networkConfiguration(net));
 * ecs.clock().advance(Duration.ofSeconds(90));   // the tasks are RUNNING now
 * }</pre>
 */
public final class TaskOperations {

    private final RegionContext region;
    private final Clusters clusters;
    private final ContainerInstances containerInstances;
    private final Tasks tasks;
    private final Services services;
    private final TaskRenderer renderer;
    private final RunTaskPlanner planner;

    public TaskOperations(RegionContext region, Clusters clusters, Tags tags, CapacityProviders capacityProviders,
                          ContainerInstances containerInstances, TaskDefinitions taskDefinitions, Tasks tasks,
                          Services services) {
        this.region = region;
        this.clusters = clusters;
        this.containerInstances = containerInstances;
        this.tasks = tasks;
        this.services = services;
        this.renderer = new TaskRenderer(region, tags);
        this.planner = new RunTaskPlanner(region, tags, capacityProviders, containerInstances, taskDefinitions);
    }

    public RunTaskResponse runTask(RunTaskRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        List<LaunchSpec> specs = planner.plan(cluster, request);
        tasks.checkClusterQuota(cluster.name(), specs.size());
        List<Task> started = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (LaunchSpec spec : specs) {
            LaunchResult result = tasks.launch(spec);
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
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        if (!request.hasContainerInstances() || request.containerInstances().isEmpty()) {
            throw EcsErrors.invalidParameter("containerInstances can not be null or empty.");
        }
        int max = region.engine().quotas().instancesPerStartTask();
        if (request.containerInstances().size() > max) {
            throw EcsErrors.invalidParameter("containerInstances can have at most " + max + " items.");
        }
        LaunchSpec template = planner.planStart(cluster, request);
        tasks.checkClusterQuota(cluster.name(), request.containerInstances().size());
        List<Task> started = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : request.containerInstances()) {
            SimulatedContainerInstance ci = containerInstances.find(cluster.name(), ref);
            if (ci == null) {
                failures.add(Failure.builder().arn(Arns.isArn(ref) ? ref
                        : region.arns().containerInstance(cluster.name(), ref)).reason("MISSING").build());
                continue;
            }
            LaunchResult outcome = tasks.placeOn(template, ci);
            if (outcome.task() != null) {
                started.add(renderer.render(outcome.task(), true));
            } else {
                outcome.failures().forEach(f -> failures.add(Failure.builder().arn(f.arn()).reason(f.reason()).build()));
            }
        }
        return StartTaskResponse.builder().tasks(started).failures(failures).build();
    }


    public StopTaskResponse stopTask(StopTaskRequest request) {
        EcsErrors.require(request.task(), "task");
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        SimulatedTask task = tasks.find(request.task());
        if (task == null || !task.clusterName().equals(cluster.name())) {
            throw EcsErrors.invalidParameter("The referenced task was not found.");
        }
        String reason = request.reason() == null || request.reason().isEmpty() ? "Task stopped by user"
                : request.reason();
        if (reason.length() > 255) {
            throw EcsErrors.invalidParameter("reason: must be at most 255 characters.");
        }
        tasks.stop(task, "UserInitiated", reason);
        return StopTaskResponse.builder().task(renderer.render(task, false)).build();
    }


    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        if (!request.hasTasks() || request.tasks().isEmpty()) {
            throw EcsErrors.invalidParameter("Tasks cannot be empty.");
        }
        if (request.tasks().size() > 100) {
            throw EcsErrors.invalidParameter("tasks can have at most 100 items.");
        }
        boolean withTags = request.hasInclude() && request.include().contains(TaskField.TAGS);
        List<Task> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : request.tasks()) {
            SimulatedTask task = tasks.find(ref);
            if (task == null || !task.clusterName().equals(cluster.name())) {
                String arn = Arns.isArn(ref) ? ref : region.arns().task(cluster.name(), ref);
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                found.add(renderer.render(task, withTags));
            }
        }
        return DescribeTasksResponse.builder().tasks(found).failures(failures).build();
    }


    public ListTasksResponse listTasks(ListTasksRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        if (request.serviceName() != null && !request.serviceName().isEmpty()
                && !services.exists(cluster.name(), request.serviceName())) {
            throw EcsErrors.serviceNotFound();
        }
        String desired = request.desiredStatusAsString() == null ? "RUNNING" : request.desiredStatusAsString();
        if ("PENDING".equals(desired)) {
            // ECS accepts the filter but never sets a task's desired status to PENDING (only lastStatus).
            return ListTasksResponse.builder().taskArns(List.of()).build();
        }
        String instanceArn = null;
        if (request.containerInstance() != null) {
            SimulatedContainerInstance ci = containerInstances.find(cluster.name(), request.containerInstance());
            if (ci == null) {
                throw EcsErrors.invalidParameter("containerInstance: the referenced container instance "
                        + request.containerInstance() + " was not found.");
            }
            instanceArn = ci.arn();
        }
        List<String> arns = new ArrayList<>();
        for (SimulatedTask t : tasks.all()) {
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
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        List<ProtectedTask> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<String> refs = request.hasTasks() ? request.tasks() : List.of();
        for (String ref : refs) {
            SimulatedTask task = tasks.find(ref);
            if (task == null || !task.clusterName().equals(cluster.name())) {
                failures.add(Failure.builder().arn(Arns.isArn(ref) ? ref : region.arns().task(cluster.name(), ref))
                        .reason("TASK_NOT_VALID").build());
                continue;
            }
            found.add(protection(task));
        }
        return GetTaskProtectionResponse.builder().protectedTasks(found).failures(failures).build();
    }


    public UpdateTaskProtectionResponse updateTaskProtection(UpdateTaskProtectionRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
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
            SimulatedTask task = tasks.find(ref);
            if (task == null || !task.clusterName().equals(cluster.name()) || task.serviceName() == null) {
                failures.add(Failure.builder().arn(Arns.isArn(ref) ? ref : region.arns().task(cluster.name(), ref))
                        .reason("TASK_NOT_VALID")
                        .detail("The task is not part of a service or does not exist.").build());
                continue;
            }
            task.protection(request.protectionEnabled(), region.now().plus(Duration.ofMinutes(minutes)));
            region.record(JournalEventType.TASK_STATE, task.arn(), "protectionEnabled",
                    Boolean.toString(request.protectionEnabled()));
            done.add(protection(task));
        }
        return UpdateTaskProtectionResponse.builder().protectedTasks(done).failures(failures).build();
    }


    private ProtectedTask protection(SimulatedTask task) {
        boolean on = tasks.isProtected(task);
        return ProtectedTask.builder().taskArn(task.arn()).protectionEnabled(on)
                .expirationDate(on ? task.protectionExpiresAt() : null).build();
    }


    public ExecuteCommandResponse executeCommand(ExecuteCommandRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        EcsErrors.require(request.task(), "task");
        EcsErrors.require(request.command(), "command");
        if (!Boolean.TRUE.equals(request.interactive())) {
            throw EcsErrors.invalidParameter("Interactive is the only mode supported currently.");
        }
        SimulatedTask task = tasks.find(request.task());
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
        SimulatedContainer container = request.container() == null ? task.containers().get(0)
                : task.container(request.container());
        if (container == null) {
            throw EcsErrors.invalidParameter("container: the task has no container named " + request.container() + ".");
        }
        String sessionId = "ecs-execute-command-" + region.engine().random().hex(17);
        region.record(JournalEventType.TASK_STATE, task.arn(), "executeCommand", request.command(),
                "container", container.name(), "output", container.behavior().commandOutput());
        return ExecuteCommandResponse.builder()
                .clusterArn(cluster.arn()).taskArn(task.arn()).containerName(container.name())
                .containerArn(container.arn()).interactive(true)
                .session(Session.builder().sessionId(sessionId)
                        .streamUrl("wss://ssmmessages." + region.name() + ".amazonaws.com/v1/data-channel/"
                                + sessionId + "?role=publish_subscribe")
                        .tokenValue(region.engine().random().hex(64)).build())
                .build();
    }


    public SubmitTaskStateChangeResponse submitTaskStateChange(SubmitTaskStateChangeRequest request) {
        SimulatedTask task = request.task() == null ? null : tasks.find(request.task());
        if (task == null) {
            throw EcsErrors.invalidParameter("The referenced task was not found.");
        }
        region.record(JournalEventType.TASK_STATE, task.arn(), "agentReported", request.status());
        return SubmitTaskStateChangeResponse.builder().acknowledgment("ACK").build();
    }


    public SubmitContainerStateChangeResponse submitContainerStateChange(SubmitContainerStateChangeRequest request) {
        SimulatedTask task = request.task() == null ? null : tasks.find(request.task());
        if (task == null) {
            throw EcsErrors.invalidParameter("The referenced task was not found.");
        }
        SimulatedContainer container = task.container(request.containerName());
        if (container == null) {
            throw EcsErrors.invalidParameter("containerName: the task has no container named "
                    + request.containerName() + ".");
        }
        if ("STOPPED".equals(request.status()) && request.exitCode() != null) {
            tasks.lifecycle().containerExited(task, container, request.exitCode(), request.reason());
        }
        return SubmitContainerStateChangeResponse.builder().acknowledgment("ACK").build();
    }


    public SubmitAttachmentStateChangesResponse submitAttachmentStateChanges(
            SubmitAttachmentStateChangesRequest request) {
        clusters.resolve(request.cluster());
        if (!request.hasAttachments() || request.attachments().isEmpty()) {
            throw EcsErrors.invalidParameter("attachments can not be null or empty.");
        }
        return SubmitAttachmentStateChangesResponse.builder().acknowledgment("ACK").build();
    }
}
