package dev.fakeecs.internal.task;

/**
 * Told when a task's health (HEALTHY, UNHEALTHY, UNKNOWN) changes; the service scheduler replaces
 * tasks that turn UNHEALTHY.
 *
 * <pre>{@code
 * tasks.addHealthListener((task, from, to) -> System.out.println(task.id() + " " + to));
 * }</pre>
 */
@FunctionalInterface
public interface TaskHealthListener {

    void onHealthChange(SimulatedTask task, String from, String to);
}
