package dev.fakeecs.internal.service;

import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.ecs.model.Service;
import dev.fakeecs.internal.taskdefinition.TaskDefinitions;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.service.ScaleInSelector;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.LaunchResult;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.taskdefinition.TaskResources;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.DeleteTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskSetsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Scale;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskSetField;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServicePrimaryTaskSetResponse;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.UpdateTaskSetResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Task sets of services with the EXTERNAL deployment controller: CreateTaskSet, DeleteTaskSet,
 * DescribeTaskSets, UpdateTaskSet, UpdateServicePrimaryTaskSet, and the reconciliation that keeps
 * each set at {@code ceil(desiredCount x scale%)} tasks (launched with {@code startedBy} = the task
 * set id), drains deleted sets and reports each set's stability.
 *
 * <pre>{@code
 * client.createService(r -> r.cluster("prod").serviceName("web").desiredCount(4)
 *         .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));
 * TaskSet blue = client.createTaskSet(r -> r.cluster("prod").service("web").taskDefinition("web:1")
 *         .launchType(LaunchType.FARGATE).networkConfiguration(net)
 *         .scale(s -> s.unit(ScaleUnit.PERCENT).value(100.0))).taskSet();
 * ecs.clock().advance(Duration.ofMinutes(2));     // 4 tasks RUNNING, blue STEADY_STATE
 * }</pre>
 */
final class TaskSets {

    static final String NOT_EXTERNAL = "Amazon ECS only supports task set management on services configured to use "
            + "external deployment controllers.";

    private final RegionContext region;
    private final ServiceScheduler scheduler;
    private final ServiceTasks serviceTasks;
    private final ServiceEventWriter events;
    private final TaskSetRenderer renderer;
    private final Map<SimulatedService, List<ExternalTaskSet>> sets = new IdentityHashMap<>();
    private final Tasks tasks;
    private final CapacityProviders capacityProviders;
    private final TaskDefinitions taskDefinitions;
    private final ServiceLaunches launches;
    private final Tags tags;
    private final LoadBalancerValidation loadBalancers;

    TaskSets(RegionContext region, ServiceScheduler scheduler, ServiceTasks serviceTasks, ServiceEventWriter events,
             Tasks tasks, CapacityProviders capacityProviders, TaskDefinitions taskDefinitions,
             ServiceLaunches launches, Tags tags, LoadBalancerValidation loadBalancers) {
        this.region = region;
        this.scheduler = scheduler;
        this.serviceTasks = serviceTasks;
        this.events = events;
        this.tasks = tasks;
        this.capacityProviders = capacityProviders;
        this.taskDefinitions = taskDefinitions;
        this.launches = launches;
        this.tags = tags;
        this.loadBalancers = loadBalancers;
        this.renderer = new TaskSetRenderer(region, tags);
        tags.registerResourceType("task-set", this::exists);
    }

