package dev.fakeecs.internal.neighbour;

/**
 * An ACTIVE ECS service's capacity as Application Auto Scaling sees it: its desired count, its RUNNING tasks, and
 * whether a deployment is in progress (scale-in is suspended meanwhile).
 *
 * <pre>{@code
 * ServiceCapacity c = ecs.serviceCapacity("prod", "orders");
 * if (c != null && !c.deploymentInProgress()) { scaleIn(c.runningCount()); }
 * }</pre>
 *
 * @param desiredCount         the service's desired count
 * @param runningCount         its tasks in RUNNING
 * @param deploymentInProgress whether ECS has a deployment of it in progress
 */
public record ServiceCapacity(int desiredCount, int runningCount, boolean deploymentInProgress) {
}
