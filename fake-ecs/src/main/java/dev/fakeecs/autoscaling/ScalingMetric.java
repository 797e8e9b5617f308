package dev.fakeecs.autoscaling;

/**
 * The predefined target-tracking metrics of Application Auto Scaling for ECS services.
 *
 * <pre>{@code
 * scaling.metricNow("prod", "orders", ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION);
 * }</pre>
 */
public enum ScalingMetric {
    /** ECSServiceAverageCPUUtilization, percent. */
    ECS_SERVICE_AVERAGE_CPU_UTILIZATION("ECSServiceAverageCPUUtilization"),
    /** ECSServiceAverageMemoryUtilization, percent. */
    ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION("ECSServiceAverageMemoryUtilization"),
    /** ALBRequestCountPerTarget, requests per target per minute. */
    ALB_REQUEST_COUNT_PER_TARGET("ALBRequestCountPerTarget");

    private final String awsName;

    ScalingMetric(String awsName) {
        this.awsName = awsName;
    }

    /** The name Application Auto Scaling uses. */
    public String awsName() {
        return awsName;
    }
}
