package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.taskdefinition.TaskResources;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * What one task waiting in PROVISIONING needs from a Managed Instance: CPU units, memory (MiB), an ENI
 * (awsvpc) and an architecture ({@code x86_64} unless its task definition asks for ARM64).
 *
 * <pre>{@code
 * TaskNeed need = TaskNeed.of(task);
 * need.cpu();   // 512
 * }</pre>
 *
 * @param task         the waiting task
 * @param cpu          CPU units
 * @param memory       memory in MiB
 * @param eni          true for awsvpc (one ENI per task)
 * @param architecture {@code x86_64} or {@code arm64}
 */
record TaskNeed(SimulatedTask task, int cpu, int memory, boolean eni, String architecture) {

    static TaskNeed of(SimulatedTask task) {
        TaskDefinition td = task.taskDefinition();
        boolean arm = td.runtimePlatform() != null && "ARM64".equals(td.runtimePlatform().cpuArchitectureAsString());
        return new TaskNeed(task, TaskResources.cpuUnits(td), TaskResources.memoryMiB(td), TaskResources.usesAwsvpc(td),
                arm ? "arm64" : "x86_64");
    }
}
