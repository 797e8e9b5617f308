package dev.fakeecs.internal.task;

/**
 * Told about every task state transition (the service scheduler, auto scaling and faults listen).
 *
 * <pre>{@code
 * tasks.addListener((task, from, to) -> {
 *     if (to.equals("STOPPED")) System.out.println(task.stoppedReason());
 * });
 * }</pre>
 */
@FunctionalInterface
public interface TaskStateListener {

    /** Called under the engine lock after {@code task} moved from {@code from} to {@code to}. */
    void onTransition(SimulatedTask task, String from, String to);
}
