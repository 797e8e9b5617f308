package dev.fakeecs.internal.placement;

import java.util.List;

/**
 * What one task needs from a container instance: CPU units, memory (MiB, the task's reservation),
 * static host ports (TCP and UDP), GPUs, and whether it needs an ENI of its own ({@code awsvpc}).
 *
 * <pre>{@code
 * ResourceDemand d = new ResourceDemand(256, 512, List.of(80), List.of(), 0, false);
 * ResourceDemand small = ResourceDemand.of(256, 512);
 * }</pre>
 */
public record ResourceDemand(int cpu, int memoryMiB, List<Integer> tcpHostPorts, List<Integer> udpHostPorts,
                             int gpus, boolean needsEni) {

    public ResourceDemand {
        tcpHostPorts = tcpHostPorts == null ? List.of() : List.copyOf(tcpHostPorts);
        udpHostPorts = udpHostPorts == null ? List.of() : List.copyOf(udpHostPorts);
    }

    /** CPU and memory only: no host ports, GPUs or ENI. */
    public static ResourceDemand of(int cpu, int memoryMiB) {
        return new ResourceDemand(cpu, memoryMiB, List.of(), List.of(), 0, false);
    }
}
