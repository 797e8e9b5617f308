package dev.fakeecs.internal.capacity;

import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Capacity provider strategies: their validation rules and how they split tasks.
 *
 * <p><b>Splitting.</b> The provider with a {@code base} gets tasks first, up to its base; the rest
 * is shared in proportion to the weights. AWS does not document rounding, so the fake uses the
 * <em>largest remainder</em> method: each provider gets the floor of its exact share, and the tasks
 * left over go one each to the providers with the largest fractional parts, ties to the provider
 * listed first. A strategy of one provider gets everything whatever its weight; weight-0 providers
 * in a longer strategy get nothing beyond their base. Examples: FARGATE base 2 weight 1 plus
 * FARGATE_SPOT weight 4, 12 tasks: 2 base, then 10 split 1:4, so FARGATE 4, FARGATE_SPOT 8; 11 tasks:
 * 9 split as 1.8 : 7.2, so FARGATE 2 + 2 = 4, FARGATE_SPOT 7.
 *
 * <pre>{@code
 * List<CapacityProviderStrategyItem> s = List.of(
 *         CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").base(2).weight(1).build(),
 *         CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(4).build());
 * CapacityProviderStrategies strategies = capacityProviders.strategies();
 * strategies.validate(s, cluster);
 * strategies.split(s, 12, Map.of());          // {FARGATE=4, FARGATE_SPOT=8}
 * strategies.nextProvider(s, Map.of("FARGATE", 2));   // "FARGATE_SPOT"
 * }</pre>
 */
public final class CapacityProviderStrategies {

    /** The message ECS gives when a request has both a launch type and a strategy. */
    public static final String BOTH_LAUNCH_TYPE_AND_STRATEGY = "Specifying both a launch type and capacity provider "
            + "strategy is not supported. Remove one and try again.";
    static final String NOT_ASSOCIATED = "The specified capacity provider strategy cannot contain a capacity provider "
            + "that is not associated with the cluster. Associate the capacity provider with the cluster or specify "
            + "a valid capacity provider and try again.";
    static final String MIXED = "A capacity provider strategy cannot contain a mix of capacity providers using Auto "
            + "Scaling groups and Fargate providers. Specify one or the other and try again.";
    static final String ONE_BASE = "Only one capacity provider in a capacity provider strategy can have a base "
            + "defined.";
    static final String NO_WEIGHT = "At least one capacity provider in a capacity provider strategy must have a "
            + "weight greater than zero.";

    private final RegionContext region;
    private final CapacityProviders capacityProviders;

    CapacityProviderStrategies(RegionContext region, CapacityProviders capacityProviders) {
        this.region = region;
        this.capacityProviders = capacityProviders;
    }

    /** Fails when a request gives both a launch type and a (non-empty) strategy. */
    public static void rejectLaunchTypeWithStrategy(String launchType, List<CapacityProviderStrategyItem> strategy) {
        if (launchType != null && !launchType.isEmpty() && strategy != null && !strategy.isEmpty()) {
            throw EcsErrors.invalidParameter(BOTH_LAUNCH_TYPE_AND_STRATEGY);
        }
    }

    /**
     * Every rule for a strategy a task or service launches with: the shape rules of
     * {@link #validateShape}, at least one weight above zero when several providers are listed, and
     * every provider associated with {@code cluster}.
     */
    public void validate(List<CapacityProviderStrategyItem> strategy, SimulatedCluster cluster) {
        validateShape(strategy);
        if (strategy.size() > 1 && strategy.stream().allMatch(i -> weight(i) == 0)) {
            throw EcsErrors.invalidParameter(NO_WEIGHT);
        }
        for (CapacityProviderStrategyItem item : strategy) {
            if (!cluster.capacityProviders().contains(item.capacityProvider())) {
                throw EcsErrors.invalidParameter(NOT_ASSOCIATED);
            }
        }
    }

    /**
     * The rules every strategy obeys, a cluster's stored default included: 1 to 20 items (the
     * strategyItems quota), no provider twice, each naming an existing ACTIVE provider, weight
     * 0-1000, base 0-100000, at most one base above zero, no mix of Fargate and ASG providers.
     */
    public void validateShape(List<CapacityProviderStrategyItem> strategy) {
        if (strategy == null || strategy.isEmpty()) {
            return;
        }
        int max = region.engine().quotas().strategyItems();
        if (strategy.size() > max) {
            throw EcsErrors.invalidParameter("capacityProviderStrategy can contain at most " + max
                    + " capacity providers.");
        }
        Set<String> seen = new LinkedHashSet<>();
        int withBase = 0;
        boolean fargate = false;
        boolean asg = false;
        for (CapacityProviderStrategyItem item : strategy) {
            String name = item.capacityProvider();
            if (name == null || name.isEmpty()) {
                throw EcsErrors.invalidParameter("capacityProviderStrategy.capacityProvider can not be null or "
                        + "empty.");
            }
            if (!seen.add(name)) {
                throw EcsErrors.invalidParameter("capacityProviderStrategy contains the capacity provider " + name
                        + " more than once.");
            }
            if (weight(item) < 0 || weight(item) > 1000) {
                throw EcsErrors.invalidParameter("capacityProviderStrategy.weight must be between 0 and 1000: "
                        + name + " has " + weight(item) + ".");
            }
            if (base(item) < 0 || base(item) > 100_000) {
                throw EcsErrors.invalidParameter("capacityProviderStrategy.base must be between 0 and 100000: "
                        + name + " has " + base(item) + ".");
            }
            if (base(item) > 0) {
                withBase++;
            }
            SimulatedCapacityProvider provider = capacityProviders.find(name);
            if (provider == null || !capacityProviders.isUsable(name)) {
                throw EcsErrors.invalidParameter("The specified capacity provider " + name + " does not exist or is "
                        + "not ACTIVE. Specify a valid capacity provider and try again.");
            }
            fargate |= provider.isFargate();
            asg |= !provider.isFargate();
        }
        if (withBase > 1) {
            throw EcsErrors.invalidParameter(ONE_BASE);
        }
        if (fargate && asg) {
            throw EcsErrors.invalidParameter(MIXED);
        }
    }

