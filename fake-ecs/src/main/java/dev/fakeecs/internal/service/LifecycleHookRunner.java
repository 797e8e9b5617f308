package dev.fakeecs.internal.service;

import dev.fakeecs.deployment.LifecycleHooks;
import dev.fakeecs.internal.deployment.HookExecution;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.deployment.StagedRollout;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the lifecycle hooks of one stage of a blue/green-family deployment, as ECS does: the hooks configured for
 * the stage run one after another in {@code lifecycleHooks} order, each must succeed before the next starts.
 *
 * <ul>
 *   <li>AWS_LAMBDA: the world's {@link LifecycleHooks} answer for the function ARN, given the payload ECS sends a
 *       Lambda hook; the reply counts when it arrives (a scripted answer's {@code afterSeconds}; a reply later
 *       than Lambda's 15 minutes is a failed invocation). SUCCEEDED moves on; FAILED, a missing or invalid
 *       {@code hookStatus}, or a failed invocation rolls back; IN_PROGRESS invokes again after
 *       {@code callBackDelay} seconds (default 30), carrying the reply's {@code hookDetails}.</li>
 *   <li>PAUSE: status AWAITING_ACTION with a {@code hookId} ({@code ecs-pause-} + 43 base64url characters) until
 *       ContinueServiceDeployment answers CONTINUE or ROLLBACK.</li>
 *   <li>Either times out {@code timeoutConfiguration.timeoutInMinutes} (default 1440) after it started: TIMED_OUT,
 *       then {@code timeoutConfiguration.action} (default ROLLBACK; CONTINUE moves on).</li>
 * </ul>
 * Each start, reply and outcome is journaled ({@code DEPLOYMENT} entries with {@code hook}).
 *
 * <pre>{@code
 * Outcome o = hooks.run(service, deployment, "POST_SCALE_UP", payloadWeights, now, wake);
 * if (o == Outcome.DONE) staged.enter("TEST_TRAFFIC_SHIFT", now);
 * }</pre>
 */
final class LifecycleHookRunner {

    /** Where the hooks of a stage stand after a pass. */
    enum Outcome { DONE, WAITING, FAILED }

    static final Duration DEFAULT_CALLBACK_DELAY = Duration.ofSeconds(30);
    static final Duration LAMBDA_TIMEOUT = Duration.ofMinutes(15);
    static final int DEFAULT_TIMEOUT_MINUTES = 1440;

    private final RegionContext region;
    private final ServiceDeploymentHistory history;
    private String failureReason;

    LifecycleHookRunner(RegionContext region, ServiceDeploymentHistory history) {
        this.region = region;
        this.history = history;
    }

    /** Why the last {@link Outcome#FAILED} failed (for the rollout reason). */
    String failureReason() {
        return failureReason;
    }

    /** The service's hooks configured for {@code stage}, in order, with their index into lifecycleHooks. */
    static List<Map.Entry<Integer, DeploymentLifecycleHook>> hooksFor(SimulatedService service, String stage) {
        List<Map.Entry<Integer, DeploymentLifecycleHook>> list = new ArrayList<>();
        var config = service.deploymentConfiguration();
        if (config == null || !config.hasLifecycleHooks()) {
            return list;
        }
        for (int i = 0; i < config.lifecycleHooks().size(); i++) {
            DeploymentLifecycleHook h = config.lifecycleHooks().get(i);
            if (h.hasLifecycleStages() && h.lifecycleStagesAsStrings().contains(stage)) {
                list.add(Map.entry(i, h));
            }
        }
        return list;
    }

    /**
     * One pass over the stage's hooks.
     *
     * @param weights the payload's {@code testTrafficWeights} and {@code productionTrafficWeights}
     */
    Outcome run(SimulatedService service, SimulatedDeployment d, String stage, Weights weights, Instant now,
                Wake wake) {
        StagedRollout st = d.staged();
        st.hooksStarted(true);
        List<Map.Entry<Integer, DeploymentLifecycleHook>> hooks = hooksFor(service, stage);
        for (int n = 0; n < hooks.size(); n++) {
            int index = hooks.get(n).getKey();
            DeploymentLifecycleHook hook = hooks.get(n).getValue();
            HookExecution exec = n < st.hooks().size() ? st.hooks().get(n) : null;
            if (exec == null) {
                exec = start(service, d, stage, index, hook, weights, now);
                st.hooks().add(exec);
            }
            if ("SUCCEEDED".equals(exec.status())) {
                continue;
            }
            if ("TIMED_OUT".equals(exec.status())) {
                if ("CONTINUE".equals(exec.timeoutAction())) {
                    continue;
                }
                failureReason = "lifecycle hook " + describe(exec) + " timed out at " + stage + ".";
                return Outcome.FAILED;
            }
            if ("FAILED".equals(exec.status())) {
                failureReason = "lifecycle hook " + describe(exec) + " failed at " + stage + ".";
                return Outcome.FAILED;
            }
            if (!exec.isPause()) {
                while (true) {
                    if (exec.pendingReply() != null && !now.isBefore(exec.replyAt())) {
                        reply(service, d, stage, exec, now);
                    }
                    if (exec.nextInvocationAt() != null && !now.isBefore(exec.nextInvocationAt())
                            && !exec.isDone()) {
                        invoke(service, d, stage, exec, weights, now);
                        continue;
                    }
                    break;
                }
            }
            if ("SUCCEEDED".equals(exec.status())) {
                continue;
            }
            if ("FAILED".equals(exec.status())) {
                failureReason = "lifecycle hook " + describe(exec) + " failed at " + stage + ".";
                return Outcome.FAILED;
            }
            if (!now.isBefore(exec.expiresAt())) {
                exec.status("TIMED_OUT");
                record(service, d, stage, exec, "status", "TIMED_OUT", "timeoutAction", exec.timeoutAction());
                if ("CONTINUE".equals(exec.timeoutAction())) {
                    continue;
                }
                failureReason = "lifecycle hook " + describe(exec) + " timed out at " + stage + ".";
                return Outcome.FAILED;
            }
            wake.at(exec.expiresAt());
            if (exec.replyAt() != null && exec.pendingReply() != null) {
                wake.at(exec.replyAt());
            }
            if (exec.nextInvocationAt() != null) {
                wake.at(exec.nextInvocationAt());
            }
            return Outcome.WAITING;
        }
        return Outcome.DONE;
    }

    /** ContinueServiceDeployment on a PAUSE hook: true when {@code hookId} awaits action in the current stage. */
    boolean answerPause(SimulatedService service, SimulatedDeployment d, String hookId, boolean rollback) {
        StagedRollout st = d.staged();
        if (st == null) {
            return false;
        }
        for (HookExecution exec : st.hooks()) {
            if (exec.hookId().equals(hookId) && exec.isPause() && "AWAITING_ACTION".equals(exec.status())) {
                exec.status(rollback ? "FAILED" : "SUCCEEDED");
                record(service, d, st.stage(), exec, "status", exec.status(), "by", "ContinueServiceDeployment");
                return true;
            }
        }
        return false;
    }

    /** Invokes the Lambda hooks configured for {@code stage} once, ignoring their answers (a rollback re-runs them). */
    void invokeOnce(SimulatedService service, SimulatedDeployment d, String stage, Weights weights, Instant now) {
        for (Map.Entry<Integer, DeploymentLifecycleHook> e : hooksFor(service, stage)) {
            DeploymentLifecycleHook hook = e.getValue();
            if ("PAUSE".equals(hook.targetTypeAsString())) {
                continue;
            }
            Map<String, Object> payload = payload(service, d, stage, weights, unwrap(hook.hookDetails()));
            region.engine().lifecycleHooks().invoke(hook.hookTargetArn(), payload, now);
            region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", d.id(), "hook",
                    hook.hookTargetArn(), "stage", stage, "invoked", "rollback");
        }
    }

    private HookExecution start(SimulatedService service, SimulatedDeployment d, String stage, int index,
                                DeploymentLifecycleHook hook, Weights weights, Instant now) {
        boolean pause = "PAUSE".equals(hook.targetTypeAsString());
        var timeout = hook.timeoutConfiguration();
        int minutes = timeout == null || timeout.timeoutInMinutes() == null ? DEFAULT_TIMEOUT_MINUTES
                : timeout.timeoutInMinutes();
        String action = timeout == null || timeout.action() == null ? "ROLLBACK" : timeout.actionAsString();
        String hookId = pause ? "ecs-pause-" + pauseSuffix() : region.engine().random().uuid();
        HookExecution exec = new HookExecution(index, hookId, pause ? "PAUSE" : "AWS_LAMBDA",
                pause ? null : hook.hookTargetArn(), action, now.plus(Duration.ofMinutes(minutes)),
                pause ? "AWAITING_ACTION" : "IN_PROGRESS", unwrap(hook.hookDetails()));
        record(service, d, stage, exec, "status", exec.status());
        if (!pause) {
            exec.nextInvocationAt(now);
        }
        return exec;
    }

    private void invoke(SimulatedService service, SimulatedDeployment d, String stage, HookExecution exec,
                        Weights weights, Instant now) {
        exec.nextInvocationAt(null);
        Map<String, Object> payload = payload(service, d, stage, weights, exec.hookDetails());
        LifecycleHooks.Reply reply = region.engine().lifecycleHooks().invoke(exec.targetArn(), payload, now);
        Duration after = reply.after();
        Map<String, Object> body = reply.body();
        if (after.compareTo(LAMBDA_TIMEOUT) > 0) {
            after = LAMBDA_TIMEOUT;
            body = Map.of("hookStatus", "ERROR");
        }
        exec.pendingReply(body, now.plus(after));
        record(service, d, stage, exec, "invoked", (String) payload.get("executionId"));
    }

    private void reply(SimulatedService service, SimulatedDeployment d, String stage, HookExecution exec,
                       Instant now) {
        Map<String, Object> body = exec.pendingReply();
        exec.pendingReply(null, null);
        String status = String.valueOf(body.get("hookStatus"));
        record(service, d, stage, exec, "hookStatus", status);
        switch (status) {
            case "SUCCEEDED" -> exec.status("SUCCEEDED");
            case "IN_PROGRESS" -> {
                if (body.containsKey("hookDetails")) {
                    exec.hookDetails(body.get("hookDetails"));
                }
                Duration delay = DEFAULT_CALLBACK_DELAY;
                Object cb = body.get("callBackDelay");
                if (cb instanceof Number n && n.longValue() >= 0) {
                    delay = Duration.ofSeconds(n.longValue());
                }
                exec.nextInvocationAt(now.plus(delay));
            }
            default -> exec.status("FAILED");
        }
    }

    /** The payload ECS sends a Lambda hook. */
    private Map<String, Object> payload(SimulatedService service, SimulatedDeployment d, String stage,
                                        Weights weights, Object hookDetails) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("serviceArn", service.arn());
        details.put("targetServiceRevisionArn", history.revisionArn(service, d));
        details.put("testTrafficWeights", weights.test());
        details.put("productionTrafficWeights", weights.production());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("executionId", region.engine().random().uuid());
        payload.put("lifecycleStage", stage);
        ServiceDeploymentRecord record = history.record(d);
        payload.put("resourceArn", record == null ? null : record.arn());
        payload.put("executionDetails", details);
        payload.put("hookDetails", hookDetails == null ? Map.of() : hookDetails);
        return java.util.Collections.unmodifiableMap(payload);
    }

    private String pauseSuffix() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) region.engine().random().nextInt(256);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 43);
    }

    /**
     * The hook's {@code hookDetails} as the Lambda function gets them, parsed as JSON is by default (Jackson into a
     * Map): objects as maps, arrays as lists, whole numbers as Integer (Long when larger), other numbers as Double.
     */
    static Object unwrap(Document document) {
        if (document == null || document.isNull()) {
            return null;
        }
        if (document.isMap()) {
            Map<String, Object> map = new LinkedHashMap<>();
            document.asMap().forEach((k, v) -> map.put(k, unwrap(v)));
            return java.util.Collections.unmodifiableMap(map);
        }
        if (document.isList()) {
            List<Object> list = new ArrayList<>();
            document.asList().forEach(v -> list.add(unwrap(v)));
            return java.util.Collections.unmodifiableList(list);
        }
        if (document.isNumber()) {
            java.math.BigDecimal n = document.asNumber().bigDecimalValue();
            if (n.signum() == 0 || n.stripTrailingZeros().scale() <= 0) {
                try {
                    long v = n.longValueExact();
                    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
                } catch (ArithmeticException tooLarge) {
                    return n.doubleValue();
                }
            }
            return n.doubleValue();
        }
        if (document.isBoolean()) {
            return document.asBoolean();
        }
        return document.asString();
    }

    private static String describe(HookExecution exec) {
        return exec.isPause() ? exec.hookId() : exec.targetArn();
    }

    private void record(SimulatedService service, SimulatedDeployment d, String stage, HookExecution exec,
                        String... more) {
        List<String> fields = new ArrayList<>(List.of("deployment", d.id(), "hook",
                exec.isPause() ? exec.hookId() : exec.targetArn(), "stage", stage));
        fields.addAll(List.of(more));
        region.record(JournalEventType.DEPLOYMENT, service.arn(), fields.toArray(new String[0]));
    }

    /** The traffic weights a hook's payload carries, keyed by service revision ARN (empty maps: none). */
    record Weights(Map<String, Object> test, Map<String, Object> production) {
        static final Weights NONE = new Weights(Map.of(), Map.of());
    }
}
