package dev.fakeecs.internal.service;

import java.util.List;

/**
 * The service event texts, worded as real ECS words them.
 *
 * <pre>{@code
 * ServiceMessages.steadyState("orders");   // "(service orders) has reached a steady state."
 * }</pre>
 */
public final class ServiceMessages {

    private ServiceMessages() {
    }

    public static String steadyState(String service) {
        return "(service " + service + ") has reached a steady state.";
    }

    public static String started(String service, List<String> taskIds) {
        return "(service " + service + ") has started " + taskIds.size() + " tasks: " + ids(taskIds) + ".";
    }

    public static String stopped(String service, List<String> taskIds) {
        return "(service " + service + ") has stopped " + taskIds.size() + " running tasks: " + ids(taskIds) + ".";
    }

    public static String deploymentCompleted(String service, String deploymentId) {
        return "(service " + service + ") (deployment " + deploymentId + ") deployment completed.";
    }

    public static String deploymentFailed(String service, String deploymentId) {
        return "(service " + service + ") (deployment " + deploymentId + ") deployment failed: tasks failed to start.";
    }

    /**
     * A deployment failed for a reason other than the circuit breaker (a CloudWatch alarm, a lifecycle hook, a
     * stage timeout); AWS's wording is unconfirmed, the form follows {@link #deploymentFailed}.
     */
    public static String deploymentFailedBecause(String service, String deploymentId, String why) {
        return "(service " + service + ") (deployment " + deploymentId + ") deployment failed: " + why;
    }

    public static String rollingBack(String service, String deploymentId) {
        return "(service " + service + ") rolling back to deployment " + deploymentId + ".";
    }

    /** A task replaced after failing its container health checks (wording from AWS's troubleshooting guide). */
    public static String failedHealthChecks(String service, String taskId) {
        return "(service " + service + ") (task " + taskId + ") failed container health checks.";
    }

    /** Targets of a task registered in a target group (no trailing period, as ECS writes it). */
    public static String registeredTargets(String service, int count, String targetGroupArn) {
        return "(service " + service + ") registered " + count + " targets in (target-group " + targetGroupArn + ")";
    }

    /** Targets of stopping tasks deregistered from a target group (no trailing period, as ECS writes it). */
    public static String deregisteredTargets(String service, int count, String targetGroupArn) {
        return "(service " + service + ") deregistered " + count + " targets in (target-group " + targetGroupArn
                + ")";
    }

    /** Stopping tasks of one deployment (task set) whose targets now drain. */
    public static String drainingConnections(String service, String taskSetId, int tasks) {
        return "(service " + service + ", taskSet " + taskSetId + ") has begun draining connections on " + tasks
                + " tasks.";
    }

    /**
     * A target that failed its load balancer health checks: the EC2 form names the instance
     * ({@code instanceId} non-null, target type instance), the awsvpc form only the port; {@code reason} is the
     * load balancer's description of the target's health.
     */
    public static String unhealthyTarget(String service, String taskId, String instanceId, int port,
                                         String targetGroupArn, String reason) {
        return "(service " + service + ") (task " + taskId + ")" + (instanceId == null ? "" : " (instance "
                + instanceId + ")") + " (port " + port + ") is unhealthy in (target-group " + targetGroupArn
                + ") due to (reason " + reason + ")";
    }

    /** A task replaced after failing its load balancer health checks (wording from public captures). */
    public static String failedElbHealthChecks(String service, String taskId, String targetGroupArn) {
        return "(service " + service + ") (task " + taskId + ") failed ELB health checks in (target-group "
                + targetGroupArn + ").";
    }

    public static String cannotMove(String service) {
        return "(service " + service + ") was unable to stop or start tasks during a deployment because of the "
                + "service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and "
                + "try again.";
    }

    public static String unableToStartConsistently(String service) {
        return "(service " + service + ") is unable to consistently start tasks successfully.";
    }

    public static String throttled(String service) {
        return "(service " + service + ") operations are being throttled. Will try again later.";
    }

    /**
     * The placement failure event for an EC2 service: which resource the closest instance lacked.
     *
     * @param closestInstanceId the container instance id that came closest, or null when there was none
     * @param reason            the placement failure reason (RESOURCE:CPU, RESOURCE:MEMORY, ...)
     */
    public static String unableToPlace(String service, String closestInstanceId, String reason) {
        String prefix = "(service " + service + ") was unable to place a task because no container instance met all "
                + "of its requirements.";
        if (closestInstanceId == null) {
            return prefix + " Reason: No Container Instances were found in your cluster.";
        }
        String detail = switch (reason) {
            case "RESOURCE:CPU" -> "has insufficient CPU units available.";
            case "RESOURCE:MEMORY" -> "has insufficient memory available.";
            case "RESOURCE:PORTS", "RESOURCE:PORTS_UDP" -> "is already using a port required by your task.";
            case "RESOURCE:GPU" -> "has insufficient GPU resource available.";
            case "RESOURCE:ENI" -> "has insufficient ENI resource available.";
            default -> "encountered error \"" + reason + "\".";
        };
        return prefix + " The closest matching (container-instance " + closestInstanceId + ") " + detail
                + " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
    }

    public static String provisioningLimitExceeded(String service) {
        return "(service " + service + ") was unable to place tasks in your cluster because the tasks provisioning "
                + "capacity limit was exceeded.";
    }

    /** The cluster runs as many tasks as its quota allows (AWS's text is unconfirmed). */
    public static String clusterTaskLimitExceeded(String service, int max) {
        return "(service " + service + ") was unable to place a task because the cluster has reached its limit of "
                + max + " tasks.";
    }

    public static String capacityUnavailable(String service) {
        return "(service " + service + ") was unable to place a task. Reason: Capacity is unavailable at this time. "
                + "Please try again later or in a different availability zone.";
    }

    /** Wording approximated: AWS documents the event as "is not AZ balanced…". */
    public static String notAzBalanced(String service) {
        return "(service " + service + ") is not AZ balanced. Amazon ECS is rebalancing tasks across Availability "
                + "Zones.";
    }

    /** Wording approximated: AWS documents the event as "is AZ balanced…". */
    public static String azBalanced(String service) {
        return "(service " + service + ") is AZ balanced.";
    }

    private static String ids(List<String> taskIds) {
        StringBuilder b = new StringBuilder();
        for (String id : taskIds) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append("(task ").append(id).append(')');
        }
        return b.toString();
    }
}
