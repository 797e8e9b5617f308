package dev.fakeecs.internal.controlplane;

import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import dev.fakeecs.internal.containerinstance.ContainerAgentUpdates;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceHealthStatus;
import software.amazon.awssdk.services.ecs.model.InstanceHealthCheckResult;
import software.amazon.awssdk.services.ecs.model.InstanceHealthCheckState;
import software.amazon.awssdk.services.ecs.model.InstanceHealthCheckType;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.VersionInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link SimulatedContainerInstance} as the SDK shape DescribeContainerInstances returns:
 * registered and remaining resources ({@code CPU} and {@code MEMORY} INTEGER, {@code PORTS} and
 * {@code PORTS_UDP} STRINGSET of ports taken, {@code GPU} STRINGSET of GPU ids on GPU hosts, each
 * with {@code doubleValue 0.0} and {@code longValue 0} as ECS fills them), counts, attributes,
 * agent and version info, and on request tags and health.
 *
 * <pre>{@code
 * software.amazon.awssdk.services.ecs.model.ContainerInstance sdk =
 *         new ContainerInstanceRenderer(region, tags).render(instance, true, false);
 * }</pre>
 */
public final class ContainerInstanceRenderer {

    /** The Docker version simulated hosts report. */
    public static final String DOCKER_VERSION = "DockerVersion: 25.0.8";

    private final RegionContext region;
    private final Tags tags;

    public ContainerInstanceRenderer(RegionContext region, Tags tags) {
        this.region = region;
        this.tags = tags;
    }

    public ContainerInstance render(SimulatedContainerInstance ci, boolean withTags,
                                                                             boolean health) {
        var builder = ContainerInstance.builder()
                .containerInstanceArn(ci.arn())
                .ec2InstanceId(ci.ec2InstanceId())
                .capacityProviderName(ci.capacityProviderName())
                .version(ci.version())
                .versionInfo(VersionInfo.builder().agentVersion(ci.agentVersion())
                        .agentHash(ContainerAgentUpdates.hashOf(ci.agentVersion())).dockerVersion(DOCKER_VERSION)
                        .build())
                .registeredResources(registered(ci))
                .remainingResources(remaining(ci))
                .status(ci.status())
                .statusReason(ci.statusReason())
                .agentConnected(ci.agentConnected())
                .runningTasksCount(ci.runningTasksCount())
                .pendingTasksCount(ci.pendingTasksCount())
                .agentUpdateStatus(ci.agentUpdateStatus())
                .attributes(attributes(ci.attributes()))
                .registeredAt(ci.registeredAt())
                .attachments(List.of());
        if (withTags) {
            builder.tags(tags.tagsOf(ci.arn()));
        }
        if (health) {
            builder.healthStatus(health(ci));
        }
        return builder.build();
    }

    /** The resources a host registered. */
    public static List<Resource> registered(SimulatedContainerInstance ci) {
        List<Resource> list = new ArrayList<>();
        list.add(integer("CPU", ci.registeredCpu()));
        list.add(integer("MEMORY", ci.registeredMemory()));
        list.add(stringSet("PORTS", ports(ci.reservedPorts())));
        list.add(stringSet("PORTS_UDP", ports(ci.reservedUdpPorts())));
        if (!ci.gpuIds().isEmpty()) {
            list.add(stringSet("GPU", ci.gpuIds()));
        }
        return list;
    }

    /** What is left: CPU and memory free; ports (as ECS) the ports taken; GPU the free GPU ids. */
    public static List<Resource> remaining(SimulatedContainerInstance ci) {
        List<Resource> list = new ArrayList<>();
        list.add(integer("CPU", ci.remainingCpu()));
        list.add(integer("MEMORY", ci.remainingMemory()));
        list.add(stringSet("PORTS", ports(ci.portsInUse())));
        list.add(stringSet("PORTS_UDP", ports(ci.udpPortsInUse())));
        if (!ci.gpuIds().isEmpty()) {
            list.add(stringSet("GPU", ci.freeGpuIds()));
        }
        return list;
    }

    /** Attributes as ECS lists them: name and value (capabilities have no value). */
    public static List<Attribute> attributes(Map<String, String> attributes) {
        List<Attribute> list = new ArrayList<>(attributes.size());
        attributes.forEach((name, value) -> list.add(Attribute.builder().name(name).value(value).build()));
        return list;
    }

    private ContainerInstanceHealthStatus health(SimulatedContainerInstance ci) {
        InstanceHealthCheckState status = !ci.isRegistered() || !ci.agentConnected()
                ? InstanceHealthCheckState.INSUFFICIENT_DATA : InstanceHealthCheckState.OK;
        List<InstanceHealthCheckResult> details = new ArrayList<>();
        details.add(check(InstanceHealthCheckType.CONTAINER_RUNTIME, status, ci));
        if (!ci.gpuIds().isEmpty()) {
            details.add(check(InstanceHealthCheckType.ACCELERATED_COMPUTE, status, ci));
        }
        return ContainerInstanceHealthStatus.builder().overallStatus(status).details(details).build();
    }

    private InstanceHealthCheckResult check(InstanceHealthCheckType type, InstanceHealthCheckState status,
                                            SimulatedContainerInstance ci) {
        return InstanceHealthCheckResult.builder().type(type).status(status)
                .lastUpdated(region.now()).lastStatusChange(ci.registeredAt()).build();
    }

    private static Resource integer(String name, int value) {
        return Resource.builder().name(name).type("INTEGER").doubleValue(0.0).longValue(0L).integerValue(value)
                .build();
    }

    private static Resource stringSet(String name, List<String> values) {
        return Resource.builder().name(name).type("STRINGSET").doubleValue(0.0).longValue(0L).integerValue(0)
                .stringSetValue(values).build();
    }

    private static List<String> ports(Collection<Integer> ports) {
        return ports.stream().map(String::valueOf).toList();
    }
}
