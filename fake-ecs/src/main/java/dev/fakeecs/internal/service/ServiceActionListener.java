package dev.fakeecs.internal.service;

/**
 * Told of the service scheduler's moments that ECS reports as service actions but that have no service event
 * message (so they are not journaled): a task set reaching steady state, and a desired count the scheduler computed
 * itself (a task set's from its scale, a DAEMON service's from its container instances), as opposed to one a user
 * set. Called under the engine lock, while the scheduler works: listeners only read.
 *
 * <pre>{@code
 * services.addServiceActionListener(new ServiceActionListener() {
 *     public void taskSetSteady(SimulatedService service, String taskSetArn) { ... }
 * });
 * }</pre>
 */
public interface ServiceActionListener {

    /** A task set of {@code service} (EXTERNAL or CODE_DEPLOY controller) has just reached STEADY_STATE. */
    default void taskSetSteady(SimulatedService service, String taskSetArn) {
    }

    /**
     * The scheduler computed a new desired count: of the task set {@code taskSetArn}, or of the service itself when
     * that is null (DAEMON services follow their container instances).
     */
    default void desiredCountComputed(SimulatedService service, String taskSetArn, int desiredCount) {
    }
}
