package dev.fakeecs.internal.task;

import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Attribute;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Turns a {@link SimulatedTask} into the SDK's {@code SimulatedTask} shape, as DescribeTasks and RunTask answer it. */
public final class TaskRenderer {

    private final RegionContext region;
    private final Tags tags;

    public TaskRenderer(RegionContext region, Tags tags) {
        this.region = region;
        this.tags = tags;
    }

    /** The SDK shape of a task, as DescribeTasks shows it (tags only when asked for). */
    public Task render(SimulatedTask task, boolean withTags) {
        TaskDefinition td = task.taskDefinition();
        var b = Task.builder()
                .taskArn(task.arn())
                .clusterArn(region.arns().cluster(task.clusterName()))
                .taskDefinitionArn(td.taskDefinitionArn())
                .lastStatus(task.lastStatus())
                .desiredStatus(task.desiredStatus())
                .healthStatus(task.healthStatus())
                .launchType(task.launchType())
                .capacityProviderName(task.capacityProviderName())
                .availabilityZone(task.availabilityZone())
                .group(task.group())
                .startedBy(task.startedBy())
                .version(task.version())
                .createdAt(task.createdAt())
                .pullStartedAt(task.pullStartedAt())
                .pullStoppedAt(task.pullStoppedAt())
                .startedAt(task.startedAt())
                .connectivityAt(task.connectivityAt())
                .connectivity(task.connectivityAt() == null ? null : "CONNECTED")
                .stoppingAt(task.stoppingAt())
                .executionStoppedAt(task.executionStoppedAt())
                .stoppedAt(task.stoppedAt())
                .stopCode(task.stopCode())
                .stoppedReason(task.stoppedReason())
                .cpu(td.cpu() != null ? td.cpu() : Integer.toString(task.cpuReservation()))
                .memory(td.memory() != null ? td.memory() : Integer.toString(task.memoryReservation()))
                .enableExecuteCommand(task.enableExecuteCommand())
                .platformVersion(task.platformVersion())
                .platformFamily(task.isFargate() ? "Linux" : null)
                .overrides(task.overrides())
                .attributes(List.of(Attribute.builder()
                        .name("ecs.cpu-architecture")
                        .value(task.containerInstance() != null
                                ? task.containerInstance().instanceType().architecture() : "x86_64").build()))
                .containers(containers(task));
        if (task.containerInstance() != null) {
            b.containerInstanceArn(task.containerInstance().arn());
        }
        if (task.usesEni()) {
            b.attachments(List.of(eni(task)));
        }
        if (task.isFargate()) {
            b.ephemeralStorage(td.ephemeralStorage() != null ? td.ephemeralStorage()
                    : EphemeralStorage.builder().sizeInGiB(20).build());
        }
        if (withTags) {
            b.tags(tags.tagsOf(task.arn()));
        }
        return b.build();
    }

    private List<Container> containers(SimulatedTask task) {
        List<Container> out = new ArrayList<>();
        for (SimulatedContainer c : task.containers()) {
            ContainerDefinition def = definition(task, c.name());
            var b = Container.builder()
                    .containerArn(c.arn())
                    .taskArn(task.arn())
                    .name(c.name())
                    .image(c.image())
                    .imageDigest(c.imageDigest() != null ? c.imageDigest() : digestOf(c.image()))
                    .runtimeId(task.startedAt() == null ? null : c.runtimeId())
                    .lastStatus(c.lastStatus())
                    .exitCode(c.exitCode())
                    .reason(c.reason())
                    .healthStatus(c.healthStatus());
            if (def != null) {
                if (def.cpu() != null) {
                    b.cpu(Integer.toString(def.cpu()));
                }
                if (def.memory() != null) {
                    b.memory(Integer.toString(def.memory()));
                }
                if (def.memoryReservation() != null) {
                    b.memoryReservation(Integer.toString(def.memoryReservation()));
                }
                if (task.usesEni()) {
                    b.networkInterfaces(NetworkInterface.builder().attachmentId(attachmentId(task))
                            .privateIpv4Address(task.privateIp()).build());
                } else if (task.isRunning() && def.hasPortMappings()) {
                    b.networkBindings(bindings(task, def));
                }
            }
            out.add(b.build());
        }
        return out;
    }

    /** The container's port mappings with the host ports chosen at placement (see TaskLauncher#bindHostPorts). */
    private static List<NetworkBinding> bindings(SimulatedTask task, ContainerDefinition def) {
        List<Integer> hostPorts = task.hostPortBindings().getOrDefault(def.name(), List.of());
        List<NetworkBinding> list = new ArrayList<>();
        int i = 0;
        for (PortMapping pm : def.portMappings()) {
            if (pm.containerPort() == null) {
                continue;
            }
            Integer host = i < hostPorts.size() ? hostPorts.get(i) : pm.containerPort();
            i++;
            list.add(NetworkBinding.builder().bindIP("0.0.0.0").containerPort(pm.containerPort())
                    .hostPort(host)
                    .protocol(pm.protocol() == null ? "tcp" : pm.protocolAsString()).build());
        }
        return list;
    }

    private static Attachment eni(SimulatedTask task) {
        String status = task.isStopped() ? "DELETED" : task.isRunning() ? "ATTACHED" : "PRECREATED";
        return Attachment.builder().id(attachmentId(task)).type("ElasticNetworkInterface").status(status)
                .details(KeyValuePair.builder().name("privateIPv4Address").value(task.privateIp()).build(),
                        KeyValuePair.builder().name("subnetId").value("subnet-" + task.availabilityZone()).build())
                .build();
    }

    private static String attachmentId(SimulatedTask task) {
        String id = task.id();
        return id.substring(0, 8) + "-" + id.substring(8, 12) + "-" + id.substring(12, 16) + "-" + id.substring(16, 20)
                + "-" + id.substring(20);
    }

    private static ContainerDefinition definition(SimulatedTask task, String name) {
        for (ContainerDefinition def : task.taskDefinition().containerDefinitions()) {
            if (def.name().equals(name)) {
                return def;
            }
        }
        return null;
    }

    /** A stable digest for an image reference (the same image always has the same digest). */
    static String digestOf(String image) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
