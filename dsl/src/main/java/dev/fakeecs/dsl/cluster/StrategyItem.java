package dev.fakeecs.dsl.cluster;

import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;

import java.util.Objects;

/**
 * One capacity provider strategy item: provider, base and weight, exactly as
 * {@code capacityProvider=FARGATE,weight=1,base=2} on the CLI. Immutable; {@code base} and
 * {@code weight} return new items. An unset base or weight is left out of the request (ECS then
 * uses 0), so a strategy imported from JSON exports unchanged.
 *
 * <pre>{@code
 * StrategyItem item = CapacityProvider.FARGATE.base(2).weight(1);
 * item.toSdk();   // CapacityProviderStrategyItem(capacityProvider=FARGATE, weight=1, base=2)
 * }</pre>
 */
public final class StrategyItem {

    private final String capacityProvider;
    private final Integer base;
    private final Integer weight;

    private StrategyItem(String capacityProvider, Integer base, Integer weight) {
        this.capacityProvider = Objects.requireNonNull(capacityProvider, "capacityProvider");
        this.base = base;
        this.weight = weight;
    }

    /** An item with neither base nor weight set. */
    public static StrategyItem of(String capacityProvider) {
        return new StrategyItem(capacityProvider, null, null);
    }

    /** The DSL item for an SDK item (as imported from JSON). */
    public static StrategyItem fromSdk(CapacityProviderStrategyItem item) {
        return new StrategyItem(item.capacityProvider(), item.base(), item.weight());
    }

    public StrategyItem base(int value) {
        return new StrategyItem(capacityProvider, value, weight);
    }

    public StrategyItem weight(int value) {
        return new StrategyItem(capacityProvider, base, value);
    }

    public String capacityProvider() {
        return capacityProvider;
    }

    /** The base, 0 when unset. */
    public int baseOrZero() {
        return base == null ? 0 : base;
    }

    /** The weight, 0 when unset. */
    public int weightOrZero() {
        return weight == null ? 0 : weight;
    }

    public CapacityProviderStrategyItem toSdk() {
        return CapacityProviderStrategyItem.builder().capacityProvider(capacityProvider).base(base).weight(weight)
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StrategyItem other && other.capacityProvider.equals(capacityProvider)
                && Objects.equals(other.base, base) && Objects.equals(other.weight, weight);
    }

    @Override
    public int hashCode() {
        return Objects.hash(capacityProvider, base, weight);
    }

    @Override
    public String toString() {
        return "capacityProvider=" + capacityProvider + (weight == null ? "" : ",weight=" + weight)
                + (base == null ? "" : ",base=" + base);
    }
}
