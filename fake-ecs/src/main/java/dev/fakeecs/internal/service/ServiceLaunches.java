package dev.fakeecs.internal.service;

import software.amazon.awssdk.services.ecs.model.Tag;
import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.placement.PlacementStrategies;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.LaunchResult;
import dev.fakeecs.internal.task.LaunchSpec;
import dev.fakeecs.internal.task.SimulatedTask;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the launch of one service task for a deployment: capacity provider, placement, network. */
final class ServiceLaunches {

    private final RegionContext region;
    private final Tags tags;
    private final CapacityProviders capacityProviders;
    private final Tasks tasks;

    ServiceLaunches(RegionContext region, Tags tags, CapacityProviders capacityProviders, Tasks tasks) {
        this.region = region;
        this.tags = tags;
        this.capacityProviders = capacityProviders;
        this.tasks = tasks;
    }

    LaunchSpec specFor(SimulatedService service, SimulatedDeployment deployment, List<SimulatedTask> live) {
        String provider = null;
        String launchType = deployment.launchType();
        List<CapacityProviderStrategyItem> strategy = deployment.capacityProviderStrategy();
        if (launchType == null && !strategy.isEmpty()) {
            Map<String, Integer> current = new LinkedHashMap<>();
            for (SimulatedTask t : live) {
                if (deployment.id().equals(t.deploymentId()) && t.capacityProviderName() != null) {
                    current.merge(t.capacityProviderName(), 1, Integer::sum);
                }
            }
            provider = capacityProviders.nextProvider(strategy, current);
            launchType = capacityProviders.launchTypeOf(provider);
        } else if ("MANAGED_INSTANCES".equals(launchType)) {
            provider = capacityProviders.managedInstancesProviderOf(service.clusterName());
        } else if (launchType == null) {
            launchType = "EC2";
        }
        List<PlacementStrategy> placement = service.placementStrategy().isEmpty()
                ? PlacementStrategies.SERVICE_DEFAULT : service.placementStrategy();
        return new LaunchSpec(service.clusterName(), deployment.taskDefinition(), launchType, provider,
                service.group(), deployment.id(), null, service.placementConstraints(), placement,
                deployment.networkConfiguration(), propagatedTags(service, deployment), service.enableExecuteCommand(),
                service.name(),
                deployment.id());
    }

    /**
     * The tags a service task gets: with {@code propagateTags} SERVICE the service's tags, with
     * TASK_DEFINITION the task definition's, otherwise none; then, with {@code enableECSManagedTags},
     * {@code aws:ecs:clusterName} and {@code aws:ecs:serviceName}. The service's current settings
     * apply (UpdateService changes them for tasks started afterwards).
     */
    private List<Tag> propagatedTags(SimulatedService service, SimulatedDeployment deployment) {
        String propagate = service.propagateTags();
        List<Tag> result = new ArrayList<>();
        if ("SERVICE".equals(propagate)) {
            tags.tagsOf(service.arn()).stream().filter(t -> !t.key().startsWith("aws:")).forEach(result::add);
        } else if ("TASK_DEFINITION".equals(propagate)) {
            tags.tagsOf(deployment.taskDefinition().taskDefinitionArn()).stream()
                    .filter(t -> !t.key().startsWith("aws:")).forEach(result::add);
        }
        if (service.enableEcsManagedTags()) {
            result.add(Tag.builder().key(MANAGED_CLUSTER).value(service.clusterName()).build());
            result.add(Tag.builder().key(MANAGED_SERVICE).value(service.name()).build());
        }
        return result;
    }

    /** The ECS managed tag naming a task's cluster. */
    static final String MANAGED_CLUSTER = "aws:ecs:clusterName";
    /** The ECS managed tag naming a task's service. */
    static final String MANAGED_SERVICE = "aws:ecs:serviceName";

    /** Launches one task of a service; the cluster's task quota stops it with a result, not an exception. */
    LaunchResult launch(LaunchSpec spec) {
        if (tasks.exceedsClusterQuota(spec.clusterName(), 1)) {
            return new LaunchResult(null, List.of(), LaunchResult.CLUSTER_TASK_LIMIT_EXCEEDED);
        }
        return tasks.launch(spec);
    }
}
