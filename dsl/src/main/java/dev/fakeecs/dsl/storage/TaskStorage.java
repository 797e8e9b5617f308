package dev.fakeecs.dsl.storage;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.spi.EngineListener;
import dev.fakeecs.spi.EngineSetup;
import dev.fakeecs.spi.TaskSnapshot;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Storage for the tasks of a world, on Jimfs with file times from the virtual clock: each task
 * gets its own file system sized from its ephemeral storage (Fargate: the task definition's
 * {@code ephemeralStorage}, else 20 GiB; EC2: 30 GiB, the ECS-optimized AMI's root volume); EFS
 * file systems are shared across tasks and outlive them; host path volumes live on the EC2 host
 * until it deregisters. A task's storage is dropped when the task reaches STOPPED, so a test can
 * show what survives a Spot interruption or a host loss.
 *
 * <p>Container behaviour: {@link #whenRunning} runs code against a container's files each time a
 * task with that image reaches RUNNING.
 *
 * <pre>{@code
 * TaskStorage storage = TaskStorage.attach(ecs);
 * storage.whenRunning("acme/orders", files -> Files.writeString(files.path("/tmp/cache"), "warm"));
 * ecs.clock().advance(Duration.ofMinutes(2));
 * Path shared = storage.forTask(taskArn).container("app").path("/mnt/efs/menu.json");  // on EFS
 * ecs.api().stopTask(r -> r.cluster("prod").task(taskArn));
 * ecs.clock().advance(Duration.ofMinutes(1));
 * storage.isDropped(taskArn);   // true; the EFS file is still in storage.efs("fs-...")
 * }</pre>
 */
public final class TaskStorage implements AutoCloseable {

    /** Fargate ephemeral storage when the task definition declares none. */
    public static final int FARGATE_DEFAULT_GIB = 20;
    /** Task storage on an EC2 host (the ECS-optimized AMI's 30 GiB root volume). */
    public static final int EC2_DEFAULT_GIB = 30;

    private static final long GIB = 1L << 30;
    private static final long EFS_BYTES = 1L << 40;

    private final FakeEcs ecs;
    private final EngineSetup setup;
    private final Map<String, TaskFiles> tasks = new LinkedHashMap<>();
    private final Set<String> dropped = new HashSet<>();
    private final Map<String, FileSystem> efs = new LinkedHashMap<>();
    private final Map<String, FileSystem> hosts = new LinkedHashMap<>();
    private final Map<String, List<Consumer<ContainerFiles>>> behaviors = new LinkedHashMap<>();
    private boolean closed;

    private TaskStorage(FakeEcs ecs) {
        this.ecs = ecs;
        this.setup = EngineSetup.of(ecs);
    }

    /** Creates the storage of a world and subscribes it to task and host changes in every region. */
    public static TaskStorage attach(FakeEcs ecs) {
        TaskStorage storage = new TaskStorage(ecs);
        storage.setup.addListener(new EngineListener() {
            @Override
            public void onTaskTransition(TaskSnapshot task, String from, String to) {
                storage.onTransition(task, to);
            }

            @Override
            public void onHostTerminated(String region, ContainerInstance host) {
                storage.dropHost(host.containerInstanceArn());
            }
        });
        return ecs.closeWithWorld(storage);
    }

    /**
     * Runs {@code behavior} against a container's files each time a task's container of
     * {@code image} reaches RUNNING ({@code image} matches exactly or by repository without tag).
     */
    public synchronized TaskStorage whenRunning(String image, Consumer<ContainerFiles> behavior) {
        behaviors.computeIfAbsent(image, k -> new ArrayList<>()).add(behavior);
        return this;
    }

    /**
     * The storage of a task that has not stopped (created on first use).
     *
     * @throws IllegalStateException if the task stopped and its storage was dropped
     * @throws IllegalArgumentException if no region knows the task
     */
    public TaskFiles forTask(String taskArn) {
        TaskSnapshot task = setup.task(taskArn).orElseThrow(() ->
                new IllegalArgumentException("no region of this world knows task " + taskArn));
        synchronized (this) {
            return filesOf(task);
        }
    }

    /** True once the task stopped and its storage was dropped. */
    public synchronized boolean isDropped(String taskArn) {
        return dropped.contains(taskArn);
    }

    /** The EFS file system with this id (created empty on first use; never dropped). */
    public synchronized FileSystem efs(String fileSystemId) {
        return efs.computeIfAbsent(fileSystemId,
                id -> VirtualFileTimes.newFileSystem("efs-" + id, EFS_BYTES, ecs.clock()));
    }

    /** The disk of an EC2 host (container instance ARN), for host path volumes. */
    public synchronized FileSystem host(String containerInstanceArn) {
        if (dropped.contains(containerInstanceArn)) {
            throw new IllegalStateException("host " + containerInstanceArn + " was terminated and its disk is gone");
        }
        return hosts.computeIfAbsent(containerInstanceArn, arn -> VirtualFileTimes.newFileSystem(
                "host-" + arn.substring(arn.lastIndexOf('/') + 1), EC2_DEFAULT_GIB * GIB, ecs.clock()));
    }

    String droppedMessage(String taskArn) {
        return "the storage of task " + taskArn + " was dropped when the task stopped (ephemeral storage and "
                + "bind mounts do not outlive a task; use an EFS volume for data that must)";
    }

    private TaskFiles filesOf(TaskSnapshot task) {
        if (closed) {
            throw new IllegalStateException("task storage is closed");
        }
        TaskFiles files = tasks.get(task.arn());
        if (files != null) {
            return files;
        }
        if (dropped.contains(task.arn()) || task.isStopped()) {
            throw new IllegalStateException(droppedMessage(task.arn()));
        }
        TaskDefinition def = task.taskDefinition();
        long bytes = sizeGiB(task, def) * GIB;
        String host = task.task().containerInstanceArn();
        files = new TaskFiles(this, task.arn(), def, host,
                VirtualFileTimes.newFileSystem("task-" + task.id(), bytes, ecs.clock()), bytes);
        tasks.put(task.arn(), files);
        return files;
    }

    private static long sizeGiB(TaskSnapshot task, TaskDefinition def) {
        if (!task.isFargate()) {
            return EC2_DEFAULT_GIB;
        }
        Integer declared = def.ephemeralStorage() == null ? null : def.ephemeralStorage().sizeInGiB();
        return declared == null ? FARGATE_DEFAULT_GIB : declared;
    }

    private void onTransition(TaskSnapshot task, String to) {
        List<Runnable> hooks = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            if ("STOPPED".equals(to)) {
                TaskFiles files = tasks.remove(task.arn());
                if (files != null) {
                    files.close();
                }
                dropped.add(task.arn());
                return;
            }
            if ("RUNNING".equals(to) && !behaviors.isEmpty()) {
                TaskFiles files = filesOf(task);
                for (ContainerDefinition c : task.taskDefinition().containerDefinitions()) {
                    List<Consumer<ContainerFiles>> matching = new ArrayList<>();
                    matching.addAll(behaviors.getOrDefault(c.image(), List.of()));
                    String repository = repositoryOf(c.image());
                    if (!repository.equals(c.image())) {
                        matching.addAll(behaviors.getOrDefault(repository, List.of()));
                    }
                    for (Consumer<ContainerFiles> behavior : matching) {
                        ContainerFiles view = files.container(c.name());
                        hooks.add(() -> behavior.accept(view));
                    }
                }
            }
        }
        hooks.forEach(Runnable::run);
    }

    /**
     * The image reference without its tag or digest, as {@code FakeEcs.declareImage} matches a
     * repository-wide declaration ({@code acme/orders} for {@code acme/orders:1.4}).
     */
    static String repositoryOf(String image) {
        int at = image.indexOf('@');
        String noDigest = at < 0 ? image : image.substring(0, at);
        int slash = noDigest.lastIndexOf('/');
        int colon = noDigest.lastIndexOf(':');
        return colon > slash ? noDigest.substring(0, colon) : noDigest;
    }

    private synchronized void dropHost(String containerInstanceArn) {
        FileSystem fs = hosts.remove(containerInstanceArn);
        dropped.add(containerInstanceArn);
        if (fs != null) {
            try {
                fs.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Closes every file system (the world does this when it closes). */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        for (TaskFiles files : tasks.values()) {
            files.close();
        }
        for (FileSystem fs : efs.values()) {
            fs.close();
        }
        for (FileSystem fs : hosts.values()) {
            fs.close();
        }
        tasks.clear();
    }
}
