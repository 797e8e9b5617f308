package dev.fakeecs.fault;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;

import java.util.ArrayList;
import java.util.List;

/**
 * TERMINATE_INSTANCE and STOP_INSTANCE: the host (the one named, else one drawn from the
 * cluster/zone, or a percentage of them) is terminated or stopped. A stopped host restarts when
 * the fault ends (its duration, or its handle closing), with its agent connected and no tasks.
 */
final class TerminateInstanceFault implements ActiveFault {

    private final FaultContext ctx;
    private final boolean terminate;
    private final List<SimulatedContainerInstance> stopped = new ArrayList<>();

    TerminateInstanceFault(FaultContext ctx, boolean terminate) {
        this.ctx = ctx;
        this.terminate = terminate;
    }

    @Override
    public void start() {
        List<SimulatedContainerInstance> hosts = Targets.instances(ctx, ci -> true, true);
        if (hosts.isEmpty()) {
            ctx.effect(ctx.id(), "effect", "no matching container instance");
        }
        for (SimulatedContainerInstance ci : hosts) {
            if (terminate) {
                Hosts.terminate(ctx, ci, "fault " + ctx.id());
            } else {
                Hosts.stop(ctx, ci);
                stopped.add(ci);
            }
        }
        if (terminate) {
            ctx.finished();
        }
    }

    @Override
    public void end() {
        for (SimulatedContainerInstance ci : stopped) {
            Hosts.start(ctx, ci);
        }
        stopped.clear();
    }
}
