package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.EcsListenerRuleHandle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldExist.shouldExist;
import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on a listener rule's forward weights (by target group name), now or eventually in virtual time: how
 * ECS blue/green, linear and canary deployments have moved traffic.
 *
 * <pre>{@code
 * assertThat(shop.productionListenerRule()).eventually(within(ofMinutes(15))).hasWeights("shop-blue", 90, "shop-green", 10);
 * assertThat(shop.testListenerRule()).hasWeight("shop-green", 100);
 * }</pre>
 */
public class ListenerRuleAssert extends AbstractEcsAssert<ListenerRuleAssert, EcsListenerRuleHandle> {

    public ListenerRuleAssert(EcsListenerRuleHandle actual) {
        super(actual, ListenerRuleAssert.class);
    }

    @Override
    protected FakeEcs world() {
        return actual.ecs();
    }

    @Override
    protected String subject() {
        return actual.toString();
    }

    @Override
    protected Predicate<JournalEntry> about() {
        String arn = actual.arn();
        return e -> arn.equals(e.subject());
    }

    /** The rule exists and forwards. */
    public ListenerRuleAssert exists() {
        return check(actual::exists, () -> shouldExist("listener rule", subject(), "(no forwarding rule of that ARN)"));
    }

    /** Target group {@code targetGroup} (name) has {@code weight} in the rule's forward action. */
    public ListenerRuleAssert hasWeight(String targetGroup, int weight) {
        exists();
        return check(() -> Integer.valueOf(weight).equals(actual.weights().get(targetGroup)),
                () -> shouldHave("listener rule", subject(), "weight of " + targetGroup, weight, actual.weights()));
    }

    /** The rule forwards to exactly these two target groups (names) with these weights: {@code hasWeights("blue", 90, "green", 10)}. */
    public ListenerRuleAssert hasWeights(String targetGroup, int weight, String otherTargetGroup, int otherWeight) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(targetGroup, weight);
        expected.put(otherTargetGroup, otherWeight);
        return hasWeights(expected);
    }

    /** The rule forwards to exactly these target groups (names) with these weights (any order). */
    public ListenerRuleAssert hasWeights(Map<String, Integer> expected) {
        exists();
        return check(() -> actual.weights().equals(expected),
                () -> shouldHave("listener rule", subject(), "weights", expected, actual.weights()));
    }
}
