package dev.fakeecs.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the world's deployment lifecycle hook functions answer, and every invocation so far. One per world
 * ({@code FakeEcs.lifecycleHooks()}), shared by every region. A function with a registered
 * {@link LifecycleHookFunction} runs it; one with a scripted {@link #answer} gives that status {@code after} each
 * invocation; any other answers SUCCEEDED at once. Thread-safe.
 *
 * <pre>{@code
 * LifecycleHooks hooks = ecs.lifecycleHooks();
 * hooks.answer(gateArn, "IN_PROGRESS", Duration.ZERO);          // ECS re-invokes it every 30 s
 * ecs.clock().advance(Duration.ofMinutes(5));
 * hooks.answer(gateArn, "SUCCEEDED", Duration.ZERO);            // the deployment moves on
 * assertThat(hooks.invocations()).extracting(HookInvocation::lifecycleStage).contains("POST_SCALE_UP");
 * }</pre>
 */
public final class LifecycleHooks {

    /** The statuses a hook function may answer. */
    public static final Set<String> STATUSES = Set.of("SUCCEEDED", "FAILED", "IN_PROGRESS");

    /** A scripted answer: {@code status}, given {@code after} the invocation. */
    public record Answer(String status, Duration after) {
        public Answer {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(after, "after");
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException("hookStatus must be one of SUCCEEDED, FAILED, IN_PROGRESS");
            }
            if (after.isNegative()) {
                throw new IllegalArgumentException("afterSeconds must not be negative");
            }
        }
    }

    /** What ECS gets back from one invocation: the reply, and how long after the invocation it arrives. */
    public record Reply(Map<String, Object> body, Duration after) {
    }

    private final Map<String, LifecycleHookFunction> functions = new LinkedHashMap<>();
    private final Map<String, Answer> answers = new LinkedHashMap<>();
    private final List<HookInvocation> invocations = new ArrayList<>();

    /** Registers the Java function invoked for {@code functionArn} (replaces a scripted answer). */
    public synchronized LifecycleHooks function(String functionArn, LifecycleHookFunction function) {
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(function, "function");
        answers.remove(functionArn);
        functions.put(functionArn, function);
        return this;
    }

    /**
     * Scripts how {@code functionArn} answers every invocation: {@code status} (SUCCEEDED, FAILED or IN_PROGRESS)
     * {@code after} the invocation (replaces a registered function).
     */
    public synchronized LifecycleHooks answer(String functionArn, String status, Duration after) {
        Objects.requireNonNull(functionArn, "functionArn");
        Answer a = new Answer(status, after);
        functions.remove(functionArn);
        answers.put(functionArn, a);
        return this;
    }

    /** Forgets every registered function, scripted answer and recorded invocation. */
    public synchronized void clear() {
        functions.clear();
        answers.clear();
        invocations.clear();
    }

    /** Every invocation so far, in order. */
    public synchronized List<HookInvocation> invocations() {
        return List.copyOf(invocations);
    }

    /**
     * Invokes the function for {@code functionArn} with {@code payload} at {@code at} (the engine calls this):
     * the registered function's reply (an exception or a reply without a valid {@code hookStatus} gives
     * {@code {"hookStatus":"ERROR"}}), the scripted answer, or SUCCEEDED at once.
     */
    public Reply invoke(String functionArn, Map<String, Object> payload, Instant at) {
        LifecycleHookFunction function;
        Answer answer;
        synchronized (this) {
            function = functions.get(functionArn);
            answer = answers.get(functionArn);
        }
        Map<String, Object> body;
        Duration after = Duration.ZERO;
        String error = null;
        if (function != null) {
            Map<String, Object> reply = null;
            try {
                reply = function.invoke(payload);
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (error == null && (reply == null || !STATUSES.contains(String.valueOf(reply.get("hookStatus"))))) {
                error = "the reply has no valid hookStatus (SUCCEEDED, FAILED or IN_PROGRESS): " + reply;
            }
            body = error != null ? Map.of("hookStatus", "ERROR") : new LinkedHashMap<>(reply);
        } else if (answer != null) {
            body = Map.of("hookStatus", answer.status());
            after = answer.after();
        } else {
            body = Map.of("hookStatus", "SUCCEEDED");
        }
        synchronized (this) {
            invocations.add(new HookInvocation(at, functionArn, payload, String.valueOf(body.get("hookStatus")), error));
        }
        return new Reply(body, after);
    }
}
