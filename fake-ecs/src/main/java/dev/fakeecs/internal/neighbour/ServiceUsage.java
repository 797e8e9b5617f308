package dev.fakeecs.internal.neighbour;

/**
 * One ECS service's utilisation at an instant, as CloudWatch publishes it in {@code AWS/ECS} (dimensions
 * {@code ClusterName}, {@code ServiceName}); NaN where there is no data (no RUNNING task).
 *
 * <pre>{@code
 * for (ServiceUsage u : ecs.serviceUsage()) { publish(u.clusterName(), u.serviceName(), u.cpuPercent()); }
 * }</pre>
 *
 * @param cpuPercent    CPU used ÷ reserved by the service's RUNNING tasks, in percent
 * @param memoryPercent memory used ÷ reserved by the service's RUNNING tasks, in percent
 */
public record ServiceUsage(String clusterName, String serviceName, double cpuPercent, double memoryPercent) {
}
