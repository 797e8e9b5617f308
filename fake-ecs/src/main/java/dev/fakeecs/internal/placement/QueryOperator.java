package dev.fakeecs.internal.placement;

import java.util.Locale;

/**
 * An operator of the cluster query language, with its symbol (if it has one) and its word form.
 * Negated operators ({@code !=}, {@code !exists}, {@code !in}, {@code !~}) are the exact negation
 * of their positive counterpart.
 */
enum QueryOperator {
    EQUALS("==", "equals"),
    NOT_EQUALS("!=", "not_equals"),
    GREATER_THAN(">", "greater_than"),
    GREATER_THAN_EQUAL(">=", "greater_than_equal"),
    LESS_THAN("<", "less_than"),
    LESS_THAN_EQUAL("<=", "less_than_equal"),
    EXISTS(null, "exists"),
    NOT_EXISTS("!exists", "not_exists"),
    IN(null, "in"),
    NOT_IN("!in", "not_in"),
    MATCHES("=~", "matches"),
    NOT_MATCHES("!~", "not_matches");

    /** Symbols in the order the parser tries them: longest first, so ">=" wins over ">". */
    static final QueryOperator[] SYMBOL_ORDER = {
        NOT_EXISTS, NOT_IN, EQUALS, NOT_EQUALS, GREATER_THAN_EQUAL, LESS_THAN_EQUAL, MATCHES, NOT_MATCHES,
        GREATER_THAN, LESS_THAN
    };

    private final String symbol;
    private final String word;

    QueryOperator(String symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    /** The symbol form ({@code ==}), or null for operators that only have a word ({@code in}). */
    String symbol() {
        return symbol;
    }

    String word() {
        return word;
    }

    /** The operator written as this word (case-insensitive), or null. */
    static QueryOperator fromWord(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (QueryOperator op : values()) {
            if (op.word.equals(lower)) {
                return op;
            }
        }
        return null;
    }

    boolean takesArgument() {
        return this != EXISTS && this != NOT_EXISTS;
    }

    boolean takesList() {
        return this == IN || this == NOT_IN;
    }

    boolean isNegated() {
        return this == NOT_EQUALS || this == NOT_EXISTS || this == NOT_IN || this == NOT_MATCHES;
    }

    /** The positive operator this one negates; itself when it is not negated. */
    QueryOperator positive() {
        return switch (this) {
            case NOT_EQUALS -> EQUALS;
            case NOT_EXISTS -> EXISTS;
            case NOT_IN -> IN;
            case NOT_MATCHES -> MATCHES;
            default -> this;
        };
    }

    /** How the operator reads in messages: {@code ==/equals}. */
    String display() {
        return symbol == null ? word : symbol + "/" + word;
    }
}
