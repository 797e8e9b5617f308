package dev.fakeecs.fault;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;

import java.util.List;

/**
 * DISCONNECT_AGENT: the host's agent loses its connection for the duration. As on real ECS its
 * tasks stay RUNNING in the API and are not replaced, and nothing new is placed there
 * (placement failure {@code AGENT}); when the fault ends the agent reconnects.
 */
final class AgentDisconnectFault implements ActiveFault {

    private final FaultContext ctx;
    private List<SimulatedContainerInstance> hosts = List.of();

    AgentDisconnectFault(FaultContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void start() {
        hosts = Targets.instances(ctx, SimulatedContainerInstance::agentConnected, true);
        for (SimulatedContainerInstance ci : hosts) {
            ctx.effect(ci.arn(), "effect", "agent disconnected", "runningTasks",
                    String.valueOf(ci.runningTasksCount()));
            ctx.region().containerInstances().agentConnected(ci, false);
        }
    }

    @Override
    public void end() {
        for (SimulatedContainerInstance ci : hosts) {
            if (ci.isRegistered()) {
                ctx.effect(ci.arn(), "effect", "agent reconnected");
                Hosts.reconnect(ctx, ci);
            }
        }
    }
}
