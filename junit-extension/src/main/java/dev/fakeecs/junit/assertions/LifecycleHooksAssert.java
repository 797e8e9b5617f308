package dev.fakeecs.junit.assertions;

import dev.fakeecs.deployment.HookInvocation;
import dev.fakeecs.deployment.LifecycleHooks;
import org.assertj.core.api.AbstractAssert;

import java.util.List;

import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on a world's lifecycle hook invocations ({@code FakeEcs.lifecycleHooks()}): which functions ECS
 * invoked, at which stages, how often, and what they answered. Failure messages list every invocation so far.
 *
 * <pre>{@code
 * assertThat(ecs.lifecycleHooks()).invoked(SMOKE_ARN).atStage("POST_TEST_TRAFFIC_SHIFT").answered("SUCCEEDED");
 * assertThat(ecs.lifecycleHooks()).wasNotInvoked(GATE_ARN);
 * }</pre>
 */
public class LifecycleHooksAssert extends AbstractAssert<LifecycleHooksAssert, LifecycleHooks> {

    public LifecycleHooksAssert(LifecycleHooks actual) {
        super(actual, LifecycleHooksAssert.class);
    }

    /** Every invocation so far, one per line, for messages. */
    static String lines(List<HookInvocation> invocations) {
        if (invocations.isEmpty()) {
            return "(no invocation)";
        }
        StringBuilder b = new StringBuilder();
        for (HookInvocation i : invocations) {
            b.append(System.lineSeparator()).append("  ").append(i.at()).append(' ').append(i.functionArn())
                    .append(" at ").append(i.lifecycleStage()).append(" -> ").append(i.hookStatus());
        }
        return b.toString();
    }

    /** The function {@code functionArn} was invoked at least once; navigates to its invocations. */
    public HookInvocationsAssert invoked(String functionArn) {
        isNotNull();
        List<HookInvocation> all = actual.invocations();
        List<HookInvocation> mine = all.stream().filter(i -> i.functionArn().equals(functionArn)).toList();
        if (mine.isEmpty()) {
            throwAssertionError(shouldHave("lifecycle hooks", "the world's lifecycle hook functions",
                    "an invocation of", functionArn, lines(all)));
        }
        return new HookInvocationsAssert(functionArn, mine, this);
    }

    /** The function {@code functionArn} was never invoked. */
    public LifecycleHooksAssert wasNotInvoked(String functionArn) {
        isNotNull();
        List<HookInvocation> mine = actual.invocations().stream().filter(i -> i.functionArn().equals(functionArn))
                .toList();
        if (!mine.isEmpty()) {
            throwAssertionError(shouldHave("lifecycle hooks", "the world's lifecycle hook functions",
                    "no invocation of", functionArn, lines(mine)));
        }
        return myself;
    }
}
