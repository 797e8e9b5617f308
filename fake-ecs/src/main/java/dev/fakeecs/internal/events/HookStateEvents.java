package dev.fakeecs.internal.events;

import dev.fakeecs.internal.deployment.HookExecution;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.service.ServiceDeploymentArns;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.journal.JournalEntry;

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

    private final EcsNeighbourhood ecs;

    HookStateEvents(EcsNeighbourhood ecs) {
        this.ecs = ecs;
    }

    /** The hook state change a DEPLOYMENT journal entry about a hook stands for, or null. */
    Map<String, Object> fromEntry(ServiceArn s, JournalEntry entry) {
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
        HookExecution exec = execution(s, deploymentId, hook);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventType", event[0]);
        d.put("eventName", event[1]);
        d.put("serviceDeploymentArn", ServiceDeploymentArns.of(s.prefix(), s.cluster(), s.service(), deploymentId));
        d.put("hookId", exec == null ? hook : exec.hookId());
        d.put("lifecycleStage", entry.detail("stage"));
        if (exec != null && exec.expiresAt() != null) {
            d.put("expiresAt", IsoTimes.withMillis(exec.expiresAt()));
        }
        return d;
    }

    /** The hook execution the entry names (a PAUSE hook by id, a Lambda hook by function ARN), or null. */
    private HookExecution execution(ServiceArn s, String deploymentId, String hook) {
        SimulatedService service = ecs.service(s.cluster(), s.service());
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
