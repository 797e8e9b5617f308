package dev.fakeecs.deployment;

import java.time.Instant;
import java.util.Map;

/**
 * One invocation of a lifecycle hook function, as the world recorded it: when, which function, the payload ECS
 * sent and the status the function answered (null while an answer is pending).
 *
 * <pre>{@code
 * HookInvocation first = ecs.lifecycleHooks().invocations().get(0);
 * first.payload().get("lifecycleStage");   // "POST_TEST_TRAFFIC_SHIFT"
 * }</pre>
 *
 * @param at          the virtual instant of the invocation
 * @param functionArn the hook's {@code hookTargetArn}
 * @param payload     the payload (unmodifiable)
 * @param hookStatus  what the function answered (SUCCEEDED, FAILED, IN_PROGRESS), "ERROR" for a failed
 *                    invocation, or null while pending
 * @param error       why the invocation failed (the function's exception, or a reply without a valid
 *                    {@code hookStatus}), or null; what AWS Lambda would have logged
 */
public record HookInvocation(Instant at, String functionArn, Map<String, Object> payload, String hookStatus,
                             String error) {

    /** The payload's {@code lifecycleStage}. */
    public String lifecycleStage() {
        return (String) payload.get("lifecycleStage");
    }
}
