package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A request's placement constraints, ready to test instances: {@code distinctInstance} (no task of the
 * same group, not yet stopped, on the instance) and {@code memberOf} (the expression holds). Any
 * unmet constraint gives the reason {@code ATTRIBUTE}.
 */
final class ConstraintCheck {

    private final List<ClusterQuery> memberOf;
    private final boolean distinctInstance;

    private ConstraintCheck(List<ClusterQuery> memberOf, boolean distinctInstance) {
        this.memberOf = memberOf;
        this.distinctInstance = distinctInstance;
    }

    /** Reads the constraints; {@code parser} turns an expression into a query (it may cache). */
    static ConstraintCheck of(List<PlacementConstraint> constraints, Function<String, ClusterQuery> parser) {
        List<ClusterQuery> queries = new ArrayList<>();
        boolean distinct = false;
        for (PlacementConstraint c : constraints) {
            String type = c.typeAsString() == null ? "" : c.typeAsString().toLowerCase(Locale.ROOT);
            if (type.equals("distinctinstance")) {
                distinct = true;
            } else if (type.equals("memberof")) {
                queries.add(parser.apply(c.expression()));
            } else {
                throw PlacementValidation.unknownConstraintType(c.typeAsString());
            }
        }
        return new ConstraintCheck(List.copyOf(queries), distinct);
    }

    /** The failure reason for the instance, or null when every constraint is met. */
    String reason(SimulatedContainerInstance instance, String group) {
        if (distinctInstance && GroupTasks.anyNotStopped(instance, group)) {
            return PlacementFailure.ATTRIBUTE;
        }
        for (ClusterQuery query : memberOf) {
            if (!query.test(instance)) {
                return PlacementFailure.ATTRIBUTE;
            }
        }
        return null;
    }
}
