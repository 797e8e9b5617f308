package dev.fakeecs.internal.events;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.controlplane.ContainerInstanceRenderer;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;

import java.time.Instant;
import java.util.Set;

/**
 * The {@code detail} of an {@code ECS Container Instance State Change}: the container instance as
 * DescribeContainerInstances renders it (agent connection, attributes, registered and remaining resources,
 * status, version and version info) plus {@code clusterArn} and {@code updatedAt}.
 *
 * <pre>{@code
 * DetailWriter detail = instanceEvents.detail(ci, now);   // {"agentConnected": true, "status": "ACTIVE", ...}
 * }</pre>
 */
final class ContainerInstanceEvents {

    private static final Set<String> FIRST = Set.of("agentConnected");
    /** About the size of an instance event's envelope: this much, and the next for each attribute. */
    static final int INSTANCE_CHARS = 1400;
    static final int ATTRIBUTE_CHARS = 70;

    private final RegionContext region;
    private final ContainerInstanceRenderer renderer;

    ContainerInstanceEvents(RegionContext region) {
        this.region = region;
        this.renderer = new ContainerInstanceRenderer(region, null);
    }

    /** Renders the container instance now (the detail must show the state of this moment). */
    DetailWriter detail(SimulatedContainerInstance ci, Instant now) {
        ContainerInstance rendered = renderer.render(ci, false, false);
        String clusterArn = region.arns().cluster(ci.clusterName());
        String updatedAt = IsoTimes.withMillis(now);
        return DetailWriter.sized(INSTANCE_CHARS + ATTRIBUTE_CHARS * rendered.attributes().size(), g -> {
            g.writeBooleanField("agentConnected", Boolean.TRUE.equals(rendered.agentConnected()));
            g.writeStringField("clusterArn", clusterArn);
            SdkShapes.writeFields(rendered, g, FIRST);
            g.writeStringField("updatedAt", updatedAt);
        });
    }
}
