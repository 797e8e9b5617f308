package dev.fakeecs.fault;

import dev.fakeecs.internal.elbv2.LoadBalancing;

/**
 * TARGET_HEALTH_FAILURE: the health endpoint of the applications behind a target group breaks. While the fault
 * lasts every load balancer health check of the group fails with {@code Target.ResponseCodeMismatch}
 * ("Health checks failed with these codes: [503]"), so healthy targets turn unhealthy after the group's
 * unhealthy threshold and ECS replaces the tasks behind them; when it ends, probes answer as the applications
 * do again and targets recover after the healthy threshold.
 *
 * <pre>{@code
 * faults.inject(FaultSpec.of(FaultType.TARGET_HEALTH_FAILURE).targetGroup("web").duration(Duration.ofMinutes(5)).build());
 * }</pre>
 */
final class TargetHealthFailureFault implements ActiveFault {

    private final FaultContext ctx;
    private String arn;

    TargetHealthFailureFault(FaultContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void start() {
        arn = ctx.region().service(LoadBalancing.SERVICE).failHealthChecks(ctx.spec().targetGroup(), null);
        ctx.effect(arn, "effect", "health checks failing");
    }

    @Override
    public void end() {
        if (arn != null) {
            ctx.region().service(LoadBalancing.SERVICE).restoreHealthChecks(arn);
            ctx.effect(arn, "effect", "health checks restored");
        }
    }
}
