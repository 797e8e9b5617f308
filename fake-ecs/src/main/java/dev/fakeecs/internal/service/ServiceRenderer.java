package dev.fakeecs.internal.service;

import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Deployment;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.task.SimulatedTask;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentController;

import java.util.ArrayList;
import java.util.List;

/** Turns a {@link SimulatedService} into the SDK's {@code SimulatedService} shape, as DescribeServices answers it. */
final class ServiceRenderer {

    private final RegionContext region;
    private final ServiceTasks tasks;
    private final Tags tags;

    ServiceRenderer(RegionContext region, ServiceTasks tasks, Tags tags) {
        this.region = region;
        this.tasks = tasks;
        this.tags = tags;
    }

    Service render(SimulatedService s, boolean withTags) {
        List<SimulatedTask> live = tasks.live(s);
        int running = 0;
        int pending = 0;
        for (SimulatedTask t : live) {
            if (t.isRunning()) {
                running++;
            } else {
                pending++;
            }
        }
        List<Deployment> deployments = new ArrayList<>();
        for (SimulatedDeployment d : s.deployments()) {
            deployments.add(render(s, d, live));
        }
        var b = Service.builder()
                .serviceArn(s.arn())
                .serviceName(s.name())
                .clusterArn(region.arns().cluster(s.clusterName()))
                .status(s.status())
                .desiredCount(s.desiredCount())
                .runningCount(running)
                .pendingCount(pending)
                .launchType(s.launchType())
                .capacityProviderStrategy(s.capacityProviderStrategy())
                .taskDefinition(s.taskDefinition() == null ? null : s.taskDefinition().taskDefinitionArn())
                .deploymentConfiguration(effectiveConfig(s))
                .deployments(deployments)
                .events(s.events().list())
                .createdAt(s.createdAt())
                .createdBy("arn:aws:iam::" + region.engine().accountId() + ":root")
                .placementConstraints(s.placementConstraints())
                .placementStrategy(s.placementStrategy())
                .networkConfiguration(s.networkConfiguration())
                .healthCheckGracePeriodSeconds(s.healthCheckGracePeriodSeconds())
                .schedulingStrategy(s.schedulingStrategy())
                .deploymentController(DeploymentController.builder().type(s.deploymentController()).build())
                .enableExecuteCommand(s.enableExecuteCommand())
                .loadBalancers(s.loadBalancers())
                .serviceRegistries(s.serviceRegistries())
                .roleArn(s.roleArn())
                .enableECSManagedTags(s.enableEcsManagedTags())
                .propagateTags(s.propagateTags())
                .availabilityZoneRebalancing(s.availabilityZoneRebalancing())
                .platformVersion("FARGATE".equals(s.effectiveLaunchType()) ? "LATEST" : null)
                .platformFamily("FARGATE".equals(s.effectiveLaunchType()) ? "Linux" : null);
        if (withTags) {
            b.tags(tags.tagsOf(s.arn()));
        }
        return b.build();
    }

    private Deployment render(SimulatedService s, SimulatedDeployment d, List<SimulatedTask> live) {
        int running = 0;
        int pending = 0;
        for (SimulatedTask t : live) {
            if (d.id().equals(t.deploymentId())) {
                if (t.isRunning()) {
                    running++;
                } else {
                    pending++;
                }
            }
        }
        return Deployment.builder()
                .id(d.id())
                .status(d.status())
                .taskDefinition(d.taskDefinition().taskDefinitionArn())
                .desiredCount(d.desiredCount())
                .runningCount(running)
                .pendingCount(pending)
                .failedTasks(d.failedTasks())
                .createdAt(d.createdAt())
                .updatedAt(d.updatedAt())
                .launchType(d.launchType())
                .capacityProviderStrategy(d.capacityProviderStrategy())
                .networkConfiguration(d.networkConfiguration())
                .rolloutState(d.rolloutState())
                .rolloutStateReason(d.rolloutStateReason())
                .platformVersion("FARGATE".equals(s.effectiveLaunchType()) ? "1.4.0" : null)
                .build();
    }

    static DeploymentConfiguration effectiveConfig(SimulatedService s) {
        DeploymentConfiguration c = s.deploymentConfiguration();
        DeploymentConfiguration.Builder b = c == null ? DeploymentConfiguration.builder() : c.toBuilder();
        if (c == null || c.minimumHealthyPercent() == null) {
            b.minimumHealthyPercent(s.isDaemon() ? 0 : 100);
        }
        if (c == null || c.maximumPercent() == null) {
            b.maximumPercent(s.isDaemon() ? 100 : 200);
        }
        if (c == null || c.deploymentCircuitBreaker() == null) {
            b.deploymentCircuitBreaker(cb -> cb.enable(false).rollback(false));
        }
        return b.build();
    }
}
