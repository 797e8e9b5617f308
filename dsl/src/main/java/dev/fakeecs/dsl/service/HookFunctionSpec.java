package dev.fakeecs.dsl.service;

import dev.fakeecs.deployment.LifecycleHookFunction;
import dev.fakeecs.deployment.LifecycleHooks;
import dev.fakeecs.dsl.internal.Check;

import java.time.Duration;
import java.util.Objects;

/**
 * How a lifecycle hook's Lambda function answers in a declared world (there is no AWS Lambda in the fake): a Java
 * {@link LifecycleHookFunction} bound to the function ARN, which receives the payload ECS sends a Lambda hook (so a
 * real handler can be plugged in), or a scripted answer (a status given some time after each invocation). Applied
 * through {@code FakeEcs.lifecycleHooks()} before the services; an undeclared function answers SUCCEEDED at once.
 *
 * <pre>{@code
 * world.hookFunction(SMOKE_ARN, payload -> Map.of("hookStatus", "SUCCEEDED"));   // HookFunctionSpec.function(...)
 * world.hookAnswer(GATE_ARN, "FAILED", Duration.ofSeconds(20));                   // HookFunctionSpec.answer(...)
 * }</pre>
 *
 * @param functionArn the hook's {@code hookTargetArn}
 * @param function    the Java function, or null for a scripted answer
 * @param status      the scripted status (SUCCEEDED, FAILED or IN_PROGRESS), or null for a function
 * @param after       how long after each invocation the scripted answer comes, or null for a function
 */
public record HookFunctionSpec(String functionArn, LifecycleHookFunction function, String status, Duration after) {

    /** Requires a function ARN and either a function or a valid scripted answer. */
    public HookFunctionSpec {
        String where = "hook function " + functionArn;
        Check.notBlank("hook function", "functionArn", functionArn);
        Check.that(function != null || status != null, where, "function", null, "needs a function or an answer");
        if (function == null) {
            Check.that(LifecycleHooks.STATUSES.contains(status), where, "status", status,
                    "must be SUCCEEDED, FAILED or IN_PROGRESS");
            Check.that(after != null && !after.isNegative(), where, "after", after, "must not be negative");
        }
    }

    /** The Java function answering for {@code functionArn}. */
    public static HookFunctionSpec function(String functionArn, LifecycleHookFunction function) {
        return new HookFunctionSpec(functionArn, Objects.requireNonNull(function, "function"), null, null);
    }

    /** A scripted answer: {@code status} given {@code after} each invocation. */
    public static HookFunctionSpec answer(String functionArn, String status, Duration after) {
        return new HookFunctionSpec(functionArn, null, status, after);
    }

    /** Registers the function or the answer with a world's lifecycle hooks. */
    public void applyTo(LifecycleHooks hooks) {
        if (function != null) {
            hooks.function(functionArn, function);
        } else {
            hooks.answer(functionArn, status, after);
        }
    }
}