    /** Whether a task set of that ARN exists (not yet drained away): TagResource's check. */
    private boolean exists(String arn) {
        for (List<ExternalTaskSet> list : sets.values()) {
            for (ExternalTaskSet set : list) {
                if (set.arn().equals(arn)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the service's tasks are managed through task sets: the EXTERNAL deployment controller, and
     * CODE_DEPLOY (its PRIMARY task set, created with the service; AWS CodeDeploy, which would add and swap task
     * sets, is not simulated).
     */
    static boolean manages(SimulatedService service) {
        return "EXTERNAL".equals(service.deploymentController()) || isCodeDeploy(service);
    }

    /** Whether AWS CodeDeploy controls the service's deployments. */
    static boolean isCodeDeploy(SimulatedService service) {
        return "CODE_DEPLOY".equals(service.deploymentController());
    }

    /** The service event telling what fake-ecs does not simulate for a CODE_DEPLOY service. */
    static String codeDeployNotice(String service) {
        return "(service " + service + ") uses the CODE_DEPLOY deployment controller: its primary task set runs, "
                + "but fake-ecs does not simulate AWS CodeDeploy, so no CodeDeploy deployment will replace it.";
    }

    /**
     * CreateService with the CODE_DEPLOY controller: ECS starts the service on a PRIMARY task set (scale 100 %) of
     * the service's task definition, launch settings and load balancers, as it does before CodeDeploy takes over;
     * the service writes what is not simulated.
     */
    void startCodeDeployService(SimulatedService service) {
        Instant now = region.now();
        String id = "ecs-svc/" + region.engine().random().digits(19);
        SimulatedDeployment launch = new SimulatedDeployment(id, service.taskDefinition(), service.launchType(),
                service.capacityProviderStrategy(), service.networkConfiguration(), 0, now);
        launch.loadBalancers(service.loadBalancers());
        ExternalTaskSet set = new ExternalTaskSet(region.arns().taskSet(service.clusterName(), service.name(), id),
                launch, null, service.loadBalancers(), service.serviceRegistries(), "PRIMARY", 100.0);
        sets.computeIfAbsent(service, s -> new ArrayList<>()).add(set);
        tags.put(set.arn(), List.of());
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "taskSet", id, "status", "PRIMARY",
                "taskDefinition", service.taskDefinition().taskDefinitionArn(), "scale", "100.0", "controller",
                "CODE_DEPLOY");
        events.write(service, codeDeployNotice(service.name()));
        scheduler.reconcileSoon(service);
    }

    /** The service's task sets in creation order (a copy). */
    List<ExternalTaskSet> of(SimulatedService service) {
        List<ExternalTaskSet> list = sets.get(service);
        return list == null ? List.of() : new ArrayList<>(list);
    }

    /** Adds the task sets to a rendered EXTERNAL service, as DescribeServices shows them. */
    Service decorate(SimulatedService service,
                                                              Service rendered) {
        if (!manages(service)) {
            return rendered;
        }
        List<SimulatedTask> live = serviceTasks.live(service);
        List<TaskSet> list = new ArrayList<>();
        for (ExternalTaskSet set : of(service)) {
            list.add(renderer.render(service, set, live, false));
        }
        return rendered.toBuilder().taskSets(list).build();
    }

    // ---- API ------------------------------------------------------------------------------------

    CreateTaskSetResponse create(SimulatedService service, CreateTaskSetRequest r) {
        requireExternal(service);
        EcsErrors.require(r.taskDefinition(), "taskDefinition");
        boolean hasStrategy = r.hasCapacityProviderStrategy() && !r.capacityProviderStrategy().isEmpty();
        if (r.launchType() != null && hasStrategy) {
            throw EcsErrors.invalidParameter("Specifying both a launch type and capacity provider strategy is not "
                    + "supported. Remove one and try again.");
        }
        TaskDefinition td = taskDefinitions.resolve(r.taskDefinition());
        if (!"ACTIVE".equals(td.statusAsString())) {
            throw EcsErrors.clientException("TaskDefinition is inactive");
        }
        String launchType = r.launchType() != null ? r.launchTypeAsString() : hasStrategy ? null : service.launchType();
        List<CapacityProviderStrategyItem> cps = hasStrategy ? r.capacityProviderStrategy()
                : r.launchType() != null ? List.of() : service.capacityProviderStrategy();
        if (launchType == null && cps.isEmpty()) {
            launchType = "EC2";
        }
        if (hasStrategy) {
            capacityProviders.validateStrategy(cps);
        }
        var network = r.networkConfiguration() != null ? r.networkConfiguration() : service.networkConfiguration();
        if ("FARGATE".equals(launchType) && !TaskResources.isFargateCompatible(td)) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        if (TaskResources.usesAwsvpc(td) && (network == null || network.awsvpcConfiguration() == null)) {
            throw EcsErrors.invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is "
                    + "specified.");
        }
        double scale = scalePercent(r.scale(), 100.0);
        loadBalancers.validate(r.hasLoadBalancers() ? r.loadBalancers() : List.of(), td, null,
                r.hasServiceRegistries() && !r.serviceRegistries().isEmpty(), service.deploymentController());
        tags.validate(r.hasTags() ? r.tags() : List.of());
        Instant now = region.now();
        String id = "ecs-svc/" + region.engine().random().digits(19);
        SimulatedDeployment launch = new SimulatedDeployment(id, td, launchType, cps, network, 0, now);
        launch.loadBalancers(r.hasLoadBalancers() ? r.loadBalancers() : List.of());
        List<ExternalTaskSet> list = sets.computeIfAbsent(service, s -> new ArrayList<>());
        String status = list.isEmpty() ? "PRIMARY" : "ACTIVE";
        ExternalTaskSet set = new ExternalTaskSet(region.arns().taskSet(service.clusterName(), service.name(), id),
                launch, r.externalId(), r.hasLoadBalancers() ? r.loadBalancers() : List.of(),
                r.hasServiceRegistries() ? r.serviceRegistries() : List.of(), status, scale);
        list.add(set);
        // One tag store: the creation tags are what ListTagsForResource and TagResource see too.
        tags.put(set.arn(), r.hasTags() ? r.tags() : List.of());
        if (set.isPrimary()) {
            service.taskDefinition(td);
        }
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "taskSet", id, "status", status, "taskDefinition",
                td.taskDefinitionArn(), "scale", Double.toString(scale));
        scheduler.reconcileSoon(service);
        return CreateTaskSetResponse.builder().taskSet(render(service, set, true)).build();
    }

    DeleteTaskSetResponse delete(SimulatedService service, DeleteTaskSetRequest r) {
        requireExternal(service);
        ExternalTaskSet set = resolve(service, r.taskSet());
        if (!set.isDraining()) {
            if (set.computedDesiredCount(service.desiredCount()) > 0 && !Boolean.TRUE.equals(r.force())) {
                throw EcsErrors.invalidParameter("The task set cannot be deleted while it is scaled above 0. "
                        + "Scale it to 0 or use force.");
            }
            set.status("DRAINING", region.now());
            region.record(JournalEventType.DEPLOYMENT, service.arn(), "taskSet", set.id(), "status", "DRAINING");
            scheduler.reconcileSoon(service);
        }
        return DeleteTaskSetResponse.builder().taskSet(render(service, set, true)).build();
    }

    DescribeTaskSetsResponse describe(SimulatedService service, DescribeTaskSetsRequest r) {
        if (!manages(service)) {   // CODE_DEPLOY services show their task sets too
            throw EcsErrors.invalidParameter(NOT_EXTERNAL);
        }
        boolean withTags = r.hasInclude() && r.include().contains(TaskSetField.TAGS);
        List<TaskSet> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        if (!r.hasTaskSets() || r.taskSets().isEmpty()) {
            for (ExternalTaskSet set : of(service)) {
                found.add(render(service, set, withTags));
            }
        } else {
            for (String ref : r.taskSets()) {
                ExternalTaskSet set = find(service, ref);
                if (set == null) {
                    String arn = ref.startsWith("arn:") ? ref
                            : region.arns().taskSet(service.clusterName(), service.name(), ref);
                    failures.add(Failure.builder().arn(arn).reason("MISSING").build());
                } else {
                    found.add(render(service, set, withTags));
                }
            }
        }
        return DescribeTaskSetsResponse.builder().taskSets(found).failures(failures).build();
    }

    UpdateTaskSetResponse update(SimulatedService service, UpdateTaskSetRequest r) {
        requireExternal(service);
        ExternalTaskSet set = resolve(service, r.taskSet());
        EcsErrors.require(r.scale(), "scale");
        if (set.isDraining()) {
            throw EcsErrors.invalidParameter("The task set " + set.id() + " is DRAINING and can't be updated.");
        }
        set.scalePercent(scalePercent(r.scale(), set.scalePercent()), region.now());
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "taskSet", set.id(), "scale",
                Double.toString(set.scalePercent()));
        scheduler.reconcileSoon(service);
        return UpdateTaskSetResponse.builder().taskSet(render(service, set, true)).build();
    }

