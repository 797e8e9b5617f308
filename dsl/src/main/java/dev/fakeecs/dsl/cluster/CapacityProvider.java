package dev.fakeecs.dsl.cluster;

import dev.fakeecs.dsl.internal.Check;

import java.util.Objects;

/**
 * A capacity provider by name, the start of a strategy item: {@code FARGATE.base(2).weight(1)}.
 *
 * <pre>{@code
 * import static dev.fakeecs.dsl.Ecs.*;
 * c.capacityProviders(FARGATE, FARGATE_SPOT)
 *  .defaultStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4));
 * }</pre>
 */
public final class CapacityProvider {

    /** AWS Fargate (on-demand). */
    public static final CapacityProvider FARGATE = new CapacityProvider("FARGATE");
    /** AWS Fargate Spot (interruptible, two minutes' notice). */
    public static final CapacityProvider FARGATE_SPOT = new CapacityProvider("FARGATE_SPOT");

    private final String name;

    private CapacityProvider(String name) {
        this.name = name;
    }

    /** A capacity provider by name (an Auto Scaling group provider, or FARGATE / FARGATE_SPOT). */
    public static CapacityProvider named(String name) {
        Check.notBlank("capacityProvider", "name", name);
        if (name.equals(FARGATE.name)) {
            return FARGATE;
        }
        if (name.equals(FARGATE_SPOT.name)) {
            return FARGATE_SPOT;
        }
        return new CapacityProvider(name);
    }

    public String name() {
        return name;
    }

    /** A strategy item for this provider with this base (weight 0 until {@code .weight(n)}). */
    public StrategyItem base(int base) {
        return StrategyItem.of(name).base(base);
    }

    /** A strategy item for this provider with this weight and no base. */
    public StrategyItem weight(int weight) {
        return StrategyItem.of(name).weight(weight);
    }

    /** The strategy item {@code weight 1}: use when this provider is the only one. */
    public StrategyItem only() {
        return weight(1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CapacityProvider other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
