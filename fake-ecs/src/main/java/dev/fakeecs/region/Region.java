package dev.fakeecs.region;

import dev.fakeecs.internal.region.RegionControlPlane;
import dev.fakeecs.internal.region.RegionEngine;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.util.List;

/**
 * One AWS region of the fake world: its availability zones and its own ECS control plane.
 *
 * <pre>{@code
 * Region east = ecs.region("us-east-1");
 * east.availabilityZones();                       // [us-east-1a, us-east-1b, us-east-1c]
 * east.api().createCluster(r -> r.clusterName("prod"));
 * }</pre>
 */
public final class Region {

    private final RegionEngine state;
    private final RegionControlPlane api;

    public Region(RegionEngine state) {
        this.state = state;
        this.api = new RegionControlPlane(state);
    }

    public String name() {
        return state.name();
    }

    public List<String> availabilityZones() {
        return state.availabilityZones();
    }

    /** This region's ECS API as an in-process {@link EcsClient} (no serialisation, no sockets). */
    public EcsClient api() {
        return api;
    }

    /** The engine state behind the API, for assertions, faults and the DSL. */
    public RegionEngine engine() {
        return state;
    }

    @Override
    public String toString() {
        return "Region[" + name() + "]";
    }
}