    /**
     * How many of {@code taskCount} new tasks go to each provider, given how many already run on each
     * (for a service: its running tasks per provider). The totals (running + new) follow the
     * strategy's split of the grand total; when a provider already runs more than its share, the
     * surplus is taken from the providers getting the most new tasks (ties: the one listed last).
     *
     * @return every provider of the strategy in strategy order, with its count of new tasks (maybe 0)
     */
    public Map<String, Integer> split(List<CapacityProviderStrategyItem> strategy, int taskCount,
                                      Map<String, Integer> alreadyRunningPerProvider) {
        Map<String, Integer> running = alreadyRunningPerProvider == null ? Map.of() : alreadyRunningPerProvider;
        int total = taskCount;
        for (CapacityProviderStrategyItem item : strategy) {
            total += running.getOrDefault(item.capacityProvider(), 0);
        }
        Map<String, Integer> target = shares(strategy, total);
        Map<String, Integer> result = new LinkedHashMap<>();
        int sum = 0;
        for (CapacityProviderStrategyItem item : strategy) {
            String name = item.capacityProvider();
            int n = Math.max(0, target.get(name) - running.getOrDefault(name, 0));
            result.put(name, n);
            sum += n;
        }
        List<String> order = new ArrayList<>(result.keySet());
        while (sum > taskCount) {
            String most = null;
            for (String name : order) {
                if (most == null || result.get(name) >= result.get(most)) {
                    most = name;
                }
            }
            result.put(most, result.get(most) - 1);
            sum--;
        }
        return result;
    }

    /**
     * The provider the next single task should use (services launching one at a time), given the
     * tasks each provider has now: the one furthest below its share of {@code current + 1}, ties to
     * the provider listed first. Never a weight-0 provider beyond its base (in a strategy of several).
     */
    public String nextProvider(List<CapacityProviderStrategyItem> strategy, Map<String, Integer> currentPerProvider) {
        Map<String, Integer> current = currentPerProvider == null ? Map.of() : currentPerProvider;
        int total = 1;
        for (CapacityProviderStrategyItem item : strategy) {
            total += current.getOrDefault(item.capacityProvider(), 0);
        }
        Map<String, Integer> target = shares(strategy, total);
        String best = null;
        int bestGap = Integer.MIN_VALUE;
        for (CapacityProviderStrategyItem item : strategy) {
            String name = item.capacityProvider();
            int gap = target.get(name) - current.getOrDefault(name, 0);
            if (gap > bestGap) {
                best = name;
                bestGap = gap;
            }
        }
        return best;
    }

    /** The ideal number of tasks per provider for {@code total} tasks: base first, then largest remainder. */
    static Map<String, Integer> shares(List<CapacityProviderStrategyItem> strategy, int total) {
        if (strategy == null || strategy.isEmpty()) {
            throw EcsErrors.invalidParameter("capacityProviderStrategy can not be empty.");
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        strategy.forEach(item -> result.put(item.capacityProvider(), 0));
        if (strategy.size() == 1) {
            result.put(strategy.get(0).capacityProvider(), total);
            return result;
        }
        int remaining = total;
        for (CapacityProviderStrategyItem item : strategy) {
            if (base(item) > 0) {
                int given = Math.min(base(item), remaining);
                result.put(item.capacityProvider(), given);
                remaining -= given;
            }
        }
        long weights = strategy.stream().mapToLong(CapacityProviderStrategies::weight).sum();
        if (remaining == 0) {
            return result;
        }
        if (weights == 0) {
            throw EcsErrors.invalidParameter(NO_WEIGHT);
        }
        int given = 0;
        long[] fractions = new long[strategy.size()];
        for (int i = 0; i < strategy.size(); i++) {
            CapacityProviderStrategyItem item = strategy.get(i);
            long exact = (long) remaining * weight(item);
            int floor = (int) (exact / weights);
            fractions[i] = exact % weights;
            result.merge(item.capacityProvider(), floor, Integer::sum);
            given += floor;
        }
        for (int left = remaining - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < strategy.size(); i++) {
                if (weight(strategy.get(i)) > 0 && (best < 0 || fractions[i] > fractions[best])) {
                    best = i;
                }
            }
            fractions[best] = -1;
            result.merge(strategy.get(best).capacityProvider(), 1, Integer::sum);
        }
        return result;
    }

    static int weight(CapacityProviderStrategyItem item) {
        return item.weight() == null ? 0 : item.weight();
    }

    static int base(CapacityProviderStrategyItem item) {
        return item.base() == null ? 0 : item.base();
    }
}
