package dev.fakeecs.internal.placement;

import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;

import java.util.List;

/**
 * The default strategies ECS applies when a request names none, and short factories for strategies
 * and constraints.
 *
 * <pre>{@code
 * List<PlacementStrategy> s = List.of(PlacementStrategies.spread("attribute:ecs.availability-zone"),
 *                                     PlacementStrategies.binpack("memory"));
 * List<PlacementConstraint> c = List.of(PlacementStrategies.memberOf("attribute:ecs.instance-type =~ t3.*"));
 * }</pre>
 */
public final class PlacementStrategies {

    /** A service's default: spread across Availability Zones, then across instances. */
    public static final List<PlacementStrategy> SERVICE_DEFAULT = List.of(
            spread("attribute:ecs.availability-zone"), spread("instanceId"));

    /** RunTask's default: random. */
    public static final List<PlacementStrategy> RUN_TASK_DEFAULT = List.of(random());

    private PlacementStrategies() {
    }

    /** {@code binpack} on {@code cpu} or {@code memory}. */
    public static PlacementStrategy binpack(String field) {
        return PlacementStrategy.builder().type(PlacementStrategyType.BINPACK).field(field).build();
    }

    /** {@code spread} on {@code instanceId}, {@code host} or {@code attribute:<name>}. */
    public static PlacementStrategy spread(String field) {
        return PlacementStrategy.builder().type(PlacementStrategyType.SPREAD).field(field).build();
    }

    public static PlacementStrategy random() {
        return PlacementStrategy.builder().type(PlacementStrategyType.RANDOM).build();
    }

    public static PlacementConstraint distinctInstance() {
        return PlacementConstraint.builder().type(PlacementConstraintType.DISTINCT_INSTANCE).build();
    }

    public static PlacementConstraint memberOf(String expression) {
        return PlacementConstraint.builder().type(PlacementConstraintType.MEMBER_OF).expression(expression).build();
    }
}
