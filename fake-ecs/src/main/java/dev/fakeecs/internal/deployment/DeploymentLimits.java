package dev.fakeecs.internal.deployment;

import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;

/**
 * The task-count bounds a rolling deployment works within: the floor is
 * {@code ceil(desired x minimumHealthyPercent / 100)} healthy tasks and the ceiling
 * {@code floor(desired x maximumPercent / 100)} tasks in RUNNING or PENDING (the fake counts
 * PENDING-side states and RUNNING, not STOPPING, against the ceiling, as the API model says).
 *
 * <pre>{@code
 * DeploymentLimits l = DeploymentLimits.of(2, config(75, 200)); // floor 2, ceiling 4
 * }</pre>
 *
 * @param minimumHealthy the floor of healthy tasks
 * @param maximumTotal   the ceiling of tasks
 */
public record DeploymentLimits(int minimumHealthy, int maximumTotal) {

    public static final int DEFAULT_MINIMUM_PERCENT = 100;
    public static final int DEFAULT_MAXIMUM_PERCENT = 200;

    public static DeploymentLimits of(int desired, DeploymentConfiguration config) {
        int min = minimumPercent(config);
        int max = maximumPercent(config);
        return new DeploymentLimits((int) Math.ceil(desired * min / 100.0), (int) Math.floor(desired * max / 100.0));
    }

    public static int minimumPercent(DeploymentConfiguration config) {
        return config == null || config.minimumHealthyPercent() == null ? DEFAULT_MINIMUM_PERCENT
                : config.minimumHealthyPercent();
    }

    public static int maximumPercent(DeploymentConfiguration config) {
        return config == null || config.maximumPercent() == null ? DEFAULT_MAXIMUM_PERCENT : config.maximumPercent();
    }
}
