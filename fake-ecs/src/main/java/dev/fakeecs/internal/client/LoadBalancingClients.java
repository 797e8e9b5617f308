package dev.fakeecs.internal.client;

import dev.fakeecs.internal.protocol.ProtocolRouter;
import java.util.function.Consumer;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2ClientBuilder;

/**
 * Builds real SDK {@link ElasticLoadBalancingV2Client}s wired to a protocol router without sockets, as
 * {@link EcsClients} does for ECS: the same endpoint, fake credentials and no retries; every call travels as an
 * AWS Query form post and comes back as Query XML, so the Query codec is exercised in process.
 *
 * <pre>{@code
 * ElasticLoadBalancingV2Client elb = LoadBalancingClients.sync(router, "us-east-1");
 * elb.describeTargetGroups(r -> r.names("web"));
 * }</pre>
 */
public final class LoadBalancingClients {

    private LoadBalancingClients() {
    }

    /** A synchronous client for {@code region}, served in-process by {@code router}. */
    public static ElasticLoadBalancingV2Client sync(ProtocolRouter router, String region) {
        return sync(router, region, builder -> { });
    }

    /**
     * A synchronous client for {@code region}; {@code customizer} runs last and may override anything.
     *
     * <pre>{@code
     * ElasticLoadBalancingV2Client elb = LoadBalancingClients.sync(router, "us-east-1",
     *         b -> b.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy())));
     * }</pre>
     */
    public static ElasticLoadBalancingV2Client sync(ProtocolRouter router, String region,
            Consumer<ElasticLoadBalancingV2ClientBuilder> customizer) {
        return InProcessClients.sync(ElasticLoadBalancingV2Client.builder(), router, region, customizer);
    }
}
