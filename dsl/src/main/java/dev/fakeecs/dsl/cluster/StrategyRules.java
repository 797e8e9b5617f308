package dev.fakeecs.dsl.cluster;

import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.spec.InvalidSpecException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The capacity provider strategy rules ECS enforces: weight 0-1000, base 0-100000, a base on at
 * most one item, at least one weight above 0, each provider at most once, at most 20 items, and no
 * mixing of Fargate and Auto Scaling group providers.
 *
 * <pre>{@code
 * StrategyRules.check("cluster prod", "defaultStrategy", List.of(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4)));
 * }</pre>
 */
public final class StrategyRules {

    /** Most items a strategy may have. */
    public static final int MAX_ITEMS = 20;

    private StrategyRules() {
    }

    public static void check(String spec, String field, List<StrategyItem> strategy) {
        if (strategy.isEmpty()) {
            return;
        }
        Check.range(spec, field + ".size", strategy.size(), 1, MAX_ITEMS);
        Set<String> seen = new HashSet<>();
        String withBase = null;
        boolean anyWeight = false;
        for (int i = 0; i < strategy.size(); i++) {
            StrategyItem item = strategy.get(i);
            String at = field + "[" + i + "]";
            Check.range(spec, at + ".weight", item.weightOrZero(), 0, 1000);
            Check.range(spec, at + ".base", item.baseOrZero(), 0, 100_000);
            if (!seen.add(item.capacityProvider())) {
                throw new InvalidSpecException(spec, at + ".capacityProvider", item.capacityProvider(),
                        "a capacity provider may appear only once in a strategy");
            }
            if (item.baseOrZero() > 0) {
                if (withBase != null) {
                    throw new InvalidSpecException(spec, at + ".base", item.baseOrZero(),
                            "only one capacity provider in a strategy can have a base, and " + withBase
                                    + " already has one");
                }
                withBase = item.capacityProvider();
            }
            anyWeight |= item.weightOrZero() > 0;
        }
        long fargate = strategy.stream().filter(i -> i.capacityProvider().startsWith("FARGATE")).count();
        if (fargate > 0 && fargate < strategy.size()) {
            throw new InvalidSpecException(spec, field, strategy,
                    "a strategy cannot mix FARGATE / FARGATE_SPOT with Auto Scaling group capacity providers");
        }
        if (!anyWeight) {
            throw new InvalidSpecException(spec, field, strategy,
                    "at least one capacity provider in a strategy must have a weight greater than 0");
        }
    }
}
