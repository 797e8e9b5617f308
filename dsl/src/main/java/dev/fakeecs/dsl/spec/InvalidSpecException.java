package dev.fakeecs.dsl.spec;

import java.util.Objects;

/**
 * A declaration broke a rule. The message names where (the spec), the field, the value and the
 * rule, so a test author can fix it without opening the javadoc.
 *
 * <pre>{@code
 * try {
 *     Ecs.taskDefinition("orders").fargate().cpu(256).memory(4096).build();
 * } catch (InvalidSpecException e) {
 *     e.getMessage();  // taskDefinition orders: memory = 4096: Fargate cpu 256 runs with memory 512, 1024 or 2048 ...
 *     e.field();       // "memory"
 * }
 * }</pre>
 */
public final class InvalidSpecException extends IllegalArgumentException {

    private final String spec;
    private final String field;
    private final transient Object value;
    private final String rule;

    public InvalidSpecException(String spec, String field, Object value, String rule) {
        super(spec + ": " + field + " = " + render(value) + ": " + rule);
        this.spec = Objects.requireNonNull(spec, "spec");
        this.field = Objects.requireNonNull(field, "field");
        this.value = value;
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    private static String render(Object value) {
        if (value instanceof CharSequence) {
            return "\"" + value + "\"";
        }
        return String.valueOf(value);
    }

    /** Which declaration, e.g. {@code service order-service}. */
    public String spec() {
        return spec;
    }

    /** The offending field, e.g. {@code defaultStrategy[1].weight}. */
    public String field() {
        return field;
    }

    /** The rejected value (may be null). */
    public Object value() {
        return value;
    }

    /** The rule that was broken, in words. */
    public String rule() {
        return rule;
    }
}
