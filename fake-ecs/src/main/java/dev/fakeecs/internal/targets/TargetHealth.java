package dev.fakeecs.internal.targets;

import java.util.Objects;

/**
 * A target's health as {@code DescribeTargetHealth} reports it.
 *
 * <pre>{@code
 * TargetHealth h = new TargetHealth("unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [500]");
 * boolean ok = h.isHealthy();
 * }</pre>
 *
 * @param state       initial, healthy, unhealthy, unused, draining or unavailable
 * @param reason      the reason code ({@code Elb.InitialHealthChecking}, ...), null when healthy
 * @param description the reason's text, null when healthy
 */
public record TargetHealth(String state, String reason, String description) {

    /** A target that is not registered in the target group. */
    public static final TargetHealth NOT_REGISTERED =
            new TargetHealth("unused", "Target.NotRegistered", "Target is not registered to the target group");

    public TargetHealth {
        Objects.requireNonNull(state, "state");
    }

    public boolean isHealthy() {
        return "healthy".equals(state);
    }

    public boolean isUnhealthy() {
        return "unhealthy".equals(state);
    }
}