    UpdateServicePrimaryTaskSetResponse updatePrimary(SimulatedService service, UpdateServicePrimaryTaskSetRequest r) {
        requireExternal(service);
        EcsErrors.require(r.primaryTaskSet(), "primaryTaskSet");
        ExternalTaskSet set = resolve(service, r.primaryTaskSet());
        if (set.isDraining()) {
            throw EcsErrors.invalidParameter("The task set " + set.id() + " is DRAINING and can't become PRIMARY.");
        }
        Instant now = region.now();
        for (ExternalTaskSet other : of(service)) {
            if (other != set && other.isPrimary()) {
                other.status("ACTIVE", now);
            }
        }
        if (!set.isPrimary()) {
            set.status("PRIMARY", now);
            service.taskDefinition(set.launch().taskDefinition());
            region.record(JournalEventType.DEPLOYMENT, service.arn(), "taskSet", set.id(), "status", "PRIMARY");
        }
        scheduler.reconcileSoon(service);
        return UpdateServicePrimaryTaskSetResponse.builder().taskSet(render(service, set, true)).build();
    }

    /** UpdateService on an EXTERNAL or CODE_DEPLOY service: only the desired count and a few settings may change. */
    void updateService(SimulatedService service, UpdateServiceRequest r) {
        if (isCodeDeploy(service)) {
            refuseCodeDeployChanges(service, r);
        }
        if (r.taskDefinition() != null || Boolean.TRUE.equals(r.forceNewDeployment())
                || r.networkConfiguration() != null || r.hasCapacityProviderStrategy()) {
            throw EcsErrors.invalidParameter("Unable to update the task definition, network configuration or "
                    + "capacity provider strategy of a service with the EXTERNAL deployment controller. Use task "
                    + "sets instead.");
        }
        if (r.desiredCount() != null) {
            if (r.desiredCount() < 0) {
                throw EcsErrors.invalidParameter("desiredCount can't be negative.");
            }
            service.desiredCount(r.desiredCount());
            region.record(JournalEventType.SERVICE, service.arn(), "desiredCount", Integer.toString(r.desiredCount()));
        }
        if (r.healthCheckGracePeriodSeconds() != null) {
            service.healthCheckGracePeriodSeconds(r.healthCheckGracePeriodSeconds());
        }
        if (r.deploymentConfiguration() != null) {
            service.deploymentConfiguration(r.deploymentConfiguration());
        }
        if (r.enableECSManagedTags() != null) {
            service.enableEcsManagedTags(r.enableECSManagedTags());
        }
        if (r.propagateTags() != null) {
            service.propagateTags(r.propagateTagsAsString());
        }
        scheduler.reconcileSoon(service);
    }

