package dev.fakeecs.internal.client;

import dev.fakeecs.internal.protocol.ProtocolRouter;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsAsyncClientBuilder;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;

/**
 * Builds real SDK clients ({@link EcsClient}, {@link EcsAsyncClient}) wired to a protocol handler
 * without sockets: endpoint {@value #ENDPOINT_TEXT}, static credentials {@code fake}/{@code fake},
 * the given region (which the handler reads back from the SigV4 scope), and no retries, so an
 * injected error reaches the test at once and in virtual time. A customizer can change any of it,
 * e.g. restore the SDK's standard retries.
 *
 * <pre>{@code
 * EcsClient ecs = EcsClients.sync(handler, "us-east-1");
 * ecs.createCluster(r -> r.clusterName("prod"));
 *
 * EcsAsyncClient async = EcsClients.async(handler, "eu-west-1",
 *         b -> b.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy())));
 * }</pre>
 */
public final class EcsClients {

    static final String ENDPOINT_TEXT = "http://fake-ecs.local";
    /** The endpoint in-process clients are configured with (never resolved: no sockets are used). */
    public static final URI ENDPOINT = URI.create(ENDPOINT_TEXT);

    private EcsClients() {
    }

    /** The credentials fake-ecs clients sign with: access key {@code fake}, secret {@code fake}. */
    public static AwsCredentialsProvider fakeCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake"));
    }

    /** A synchronous client for {@code region}, served in-process by {@code handler}. */
    public static EcsClient sync(ProtocolRouter handler, String region) {
        return sync(handler, region, builder -> { });
    }

    /**
     * A synchronous client for {@code region}; {@code customizer} runs last and may override anything.
     *
     * <pre>{@code
     * EcsClient ecs = EcsClients.sync(handler, "us-east-1", b -> b.overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5))));
     * }</pre>
     */
    public static EcsClient sync(ProtocolRouter handler, String region, Consumer<EcsClientBuilder> customizer) {
        Objects.requireNonNull(handler, "handler");
        EcsClientBuilder builder = EcsClient.builder()
                .httpClient(InProcessHttpClient.create(handler))
                .endpointOverride(ENDPOINT)
                .region(Region.of(Objects.requireNonNull(region, "region")))
                .credentialsProvider(fakeCredentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        customizer.accept(builder);
        return builder.build();
    }

    /** An asynchronous client for {@code region}, served in-process by {@code handler}. */
    public static EcsAsyncClient async(ProtocolRouter handler, String region) {
        return async(handler, region, builder -> { });
    }

    /**
     * An asynchronous client for {@code region}; {@code customizer} runs last and may override anything.
     *
     * <pre>{@code
     * EcsAsyncClient ecs = EcsClients.async(handler, "us-east-1", b -> { });
     * ecs.listClusters().join();
     * }</pre>
     */
    public static EcsAsyncClient async(ProtocolRouter handler, String region,
            Consumer<EcsAsyncClientBuilder> customizer) {
        Objects.requireNonNull(handler, "handler");
        EcsAsyncClientBuilder builder = EcsAsyncClient.builder()
                .httpClient(InProcessAsyncHttpClient.create(handler))
                .endpointOverride(ENDPOINT)
                .region(Region.of(Objects.requireNonNull(region, "region")))
                .credentialsProvider(fakeCredentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        customizer.accept(builder);
        return builder.build();
    }
}
