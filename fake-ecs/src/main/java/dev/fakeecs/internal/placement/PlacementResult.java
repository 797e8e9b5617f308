package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;

import java.util.List;

/**
 * The outcome of placing one task: the chosen instance (null when none fits) and, for every candidate
 * that was rejected, one failure with the reason of the first check it failed.
 *
 * <pre>{@code
 * PlacementResult result = placer.placeOne(request);
 * if (result.placed()) { result.instance().reserve(task); } else { failures.addAll(result.failures()); }
 * }</pre>
 */
public record PlacementResult(SimulatedContainerInstance instance, List<PlacementFailure> failures) {

    public PlacementResult {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** True when an instance was chosen. */
    public boolean placed() {
        return instance != null;
    }
}
