package dev.fakeecs.junit.assertions;

import dev.fakeecs.deployment.HookInvocation;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Objects;

import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on the invocations of one lifecycle hook function, oldest first (reached through
 * {@link LifecycleHooksAssert#invoked}).
 *
 * <pre>{@code
 * assertThat(ecs.lifecycleHooks()).invoked(SMOKE_ARN).atStage("POST_SCALE_UP").times(3).answered("IN_PROGRESS")
 *     .lastAnswered("SUCCEEDED");
 * }</pre>
 */
public class HookInvocationsAssert extends AbstractAssert<HookInvocationsAssert, List<HookInvocation>> {

    private final String functionArn;
    private final LifecycleHooksAssert parent;

    public HookInvocationsAssert(String functionArn, List<HookInvocation> invocations) {
        this(functionArn, invocations, null);
    }

    HookInvocationsAssert(String functionArn, List<HookInvocation> invocations, LifecycleHooksAssert parent) {
        super(invocations, HookInvocationsAssert.class);
        this.functionArn = Objects.requireNonNull(functionArn, "functionArn");
        this.parent = parent;
    }

    private void fail(String property, Object expected) {
        throwAssertionError(shouldHave("hook function", functionArn, property, expected,
                LifecycleHooksAssert.lines(actual)));
    }

    /** Some invocation was at {@code stage} ({@code POST_SCALE_UP}, {@code POST_TEST_TRAFFIC_SHIFT}...). */
    public HookInvocationsAssert atStage(String stage) {
        if (actual.stream().noneMatch(i -> stage.equals(i.lifecycleStage()))) {
            fail("an invocation at stage", stage);
        }
        return myself;
    }

    /** Every invocation was at one of {@code stages}. */
    public HookInvocationsAssert onlyAtStages(String... stages) {
        List<String> allowed = List.of(stages);
        if (!actual.stream().allMatch(i -> allowed.contains(i.lifecycleStage()))) {
            fail("invocations only at stages", allowed);
        }
        return myself;
    }

    /** The function was invoked exactly {@code count} times. */
    public HookInvocationsAssert times(int count) {
        if (actual.size() != count) {
            fail("invocations count", count);
        }
        return myself;
    }

    /** Some invocation answered {@code hookStatus} (SUCCEEDED, FAILED, IN_PROGRESS, or ERROR for a failed call). */
    public HookInvocationsAssert answered(String hookStatus) {
        if (actual.stream().noneMatch(i -> hookStatus.equals(i.hookStatus()))) {
            fail("an invocation answering", hookStatus);
        }
        return myself;
    }

    /** The latest invocation answered {@code hookStatus}. */
    public HookInvocationsAssert lastAnswered(String hookStatus) {
        if (actual.isEmpty() || !hookStatus.equals(actual.get(actual.size() - 1).hookStatus())) {
            fail("a last invocation answering", hookStatus);
        }
        return myself;
    }

    /** Back to the world's hooks. */
    public LifecycleHooksAssert returnToHooks() {
        if (parent == null) {
            throw new IllegalStateException("this assertion was not reached through assertThat(hooks).invoked(..)");
        }
        return parent;
    }
}
