package dev.fakeecs.internal.task;

/**
 * Told when a task that held resources on a container instance stopped, so that the cluster has room
 * again (the service scheduler listens, to place tasks it could not place before).
 *
 * <pre>{@code
 * tasks.addCapacityFreedListener(cluster -> scheduler.onCapacityChanged(cluster));
 * }</pre>
 */
@FunctionalInterface
public interface CapacityFreedListener {

    /** Called under the engine lock after a task on a container instance of {@code cluster} stopped. */
    void onCapacityFreed(String cluster);
}
