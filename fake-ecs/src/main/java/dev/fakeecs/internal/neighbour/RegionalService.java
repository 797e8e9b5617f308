package dev.fakeecs.internal.neighbour;

import dev.fakeecs.internal.engine.RegionContext;

/**
 * A simulated AWS service that lives beside ECS in every region (Elastic Load Balancing v2, CloudWatch,
 * Application Auto Scaling, ...): one part per region, built right after the region's ECS, sharing the
 * world's clock, lock, seeded random source and journal through the {@link RegionContext}, and seeing ECS
 * only through what ECS publishes ({@link EcsNeighbourhood}). Adding a service is writing its package and
 * listing it in {@link RegionalServices#ALL} (and its wire handler in {@code internal.protocol.catalog.SimulatedServices}).
 *
 * <pre>{@code
 * RegionalService<LoadBalancers> ELBV2 = (region, ecs) -> new LoadBalancers(region, ecs);
 * LoadBalancers elb = RegionEngine.of(ecs.region("us-east-1")).service(ELBV2);
 * }</pre>
 *
 * @param <P> the service's part in one region
 */
@FunctionalInterface
public interface RegionalService<P> {

    /** Builds the service's part in one region. */
    P create(RegionContext region, EcsNeighbourhood ecs);
}
