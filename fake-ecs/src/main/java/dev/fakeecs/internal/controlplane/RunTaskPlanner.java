package dev.fakeecs.internal.controlplane;

import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.placement.PlacementStrategies;
import dev.fakeecs.internal.placement.TaskPlacer;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.task.LaunchSpec;
import dev.fakeecs.internal.taskdefinition.TaskDefinitions;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.taskdefinition.TaskResources;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a RunTask or StartTask request and plans one {@link LaunchSpec} per task: the task
 * definition, the launch type or capacity provider of each task (base first, then weights, by
 * largest remainder), the group, placement and network.
 */
final class RunTaskPlanner {

    private final RegionContext region;
    private final Tags tags;
    private final CapacityProviders capacityProviders;
    private final ContainerInstances containerInstances;
    private final TaskDefinitions taskDefinitions;

    RunTaskPlanner(RegionContext region, Tags tags, CapacityProviders capacityProviders,
                   ContainerInstances containerInstances, TaskDefinitions taskDefinitions) {
        this.region = region;
        this.tags = tags;
        this.capacityProviders = capacityProviders;
        this.containerInstances = containerInstances;
        this.taskDefinitions = taskDefinitions;
    }

    List<LaunchSpec> plan(SimulatedCluster cluster, RunTaskRequest request) {
        EcsErrors.require(request.taskDefinition(), "taskDefinition");
        int count = request.count() == null ? 1 : request.count();
        int max = region.engine().quotas().tasksPerRunTask();
        if (count < 1 || count > max) {
            throw EcsErrors.invalidParameter("count must be between 1 and " + max + ".");
        }
        boolean hasStrategy = request.hasCapacityProviderStrategy() && !request.capacityProviderStrategy().isEmpty();
        if (request.launchType() != null && hasStrategy) {
            throw EcsErrors.invalidParameter("Specifying both a launch type and capacity provider strategy is not "
                    + "supported. Remove one and try again.");
        }
        TaskDefinition td = runnable(request.taskDefinition());
        List<PlacementConstraint> constraints = request.hasPlacementConstraints()
                ? request.placementConstraints() : List.of();
        List<PlacementStrategy> strategies = request.hasPlacementStrategy() ? request.placementStrategy() : List.of();
        checkConstraintCount(constraints, td);
        TaskPlacer.validate(constraints, strategies, region.engine().quotas().placementConstraints(),
                region.engine().quotas().placementStrategies());
        List<Tag> tags = taskTags(td, request.propagateTagsAsString(), request.hasTags() ? request.tags() : List.of(),
                Boolean.TRUE.equals(request.enableECSManagedTags()) ? cluster.name() : null);
        if (strategies.isEmpty()) {
            strategies = PlacementStrategies.RUN_TASK_DEFAULT;
        }
        String group = request.group() == null || request.group().isEmpty() ? "family:" + td.family() : request.group();
        checkStartedBy(request.startedBy());

        List<String> providers = new ArrayList<>();
        String launchType;
        if (request.launchType() != null) {
            launchType = request.launchTypeAsString();
            String provider = null;
            if ("MANAGED_INSTANCES".equals(launchType)) {
                provider = capacityProviders.managedInstancesProviderOf(cluster);
                if (provider == null) {
                    throw EcsErrors.invalidParameter("The cluster " + cluster.name() + " has no capacity provider of "
                            + "type MANAGED_INSTANCES. Create one for the cluster and try again.");
                }
            }
            for (int i = 0; i < count; i++) {
                providers.add(provider);
            }
        } else {
            List<CapacityProviderStrategyItem> strategy = hasStrategy ? request.capacityProviderStrategy()
                    : cluster.defaultStrategy();
            if (strategy.isEmpty()) {
                launchType = "EC2";
                for (int i = 0; i < count; i++) {
                    providers.add(null);
                }
            } else {
                if (hasStrategy) {
                    for (CapacityProviderStrategyItem item : strategy) {
                        if (!cluster.capacityProviders().contains(item.capacityProvider())) {
                            throw EcsErrors.invalidParameter("The specified capacity provider strategy cannot contain "
                                    + "a capacity provider that is not associated with the cluster. Associate the "
                                    + "capacity provider with the cluster or specify a valid capacity provider and "
                                    + "try again.");
                        }
                    }
                    capacityProviders.strategies().validate(strategy, cluster);
                }
                launchType = null;
                Map<String, Integer> split = capacityProviders.split(strategy, count, Map.of());
                split.forEach((provider, n) -> {
                    for (int i = 0; i < n; i++) {
                        providers.add(provider);
                    }
                });
            }
        }
        List<LaunchSpec> specs = new ArrayList<>(count);
        for (String provider : providers) {
            String type = launchType != null ? launchType : capacityProviders.launchTypeOf(provider);
            checkCompatible(td, type, request.networkConfiguration());
            specs.add(new LaunchSpec(cluster.name(), td, type, provider, group, request.startedBy(),
                    request.overrides(), constraints, strategies, request.networkConfiguration(), tags,
                    Boolean.TRUE.equals(request.enableExecuteCommand()), null, null));
        }
        if (specs.stream().anyMatch(s -> "EC2".equals(s.launchType()) && s.capacityProvider() == null)
                && containerInstances.inCluster(cluster.name()).isEmpty()) {
            throw EcsErrors.invalidParameter("No Container Instances were found in your cluster.");
        }
        return specs;
    }

