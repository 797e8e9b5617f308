package dev.fakeecs.autoscaling;

/**
 * How a service turns load into utilisation: each RUNNING task serves {@code requestsPerTaskAtFullCpu}
 * requests per second at 100 % CPU; memory use is a fixed share plus a per-request part.
 *
 * <p>Utilisation is demand-based: CPU = load / (running tasks x capacity) x 100, and may exceed
 * 100 % when the service is overloaded (as ECS's service-level CPUUtilization can on EC2 without
 * hard limits). With no RUNNING task the metric has no data and scaling waits.
 *
 * <pre>{@code
 * ServiceLoad orders = new ServiceLoad(dinnerPeak, 50);
 * orders.cpuPercent(at, 2);   // 60.0 at 60 rps
 * }</pre>
 *
 * @param load                      requests per second over virtual time
 * @param requestsPerTaskAtFullCpu  what one task serves at 100 % CPU
 * @param baseMemoryPercent         memory use with no load
 * @param memoryPercentPerRequest   extra memory percent per request per second per task
 */
public record ServiceLoad(LoadModel load, double requestsPerTaskAtFullCpu, double baseMemoryPercent,
                          double memoryPercentPerRequest) {

    public ServiceLoad(LoadModel load, double requestsPerTaskAtFullCpu) {
        this(load, requestsPerTaskAtFullCpu, 30, 0.5);
    }

    public ServiceLoad {
        if (requestsPerTaskAtFullCpu <= 0) {
            throw new IllegalArgumentException("requestsPerTaskAtFullCpu must be positive: "
                    + requestsPerTaskAtFullCpu);
        }
    }

    /** The metric value with {@code runningTasks} tasks, or NaN when there is no data (no task running). */
    public double metric(ScalingMetric metric, java.time.Instant at, int runningTasks) {
        if (runningTasks <= 0) {
            return Double.NaN;
        }
        double rps = load.requestsPerSecond(at);
        return switch (metric) {
            case ECS_SERVICE_AVERAGE_CPU_UTILIZATION -> rps / (runningTasks * requestsPerTaskAtFullCpu) * 100.0;
            case ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION -> baseMemoryPercent + memoryPercentPerRequest * rps / runningTasks;
            case ALB_REQUEST_COUNT_PER_TARGET -> rps * 60.0 / runningTasks;
        };
    }

    public double cpuPercent(java.time.Instant at, int runningTasks) {
        return metric(ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION, at, runningTasks);
    }
}
