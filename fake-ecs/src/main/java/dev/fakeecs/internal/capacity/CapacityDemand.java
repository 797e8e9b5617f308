package dev.fakeecs.internal.capacity;

import java.util.List;

/**
 * What managed scaling asks the task lifecycle: the tasks waiting in PROVISIONING for an ASG
 * capacity provider, with the CPU units and memory (MiB) each needs. The task lifecycle registers
 * one with {@link CapacityProviders#demand(CapacityDemand)}; without one, managed scaling sees no
 * waiting tasks.
 *
 * <pre>{@code
 * capacityProviders.demand(provider -> tasks.provisioning(provider).stream()
 *         .map(t -> new CapacityDemand.TaskNeed(t.cpuReservation(), t.memoryReservation())).toList());
 * }</pre>
 */
@FunctionalInterface
public interface CapacityDemand {

    /** Tasks in PROVISIONING for {@code capacityProviderName}, in any order. */
    List<TaskNeed> provisioningTasks(String capacityProviderName);

    /**
     * One waiting task's needs.
     *
     * @param cpu    CPU units
     * @param memory memory in MiB
     */
    record TaskNeed(int cpu, int memory) {
    }
}
