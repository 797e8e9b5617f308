package dev.fakeecs.internal.task;

import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

import java.util.List;

/**
 * Everything needed to launch one task, however it was asked for (RunTask, StartTask, a service).
 *
 * <pre>{@code
 * LaunchResult r = tasks.launch(spec);   // spec built by RunTask's planner or the scheduler
 * }</pre>
 *
 * @param clusterName          the cluster
 * @param taskDefinition       what to run
 * @param launchType           EC2 or FARGATE (decided from the capacity provider when one is given)
 * @param capacityProvider     the capacity provider, or null for an explicit launch type
 * @param group                the task group (family:x, service:x)
 * @param startedBy            the startedBy tag, or null
 * @param overrides            container overrides, or null
 * @param constraints          placement constraints (EC2 only)
 * @param strategies           placement strategies (EC2 only)
 * @param network              awsvpc network configuration, or null
 * @param tags                 tags for the task
 * @param enableExecuteCommand whether ECS Exec is on
 * @param serviceName          the owning service, or null
 * @param deploymentId         the owning deployment, or null
 */
public record LaunchSpec(String clusterName, TaskDefinition taskDefinition, String launchType, String capacityProvider,
                         String group, String startedBy, TaskOverride overrides, List<PlacementConstraint> constraints,
                         List<PlacementStrategy> strategies, NetworkConfiguration network, List<Tag> tags,
                         boolean enableExecuteCommand, String serviceName, String deploymentId) {
}
