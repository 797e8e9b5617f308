package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;

import java.util.List;

/**
 * One task to place: the container instances it may go to (in registration order), what it needs,
 * its task group ({@code family:web}, {@code service:web}, or a custom group), and the placement
 * constraints and strategies that apply (those of the request and of the task definition, combined by
 * the caller). Null lists count as empty.
 *
 * <pre>{@code
 * PlacementRequest r = new PlacementRequest(cluster.instances(), ResourceDemand.of(256, 512), "service:web",
 *         List.of(), PlacementStrategies.SERVICE_DEFAULT);
 * }</pre>
 */
public record PlacementRequest(List<SimulatedContainerInstance> candidates, ResourceDemand demand, String group,
                               List<PlacementConstraint> constraints, List<PlacementStrategy> strategies) {

    public PlacementRequest {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
    }
}
