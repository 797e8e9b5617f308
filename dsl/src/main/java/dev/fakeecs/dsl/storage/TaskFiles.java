package dev.fakeecs.dsl.storage;

import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;

/**
 * The storage of one task: an in-memory file system (Jimfs) sized from its ephemeral storage,
 * holding each container's writable layer ({@code /containers/<name>}) and the task's bind mount
 * volumes ({@code /volumes/<name>}); EFS and host volumes live elsewhere (see {@link TaskStorage}).
 * Closed, and so unreadable, once the task is STOPPED.
 *
 * <pre>{@code
 * TaskFiles files = storage.forTask(taskArn);
 * Files.writeString(files.container("app").path("/data/orders.db"), "...");
 * files.capacityBytes();   // 20 GiB on Fargate unless the task definition asks for more
 * }</pre>
 */
public final class TaskFiles {

    private final TaskStorage storage;
    private final String taskArn;
    private final TaskDefinition definition;
    private final String containerInstanceArn;
    private final FileSystem fileSystem;
    private final long capacityBytes;

    TaskFiles(TaskStorage storage, String taskArn, TaskDefinition definition, String containerInstanceArn,
              FileSystem fileSystem, long capacityBytes) {
        this.storage = storage;
        this.taskArn = taskArn;
        this.definition = definition;
        this.containerInstanceArn = containerInstanceArn;
        this.fileSystem = fileSystem;
        this.capacityBytes = capacityBytes;
    }

    public String taskArn() {
        return taskArn;
    }

    /** The task's own file system (ephemeral storage). */
    public FileSystem fileSystem() {
        return fileSystem;
    }

    /** The ephemeral storage size in bytes. */
    public long capacityBytes() {
        return capacityBytes;
    }

    /** False once the task stopped and its storage was dropped. */
    public boolean isOpen() {
        return fileSystem.isOpen();
    }

    /** The file view of one container of the task. */
    public ContainerFiles container(String name) {
        ContainerDefinition def = definition.containerDefinitions().stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("task " + taskArn
                        + " has no container " + name + "; its containers: "
                        + definition.containerDefinitions().stream().map(ContainerDefinition::name).toList()));
        return new ContainerFiles(this, def);
    }

    TaskDefinition definition() {
        return definition;
    }

    TaskStorage storage() {
        return storage;
    }

    String containerInstanceArn() {
        return containerInstanceArn;
    }

    void close() {
        try {
            fileSystem.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "TaskFiles[" + taskArn + (isOpen() ? "" : ", dropped") + "]";
    }
}
