package dev.fakeecs.internal.service;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.task.SimulatedTask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Chooses which of a service's tasks to stop when it scales in, keeping the spread across
 * Availability Zones and instances balanced.
 *
 * <pre>{@code
 * SimulatedTask victim = ScaleInSelector.pickTaskToStop(service.tasksThatMayStop());
 * }</pre>
 *
 * <p>Rule: the task in the Availability Zone with the most of the given tasks; among those, the one on
 * the instance with the most of them (a Fargate task counts as alone on its instance); then the most
 * recently started (a task not started yet counts as the most recent, as it has done the least work);
 * then the most recently created; then the one latest in the list. Tasks with no zone share one bucket.
 * The caller leaves out tasks protected from scale-in.
 */
public final class ScaleInSelector {

    private ScaleInSelector() {
    }

    /** The task to stop, or null for an empty list. */
    public static SimulatedTask pickTaskToStop(List<SimulatedTask> tasks) {
        if (tasks == null || tasks.isEmpty()) {
            return null;
        }
        Map<String, Integer> perZone = new LinkedHashMap<>();
        Map<SimulatedContainerInstance, Integer> perInstance = new LinkedHashMap<>();
        for (SimulatedTask task : tasks) {
            perZone.merge(zone(task), 1, Integer::sum);
            if (task.containerInstance() != null) {
                perInstance.merge(task.containerInstance(), 1, Integer::sum);
            }
        }
        List<SimulatedTask> order = new ArrayList<>(tasks);
        Comparator<SimulatedTask> preference = Comparator
                .comparingInt((SimulatedTask t) -> perZone.get(zone(t)))
                .thenComparingInt(t -> t.containerInstance() == null ? 1 : perInstance.get(t.containerInstance()))
                .thenComparing(SimulatedTask::startedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparing(SimulatedTask::createdAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
        SimulatedTask best = order.get(0);
        for (SimulatedTask candidate : order) {
            if (preference.compare(candidate, best) >= 0) { // ">=": a later task in the list wins ties
                best = candidate;
            }
        }
        return best;
    }

    private static String zone(SimulatedTask task) {
        if (task.availabilityZone() != null) {
            return task.availabilityZone();
        }
        SimulatedContainerInstance instance = task.containerInstance();
        return instance == null ? "" : Objects.requireNonNullElse(instance.availabilityZone(), "");
    }
}
