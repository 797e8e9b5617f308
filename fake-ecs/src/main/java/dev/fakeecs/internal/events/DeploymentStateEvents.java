package dev.fakeecs.internal.events;

import dev.fakeecs.internal.deployment.CircuitBreaker;
import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.service.SimulatedService;
import dev.fakeecs.journal.JournalEntry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code detail} of an {@code ECS Deployment State Change} ({@code {eventType, eventName, deploymentId, updatedAt,
 * reason}}) for the deployment moments the service scheduler journals, whatever the strategy (ROLLING, BLUE_GREEN,
 * LINEAR, CANARY): a deployment created ({@code SERVICE_DEPLOYMENT_IN_PROGRESS}, {@code ECS deployment <id> in
 * progress.}), a rollback started ({@code SERVICE_DEPLOYMENT_IN_PROGRESS} with the rollback reason), completed
 * ({@code SERVICE_DEPLOYMENT_COMPLETED}, {@code ECS deployment <id> completed.}) and failed (ERROR
 * {@code SERVICE_DEPLOYMENT_FAILED}; the circuit breaker's reason as AWS's event example words it).
 *
 * <pre>{@code
 * Map<String, Object> d = deployments.fromEntry(serviceArn, entry, now);
 * d.get("reason");   // "ECS deployment ecs-svc/1234567890123456789 in progress."
 * }</pre>
 */
final class DeploymentStateEvents {

    /** The circuit breaker's reason in AWS's event example (the API's rolloutStateReason says "tasks"). */
    static final String CIRCUIT_BREAKER_FAILED = "ECS deployment circuit breaker: task failed to start.";

    private final EcsNeighbourhood ecs;

    DeploymentStateEvents(EcsNeighbourhood ecs) {
        this.ecs = ecs;
    }

    /** The deployment state change a DEPLOYMENT journal entry stands for, or null when it is none. */
    Map<String, Object> fromEntry(ServiceArn s, JournalEntry entry, Instant now) {
        String id = entry.detail("deployment");
        if (id == null || entry.detail("hook") != null) {
            return null;
        }
        if ("PRIMARY".equals(entry.detail("status")) && entry.detail("taskDefinition") != null) {
            return detail("INFO", "SERVICE_DEPLOYMENT_IN_PROGRESS", id, now, "ECS deployment " + id + " in progress.");
        }
        if (entry.detail("rollbackFrom") != null) {
            SimulatedDeployment target = deployment(s, id);
            String reason = target != null && target.rolloutStateReason() != null ? target.rolloutStateReason()
                    : "ECS deployment circuit breaker: rolling back to deploymentId " + id + ".";
            return detail("INFO", "SERVICE_DEPLOYMENT_IN_PROGRESS", id, now, reason);
        }
        String rollout = entry.detail("rolloutState");
        if ("COMPLETED".equals(rollout)) {
            return detail("INFO", "SERVICE_DEPLOYMENT_COMPLETED", id, now, "ECS deployment " + id + " completed.");
        }
        if ("FAILED".equals(rollout)) {
            String reason = entry.detail("reason");
            if (reason == null) {
                SimulatedDeployment failed = deployment(s, id);
                reason = failed == null ? null : failed.rolloutStateReason();
            }
            if (reason == null || reason.equals(CircuitBreaker.FAILED_REASON)) {
                reason = CIRCUIT_BREAKER_FAILED;
            }
            return detail("ERROR", "SERVICE_DEPLOYMENT_FAILED", id, now, reason);
        }
        return null;
    }

    private SimulatedDeployment deployment(ServiceArn s, String id) {
        SimulatedService service = ecs.service(s.cluster(), s.service());
        return service == null ? null : service.deployment(id);
    }

    private static Map<String, Object> detail(String eventType, String eventName, String id, Instant now,
                                              String reason) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventType", eventType);
        d.put("eventName", eventName);
        d.put("deploymentId", id);
        d.put("updatedAt", IsoTimes.withMillis(now));
        d.put("reason", reason);
        return d;
    }
}
