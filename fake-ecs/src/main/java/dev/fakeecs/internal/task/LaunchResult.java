package dev.fakeecs.internal.task;

import dev.fakeecs.internal.placement.PlacementFailure;

import java.util.List;

/**
 * What launching one task gave.
 *
 * <pre>{@code
 * LaunchResult r = tasks.launch(spec);
 * if (!r.placed()) System.out.println(r.failures());   // e.g. RESOURCE:MEMORY per instance
 * }</pre>
 *
 * @param task             the task (maybe still waiting in PROVISIONING for capacity), or null
 * @param failures         per-instance reasons when no EC2 instance fit
 * @param capacityShortage the Fargate capacity message when the provider had no capacity, or
 *                         {@link #PROVISIONING_LIMIT_EXCEEDED} or {@link #CLUSTER_TASK_LIMIT_EXCEEDED}, or null
 */
public record LaunchResult(SimulatedTask task, List<PlacementFailure> failures, String capacityShortage) {

    /**
     * The {@link #capacityShortage} text when the task could not wait in PROVISIONING because the
     * cluster already has as many tasks waiting there as the quota allows (500 by default).
     */
    public static final String PROVISIONING_LIMIT_EXCEEDED = "Tasks provisioning capacity limit exceeded.";

    /**
     * The {@link #capacityShortage} text when the scheduler could not launch a task because the cluster already
     * runs as many tasks as its quota allows (RunTask and StartTask answer LimitExceededException instead).
     */
    public static final String CLUSTER_TASK_LIMIT_EXCEEDED = "The maximum number of tasks for the cluster has been "
            + "reached.";

    public boolean placed() {
        return task != null;
    }

    /** True when the cluster's tasks-per-cluster quota stopped this launch. */
    public boolean clusterTaskLimitExceeded() {
        return CLUSTER_TASK_LIMIT_EXCEEDED.equals(capacityShortage);
    }

    /** True when the cluster's quota of tasks waiting in PROVISIONING stopped this launch. */
    public boolean provisioningLimitExceeded() {
        return PROVISIONING_LIMIT_EXCEEDED.equals(capacityShortage);
    }
}
