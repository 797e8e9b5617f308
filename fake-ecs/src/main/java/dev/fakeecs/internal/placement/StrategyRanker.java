package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.random.SeededRandom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Chooses among the instances that passed filtering and constraints by applying the strategies in
 * order: each keeps only the instances it ranks best, so later strategies break the earlier ones' ties.
 * Whatever ties remain go to the earliest registered instance (then the first in the candidate list).
 */
final class StrategyRanker {

    private static final Comparator<SimulatedContainerInstance> REGISTRATION_ORDER =
            Comparator.comparing(SimulatedContainerInstance::registeredAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private StrategyRanker() {
    }

    /**
     * @param eligible   instances that can take the task, in candidate order (not empty)
     * @param candidates every candidate of the request, eligible or not (spread counts tasks on all of them)
     */
    static SimulatedContainerInstance choose(List<SimulatedContainerInstance> eligible, List<SimulatedContainerInstance> candidates,
                                    PlacementRequest request, List<StrategyStep> steps, SeededRandom random) {
        List<SimulatedContainerInstance> remaining = new ArrayList<>(eligible);
        remaining.sort(REGISTRATION_ORDER); // stable: equal times keep the candidate order
        for (StrategyStep step : steps) {
            if (remaining.size() == 1) {
                break;
            }
            remaining = apply(step, remaining, candidates, request, random);
        }
        return remaining.get(0);
    }

    private static List<SimulatedContainerInstance> apply(StrategyStep step, List<SimulatedContainerInstance> instances,
                                                 List<SimulatedContainerInstance> candidates, PlacementRequest request,
                                                 SeededRandom random) {
        ResourceDemand demand = request.demand();
        String group = request.group();
        return switch (step.kind()) {
            case RANDOM -> List.of(instances.get(random.nextInt(instances.size())));
            case BINPACK_CPU -> lowest(instances, i -> i.remainingCpu() - demand.cpu());
            case BINPACK_MEMORY -> lowest(instances, i -> i.remainingMemory() - demand.memoryMiB());
            case SPREAD_INSTANCE -> lowest(instances, i -> GroupTasks.live(i, group));
            case SPREAD_ATTRIBUTE -> {
                Map<String, Long> perValue = tasksPerValue(candidates, step.attributeName(), group);
                yield lowest(instances, i -> perValue.getOrDefault(valueOf(i, step.attributeName()), 0L));
            }
        };
    }

    /** Tasks of the group per attribute value, over every candidate (instances without it share one bucket). */
    private static Map<String, Long> tasksPerValue(List<SimulatedContainerInstance> candidates, String attribute,
                                                   String group) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SimulatedContainerInstance instance : candidates) {
            counts.merge(valueOf(instance, attribute), (long) GroupTasks.live(instance, group), Long::sum);
        }
        return counts;
    }

    private static String valueOf(SimulatedContainerInstance instance, String attribute) {
        String value = instance.attributes().get(attribute);
        return value == null ? "" : value;
    }

    /** The instances with the lowest score, in their current order. */
    private static List<SimulatedContainerInstance> lowest(List<SimulatedContainerInstance> instances,
                                                  ToLongFunction<SimulatedContainerInstance> score) {
        List<SimulatedContainerInstance> best = new ArrayList<>();
        long bestScore = Long.MAX_VALUE;
        for (SimulatedContainerInstance instance : instances) {
            long s = score.applyAsLong(instance);
            if (s < bestScore) {
                bestScore = s;
                best.clear();
                best.add(instance);
            } else if (s == bestScore) {
                best.add(instance);
            }
        }
        return best;
    }
}
