package dev.fakeecs.internal.task;

/**
 * A task's load balancer targets as its lifecycle sees them: registered while the task is ACTIVATING (just
 * before RUNNING), deregistered when it stops. The service scheduler implements it (a service's
 * {@code loadBalancers}); standalone tasks and services without load balancers have no targets, and then every
 * call does nothing.
 *
 * <pre>{@code
 * tasks.targets(new TaskTargets() {
 *     public void register(SimulatedTask task) { ... }
 *     public boolean drain(SimulatedTask task) { return false; }   // nothing to wait for
 *     public void deregisterNow(SimulatedTask task) { }
 * });
 * }</pre>
 */
public interface TaskTargets {

    /** No load balancers anywhere. */
    TaskTargets NONE = new TaskTargets() {
        @Override
        public void register(SimulatedTask task) {
        }

        @Override
        public boolean drain(SimulatedTask task) {
            return false;
        }

        @Override
        public void deregisterNow(SimulatedTask task) {
        }
    };

    /** The task's containers started and it is still ACTIVATING: registers its targets. */
    void register(SimulatedTask task);

    /**
     * The task entered DEACTIVATING: deregisters its targets. Answers true if it has any; the task then stays
     * DEACTIVATING until the implementation calls {@link TaskLifecycle#endDeactivation} with the instant its last
     * target is unused. False: the task goes on stopping as usual.
     */
    boolean drain(SimulatedTask task);

    /** The task stops without draining (host lost, stopped at once, interrupted): deregisters its targets now. */
    void deregisterNow(SimulatedTask task);
}
