package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.error.EcsErrors;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;

import java.util.List;
import java.util.Locale;

/** Checks placement constraints and strategies as RunTask, StartTask and CreateService receive them. */
final class PlacementValidation {

    private PlacementValidation() {
    }

    static void validate(List<PlacementConstraint> constraints, List<PlacementStrategy> strategies,
                         int maxConstraints, int maxStrategies) {
        List<PlacementConstraint> cs = constraints == null ? List.of() : constraints;
        List<PlacementStrategy> ss = strategies == null ? List.of() : strategies;
        if (cs.size() > maxConstraints) {
            throw EcsErrors.invalidParameter("Too many placementConstraints: " + cs.size()
                    + " given, at most " + maxConstraints + " allowed.");
        }
        if (ss.size() > maxStrategies) {
            throw EcsErrors.invalidParameter("Too many placementStrategy items: " + ss.size()
                    + " given, at most " + maxStrategies + " allowed.");
        }
        for (int i = 0; i < cs.size(); i++) {
            constraint(cs.get(i), i);
        }
        for (int i = 0; i < ss.size(); i++) {
            StrategyStep.of(ss.get(i), i);
        }
    }

    private static void constraint(PlacementConstraint c, int index) {
        String where = "placementConstraints[" + index + "]";
        String type = c.typeAsString();
        if (type == null || type.isBlank()) {
            throw EcsErrors.invalidParameter(where + ".type can not be null or empty.");
        }
        switch (type.toLowerCase(Locale.ROOT)) {
            case "distinctinstance" -> {
                if (c.expression() != null && !c.expression().isEmpty()) {
                    throw EcsErrors.invalidParameter(where + ".expression: the distinctInstance constraint "
                            + "does not take an expression.");
                }
            }
            case "memberof" -> {
                if (c.expression() == null || c.expression().isBlank()) {
                    throw EcsErrors.invalidParameter(where + ".expression is required for the memberOf "
                            + "constraint.");
                }
                ClusterQuery.parse(c.expression());
            }
            default -> throw unknownConstraintType(type);
        }
    }

    static EcsException unknownConstraintType(String type) {
        return EcsErrors.invalidParameter("Placement constraint type '" + type
                + "' is not valid: use distinctInstance or memberOf.");
    }
}
