package dev.fakeecs.internal.client;

import dev.fakeecs.internal.protocol.ProtocolRouter;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;

/**
 * Builds real SDK {@link CloudWatchClient}s wired to a protocol router without sockets, as {@link EcsClients} does
 * for ECS: the same endpoint, fake credentials and no retries. The Java SDK speaks Smithy RPC v2 CBOR to CloudWatch
 * ({@code POST /service/GraniteServiceVersion20100801/operation/{Op}}), so every call exercises the CBOR codec in
 * process.
 *
 * <pre>{@code
 * CloudWatchClient cw = CloudWatchClients.sync(router, "us-east-1");
 * cw.describeAlarms(r -> r.alarmNames("high-cpu"));
 * }</pre>
 */
public final class CloudWatchClients {

    private CloudWatchClients() {
    }

    /** A synchronous client for {@code region}, served in-process by {@code router}. */
    public static CloudWatchClient sync(ProtocolRouter router, String region) {
        return sync(router, region, builder -> { });
    }

    /**
     * A synchronous client for {@code region}; {@code customizer} runs last and may override anything.
     *
     * <pre>{@code
     * CloudWatchClient cw = CloudWatchClients.sync(router, "us-east-1",
     *         b -> b.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy())));
     * }</pre>
     */
    public static CloudWatchClient sync(ProtocolRouter router, String region, Consumer<CloudWatchClientBuilder> customizer) {
        return InProcessClients.sync(CloudWatchClient.builder(), router, region, customizer);
    }
}
