package dev.fakeecs.fault;

import dev.fakeecs.internal.task.SimulatedContainer;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.TaskStateListener;

/**
 * HEALTH_CHECK_FAILURE: the essential containers of the matching tasks (the named task, or every
 * task of the service/cluster/zone, or a percentage) turn UNHEALTHY; while the fault lasts, tasks
 * of the same selection that reach RUNNING turn UNHEALTHY too. The service scheduler replaces
 * them ({@code SimulatedTask failed container health checks}) once the health check grace period is over.
 */
final class HealthCheckFailureFault implements ActiveFault, TaskStateListener {

    private final FaultContext ctx;
    private boolean active;

    HealthCheckFailureFault(FaultContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void start() {
        active = true;
        for (SimulatedTask task : Targets.tasks(ctx, SimulatedTask::isRunning, false)) {
            fail(task);
        }
        if (ctx.spec().task() == null) {
            ctx.region().tasks().addListener(this);
        }
    }

    @Override
    public void onTransition(SimulatedTask task, String from, String to) {
        if (active && "RUNNING".equals(to) && Targets.matches(ctx.spec(), task)) {
            fail(task);
        }
    }

    private void fail(SimulatedTask task) {
        ctx.effect(task.arn(), "effect", "health checks failing");
        for (SimulatedContainer c : task.containers()) {
            if (c.essential()) {
                ctx.region().tasks().lifecycle().setHealth(task, c, "UNHEALTHY");
            }
        }
    }

    @Override
    public void end() {
        active = false;
    }
}
