package dev.fakeecs.dsl.service;

import dev.fakeecs.dsl.internal.Check;

import java.util.List;

/**
 * Service auto scaling as Application Auto Scaling declares it: a scalable target with minimum
 * and maximum task counts and target tracking policies. The DSL records it; the engine's service
 * auto scaling consumes it (together with the service's {@link LoadCurve}).
 *
 * <pre>{@code
 * AutoScalingSpec scaling = AutoScalingSpec.of(2, 20, ScalingPolicy.targetCpu(60));
 * }</pre>
 *
 * @param min      the lowest desired count auto scaling sets
 * @param max      the highest desired count auto scaling sets
 * @param policies target tracking policies (at least one)
 */
public record AutoScalingSpec(int min, int max, List<ScalingPolicy> policies) {

    public AutoScalingSpec {
        policies = List.copyOf(policies);
        String spec = "autoScaling";
        Check.range(spec, "min", min, 0, Integer.MAX_VALUE);
        Check.that(max >= min, spec, "max", max, "must be at least min (" + min + ")");
        Check.that(!policies.isEmpty(), spec, "policies", policies, "needs at least one scaling policy");
    }

    public static AutoScalingSpec of(int min, int max, ScalingPolicy... policies) {
        return new AutoScalingSpec(min, max, List.of(policies));
    }

    /** {@code desired} clamped into [min, max]. */
    public int clamp(int desired) {
        return Math.max(min, Math.min(max, desired));
    }
}
