package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.neighbour.RegionalService;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * Elastic Load Balancing v2 in one region: load balancers, target groups, listeners and rules, targets and
 * their health checks on the virtual clock. Implements the SDK's client interface, so the Query protocol
 * handler calls it as the ECS handler calls the ECS control plane (every operation under the engine lock);
 * an operation it does not implement throws {@link UnsupportedOperationException}.
 *
 * <pre>{@code
 * LoadBalancing elb = RegionEngine.of(ecs.region("us-east-1")).service(LoadBalancing.SERVICE);
 * elb.createTargetGroup(b -> b.name("web").protocol("HTTP").port(80).vpcId("vpc-1").targetType("ip"));
 * }</pre>
 */
public final class LoadBalancing implements ElasticLoadBalancingV2Client {

    /** The service as every region builds it. */
    public static final RegionalService<LoadBalancing> SERVICE = LoadBalancing::new;

    private final RegionContext region;
    private final EcsNeighbourhood ecs;

    LoadBalancing(RegionContext region, EcsNeighbourhood ecs) {
        this.region = region;
        this.ecs = ecs;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
