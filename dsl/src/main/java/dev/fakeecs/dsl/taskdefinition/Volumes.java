package dev.fakeecs.dsl.taskdefinition;

import dev.fakeecs.dsl.internal.Check;
import software.amazon.awssdk.services.ecs.model.EFSTransitEncryption;
import software.amazon.awssdk.services.ecs.model.EFSVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.HostVolumeProperties;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * Task definition volumes as the SDK models them, and what kind each one is.
 *
 * <pre>{@code
 * Volume scratch = Volumes.bind("scratch");                  // task-scoped, shared by its containers
 * Volume menus  = Volumes.efs("menus", "fs-0123456789abcdef0");   // shared across tasks, outlives them
 * Volume logs   = Volumes.host("logs", "/var/log/app");      // on the EC2 host
 * }</pre>
 */
public final class Volumes {

    /** Where a volume's data lives, and so how long it survives. */
    public enum Kind {
        /** A bind mount without a host path: task storage, gone when the task stops. */
        BIND,
        /** A bind mount of a host path: lives on the EC2 host, gone with the host. */
        HOST,
        /** An Amazon EFS file system: shared across tasks, outlives them. */
        EFS,
        /** Docker volumes and others: treated as task storage. */
        OTHER
    }

    private Volumes() {
    }

    /** A task-scoped bind mount volume. */
    public static Volume bind(String name) {
        Check.notBlank("volume", "name", name);
        return Volume.builder().name(name).build();
    }

    /** A bind mount of {@code sourcePath} on the EC2 host (not allowed on Fargate). */
    public static Volume host(String name, String sourcePath) {
        Check.notBlank("volume", "name", name);
        return Volume.builder().name(name).host(HostVolumeProperties.builder().sourcePath(sourcePath).build()).build();
    }

    /** An EFS volume of file system {@code fileSystemId}, root directory {@code /}, encryption in transit on. */
    public static Volume efs(String name, String fileSystemId) {
        return efs(name, fileSystemId, "/");
    }

    /** An EFS volume of file system {@code fileSystemId} mounted from {@code rootDirectory}. */
    public static Volume efs(String name, String fileSystemId, String rootDirectory) {
        Check.notBlank("volume", "name", name);
        Check.that(fileSystemId != null && fileSystemId.matches("fs-[0-9a-f]{8,40}"), "volume " + name,
                "efsVolumeConfiguration.fileSystemId", fileSystemId, "must look like fs-0123456789abcdef0");
        return Volume.builder().name(name).efsVolumeConfiguration(EFSVolumeConfiguration.builder()
                .fileSystemId(fileSystemId).rootDirectory(rootDirectory)
                .transitEncryption(EFSTransitEncryption.ENABLED).build()).build();
    }

    /** What kind of volume this is. */
    public static Kind kindOf(Volume volume) {
        if (volume.efsVolumeConfiguration() != null) {
            return Kind.EFS;
        }
        if (volume.dockerVolumeConfiguration() != null || volume.fsxWindowsFileServerVolumeConfiguration() != null) {
            return Kind.OTHER;
        }
        if (volume.host() != null && volume.host().sourcePath() != null) {
            return Kind.HOST;
        }
        return Kind.BIND;
    }
}
