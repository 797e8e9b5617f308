package dev.fakeecs.fault;

import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.region.ApiInterceptor;

/**
 * REGION_OUTAGE: every ECS API call in the region fails with {@code ServerException} (HTTP 503
 * over the wire) and its tasks are unreachable for DNS health checks and traffic
 * ({@link FaultInjector#regionReachable}); the engine keeps its state, so everything is back
 * as it was when the fault ends.
 */
final class RegionOutageFault implements ActiveFault, ApiInterceptor {

    static final String MESSAGE = "Service Unavailable. Please try again later.";

    private final FaultContext ctx;

    RegionOutageFault(FaultContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void beforeCall(String region, String operation) {
        ctx.effect(ctx.id(), "effect", "call failed", "operation", operation, "errorCode", "ServerException");
        throw EcsErrors.of("ServerException", MESSAGE, 503);
    }

    @Override
    public void start() {
        ctx.effect(ctx.region().name(), "effect", "region unavailable");
        ctx.effects().regionDown(ctx.region().name(), true);
        ctx.region().addInterceptor(this);
    }

    @Override
    public void end() {
        ctx.region().removeInterceptor(this);
        ctx.effects().regionDown(ctx.region().name(), false);
        ctx.effect(ctx.region().name(), "effect", "region recovered");
    }
}
