package dev.fakeecs.internal.events;

import dev.fakeecs.internal.deployment.HookExecution;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.service.ServiceDeploymentArns;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.journal.JournalEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code detail} of an {@code ECS Hook State Change}, {@code {eventType, eventName, serviceDeploymentArn, hookId,
 * lifecycleStage, expiresAt}}: {@code HOOK_AWAITING_ACTION} when a PAUSE hook starts waiting (AWS documents this
 * one); {@code HOOK_SUCCEEDED}, {@code HOOK_FAILED} and {@code HOOK_TIMED_OUT} when a hook settles (names by the
 * reference's rule: AWS does not list them).
 *
 * <pre>{@code
 * Map<String, Object> d = hooks.fromEntry(serviceArn, entry);
 * d.get("eventName");   // "HOOK_AWAITING_ACTION"
 * }</pre>
 */
final class HookStateEvents {

    /** A hook's timeout when its configuration gives none (24 hours, as ECS and the hook runner use). */
    static final int DEFAULT_TIMEOUT_MINUTES = 1440;

    private final EcsNeighbourhood ecs;

    HookStateEvents(EcsNeighbourhood ecs) {
        this.ecs = ecs;
    }

    /** The hook state change a DEPLOYMENT journal entry about a hook stands for, or null. */
    Map<String, Object> fromEntry(ServiceArn s, JournalEntry entry, Instant now) {
        String hook = entry.detail("hook");
        String deploymentId = entry.detail("deployment");
        if (hook == null || deploymentId == null || entry.detail("stage") == null) {
            return null;
        }
        String status = entry.detail("status") != null ? entry.detail("status") : entry.detail("hookStatus");
        if (status == null) {
            return null;
        }
        String[] event = switch (status) {
            case "AWAITING_ACTION" -> new String[] {"INFO", "HOOK_AWAITING_ACTION"};
            case "SUCCEEDED" -> new String[] {"INFO", "HOOK_SUCCEEDED"};
            case "FAILED", "ERROR" -> new String[] {"ERROR", "HOOK_FAILED"};
            case "TIMED_OUT" -> new String[] {"WARN", "HOOK_TIMED_OUT"};
            default -> null;
        };
        if (event == null) {
            return null;
        }
        SimulatedService service = ecs.service(s.cluster(), s.service());
        HookExecution exec = execution(service, deploymentId, hook);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventType", event[0]);
        d.put("eventName", event[1]);
        d.put("serviceDeploymentArn", ServiceDeploymentArns.of(s.prefix(), s.cluster(), s.service(), deploymentId));
        d.put("hookId", exec == null ? hook : exec.hookId());
        d.put("lifecycleStage", entry.detail("stage"));
        Instant expiresAt = exec != null ? exec.expiresAt() : startedNow(service, hook, entry.detail("stage"), now);
        if (expiresAt != null) {
            d.put("expiresAt", IsoTimes.withMillis(expiresAt));
        }
        return d;
    }

    /**
     * When a hook's execution is being started (its entry is recorded before the deployment lists it), when it
     * expires: now plus the hook's configured timeout (a PAUSE hook matched by target type, a Lambda hook by ARN).
     */
    private static Instant startedNow(SimulatedService service, String hook, String stage, Instant now) {
        if (service == null || service.deploymentConfiguration() == null
                || !service.deploymentConfiguration().hasLifecycleHooks()) {
            return null;
        }
        boolean pause = hook.startsWith("ecs-pause-");
        for (DeploymentLifecycleHook h : service.deploymentConfiguration().lifecycleHooks()) {
            boolean same = pause ? "PAUSE".equals(h.targetTypeAsString()) : hook.equals(h.hookTargetArn());
            if (same && h.hasLifecycleStages() && h.lifecycleStagesAsStrings().contains(stage)) {
                var timeout = h.timeoutConfiguration();
                int minutes = timeout == null || timeout.timeoutInMinutes() == null
                        ? DEFAULT_TIMEOUT_MINUTES : timeout.timeoutInMinutes();
                return now.plus(Duration.ofMinutes(minutes));
            }
        }
        return null;
    }

    /** The hook execution the entry names (a PAUSE hook by id, a Lambda hook by function ARN), or null. */
    private static HookExecution execution(SimulatedService service, String deploymentId, String hook) {
        SimulatedDeployment d = service == null ? null : service.deployment(deploymentId);
        if (d == null || d.staged() == null) {
            return null;
        }
        for (HookExecution exec : d.staged().hooks()) {
            if (hook.equals(exec.hookId()) || hook.equals(exec.targetArn())) {
                return exec;
            }
        }
        return null;
    }
}
