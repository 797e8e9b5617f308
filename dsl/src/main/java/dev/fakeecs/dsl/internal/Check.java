package dev.fakeecs.dsl.internal;

import dev.fakeecs.dsl.spec.InvalidSpecException;

/**
 * Small checks shared by the specs; each throws an {@link InvalidSpecException} that names the
 * spec, the field, the value and the rule.
 *
 * <pre>{@code
 * Check.range("service web", "desiredCount", count, 0, Integer.MAX_VALUE);
 * Check.notBlank("container", "image", image);
 * }</pre>
 */
public final class Check {

    private Check() {
    }

    /** Fails unless {@code min <= value <= max}. */
    public static void range(String spec, String field, long value, long min, long max) {
        if (value < min || value > max) {
            String rule = max == Integer.MAX_VALUE || max == Long.MAX_VALUE
                    ? "must be at least " + min
                    : "must be between " + min + " and " + max;
            throw new InvalidSpecException(spec, field, value, rule);
        }
    }

    /** Fails if {@code value} is null or blank. */
    public static String notBlank(String spec, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSpecException(spec, field, value, "is required and must not be blank");
        }
        return value;
    }

    /** Fails unless {@code condition} holds. */
    public static void that(boolean condition, String spec, String field, Object value, String rule) {
        if (!condition) {
            throw new InvalidSpecException(spec, field, value, rule);
        }
    }
}
