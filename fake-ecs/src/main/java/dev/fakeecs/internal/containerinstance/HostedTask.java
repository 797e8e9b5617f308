package dev.fakeecs.internal.containerinstance;

import java.util.List;

/**
 * What a container instance knows of a task placed on it: its group and status, and the resources it
 * reserves (CPU, memory, ports, GPUs, an ENI). The task domain's {@code Task} is the one implementation.
 *
 * <pre>{@code
 * instance.reserve(task);                 // counts the task's CPU, memory, ports and GPUs as used
 * instance.tasks().forEach(t -> t.group());
 * instance.release(task);                 // gives them back when it stops
 * }</pre>
 */
public interface HostedTask {

    String arn();

    /** The task group ({@code service:NAME}, {@code family:NAME} or the RunTask group), or null. */
    String group();

    String lastStatus();

    String desiredStatus();

    /** Whether the task was told to stop or has stopped. */
    boolean isStoppingOrStopped();

    boolean isStopped();

    int cpuReservation();

    int memoryReservation();

    List<Integer> hostPorts();

    List<Integer> udpHostPorts();

    List<Integer> ephemeralHostPorts();

    List<String> gpuIds();

    /** Whether the task takes one of the host's ENIs (awsvpc network mode). */
    boolean usesEni();
}
