package dev.fakeecs.fault;

import dev.fakeecs.internal.task.PlacementGate;

/**
 * SPOT_CAPACITY_UNAVAILABLE: FARGATE_SPOT has no capacity (in one zone, or anywhere) for the
 * duration. Tasks that need it cannot place and their services say "Capacity is unavailable at
 * this time..." (no fallback to FARGATE, as on ECS); when capacity returns, blocked services retry.
 */
final class SpotCapacityFault implements ActiveFault, PlacementGate {

    private final FaultContext ctx;

    SpotCapacityFault(FaultContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public boolean hasCapacity(String capacityProvider, String zone) {
        return !("FARGATE_SPOT".equals(capacityProvider)
                && (ctx.spec().availabilityZone() == null || ctx.spec().availabilityZone().equals(zone)));
    }

    @Override
    public void start() {
        ctx.effect("FARGATE_SPOT", "effect", "capacity unavailable", "availabilityZone",
                ctx.spec().availabilityZone() == null ? "all" : ctx.spec().availabilityZone());
        ctx.region().tasks().addGate(this);
    }

    @Override
    public void end() {
        ctx.region().tasks().removeGate(this);
        ctx.effect("FARGATE_SPOT", "effect", "capacity available");
        Hosts.capacityBack(ctx.region());
    }
}
