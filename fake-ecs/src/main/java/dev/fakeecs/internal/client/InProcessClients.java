package dev.fakeecs.internal.client;

import dev.fakeecs.internal.protocol.ProtocolRouter;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;

/**
 * Wires any service's synchronous SDK client builder to a protocol router without sockets, the way every in-process
 * client of the world is built: the fake's endpoint, the region, fake credentials and no retries; the customizer runs
 * last and may override anything. {@link CloudWatchClients}, {@link LoadBalancingClients} and
 * {@link ApplicationAutoScalingClients} are this for their service.
 *
 * <pre>{@code
 * CloudWatchClient cw = InProcessClients.sync(CloudWatchClient.builder(), router, "us-east-1", b -> { });
 * }</pre>
 */
public final class InProcessClients {

    private InProcessClients() {
    }

    /** Builds the client {@code builder} describes, served in-process by {@code router} in {@code region}. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C sync(B builder,
            ProtocolRouter router, String region, Consumer<? super B> customizer) {
        Objects.requireNonNull(router, "router");
        builder.httpClient(InProcessHttpClient.create(router));
        builder.endpointOverride(EcsClients.ENDPOINT);
        builder.region(Region.of(Objects.requireNonNull(region, "region")));
        builder.credentialsProvider(EcsClients.fakeCredentials());
        builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        customizer.accept(builder);
        return builder.build();
    }
}
