package dev.fakeecs.internal.containerinstance;

/**
 * An EC2 instance type as ECS sees it: vCPUs (1024 CPU units each), memory, architecture,
 * GPUs and how many ENIs it can attach.
 *
 * <pre>{@code
 * InstanceType m5 = InstanceTypes.get("m5.large");
 * m5.cpuUnits();     // 2048
 * m5.memoryMiB();    // 7680 registered for tasks (8 GiB less what the OS keeps)
 * }</pre>
 *
 * @param name          e.g. {@code m5.large}
 * @param vcpus         number of vCPUs
 * @param memoryMiB     memory ECS registers for tasks, in MiB
 * @param architecture  {@code x86_64} or {@code arm64}
 * @param gpus          number of GPUs
 * @param maxEnis       network interfaces, the primary one included
 */
public record InstanceType(String name, int vcpus, int memoryMiB, String architecture, int gpus, int maxEnis) {

    /** CPU units ECS registers: 1024 per vCPU. */
    public int cpuUnits() {
        return vcpus * 1024;
    }
}
