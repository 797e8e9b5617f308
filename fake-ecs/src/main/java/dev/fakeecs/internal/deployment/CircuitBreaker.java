package dev.fakeecs.internal.deployment;

import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;

/**
 * The deployment circuit breaker: a deployment fails once {@code threshold} of its tasks failed
 * in a row (failed to start, exited before counting as healthy, or failed health checks); a task
 * that becomes healthy resets the count. Threshold = ceil(0.5 x desired) clamped to [3, 200], as
 * the current API documentation gives it.
 *
 * <pre>{@code
 * CircuitBreaker.threshold(1);    // 3
 * CircuitBreaker.threshold(25);   // 13
 * CircuitBreaker.threshold(800);  // 200
 * }</pre>
 */
public final class CircuitBreaker {

    public static final int MIN_THRESHOLD = 3;
    public static final int MAX_THRESHOLD = 200;
    public static final String FAILED_REASON = "ECS deployment circuit breaker: tasks failed to start.";

    private CircuitBreaker() {
    }

    public static int threshold(int desiredCount) {
        int half = (int) Math.ceil(0.5 * desiredCount);
        return Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, half));
    }

    public static boolean enabled(DeploymentConfiguration config) {
        DeploymentCircuitBreaker cb = config == null ? null : config.deploymentCircuitBreaker();
        return cb != null && Boolean.TRUE.equals(cb.enable());
    }

    public static boolean rollback(DeploymentConfiguration config) {
        DeploymentCircuitBreaker cb = config == null ? null : config.deploymentCircuitBreaker();
        return cb != null && Boolean.TRUE.equals(cb.enable()) && Boolean.TRUE.equals(cb.rollback());
    }

    public static String rollbackReason(String toDeploymentId) {
        return "ECS deployment circuit breaker: rolling back to deploymentId " + toDeploymentId + ".";
    }
}