    /** What UpdateService refuses on a CODE_DEPLOY service, with ECS's messages. */
    private static void refuseCodeDeployChanges(SimulatedService service, UpdateServiceRequest r) {
        String use = " on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new "
                + "deployment.";
        if (r.taskDefinition() != null && (service.taskDefinition() == null
                || !r.taskDefinition().equals(service.taskDefinition().taskDefinitionArn()))) {
            throw EcsErrors.invalidParameter("Unable to update task definition" + use);
        }
        if (Boolean.TRUE.equals(r.forceNewDeployment())) {
            throw EcsErrors.invalidParameter("Cannot force a new deployment" + use);
        }
        if (r.networkConfiguration() != null || r.platformVersion() != null) {
            throw EcsErrors.invalidParameter("Unable to update network parameters" + use);
        }
        if (r.hasLoadBalancers() || r.hasCapacityProviderStrategy() || r.hasServiceRegistries()) {
            throw EcsErrors.invalidParameter("Unable to update load balancers, service registries or the capacity "
                    + "provider strategy" + use);
        }
    }

    // ---- reconciliation -------------------------------------------------------------------------

    /** Brings every task set of the service to its computed count; removes drained sets. */
    void reconcile(SimulatedService service) {
        Instant now = region.now();
        List<String> started = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        Instant retryAt = null;
        for (ExternalTaskSet set : of(service)) {
            List<SimulatedTask> live = tasksOf(service, set, serviceTasks.live(service));
            int want = set.computedDesiredCount(service.desiredCount());
            if (!set.isDraining() && set.reportDesiredCount(want)) {
                events.desiredCountComputed(service, set.arn(), want);
            }
            for (int i = live.size(); i < want; i++) {
                List<SimulatedTask> current = serviceTasks.live(service);
                LaunchResult result = launches.launch(launches.specFor(service, set.launch(), current));
                if (!result.placed()) {
                    retryAt = now.plus(ServiceScheduler.PLACEMENT_RETRY);
                    break;
                }
                serviceTasks.add(service, result.task());
                live.add(result.task());
                started.add(result.task().id());
            }
            while (live.size() > want) {
                SimulatedTask victim = pickVictim(live);
                live.remove(victim);
                tasks.stop(victim, "ServiceSchedulerInitiated",
                        "Scaling activity initiated by (deployment " + set.id() + ")");
                stopped.add(victim.id());
            }
            if (set.isDraining() && tasksOf(service, set, serviceTasks.all(service)).stream()
                    .allMatch(t -> "STOPPED".equals(t.lastStatus()))) {
                sets.get(service).remove(set);
                tags.remove(set.arn());
                region.record(JournalEventType.DEPLOYMENT, service.arn(), "taskSet", set.id(), "status", "INACTIVE");
                continue;
            }
            boolean steady = live.size() == want && live.stream().allMatch(SimulatedTask::isRunning);
            if (set.stability(steady ? "STEADY_STATE" : "STABILIZING", now) && steady) {
                events.taskSetSteady(service, set.arn());
            }
        }
        if (!started.isEmpty()) {
            events.write(service, ServiceMessages.started(service.name(), started));
        }
        if (!stopped.isEmpty()) {
            events.write(service, ServiceMessages.stopped(service.name(), stopped));
        }
        if (retryAt != null) {
            scheduler.reconcileAt(service, retryAt);
        }
    }

