package dev.fakeecs.internal.events;

import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.journal.JournalEntry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The details of Managed Daemons' events, from the entries the daemon scheduler journals.
 *
 * <p>{@code ECS Daemon Deployment State Change} (resources: the daemon): each status a daemon deployment enters
 * ({@code PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED})
 * becomes {@code DAEMON_DEPLOYMENT_<status>} with {@code {eventType, eventName, clusterArn, daemonArn,
 * daemonDeploymentArn, updatedAt, [reason]}}; eventType is ERROR when the deployment failed (ROLLBACK_IN_PROGRESS,
 * with the circuit breaker's or alarms' reason, and ROLLBACK_FAILED), INFO otherwise (AWS documents no example:
 * modelled on {@code ECS Deployment State Change}, which also knows only INFO and ERROR).
 *
 * <p>{@code ECS Daemon Service Action} {@code DAEMON_TASK_START_IMPAIRED} (WARNING) with {@code {eventType,
 * eventName, clusterArn, daemonArn, containerInstanceArn, failureType, [taskArn], reason, createdAt}}: a daemon
 * task that could not be placed on its instance ({@code TASK_CREATION_FAILED}, resources: the daemon) or that
 * stopped before it ever ran ({@code TASK_FAILED_TO_RUN}, resources: the task).
 *
 * <pre>{@code
 * Map<String, Object> d = DaemonEvents.deploymentChange(entry, now);
 * d.get("eventName");   // "DAEMON_DEPLOYMENT_SUCCESSFUL"
 * }</pre>
 */
final class DaemonEvents {

    private static final Set<String> STATUSES = Set.of("PENDING", "IN_PROGRESS", "SUCCESSFUL", "STOPPED",
            "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED");

    private DaemonEvents() {
    }

    /** The daemon of a DEPLOYMENT entry that is a daemon deployment's, or null. */
    static String daemonOf(JournalEntry entry) {
        return entry.detail("daemonDeployment") == null ? null : entry.detail("daemon");
    }

    /** The deployment state change a daemon deployment entry stands for, or null (batches, baking, failures). */
    static Map<String, Object> deploymentChange(JournalEntry entry, Instant now) {
        String status = entry.detail("daemonDeployment");
        String daemon = entry.detail("daemon");
        if (status == null || daemon == null || !STATUSES.contains(status)) {
            return null;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventType", switch (status) {
            case "ROLLBACK_IN_PROGRESS", "ROLLBACK_FAILED" -> "ERROR";
            default -> "INFO";
        });
        d.put("eventName", "DAEMON_DEPLOYMENT_" + status);
        d.put("clusterArn", clusterArn(daemon));
        d.put("daemonArn", daemon);
        d.put("daemonDeploymentArn", entry.subject());
        d.put("updatedAt", IsoTimes.withMillis(now));
        String reason = entry.detail("reason");
        if (reason != null) {
            d.put("reason", reason);
        }
        return d;
    }

    /** TASK_CREATION_FAILED for a daemon task that could not be placed (the entry's subject is the daemon). */
    static Map<String, Object> notPlaced(JournalEntry entry, Instant now) {
        String daemon = entry.subject();
        return impaired(daemon, entry.detail("containerInstance"), "TASK_CREATION_FAILED", null,
                "Unable to place the daemon task on the container instance: " + entry.detail("reason"), now);
    }

    /** TASK_FAILED_TO_RUN for a daemon task that stopped before it ran, or null when it had run. */
    static Map<String, Object> stoppedBeforeRunning(SimulatedTask task, JournalEntry entry, Instant now) {
        if (task.startedAt() != null || task.group() == null || !task.group().startsWith("daemon:")) {
            return null;
        }
        String daemon = arnPrefix(task.arn()) + "daemon/" + task.clusterName() + "/"
                + task.group().substring("daemon:".length());
        String reason = task.stoppedReason() != null ? task.stoppedReason() : "The daemon task failed to run.";
        return impaired(daemon, entry.detail("containerInstance"), "TASK_FAILED_TO_RUN", task.arn(), reason, now);
    }

    private static Map<String, Object> impaired(String daemon, String containerInstance, String failureType,
                                                String taskArn, String reason, Instant now) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("eventType", "WARNING");
        d.put("eventName", "DAEMON_TASK_START_IMPAIRED");
        d.put("clusterArn", clusterArn(daemon));
        d.put("daemonArn", daemon);
        d.put("containerInstanceArn", containerInstance);
        d.put("failureType", failureType);
        if (taskArn != null) {
            d.put("taskArn", taskArn);
        }
        d.put("reason", reason);
        d.put("createdAt", IsoTimes.withMillis(now));
        return d;
    }

    /** {@code arn:aws:ecs:<region>:<account>:daemon/<cluster>/<name>} to the cluster's ARN. */
    static String clusterArn(String daemonArn) {
        String rest = daemonArn.substring(arnPrefix(daemonArn).length());
        String[] parts = rest.split("/");
        return arnPrefix(daemonArn) + "cluster/" + (parts.length > 1 ? parts[1] : "default");
    }

    private static String arnPrefix(String arn) {
        return arn.substring(0, arn.lastIndexOf(':') + 1);
    }
}
