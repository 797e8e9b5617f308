package dev.fakeecs.fault;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;

import java.util.List;

/**
 * DRAIN_CONTAINER_INSTANCES (FIS aws:ecs:drain-container-instances): {@code percentage} (default
 * 100) of the cluster's ACTIVE hosts go DRAINING through UpdateContainerInstancesState; when the
 * fault ends, those still DRAINING go ACTIVE again.
 */
final class DrainFault implements ActiveFault {

    private final FaultContext ctx;
    private List<SimulatedContainerInstance> drained = List.of();

    DrainFault(FaultContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void start() {
        drained = Targets.instances(ctx, SimulatedContainerInstance::isActive, false);
        for (SimulatedContainerInstance ci : drained) {
            ctx.effect(ci.arn(), "effect", "draining");
            set(ci, ContainerInstanceStatus.DRAINING);
        }
    }

    @Override
    public void end() {
        for (SimulatedContainerInstance ci : drained) {
            if ("DRAINING".equals(ci.status())) {
                ctx.effect(ci.arn(), "effect", "active again");
                set(ci, ContainerInstanceStatus.ACTIVE);
            }
        }
    }

    private void set(SimulatedContainerInstance ci, ContainerInstanceStatus status) {
        ctx.region().containerInstanceOperations().updateContainerInstancesState(UpdateContainerInstancesStateRequest.builder()
                .cluster(ci.clusterName()).containerInstances(ci.arn()).status(status).build());
    }
}
