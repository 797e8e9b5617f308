package dev.fakeecs.autoscaling;

import java.time.Duration;

/**
 * A target-tracking scaling policy: keep {@code metric} near {@code targetValue}. Defaults as
 * Application Auto Scaling gives them for ECS: 300 s scale-out and scale-in cooldowns, scale-in
 * enabled.
 *
 * <pre>{@code
 * TargetTrackingPolicy cpu60 = TargetTrackingPolicy.cpu(60);
 * TargetTrackingPolicy noScaleIn = cpu60.withScaleInDisabled();
 * }</pre>
 */
public record TargetTrackingPolicy(ScalingMetric metric, double targetValue, Duration scaleOutCooldown,
                                   Duration scaleInCooldown, boolean disableScaleIn) {

    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);

    public TargetTrackingPolicy {
        if (targetValue <= 0) {
            throw new IllegalArgumentException("targetValue must be positive: " + targetValue);
        }
    }

    public static TargetTrackingPolicy cpu(double targetPercent) {
        return new TargetTrackingPolicy(ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION, targetPercent,
                DEFAULT_COOLDOWN, DEFAULT_COOLDOWN, false);
    }

    public static TargetTrackingPolicy memory(double targetPercent) {
        return new TargetTrackingPolicy(ScalingMetric.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION, targetPercent,
                DEFAULT_COOLDOWN, DEFAULT_COOLDOWN, false);
    }

    public static TargetTrackingPolicy requestCountPerTarget(double requestsPerTargetPerMinute) {
        return new TargetTrackingPolicy(ScalingMetric.ALB_REQUEST_COUNT_PER_TARGET, requestsPerTargetPerMinute,
                DEFAULT_COOLDOWN, DEFAULT_COOLDOWN, false);
    }

    public TargetTrackingPolicy withCooldowns(Duration scaleOut, Duration scaleIn) {
        return new TargetTrackingPolicy(metric, targetValue, scaleOut, scaleIn, disableScaleIn);
    }

    public TargetTrackingPolicy withScaleInDisabled() {
        return new TargetTrackingPolicy(metric, targetValue, scaleOutCooldown, scaleInCooldown, true);
    }
}
