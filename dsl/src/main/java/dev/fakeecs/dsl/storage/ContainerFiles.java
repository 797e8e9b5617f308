package dev.fakeecs.dsl.storage;

import dev.fakeecs.dsl.taskdefinition.Volumes;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.Volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one container of a task sees: a path inside the container resolves to the volume mounted
 * there (the longest matching {@code mountPoints[].containerPath}), or else to the container's own
 * writable layer in the task's ephemeral storage.
 *
 * <ul>
 *   <li>bind mount volume without host path: the task's storage, shared by its containers, gone when it stops;</li>
 *   <li>EFS volume: the EFS file system of that id, shared by every task, outliving them;</li>
 *   <li>host path volume: the EC2 host's disk, gone with the host;</li>
 *   <li>no volume: this container's layer, gone when the task stops.</li>
 * </ul>
 *
 * <pre>{@code
 * Path db = storage.forTask(taskArn).container("app").path("/data/orders.db");
 * Files.writeString(db, "order-1");   // parent directories are created by path()
 * }</pre>
 * Read-only mounts are not enforced.
 */
public final class ContainerFiles {

    private final TaskFiles task;
    private final ContainerDefinition definition;

    ContainerFiles(TaskFiles task, ContainerDefinition definition) {
        this.task = task;
        this.definition = definition;
    }

    public String name() {
        return definition.name();
    }

    public TaskFiles task() {
        return task;
    }

    /**
     * The backing path of {@code containerPath} (absolute, as the container sees it); its parent
     * directories exist.
     */
    public Path path(String containerPath) {
        if (containerPath == null || !containerPath.startsWith("/")) {
            throw new IllegalArgumentException("container path must be absolute: " + containerPath);
        }
        if (!task.isOpen()) {
            throw new IllegalStateException(task.storage().droppedMessage(task.taskArn()));
        }
        MountPoint mount = mountFor(containerPath);
        Path resolved;
        if (mount == null) {
            resolved = under(task.fileSystem(), "/containers/" + name(), containerPath);
        } else {
            String rest = containerPath.substring(stripSlash(mount.containerPath()).length());
            resolved = volumePath(mount.sourceVolume(), rest);
        }
        try {
            if (resolved.getParent() != null) {
                Files.createDirectories(resolved.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resolved;
    }

    private Path volumePath(String volumeName, String rest) {
        Volume volume = task.definition().volumes().stream().filter(v -> v.name().equals(volumeName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("volume " + volumeName + " is not in the task definition"));
        return switch (Volumes.kindOf(volume)) {
            case EFS -> {
                String root = volume.efsVolumeConfiguration().rootDirectory();
                yield under(task.storage().efs(volume.efsVolumeConfiguration().fileSystemId()),
                        root == null ? "/" : root, rest);
            }
            case HOST -> {
                if (task.containerInstanceArn() == null) {
                    throw new IllegalStateException("volume " + volumeName + " is a host path volume but task "
                            + task.taskArn() + " has no EC2 host");
                }
                yield under(task.storage().host(task.containerInstanceArn()), volume.host().sourcePath(), rest);
            }
            case BIND, OTHER -> under(task.fileSystem(), "/volumes/" + volumeName, rest);
        };
    }

    private MountPoint mountFor(String containerPath) {
        MountPoint best = null;
        for (MountPoint m : definition.mountPoints()) {
            String mp = stripSlash(m.containerPath());
            boolean matches = containerPath.equals(mp) || containerPath.startsWith(mp + "/") || mp.isEmpty();
            if (matches && (best == null || mp.length() > stripSlash(best.containerPath()).length())) {
                best = m;
            }
        }
        return best;
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Path under(FileSystem fs, String root, String rest) {
        String joined = stripSlash(root) + (rest.isEmpty() || rest.startsWith("/") ? rest : "/" + rest);
        return fs.getPath(joined.isEmpty() ? "/" : joined).normalize();
    }

    @Override
    public String toString() {
        return "ContainerFiles[" + name() + " of " + task.taskArn() + "]";
    }
}
