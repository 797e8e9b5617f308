package dev.fakeecs.internal.service;

import dev.fakeecs.internal.task.SimulatedContainer;
import dev.fakeecs.internal.task.SimulatedTask;

import java.time.Duration;
import java.time.Instant;

/**
 * When a service task counts as healthy (the service scheduler's health rules): behind a load balancer, once every
 * target it registered is {@code healthy} (and, with container health checks, the task is HEALTHY too); otherwise
 * with container health checks on essential containers, once the task is HEALTHY; without, 40 seconds after it
 * reached RUNNING.
 *
 * <pre>{@code
 * ServiceHealth.isHealthy(task, clock.instant());   // true 40 s after RUNNING without health checks
 * }</pre>
 */
public final class ServiceHealth {

    /** How long a task without health checks must run before it counts as healthy. */
    public static final Duration NO_CHECK_SETTLE = Duration.ofSeconds(40);

    private ServiceHealth() {
    }

    public static boolean hasHealthCheck(SimulatedTask task) {
        for (SimulatedContainer c : task.containers()) {
            if (c.essential() && c.hasHealthCheck()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the task counts as healthy for deployments and the minimum healthy percent. */
    public static boolean isHealthy(SimulatedTask task, Instant now) {
        if (!task.isRunning() || task.isStoppingOrStopped()) {
            return false;
        }
        if (task.behindLoadBalancer()) {
            return task.targetsHealthy() && (!hasHealthCheck(task) || "HEALTHY".equals(task.healthStatus()));
        }
        if (hasHealthCheck(task)) {
            return "HEALTHY".equals(task.healthStatus());
        }
        return !task.startedAt().plus(NO_CHECK_SETTLE).isAfter(now);
    }

    /** When a running task without health checks will count as healthy. */
    public static Instant settlesAt(SimulatedTask task) {
        return task.startedAt().plus(NO_CHECK_SETTLE);
    }
}
