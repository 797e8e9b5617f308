package dev.fakeecs.fault;

import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * EC2_SPOT_INTERRUPTION: EC2 sends the interruption notice (two minutes unless {@code notice}
 * says otherwise); if the cluster enables Spot instance draining the agent sets the host DRAINING
 * at once (the service scheduler then moves its tasks within the deployment configuration); at
 * the end of the notice the instance terminates. Targets Spot hosts unless one is named. A Managed Instance
 * (capacityOptionType SPOT) is always drained; ECS then launches replacement instances for the tasks that wait.
 * Closing the handle during the notice cancels the termination.
 */
final class Ec2SpotInterruptionFault implements ActiveFault {

    private final FaultContext ctx;
    private final List<ScheduledEvent> terminations = new ArrayList<>();

    Ec2SpotInterruptionFault(FaultContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void start() {
        List<SimulatedContainerInstance> hosts = Targets.instances(ctx, SimulatedContainerInstance::spot, true);
        if (hosts.isEmpty()) {
            ctx.effect(ctx.id(), "effect", "no matching Spot instance");
            ctx.finished();
            return;
        }
        int[] remaining = {hosts.size()};
        for (SimulatedContainerInstance ci : hosts) {
            SimulatedCluster cluster = ctx.region().clusters().find(ci.clusterName());
            var provider = ctx.region().capacityProviders().find(ci.capacityProviderName());
            // ECS drains a Managed Instance on a Spot notice whatever the cluster's agent setting says
            boolean drain = (cluster != null && cluster.spotInstanceDraining())
                    || (provider != null && provider.isManagedInstances());
            ctx.effect(ci.arn(), "effect", "spot interruption notice", "ec2InstanceId", ci.ec2InstanceId(),
                    "terminatesAt", ctx.region().now().plus(ctx.notice()).toString(), "draining",
                    String.valueOf(drain));
            if (drain && ci.isActive()) {
                ctx.region().containerInstanceOperations().updateContainerInstancesState(UpdateContainerInstancesStateRequest
                        .builder().cluster(ci.clusterName()).containerInstances(ci.arn())
                        .status(ContainerInstanceStatus.DRAINING).build());
            }
            terminations.add(ctx.region().engine().clock().schedule(ctx.notice(),
                    "spot interruption terminates " + ci.ec2InstanceId(), () -> {
                        Hosts.terminate(ctx, ci, "spot interruption");
                        if (--remaining[0] == 0) {
                            ctx.finished();
                        }
                    }));
        }
    }

    @Override
    public void end() {
        terminations.forEach(ScheduledEvent::cancel);
    }
}
