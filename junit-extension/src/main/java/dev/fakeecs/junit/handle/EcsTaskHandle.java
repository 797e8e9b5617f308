package dev.fakeecs.junit.handle;

import software.amazon.awssdk.services.ecs.model.Task;

import java.util.Objects;

/**
 * A live handle on one task, by ARN: every call re-reads the engine.
 *
 * <pre>{@code
 * EcsTaskHandle first = orders.tasks().get(0);
 * first.describe().availabilityZone();
 * prod.api().stopTask(r -> r.cluster(prod.name()).task(first.arn()));
 * assertThat(first).eventually(within(ofMinutes(1))).hasStopped().withStopCode("UserInitiated");
 * }</pre>
 */
public class EcsTaskHandle {

    private final EcsClusterHandle cluster;
    private final String arn;

    /** A handle on the task {@code arn} of {@code cluster}. */
    public EcsTaskHandle(EcsClusterHandle cluster, String arn) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.arn = Objects.requireNonNull(arn, "arn");
    }

    /** The task's ARN. */
    public String arn() {
        return arn;
    }

    /** The task id (the last segment of the ARN). */
    public String id() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The cluster the task belongs to. */
    public EcsClusterHandle cluster() {
        return cluster;
    }

    /**
     * The task as DescribeTasks shows it (with its tags), or null once the region no longer remembers
     * it (STOPPED tasks are kept for an hour). Reading it is not an API call.
     *
     * <pre>{@code task.describe().lastStatus(); }</pre>
     */
    public Task describe() {
        return cluster.inspector().task(cluster.region(), arn);
    }

    @Override
    public String toString() {
        Task t = describe();
        if (t == null) {
            return "task " + id();
        }
        String definition = t.taskDefinitionArn();
        return "task " + id() + " (" + definition.substring(definition.lastIndexOf('/') + 1) + ")";
    }
}
