package dev.fakeecs.fault;

import dev.fakeecs.internal.task.SimulatedContainer;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.TaskLifecycle;

import java.util.List;

/**
 * STOP_TASK (as FIS's aws:ecs:stop-task, through StopTask: stopCode {@code UserInitiated},
 * reason {@code SimulatedTask stopped by user}) and KILL_CONTAINER (the task's first essential running
 * container exits with {@code exitCode}, 137 by default with reason
 * {@code OutOfMemoryError: Container killed due to memory usage}; the task then stops with
 * {@code EssentialContainerExited}). Targets the named task, else one task (or a percentage)
 * of the service/cluster/zone.
 */
final class TaskKillFault implements ActiveFault {

    static final String OOM_REASON = "OutOfMemoryError: Container killed due to memory usage";

    private final FaultContext ctx;
    private final boolean killContainer;

    TaskKillFault(FaultContext ctx, boolean killContainer) {
        this.ctx = ctx;
        this.killContainer = killContainer;
    }

    @Override
    public void start() {
        List<SimulatedTask> tasks = Targets.tasks(ctx, t -> !killContainer || t.isRunning(), true);
        if (tasks.isEmpty()) {
            ctx.effect(ctx.id(), "effect", "no matching task");
        }
        for (SimulatedTask task : tasks) {
            if (killContainer) {
                kill(task);
            } else {
                ctx.effect(task.arn(), "effect", "stop task");
                ctx.region().tasks().stop(task, "UserInitiated", "Task stopped by user");
            }
        }
        ctx.finished();
    }

    private void kill(SimulatedTask task) {
        int exitCode = ctx.spec().exitCode() == null ? TaskLifecycle.SIGKILL_EXIT : ctx.spec().exitCode();
        for (SimulatedContainer c : task.containers()) {
            if (c.essential() && !c.isStopped()) {
                ctx.effect(task.arn(), "effect", "container killed", "container", c.name(), "exitCode",
                        String.valueOf(exitCode));
                ctx.region().tasks().lifecycle().containerExited(task, c, exitCode,
                        exitCode == TaskLifecycle.SIGKILL_EXIT ? OOM_REASON : null);
                return;
            }
        }
    }
}
