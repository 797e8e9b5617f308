package dev.fakeecs.internal.service;

import dev.fakeecs.internal.task.SimulatedTask;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which not-yet-STOPPED tasks belong to which service (an index, so reconciliation never scans all tasks). */
final class ServiceTasks {

    private final Map<SimulatedService, Set<SimulatedTask>> byService = new IdentityHashMap<>();

    void add(SimulatedService service, SimulatedTask task) {
        byService.computeIfAbsent(service, s -> new LinkedHashSet<>()).add(task);
    }

    void remove(SimulatedService service, SimulatedTask task) {
        Set<SimulatedTask> set = byService.get(service);
        if (set != null) {
            set.remove(task);
        }
    }

    /** Tasks of the service not yet STOPPED, in launch order (a copy). */
    List<SimulatedTask> all(SimulatedService service) {
        Set<SimulatedTask> set = byService.get(service);
        return set == null ? List.of() : new ArrayList<>(set);
    }

    /** Tasks of the service whose desired status is still RUNNING, in launch order. */
    List<SimulatedTask> live(SimulatedService service) {
        Set<SimulatedTask> set = byService.get(service);
        if (set == null) {
            return List.of();
        }
        List<SimulatedTask> list = new ArrayList<>(set.size());
        for (SimulatedTask t : set) {
            if (!t.isStoppingOrStopped()) {
                list.add(t);
            }
        }
        return list;
    }

    /** How many of {@code live} belong to the deployment. */
    static int countOf(List<SimulatedTask> live, dev.fakeecs.internal.deployment.SimulatedDeployment d) {
        int n = 0;
        for (SimulatedTask t : live) {
            if (d.id().equals(t.deploymentId())) {
                n++;
            }
        }
        return n;
    }
}
