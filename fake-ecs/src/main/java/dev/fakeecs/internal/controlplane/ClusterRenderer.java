package dev.fakeecs.internal.controlplane;

import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Attachment;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.Tasks;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link SimulatedCluster} into the SDK's {@code SimulatedCluster} shape, with counters derived from the
 * other domains and the optional parts that DescribeClusters' {@code include} asks for.
 */
final class ClusterRenderer {

    private final Tags tags;
    private final CapacityProviders capacityProviders;
    private final ContainerInstances containerInstances;
    private final Tasks tasks;
    private final Services services;

    ClusterRenderer(Tags tags, CapacityProviders capacityProviders, ContainerInstances containerInstances, Tasks tasks,
                    Services services) {
        this.tags = tags;
        this.capacityProviders = capacityProviders;
        this.containerInstances = containerInstances;
        this.tasks = tasks;
        this.services = services;
    }

    Cluster render(SimulatedCluster cluster, Set<ClusterField> include) {
        List<SimulatedTask> active = tasks.activeInCluster(cluster.name());
        int running = 0;
        int pending = 0;
        int runningEc2 = 0;
        int runningFargate = 0;
        int pendingEc2 = 0;
        int pendingFargate = 0;
        for (SimulatedTask t : active) {
            // runningTasksCount: tasks in the RUNNING state, even one already told to stop (a Spot
            // notice); pendingTasksCount: tasks on their way to RUNNING that are still meant to run.
            boolean isRunning = t.isRunning();
            if (!isRunning && !"RUNNING".equals(t.desiredStatus())) {
                continue;
            }
            if (isRunning) {
                running++;
            } else {
                pending++;
            }
            if (t.isFargate()) {
                if (isRunning) {
                    runningFargate++;
                } else {
                    pendingFargate++;
                }
            } else if (isRunning) {
                runningEc2++;
            } else {
                pendingEc2++;
            }
        }
        var builder = Cluster.builder()
                .clusterArn(cluster.arn())
                .clusterName(cluster.name())
                .status(cluster.status())
                .registeredContainerInstancesCount(containerInstances.inCluster(cluster.name()).size())
                .runningTasksCount(running)
                .pendingTasksCount(pending)
                .activeServicesCount(services.activeServiceCount(cluster.name(), null))
                .capacityProviders(cluster.capacityProviders())
                .defaultCapacityProviderStrategy(cluster.defaultStrategy());
        if (cluster.serviceConnectDefaults() != null) {
            builder.serviceConnectDefaults(cluster.serviceConnectDefaults());
        }
        if (include.contains(ClusterField.SETTINGS)) {
            builder.settings(cluster.settings());
        }
        if (include.contains(ClusterField.CONFIGURATIONS) && cluster.configuration() != null) {
            builder.configuration(cluster.configuration());
        }
        if (include.contains(ClusterField.TAGS)) {
            builder.tags(tags.tagsOf(cluster.arn()));
        }
        if (include.contains(ClusterField.ATTACHMENTS)) {
            builder.attachments(scalingPolicies(cluster));
            builder.attachmentsStatus("UPDATE_COMPLETE");
        }
        if (include.contains(ClusterField.STATISTICS)) {
            List<KeyValuePair> stats = new ArrayList<>();
            stats.add(stat("runningEC2TasksCount", runningEc2));
            stats.add(stat("runningFargateTasksCount", runningFargate));
            stats.add(stat("pendingEC2TasksCount", pendingEc2));
            stats.add(stat("pendingFargateTasksCount", pendingFargate));
            stats.add(stat("activeEC2ServiceCount", services.activeServiceCount(cluster.name(), "EC2")));
            stats.add(stat("activeFargateServiceCount",
                    services.activeServiceCount(cluster.name(), "FARGATE")));
            stats.add(stat("drainingEC2ServiceCount", services.drainingServiceCount(cluster.name(), "EC2")));
            stats.add(stat("drainingFargateServiceCount",
                    services.drainingServiceCount(cluster.name(), "FARGATE")));
            builder.statistics(stats);
        }
        return builder.build();
    }

    /**
     * One {@code as_policy} attachment per Auto Scaling group provider of the cluster whose managed
     * scaling is on: the target-tracking policy ECS keeps on the group. Ids are derived from the
     * names (no random draw happens while rendering).
     */
    private List<Attachment> scalingPolicies(SimulatedCluster cluster) {
        List<Attachment> list = new ArrayList<>();
        for (String name : cluster.capacityProviders()) {
            var cp = capacityProviders.find(name);
            if (cp == null || !cp.managedScaling()) {
                continue;
            }
            String id = java.util.UUID.nameUUIDFromBytes((cluster.arn() + "|" + name)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
            list.add(Attachment.builder().id(id).type("as_policy")
                    .status("CREATED")
                    .details(KeyValuePair.builder().name("capacityProviderName").value(name).build(),
                            KeyValuePair.builder().name("scalingPolicyName")
                                    .value("ECSManagedAutoScalingPolicy-" + id).build())
                    .build());
        }
        return list;
    }

    private static KeyValuePair stat(String name, int value) {
        return KeyValuePair.builder().name(name).value(Integer.toString(value)).build();
    }
}
