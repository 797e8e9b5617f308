package dev.fakeecs.deployment;

import java.util.Map;

/**
 * A deployment lifecycle hook function as ECS invokes it: it receives the payload ECS sends an AWS Lambda hook
 * ({@code executionId}, {@code lifecycleStage}, {@code resourceArn}, {@code executionDetails} with
 * {@code serviceArn}, {@code targetServiceRevisionArn}, {@code testTrafficWeights}, {@code productionTrafficWeights},
 * and {@code hookDetails}) as JSON-like maps, lists, strings and numbers, and returns its reply:
 * {@code hookStatus} SUCCEEDED, FAILED or IN_PROGRESS, optionally {@code callBackDelay} (seconds before ECS invokes
 * it again, default 30) and {@code hookDetails} (carried into the next invocation). A missing or unknown
 * {@code hookStatus}, or an exception, is a failed invocation and rolls the deployment back, as in ECS.
 * Called on the engine's thread at the virtual instant of the invocation: do not block or advance the clock.
 *
 * <pre>{@code
 * LifecycleHookFunction smokeTest = payload -> {
 *     Map<?, ?> details = (Map<?, ?>) payload.get("executionDetails");
 *     return Map.of("hookStatus", details.get("testTrafficWeights").toString().isEmpty() ? "FAILED" : "SUCCEEDED");
 * };
 * ecs.lifecycleHooks().function(functionArn, smokeTest);
 * }</pre>
 */
@FunctionalInterface
public interface LifecycleHookFunction {

    /** Handles one invocation; returns the reply ({@code hookStatus} required). */
    Map<String, Object> invoke(Map<String, Object> payload);
}
