package dev.fakeecs.internal.protocol.catalog;

import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.query.QueryProtocolHandler;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.region.Region;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * Every simulated AWS service the fake speaks, registered in one place: the {@link ProtocolRouter} that the
 * HTTP server and the in-process SDK clients share. ECS (AWS JSON 1.1, recognised by its {@code X-Amz-Target}
 * prefix) and Elastic Load Balancing v2 (AWS Query, recognised by its SigV4 signing name
 * {@code elasticloadbalancing} or, unsigned, by its form's {@code Version=2015-12-01}). A new service lives in a
 * package of its own and is added here with its {@code ServiceProtocolHandler}. (This class lives in a package of
 * its own because it knows every protocol package, which themselves build on {@code internal.protocol}.)
 *
 * <pre>{@code
 * ProtocolRouter router = SimulatedServices.router(ecs::region, "us-east-1");
 * }</pre>
 */
public final class SimulatedServices {

    /** The Elastic Load Balancing v2 API version. */
    public static final String ELBV2_API_VERSION = "2015-12-01";
    /** The XML namespace of Elastic Load Balancing v2 answers. */
    public static final String ELBV2_NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    /** The SigV4 signing name of Elastic Load Balancing v2. */
    public static final String ELBV2_SIGNING_NAME = "elasticloadbalancing";

    private SimulatedServices() {
    }

    /**
     * The router over every simulated service of a world.
     *
     * <pre>{@code
     * ProtocolRouter router = SimulatedServices.router(ecs::region, ecs.defaultRegion().name());
     * }</pre>
     *
     * @param regions       each region of the world by name (an IllegalArgumentException, or null, for a name
     *                      the world cannot serve); called once per request, so a host may move its clock there
     * @param defaultRegion where requests without a SigV4 credential scope go
     */
    public static ProtocolRouter router(Function<String, ? extends Region> regions, String defaultRegion) {
        Objects.requireNonNull(regions, "regions");
        return ProtocolRouter.builder()
                .defaultRegion(defaultRegion)
                .service(EcsProtocolHandler.builder()
                        .regions(name -> {
                            Region region = regions.apply(name);
                            return region == null ? null : region.api();
                        })
                        .defaultRegion(defaultRegion).build())
                .service(loadBalancing(name -> {
                    Region region = regions.apply(name);
                    return region == null ? null : RegionEngine.of(region).service(LoadBalancing.SERVICE);
                }, defaultRegion))
                .build();
    }

    /**
     * The Elastic Load Balancing v2 Query handler over one client per region (the engine, or a test double).
     *
     * <pre>{@code
     * QueryProtocolHandler elb = SimulatedServices.loadBalancing(name -> double, "us-east-1");
     * }</pre>
     */
    public static QueryProtocolHandler loadBalancing(
            Function<String, ? extends ElasticLoadBalancingV2Client> regions, String defaultRegion) {
        return QueryProtocolHandler.builder(ElasticLoadBalancingV2Client.class)
                .apiVersion(ELBV2_API_VERSION)
                .xmlNamespace(ELBV2_NAMESPACE)
                .signingName(ELBV2_SIGNING_NAME)
                .regions(regions)
                .defaultRegion(defaultRegion)
                .build();
    }
}
