package dev.fakeecs.spi;

import software.amazon.awssdk.services.ecs.model.ContainerInstance;

/**
 * Told about task and host lifecycle changes in every region of a world, under the engine lock,
 * after the listeners added before it (the engine's own among them). Keep callbacks short and do
 * not call the ECS API from them. Register with {@link EngineSetup#addListener}.
 *
 * <pre>{@code
 * EngineSetup.of(ecs).addListener(new EngineListener() {
 *     public void onTaskTransition(TaskSnapshot task, String from, String to) {
 *         if (to.equals("STOPPED")) System.out.println(task.arn() + ": " + task.task().stoppedReason());
 *     }
 * });
 * }</pre>
 */
public interface EngineListener {

    /** A task moved from last status {@code from} to {@code to}; {@code task} shows it after the move. */
    default void onTaskTransition(TaskSnapshot task, String from, String to) {
    }

    /**
     * The EC2 instance behind a container instance was terminated (Auto Scaling scale-in, a Spot
     * interruption, a fault); {@code host} shows it deregistered (INACTIVE). A plain
     * DeregisterContainerInstance is not a termination.
     */
    default void onHostTerminated(String region, ContainerInstance host) {
    }
}
