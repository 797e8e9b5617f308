package dev.fakeecs.internal.placement;

import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.random.SeededRandom;
import dev.fakeecs.quota.Quotas;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places EC2 and EXTERNAL tasks on container instances the way ECS does: (1) drop instances that cannot
 * hold the task (not ACTIVE, agent disconnected, CPU, memory, TCP/UDP host ports, GPUs, ENI), (2) drop
 * those that break a constraint ({@code distinctInstance}, {@code memberOf}), (3) rank the rest with the
 * strategies in order, each breaking the previous one's ties ({@code binpack}, {@code spread},
 * {@code random} drawn from the world's seeded random), (4) take the earliest registered of what is left.
 *
 * <pre>{@code
 * TaskPlacer placer = new TaskPlacer(world.random());
 * TaskPlacer.validate(request.placementConstraints(), request.placementStrategy());   // at the API edge
 * for (int n = 0; n < count; n++) {
 *     PlacementResult result = placer.placeOne(new PlacementRequest(instances, demand, "family:web",
 *             constraints, strategies.isEmpty() ? PlacementStrategies.RUN_TASK_DEFAULT : strategies));
 *     if (!result.placed()) { failures.addAll(result.failures()); break; }
 *     result.instance().reserve(newTask(result.instance()));   // the next call sees this reservation
 * }
 * }</pre>
 *
 * <p>{@code placeOne} reserves nothing; an empty strategy list means no preference (earliest registered
 * instance), so callers pass {@link PlacementStrategies#RUN_TASK_DEFAULT} or
 * {@link PlacementStrategies#SERVICE_DEFAULT} when the user gave none. Fargate tasks do not come here.
 */
public final class TaskPlacer {

    private static final int PARSED_CACHE_SIZE = 256;

    private final SeededRandom random;
    private final Map<String, ClusterQuery> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClusterQuery> eldest) {
            return size() > PARSED_CACHE_SIZE;
        }
    };

    public TaskPlacer(SeededRandom random) {
        this.random = random;
    }

    /**
     * Chooses the instance for one task. The result names the chosen instance (null when none fits) and
     * lists every rejected candidate with the reason of the first check it failed, in candidate order,
     * whether or not a placement was found.
     *
     * @throws software.amazon.awssdk.services.ecs.model.InvalidParameterException for an invalid
     *         constraint or strategy (see {@link #validate})
     */
    public PlacementResult placeOne(PlacementRequest request) {
        ConstraintCheck constraints = ConstraintCheck.of(request.constraints(), this::query);
        List<StrategyStep> steps = new ArrayList<>();
        for (int i = 0; i < request.strategies().size(); i++) {
            steps.add(StrategyStep.of(request.strategies().get(i), i));
        }
        List<SimulatedContainerInstance> eligible = new ArrayList<>();
        List<PlacementFailure> failures = new ArrayList<>();
        for (SimulatedContainerInstance instance : request.candidates()) {
            String reason = ResourceCheck.reason(instance, request.demand());
            if (reason == null) {
                reason = constraints.reason(instance, request.group());
            }
            if (reason == null) {
                eligible.add(instance);
            } else {
                failures.add(new PlacementFailure(instance.arn(), reason));
            }
        }
        if (eligible.isEmpty()) {
            return new PlacementResult(null, failures);
        }
        SimulatedContainerInstance chosen = StrategyRanker.choose(eligible, request.candidates(), request, steps, random);
        return new PlacementResult(chosen, failures);
    }

    /**
     * Checks constraints and strategies against the default quotas (10 constraints, 5 strategies):
     * known types, {@code memberOf} with a valid expression, {@code distinctInstance} without one,
     * {@code binpack} on cpu/memory, {@code spread} on instanceId/host/attribute:&lt;name&gt;.
     *
     * <pre>{@code
     * TaskPlacer.validate(List.of(), List.of(PlacementStrategies.binpack("disk")));  // InvalidParameterException
     * }</pre>
     *
     * @throws software.amazon.awssdk.services.ecs.model.InvalidParameterException naming the bad field
     */
    public static void validate(List<PlacementConstraint> constraints, List<PlacementStrategy> strategies) {
        Quotas quotas = Quotas.seedDefaults();
        validate(constraints, strategies, quotas.placementConstraints(), quotas.placementStrategies());
    }

    /** As {@link #validate(List, List)}, with the limits of the world's quotas. */
    public static void validate(List<PlacementConstraint> constraints, List<PlacementStrategy> strategies,
                                int maxConstraints, int maxStrategies) {
        PlacementValidation.validate(constraints, strategies, maxConstraints, maxStrategies);
    }

    private ClusterQuery query(String expression) {
        ClusterQuery query = parsed.get(expression);
        if (query == null) {
            query = ClusterQuery.parse(expression);
            parsed.put(expression, query);
        }
        return query;
    }
}