    LaunchSpec planStart(SimulatedCluster cluster, StartTaskRequest request) {
        EcsErrors.require(request.taskDefinition(), "taskDefinition");
        TaskDefinition td = runnable(request.taskDefinition());
        checkStartedBy(request.startedBy());
        checkCompatible(td, "EC2", request.networkConfiguration());
        String group = request.group() == null || request.group().isEmpty() ? "family:" + td.family() : request.group();
        List<Tag> tags = taskTags(td, request.propagateTagsAsString(), request.hasTags() ? request.tags() : List.of(),
                Boolean.TRUE.equals(request.enableECSManagedTags()) ? cluster.name() : null);
        return new LaunchSpec(cluster.name(), td, "EC2", null, group, request.startedBy(), request.overrides(),
                List.of(), List.of(), request.networkConfiguration(), tags,
                Boolean.TRUE.equals(request.enableExecuteCommand()), null, null);
    }

    /** The task definition a request names, which must be ACTIVE to start new tasks. */
    TaskDefinition runnable(String reference) {
        TaskDefinition td = taskDefinitions.resolve(reference);
        if (!"ACTIVE".equals(td.statusAsString())) {
            throw EcsErrors.clientException("TaskDefinition is inactive");
        }
        return td;
    }

    /**
     * The tags a new task gets: with {@code propagateTags} TASK_DEFINITION the task definition's tags
     * first, then the request's (a request tag wins over a task definition tag of the same key). Checked
     * here, before any task exists, with the same rules as TagResource (at most 50, no {@code aws:} prefix).
     */
    private List<Tag> taskTags(TaskDefinition td, String propagateTags, List<Tag> requestTags, String managedCluster) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        if ("TASK_DEFINITION".equals(propagateTags)) {
            tags.tagsOf(td.taskDefinitionArn()).forEach(t -> byKey.put(t.key(), t));
        }
        requestTags.forEach(t -> byKey.put(t.key(), t));
        List<Tag> merged = List.copyOf(byKey.values());
        tags.validate(merged);
        if (managedCluster == null) {
            return merged;
        }
        // enableECSManagedTags: ECS adds aws:ecs:clusterName (not counted, not writable by users).
        List<Tag> withManaged = new ArrayList<>(merged);
        withManaged.add(Tag.builder().key("aws:ecs:clusterName").value(managedCluster).build());
        return withManaged;
    }

    /**
     * At most 10 placement constraints per task, counting the task definition's own (reference
     * section 3 and 10).
     */
    private void checkConstraintCount(List<PlacementConstraint> constraints, TaskDefinition td) {
        int max = region.engine().quotas().placementConstraints();
        int fromTaskDefinition = td.placementConstraints().size();
        if (constraints.size() + fromTaskDefinition > max) {
            throw EcsErrors.invalidParameter("Too many placementConstraints: " + constraints.size() + " given and "
                    + fromTaskDefinition + " in the task definition, at most " + max + " allowed in all.");
        }
    }

    private static void checkStartedBy(String startedBy) {
        if (startedBy != null && startedBy.length() > 128) {
            throw EcsErrors.invalidParameter("startedBy: must be at most 128 characters.");
        }
    }

    static void checkCompatible(TaskDefinition td, String launchType, NetworkConfiguration network) {
        if ("FARGATE".equals(launchType) && !TaskResources.isFargateCompatible(td)) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        if ("MANAGED_INSTANCES".equals(launchType) && !TaskResources.isManagedInstancesCompatible(td)) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type MANAGED_INSTANCES.");
        }
        if (TaskResources.usesAwsvpc(td) && (network == null || network.awsvpcConfiguration() == null)) {
            throw EcsErrors.invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is "
                    + "specified.");
        }
        if (network != null && network.awsvpcConfiguration() != null) {
            if (!TaskResources.usesAwsvpc(td)) {
                throw EcsErrors.invalidParameter("Network Configuration is not valid for the given networkMode of "
                        + "this task definition.");
            }
            if (!network.awsvpcConfiguration().hasSubnets() || network.awsvpcConfiguration().subnets().isEmpty()) {
                throw EcsErrors.invalidParameter("subnets can not be empty.");
            }
            if (network.awsvpcConfiguration().subnets().size() > 16) {
                throw EcsErrors.invalidParameter("subnets can have at most 16 items.");
            }
        }
    }
}
