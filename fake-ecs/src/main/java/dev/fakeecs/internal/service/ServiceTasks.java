package dev.fakeecs.internal.service;

import dev.fakeecs.internal.task.Task;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which not-yet-STOPPED tasks belong to which service (an index, so reconciliation never scans all tasks). */
final class ServiceTasks {

    private final Map<Service, Set<Task>> byService = new IdentityHashMap<>();

    void add(Service service, Task task) {
        byService.computeIfAbsent(service, s -> new LinkedHashSet<>()).add(task);
    }

    void remove(Service service, Task task) {
        Set<Task> set = byService.get(service);
        if (set != null) {
            set.remove(task);
        }
    }

    /** Tasks of the service not yet STOPPED, in launch order (a copy). */
    List<Task> all(Service service) {
        Set<Task> set = byService.get(service);
        return set == null ? List.of() : new ArrayList<>(set);
    }

    /** Tasks of the service whose desired status is still RUNNING, in launch order. */
    List<Task> live(Service service) {
        Set<Task> set = byService.get(service);
        if (set == null) {
            return List.of();
        }
        List<Task> list = new ArrayList<>(set.size());
        for (Task t : set) {
            if (!t.isStoppingOrStopped()) {
                list.add(t);
            }
        }
        return list;
    }
}
