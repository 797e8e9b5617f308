package dev.fakeecs.internal.protocol;

import software.amazon.awssdk.services.ecs.EcsClient;

import java.util.function.Function;

/**
 * Every simulated AWS service the fake speaks, registered in one place: the {@link ProtocolRouter} that the
 * HTTP server and the in-process SDK clients share. A new service (Elastic Load Balancing v2, CloudWatch,
 * Application Auto Scaling) lives in a package of its own and is added here with its
 * {@link ServiceProtocolHandler}; nothing else in the protocol layer changes.
 *
 * <pre>{@code
 * ProtocolRouter router = SimulatedServices.router(name -> ecs.region(name).api(), "us-east-1");
 * }</pre>
 */
public final class SimulatedServices {

    private SimulatedServices() {
    }

    /**
     * The router over every simulated service of a world.
     *
     * @param ecsRegions    each region's ECS control plane, by region name (null or an
     *                      IllegalArgumentException for a region the world does not have)
     * @param defaultRegion where requests without a SigV4 credential scope go
     */
    public static ProtocolRouter router(Function<String, EcsClient> ecsRegions, String defaultRegion) {
        return ProtocolRouter.builder()
                .defaultRegion(defaultRegion)
                .service(EcsProtocolHandler.builder().regions(ecsRegions).defaultRegion(defaultRegion).build())
                .build();
    }
}