    private static SimulatedTask pickVictim(List<SimulatedTask> live) {
        for (int i = live.size() - 1; i >= 0; i--) {
            if (!live.get(i).isRunning()) {
                return live.get(i);
            }
        }
        return ScaleInSelector.pickTaskToStop(live);
    }

    private static List<SimulatedTask> tasksOf(SimulatedService service, ExternalTaskSet set, List<SimulatedTask> tasks) {
        List<SimulatedTask> list = new ArrayList<>();
        for (SimulatedTask t : tasks) {
            if (set.id().equals(t.deploymentId())) {
                list.add(t);
            }
        }
        return list;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private TaskSet render(SimulatedService service, ExternalTaskSet set,
                                                                     boolean withTags) {
        return renderer.render(service, set, serviceTasks.live(service), withTags);
    }

    /** Task set changes: only the EXTERNAL controller lets a caller make them (CodeDeploy makes its own). */
    private static void requireExternal(SimulatedService service) {
        if (!"EXTERNAL".equals(service.deploymentController())) {
            throw EcsErrors.invalidParameter(NOT_EXTERNAL);
        }
    }

    private ExternalTaskSet find(SimulatedService service, String ref) {
        for (ExternalTaskSet set : of(service)) {
            if (set.isNamedBy(ref)) {
                return set;
            }
        }
        return null;
    }

    private ExternalTaskSet resolve(SimulatedService service, String ref) {
        EcsErrors.require(ref, "taskSet");
        ExternalTaskSet set = find(service, ref);
        if (set == null) {
            throw EcsErrors.of("TaskSetNotFoundException", "The specified task set does not exist.");
        }
        return set;
    }

    private static double scalePercent(Scale scale, double fallback) {
        if (scale == null) {
            return fallback;
        }
        if (scale.unit() != null && !"PERCENT".equals(scale.unitAsString())) {
            throw EcsErrors.invalidParameter("scale.unit must be PERCENT.");
        }
        double value = scale.value() == null ? fallback : scale.value();
        if (value < 0 || value > 100 || Double.isNaN(value)) {
            throw EcsErrors.invalidParameter("scale.value must be between 0 and 100, got " + value + ".");
        }
        return value;
    }
}
