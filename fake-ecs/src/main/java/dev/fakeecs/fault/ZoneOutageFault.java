package dev.fakeecs.fault;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.task.PlacementGate;
import dev.fakeecs.internal.task.SimulatedTask;

import java.util.ArrayList;
import java.util.List;

/**
 * AZ_OUTAGE and the AZ_POWER_INTERRUPTION preset: the zone loses power. Its EC2 hosts stop
 * (their tasks stop with {@code Host EC2 (instance i-...) stopped.}), its Fargate tasks are lost,
 * and nothing places in the zone until the fault ends; then the hosts power on again, empty,
 * and blocked services place again.
 *
 * <p>Fake-specific wording: lost Fargate tasks stop with stopCode {@code TerminationNotice} and
 * reason {@link #fargateReason(String)}; AWS documents no text for this case.
 */
final class ZoneOutageFault implements ActiveFault, PlacementGate {

    private final FaultContext ctx;
    private final String zone;
    private final List<SimulatedContainerInstance> stopped = new ArrayList<>();

    ZoneOutageFault(FaultContext ctx) {
        this.ctx = ctx;
        this.zone = ctx.spec().availabilityZone();
    }

    static String fargateReason(String zone) {
        return "Task stopped because availability zone " + zone + " became unavailable.";
    }

    @Override
    public boolean zoneUsable(String candidate) {
        return !zone.equals(candidate);
    }

    @Override
    public void start() {
        ctx.effect(zone, "effect", "zone unavailable");
        ctx.region().tasks().addGate(this);
        for (SimulatedContainerInstance ci : ctx.region().containerInstances().all()) {
            if (ci.isRegistered() && ci.availabilityZone().equals(zone) && ci.agentConnected()) {
                Hosts.stop(ctx, ci);
                stopped.add(ci);
            }
        }
        for (SimulatedTask t : ctx.region().tasks().all()) {
            if (!t.isStopped() && t.containerInstance() == null && zone.equals(t.availabilityZone())) {
                ctx.effect(t.arn(), "effect", "fargate task lost");
                ctx.region().tasks().lifecycle().stopImmediately(t, Hosts.STOP_CODE, fargateReason(zone));
            }
        }
    }

    @Override
    public void end() {
        ctx.region().tasks().removeGate(this);
        ctx.effect(zone, "effect", "zone recovered");
        for (SimulatedContainerInstance ci : stopped) {
            Hosts.start(ctx, ci);
        }
        stopped.clear();
        Hosts.capacityBack(ctx.region());
    }
}
