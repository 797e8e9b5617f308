package dev.fakeecs.fault;

import dev.fakeecs.internal.region.ApiInterceptor;

import java.time.Duration;

/**
 * API_LATENCY: calls of {@code operation} (every operation if none) in the region take
 * {@code latencyMillis} longer. In process the virtual clock advances by the latency before the
 * call runs (events due meanwhile happen first); over the HTTP server the server also waits that
 * long in wall time ({@link FaultInjector#wallLatencyFor}), outside the engine.
 */
final class ApiLatencyFault implements ActiveFault, ApiInterceptor {

    private final FaultContext ctx;
    private final Duration latency;

    ApiLatencyFault(FaultContext ctx) {
        this.ctx = ctx;
        this.latency = Duration.ofMillis(ctx.spec().latencyMillis() == null ? 0 : ctx.spec().latencyMillis());
    }

    public Duration latency() {
        return latency;
    }

    public boolean matches(String region, String operation) {
        return ctx.region().name().equals(region) && ApiErrorFault.operationMatches(ctx.spec().operation(), operation);
    }

    @Override
    public void beforeCall(String region, String operation) {
        if (matches(region, operation) && !latency.isZero()) {
            ctx.effect(ctx.id(), "effect", "call delayed", "operation", operation, "latency", latency.toString());
            ctx.region().engine().clock().advance(latency);
        }
    }

    @Override
    public void start() {
        ctx.region().addInterceptor(this);
        ctx.effects().latency(this, true);
    }

    @Override
    public void end() {
        ctx.region().removeInterceptor(this);
        ctx.effects().latency(this, false);
    }
}
