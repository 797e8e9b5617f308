package dev.fakeecs.internal.placement;

import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.error.EcsErrors;

import java.util.function.Predicate;

/**
 * A parsed expression of the ECS cluster query language, the language of {@code memberOf} placement
 * constraints and of ListContainerInstances' {@code filter}: a predicate over container instances.
 *
 * <pre>{@code
 * ClusterQuery q = ClusterQuery.parse("attribute:ecs.instance-type =~ t3.* and not(task:group == database)");
 * q.test(instance);   // true for a t3 host that runs no task of group "database"
 * }</pre>
 *
 * <p>Subjects: {@code agentConnected}, {@code agentVersion} (compared numerically by component),
 * {@code attribute:<name>} (values from {@link SimulatedContainerInstance#attributes()}; numbers compare as
 * numbers), {@code ec2InstanceId}, {@code registeredAt} ({@code 2018-06-18T22:28:28+00:00},
 * {@code ...Z}, without a zone meaning UTC, or {@code 2018-06-18}: midnight UTC for ordering, the whole
 * UTC day for {@code ==}), {@code runningTasksCount} and {@code task:group} (true when a task of the
 * group, not yet stopped, is on the instance). Operators: {@code ==/equals}, {@code !=/not_equals},
 * {@code >/greater_than}, {@code >=/greater_than_equal}, {@code </less_than},
 * {@code <=/less_than_equal}, {@code exists}, {@code !exists/not_exists}, {@code in} and
 * {@code !in/not_in} with {@code [a, b]}, {@code =~/matches} and {@code !~/not_matches} (Java regular
 * expressions matching the whole value). Compound: {@code &&/and} binds tighter than {@code ||/or};
 * {@code !/not} and parentheses. Each subject accepts the operators the ECS developer guide lists for it.
 *
 * <p>Invalid expressions fail with InvalidParameterException naming the expression and the position.
 */
public final class ClusterQuery implements Predicate<SimulatedContainerInstance> {

    /** The longest expression ECS accepts. */
    public static final int MAX_LENGTH = 2000;

    private final String expression;
    private final QueryNode root;

    private ClusterQuery(String expression, QueryNode root) {
        this.expression = expression;
        this.root = root;
    }

    /**
     * Parses an expression.
     *
     * @throws software.amazon.awssdk.services.ecs.model.InvalidParameterException when it is blank,
     *         longer than {@value #MAX_LENGTH} characters, or not valid
     */
    public static ClusterQuery parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw EcsErrors.invalidParameter("Placement constraint expression can not be null or empty.");
        }
        if (expression.length() > MAX_LENGTH) {
            throw EcsErrors.invalidParameter("Placement constraint expression must be at most " + MAX_LENGTH
                    + " characters, but was " + expression.length() + ".");
        }
        return new ClusterQuery(expression, QueryParser.parse(expression));
    }

    /** True when the instance belongs to the group of instances the expression describes. */
    @Override
    public boolean test(SimulatedContainerInstance instance) {
        return root.test(instance);
    }

    /** The expression as given. */
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }
}
