package dev.fakeecs.region;

import software.amazon.awssdk.services.ecs.EcsClient;

import java.util.List;

/**
 * One AWS region of the fake world: its availability zones and its own ECS control plane. Resources in
 * one region never see another's. Regions come from the world ({@code ecs.region(name)},
 * {@code ecs.defaultRegion()}); there is nothing to construct.
 *
 * <pre>{@code
 * Region east = ecs.region("us-east-1");
 * east.availabilityZones();                       // [us-east-1a, us-east-1b, us-east-1c]
 * east.api().createCluster(r -> r.clusterName("prod"));
 * }</pre>
 */
public interface Region {

    /** The region's name, such as {@code us-east-1}. */
    String name();

    /** Its availability zones, in order ({@code <region>a}, {@code b}, {@code c} unless declared otherwise). */
    List<String> availabilityZones();

    /** This region's ECS API as an in-process {@link EcsClient} (no serialisation, no sockets). */
    EcsClient api();
}
