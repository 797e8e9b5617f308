/**
 * ECS deployment lifecycle hooks as a test drives them. Without AWS Lambda, a test decides how each hook
 * function answers: register a Java {@link dev.fakeecs.deployment.LifecycleHookFunction} for the function ARN
 * (it receives exactly the payload ECS sends a Lambda hook, so a real handler can be plugged in), or script an
 * answer ({@link dev.fakeecs.deployment.LifecycleHooks#answer}, also {@code POST /_fake-ecs/hooks}). An undeclared
 * function answers SUCCEEDED at once.
 *
 * <pre>{@code
 * ecs.lifecycleHooks().function("arn:aws:lambda:us-east-1:000000000000:function:smoke-test",
 *         payload -> Map.of("hookStatus", "SUCCEEDED"));
 * ecs.lifecycleHooks().answer("arn:aws:lambda:us-east-1:000000000000:function:gate", "FAILED", Duration.ZERO);
 * }</pre>
 */
package dev.fakeecs.deployment;
