package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.task.SimulatedTask;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Steady state: a service is steady when its primary deployment is COMPLETED and the only one, no
 * launch of it is blocked, and it runs exactly its desired count of tasks, all healthy. On becoming
 * steady it writes {@code has reached a steady state.}, and while it stays steady writes it again
 * every {@link ServiceEventLog#SUPPRESSION} (waking the service for that), as ECS does.
 */
final class SteadyStateTracker {

    private final ServiceTasks tasks;
    private final BlockedServices blocked;
    private final ServiceEventWriter events;
    private final Map<SimulatedService, Steadiness> states = new IdentityHashMap<>();

    SteadyStateTracker(ServiceTasks tasks, BlockedServices blocked, ServiceEventWriter events) {
        this.tasks = tasks;
        this.blocked = blocked;
        this.events = events;
    }

    private Steadiness state(SimulatedService service) {
        return states.computeIfAbsent(service, s -> new Steadiness());
    }

    /** Something moved (tasks started, a rollback began): the next steady state is written afresh. */
    void unsettle(SimulatedService service) {
        state(service).steady = false;
    }

    void check(SimulatedService service, SimulatedDeployment primary, Instant now, Wake wake) {
        Steadiness st = state(service);
        boolean steady = primary.isCompleted() && service.deployments().size() == 1 && !blocked.contains(service);
        if (steady) {
            List<SimulatedTask> live = tasks.live(service);
            steady = live.size() == service.desiredCount();
            for (SimulatedTask t : live) {
                if (!ServiceHealth.isHealthy(t, now)) {
                    steady = false;
                    break;
                }
            }
        }
        if (!steady) {
            st.steady = false;
            return;
        }
        if (!st.steady || !now.isBefore(st.since.plus(ServiceEventLog.SUPPRESSION))) {
            st.steady = true;
            st.since = now;
            events.write(service, ServiceMessages.steadyState(service.name()));
        }
        wake.at(st.since.plus(ServiceEventLog.SUPPRESSION));
    }

    private static final class Steadiness {
        boolean steady;
        /** When the steady-state event was last written. */
        Instant since;
    }
}
