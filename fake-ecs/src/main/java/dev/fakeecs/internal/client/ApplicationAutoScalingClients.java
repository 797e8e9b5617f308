package dev.fakeecs.internal.client;

import dev.fakeecs.internal.protocol.ProtocolRouter;
import java.util.function.Consumer;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClientBuilder;

/**
 * Builds real SDK {@link ApplicationAutoScalingClient}s wired to a protocol router without sockets, as
 * {@link EcsClients} does for ECS: the same endpoint, fake credentials and no retries. The SDK speaks AWS JSON 1.1
 * ({@code X-Amz-Target: AnyScaleFrontendService.{Op}}).
 *
 * <pre>{@code
 * ApplicationAutoScalingClient aas = ApplicationAutoScalingClients.sync(router, "us-east-1");
 * aas.describeScalableTargets(r -> r.serviceNamespace("ecs"));
 * }</pre>
 */
public final class ApplicationAutoScalingClients {

    private ApplicationAutoScalingClients() {
    }

    /** A synchronous client for {@code region}, served in-process by {@code router}. */
    public static ApplicationAutoScalingClient sync(ProtocolRouter router, String region) {
        return sync(router, region, builder -> { });
    }

    /**
     * A synchronous client for {@code region}; {@code customizer} runs last and may override anything.
     *
     * <pre>{@code
     * ApplicationAutoScalingClient cw = ApplicationAutoScalingClients.sync(router, "us-east-1",
     *         b -> b.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy())));
     * }</pre>
     */
    public static ApplicationAutoScalingClient sync(ProtocolRouter router, String region, Consumer<ApplicationAutoScalingClientBuilder> customizer) {
        return InProcessClients.sync(ApplicationAutoScalingClient.builder(), router, region, customizer);
    }
}
