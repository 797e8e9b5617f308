package dev.fakeecs.internal.containerinstance;

/**
 * Told about container instance lifecycle changes, under the engine lock. The task lifecycle
 * listens to stop or orphan tasks, services to replace them, capacity providers to count hosts.
 *
 * <pre>{@code
 * containerInstances.addListener(new ContainerInstanceListener() {
 *     public void onDraining(ContainerInstance ci) { services.replaceTasksOn(ci); }
 * });
 * }</pre>
 */
public interface ContainerInstanceListener {

    /** A host registered (ACTIVE). */
    default void onRegistered(ContainerInstance instance) {
    }

    /** UpdateContainerInstancesState set the host DRAINING. */
    default void onDraining(ContainerInstance instance) {
    }

    /** UpdateContainerInstancesState set a DRAINING host ACTIVE again. */
    default void onActivated(ContainerInstance instance) {
    }

    /**
     * The host is INACTIVE. {@code terminated} false: DeregisterContainerInstance (with force, tasks
     * stay orphaned: running on the host, no longer tracked); true: the EC2 instance is gone, its
     * tasks must stop with {@code Host EC2 (instance i-...) terminated.}
     */
    default void onDeregistered(ContainerInstance instance, boolean terminated) {
    }
}
