package dev.fakeecs.junit;

import dev.fakeecs.internal.task.Task;

import java.util.Objects;

/**
 * A live handle on one task.
 *
 * <pre>{@code
 * EcsTaskHandle first = orders.tasks().get(0);
 * prod.api().stopTask(r -> r.cluster(prod.name()).task(first.arn()));
 * assertThat(first).eventually(within(ofMinutes(1))).hasStopped().withStopCode("UserInitiated");
 * }</pre>
 */
public class EcsTaskHandle {

    private final EcsClusterHandle cluster;
    private final String arn;

    public EcsTaskHandle(EcsClusterHandle cluster, String arn) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.arn = Objects.requireNonNull(arn, "arn");
    }

    public String arn() {
        return arn;
    }

    /** The task id (the last segment of the ARN). */
    public String id() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    public EcsClusterHandle cluster() {
        return cluster;
    }

    /** The engine's task, or null if the region no longer remembers it. */
    public Task state() {
        return cluster.state().read(() -> cluster.state().tasks().find(arn));
    }

    /** The task as DescribeTasks shows it, or null. */
    public software.amazon.awssdk.services.ecs.model.Task describe() {
        return cluster.state().read(() -> {
            Task t = state();
            return t == null ? null : cluster.state().tasks().describe(t);
        });
    }

    @Override
    public String toString() {
        Task t = state();
        return "task " + id() + (t == null ? "" : " (" + t.taskDefinition().family() + ":"
                + t.taskDefinition().revision() + ")");
    }
}
