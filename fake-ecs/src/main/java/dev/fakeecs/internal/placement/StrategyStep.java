package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.error.EcsErrors;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;

import java.util.Locale;

/**
 * One placement strategy, read and checked: {@code binpack} on cpu or memory, {@code spread} on the
 * instance ({@code instanceId} or {@code host}) or on an attribute ({@code attribute:<name>}), or
 * {@code random}. Type and field names are case-insensitive; {@code random} ignores its field.
 */
record StrategyStep(Kind kind, String attributeName) {

    enum Kind { BINPACK_CPU, BINPACK_MEMORY, SPREAD_INSTANCE, SPREAD_ATTRIBUTE, RANDOM }

    static StrategyStep of(PlacementStrategy strategy, int index) {
        String where = "placementStrategy[" + index + "]";
        String type = strategy.typeAsString();
        String field = strategy.field();
        if (type == null || type.isBlank()) {
            throw EcsErrors.invalidParameter(where + ".type can not be null or empty.");
        }
        switch (type.toLowerCase(Locale.ROOT)) {
            case "random":
                return new StrategyStep(Kind.RANDOM, null);
            case "binpack":
                if (field == null || field.isBlank()) {
                    throw EcsErrors.invalidParameter(where + ".field is required for the binpack strategy: "
                            + "use cpu or memory.");
                }
                switch (field.toLowerCase(Locale.ROOT)) {
                    case "cpu":
                        return new StrategyStep(Kind.BINPACK_CPU, null);
                    case "memory":
                        return new StrategyStep(Kind.BINPACK_MEMORY, null);
                    default:
                        throw EcsErrors.invalidParameter(where + ".field '" + field
                                + "' is not valid for the binpack strategy: use cpu or memory.");
                }
            case "spread":
                if (field == null || field.isBlank()) {
                    throw EcsErrors.invalidParameter(where + ".field is required for the spread strategy: "
                            + "use instanceId, host or attribute:<name>.");
                }
                String lower = field.toLowerCase(Locale.ROOT);
                if (lower.equals("instanceid") || lower.equals("host")) {
                    return new StrategyStep(Kind.SPREAD_INSTANCE, null);
                }
                if (lower.startsWith("attribute:") && field.length() > "attribute:".length()) {
                    return new StrategyStep(Kind.SPREAD_ATTRIBUTE, field.substring("attribute:".length()));
                }
                throw EcsErrors.invalidParameter(where + ".field '" + field
                        + "' is not valid for the spread strategy: use instanceId, host or attribute:<name>.");
            default:
                throw EcsErrors.invalidParameter(where + ".type '" + type
                        + "' is not valid: use random, spread or binpack.");
        }
    }
}
