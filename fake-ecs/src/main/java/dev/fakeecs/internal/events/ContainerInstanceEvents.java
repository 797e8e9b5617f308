package dev.fakeecs.internal.events;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.controlplane.ContainerInstanceRenderer;
import dev.fakeecs.internal.engine.RegionContext;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code detail} of an {@code ECS Container Instance State Change}: the container instance as
 * DescribeContainerInstances renders it (agent connection, attributes, registered and remaining resources,
 * status, version and version info) plus {@code clusterArn} and {@code updatedAt}.
 *
 * <pre>{@code
 * Map<String, Object> detail = instanceEvents.detail(ci, now);   // {"agentConnected": true, "status": "ACTIVE", ...}
 * }</pre>
 */
final class ContainerInstanceEvents {

    private final RegionContext region;
    private final ContainerInstanceRenderer renderer;

    ContainerInstanceEvents(RegionContext region) {
        this.region = region;
        this.renderer = new ContainerInstanceRenderer(region, null);
    }

    Map<String, Object> detail(SimulatedContainerInstance ci, Instant now) {
        Map<String, Object> rendered = SdkShapes.toMap(renderer.render(ci, false, false));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("agentConnected", rendered.remove("agentConnected"));
        detail.put("clusterArn", region.arns().cluster(ci.clusterName()));
        detail.putAll(rendered);
        detail.put("updatedAt", IsoTimes.withMillis(now));
        return detail;
    }
}
