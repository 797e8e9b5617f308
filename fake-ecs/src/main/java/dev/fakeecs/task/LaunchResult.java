package dev.fakeecs.task;

import dev.fakeecs.placement.PlacementFailure;

import java.util.List;

/**
 * What launching one task gave.
 *
 * <pre>{@code
 * LaunchResult r = state.tasks().launch(spec);
 * if (!r.placed()) System.out.println(r.failures());   // e.g. RESOURCE:MEMORY per instance
 * }</pre>
 *
 * @param task             the task (maybe still waiting in PROVISIONING for capacity), or null
 * @param failures         per-instance reasons when no EC2 instance fit
 * @param capacityShortage the Fargate capacity message when the provider had no capacity, or null
 */
public record LaunchResult(Task task, List<PlacementFailure> failures, String capacityShortage) {

    public boolean placed() {
        return task != null;
    }
}
