package dev.fakeecs.internal.containerinstance;

/**
 * Told about container instance lifecycle changes, under the engine lock. Plain listeners
 * ({@link ContainerInstances#addListener}) hear a change first: the task domain's host-loss handling
 * stops the tasks of a terminated host, the DSL's task storage watches hosts. Follow-up listeners
 * ({@link ContainerInstances#addFollowUpListener}) hear it after them: the task domain retries tasks
 * waiting for capacity, then the service scheduler reconciles or moves tasks off a DRAINING host.
 *
 * <pre>{@code
 * containerInstances.addFollowUpListener(new ContainerInstanceListener() {
 *     public void onDraining(ContainerInstance ci) { scheduler.onInstanceDraining(ci); }
 * });
 * }</pre>
 */
public interface ContainerInstanceListener {

    /** A host registered (ACTIVE). */
    default void onRegistered(SimulatedContainerInstance instance) {
    }

    /** UpdateContainerInstancesState set the host DRAINING. */
    default void onDraining(SimulatedContainerInstance instance) {
    }

    /** UpdateContainerInstancesState set a DRAINING host ACTIVE again. */
    default void onActivated(SimulatedContainerInstance instance) {
    }

    /**
     * The host is INACTIVE. {@code terminated} false: DeregisterContainerInstance (with force, tasks
     * stay orphaned: running on the host, no longer tracked); true: the EC2 instance is gone, its
     * tasks must stop with {@code Host EC2 (instance i-...) terminated.}
     */
    default void onDeregistered(SimulatedContainerInstance instance, boolean terminated) {
    }
}
