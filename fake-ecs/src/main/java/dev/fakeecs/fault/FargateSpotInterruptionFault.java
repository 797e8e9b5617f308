package dev.fakeecs.fault;

import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.taskdefinition.TaskResources;

import java.time.Duration;
import java.util.List;

/**
 * FARGATE_SPOT_INTERRUPTION: for the named task, a percentage of a service's FARGATE_SPOT tasks,
 * or every FARGATE_SPOT task in a zone/cluster: the two-minute warning sets desiredStatus
 * STOPPED with stopCode {@code SpotInterruption} and reason {@code Your Spot Task was interrupted.}
 * while the task is still RUNNING, SIGTERM goes to its containers, and the task stops after
 * min(stopTimeout, notice). The service scheduler starts replacements at the warning.
 */
final class FargateSpotInterruptionFault implements ActiveFault {

    static final String STOP_CODE = "SpotInterruption";
    static final String REASON = "Your Spot Task was interrupted.";

    private final FaultContext ctx;

    FargateSpotInterruptionFault(FaultContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void start() {
        List<SimulatedTask> tasks = Targets.tasks(ctx, t -> "FARGATE_SPOT".equals(t.capacityProviderName()), false);
        if (tasks.isEmpty()) {
            ctx.effect(ctx.id(), "effect", "no matching FARGATE_SPOT task");
        }
        for (SimulatedTask task : tasks) {
            Duration stopTimeout = TaskResources.stopTimeout(task.taskDefinition(), true);
            Duration grace = stopTimeout.compareTo(ctx.notice()) < 0 ? stopTimeout : ctx.notice();
            ctx.effect(task.arn(), "effect", "spot interruption warning", "stopsAfter", grace.toString());
            ctx.region().tasks().lifecycle().stopAfter(task, STOP_CODE, REASON, grace);
            if (task.serviceName() != null) {
                SimulatedService service = ctx.region().services().find(task.clusterName(), task.serviceName());
                if (service != null) {
                    ctx.region().services().scheduler().reconcileSoon(service);
                }
            }
        }
        ctx.finished();
    }
}
