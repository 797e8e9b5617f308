package dev.fakeecs.internal.service;

import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.task.SimulatedTask;
import software.amazon.awssdk.services.ecs.model.Scale;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.TaskSet;

import java.util.List;

/** Turns an {@link ExternalTaskSet} into the SDK's {@code TaskSet} shape, as DescribeTaskSets answers it. */
final class TaskSetRenderer {

    private final RegionContext region;
    private final Tags tags;

    TaskSetRenderer(RegionContext region, Tags tags) {
        this.region = region;
        this.tags = tags;
    }

    TaskSet render(SimulatedService service, ExternalTaskSet set, List<SimulatedTask> live, boolean withTags) {
        int running = 0;
        int pending = 0;
        for (SimulatedTask t : live) {
            if (set.id().equals(t.deploymentId())) {
                if (t.isRunning()) {
                    running++;
                } else {
                    pending++;
                }
            }
        }
        boolean fargate = "FARGATE".equals(set.launch().launchType()) || set.launch().launchType() == null
                && "FARGATE".equals(service.effectiveLaunchType());
        TaskSet.Builder b = TaskSet.builder()
                .id(set.id())
                .taskSetArn(set.arn())
                .serviceArn(service.arn())
                .clusterArn(region.arns().cluster(service.clusterName()))
                .externalId(set.externalId())
                .status(set.status())
                .taskDefinition(set.launch().taskDefinition().taskDefinitionArn())
                .computedDesiredCount(set.computedDesiredCount(service.desiredCount()))
                .runningCount(running)
                .pendingCount(pending)
                .createdAt(set.createdAt())
                .updatedAt(set.updatedAt())
                .launchType(set.launch().launchType())
                .capacityProviderStrategy(set.launch().capacityProviderStrategy())
                .platformVersion(fargate ? "1.4.0" : null)
                .platformFamily(fargate ? "Linux" : null)
                .networkConfiguration(set.launch().networkConfiguration())
                .loadBalancers(set.loadBalancers())
                .serviceRegistries(set.serviceRegistries())
                .scale(Scale.builder().value(set.scalePercent()).unit(ScaleUnit.PERCENT).build())
                .stabilityStatus(set.stabilityStatus())
                .stabilityStatusAt(set.stabilityStatusAt());
        if (withTags) {
            b.tags(tags.tagsOf(set.arn()));
        }
        return b.build();
    }
}
