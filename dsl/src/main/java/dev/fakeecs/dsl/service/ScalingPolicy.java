package dev.fakeecs.dsl.service;

import dev.fakeecs.dsl.internal.Check;

import java.time.Duration;
import java.util.Objects;

/**
 * A target tracking scaling policy as Application Auto Scaling defines it for an ECS service:
 * keep {@link #metric()} at {@link #target()}, scaling out after {@link #scaleOutCooldown()} and in
 * after {@link #scaleInCooldown()}. Immutable.
 *
 * <pre>{@code
 * ScalingPolicy cpu = ScalingPolicy.targetCpu(60).scaleInCooldown(Duration.ofMinutes(5));
 * }</pre>
 */
public record ScalingPolicy(Metric metric, double target, Duration scaleOutCooldown, Duration scaleInCooldown) {

    /** The predefined metrics of ECS target tracking. */
    public enum Metric {
        /** ECSServiceAverageCPUUtilization, percent. */
        CPU("ECSServiceAverageCPUUtilization"),
        /** ECSServiceAverageMemoryUtilization, percent. */
        MEMORY("ECSServiceAverageMemoryUtilization"),
        /** ALBRequestCountPerTarget, requests per target per minute. */
        REQUESTS_PER_TARGET("ALBRequestCountPerTarget");

        private final String predefinedName;

        Metric(String predefinedName) {
            this.predefinedName = predefinedName;
        }

        /** The PredefinedMetricType name Application Auto Scaling uses. */
        public String predefinedName() {
            return predefinedName;
        }
    }

    /** Application Auto Scaling's default cooldowns for ECS: 300 s either way. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);

    public ScalingPolicy {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(scaleOutCooldown, "scaleOutCooldown");
        Objects.requireNonNull(scaleInCooldown, "scaleInCooldown");
        String spec = "scalingPolicy " + metric.predefinedName();
        if (metric == Metric.REQUESTS_PER_TARGET) {
            Check.that(target > 0, spec, "targetValue", target, "must be greater than 0");
        } else {
            Check.that(target > 0 && target <= 100, spec, "targetValue", target,
                    "must be a utilisation percentage above 0 and at most 100");
        }
        Check.that(!scaleOutCooldown.isNegative(), spec, "scaleOutCooldown", scaleOutCooldown, "must not be negative");
        Check.that(!scaleInCooldown.isNegative(), spec, "scaleInCooldown", scaleInCooldown, "must not be negative");
    }

    /** Keep average CPU utilisation at {@code percent}. */
    public static ScalingPolicy targetCpu(double percent) {
        return new ScalingPolicy(Metric.CPU, percent, DEFAULT_COOLDOWN, DEFAULT_COOLDOWN);
    }

    /** Keep average memory utilisation at {@code percent}. */
    public static ScalingPolicy targetMemory(double percent) {
        return new ScalingPolicy(Metric.MEMORY, percent, DEFAULT_COOLDOWN, DEFAULT_COOLDOWN);
    }

    /** Keep ALB requests per target (per minute) at {@code requests}. */
    public static ScalingPolicy targetRequestsPerTarget(double requests) {
        return new ScalingPolicy(Metric.REQUESTS_PER_TARGET, requests, DEFAULT_COOLDOWN, DEFAULT_COOLDOWN);
    }

    public ScalingPolicy scaleOutCooldown(Duration value) {
        return new ScalingPolicy(metric, target, value, scaleInCooldown);
    }

    public ScalingPolicy scaleInCooldown(Duration value) {
        return new ScalingPolicy(metric, target, scaleOutCooldown, value);
    }
}
