package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;

import java.util.List;
import java.util.regex.Pattern;

/** A parsed cluster query: a comparison, or {@code and}/{@code or}/{@code not} of other queries. */
sealed interface QueryNode {

    boolean test(SimulatedContainerInstance instance);

    record And(QueryNode left, QueryNode right) implements QueryNode {
        @Override
        public boolean test(SimulatedContainerInstance instance) {
            return left.test(instance) && right.test(instance);
        }
    }

    record Or(QueryNode left, QueryNode right) implements QueryNode {
        @Override
        public boolean test(SimulatedContainerInstance instance) {
            return left.test(instance) || right.test(instance);
        }
    }

    record Not(QueryNode inner) implements QueryNode {
        @Override
        public boolean test(SimulatedContainerInstance instance) {
            return !inner.test(instance);
        }
    }

    /**
     * {@code subject operator [argument]}. {@code arguments} holds one value, a list's values
     * ({@code in}), or nothing ({@code exists}); {@code pattern} is set for {@code =~}/{@code !~}.
     */
    record Comparison(QuerySubject subject, String attributeName, QueryOperator operator, List<String> arguments,
                      Pattern pattern) implements QueryNode {

        @Override
        public boolean test(SimulatedContainerInstance instance) {
            boolean positive = holdsForAny(subject.values(instance, attributeName), operator.positive());
            return operator.isNegated() != positive;
        }

        private boolean holdsForAny(List<String> values, QueryOperator op) {
            if (op == QueryOperator.EXISTS) {
                return !values.isEmpty();
            }
            for (String value : values) {
                if (holds(value, op)) {
                    return true;
                }
            }
            return false;
        }

        private boolean holds(String value, QueryOperator op) {
            return switch (op) {
                case EQUALS -> subject.equal(value, arguments.get(0));
                case IN -> arguments.stream().anyMatch(a -> subject.equal(value, a));
                case MATCHES -> pattern.matcher(value).matches();
                case GREATER_THAN -> subject.compare(value, arguments.get(0)) > 0;
                case GREATER_THAN_EQUAL -> subject.compare(value, arguments.get(0)) >= 0;
                case LESS_THAN -> subject.compare(value, arguments.get(0)) < 0;
                case LESS_THAN_EQUAL -> subject.compare(value, arguments.get(0)) <= 0;
                default -> throw new IllegalStateException("not a positive operator: " + op);
            };
        }
    }
}
