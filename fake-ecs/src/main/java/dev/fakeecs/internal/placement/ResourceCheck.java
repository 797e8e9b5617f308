package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;

import java.util.Set;

/**
 * Whether an instance can hold a task's resources, checked in this order: status ACTIVE
 * ({@code INACTIVE}), agent connected ({@code AGENT}), CPU, memory, TCP host ports, UDP host ports,
 * GPUs, ENI. The first check that fails gives the reason.
 */
final class ResourceCheck {

    private ResourceCheck() {
    }

    /** The failure reason, or null when the instance can take the demand. */
    static String reason(SimulatedContainerInstance instance, ResourceDemand demand) {
        if (!instance.isActive()) {
            return PlacementFailure.INACTIVE;
        }
        if (!instance.agentConnected()) {
            return PlacementFailure.AGENT;
        }
        if (demand.cpu() > instance.remainingCpu()) {
            return PlacementFailure.RESOURCE_CPU;
        }
        if (demand.memoryMiB() > instance.remainingMemory()) {
            return PlacementFailure.RESOURCE_MEMORY;
        }
        if (!demand.tcpHostPorts().isEmpty() && (anyTaken(demand.tcpHostPorts(), instance.portsInUse())
                || anyTaken(demand.tcpHostPorts(), instance.ephemeralPortsInUse()))) {
            return PlacementFailure.RESOURCE_PORTS;
        }
        if (!demand.udpHostPorts().isEmpty() && (anyTaken(demand.udpHostPorts(), instance.udpPortsInUse())
                || anyTaken(demand.udpHostPorts(), instance.ephemeralPortsInUse()))) {
            return PlacementFailure.RESOURCE_PORTS_UDP;
        }
        if (demand.gpus() > 0 && demand.gpus() > instance.freeGpuIds().size()) {
            return PlacementFailure.RESOURCE_GPU;
        }
        if (demand.needsEni() && instance.freeEnis() < 1) {
            return PlacementFailure.RESOURCE_ENI;
        }
        return null;
    }

    private static boolean anyTaken(Iterable<Integer> wanted, Set<Integer> inUse) {
        for (Integer port : wanted) {
            if (port != null && port > 0 && inUse.contains(port)) {
                return true;
            }
        }
        return false;
    }
}
