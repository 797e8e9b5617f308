package dev.fakeecs.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;

/**
 * CloudWatch beside ECS and Elastic Load Balancing on one router: its three protocols reach the region's CloudWatch
 * part (whatever it implements yet), ECS and load balancing requests are routed as before, and
 * {@code FakeEcs.newCloudWatchClient()} hands out real SDK clients per region.
 */
class CloudWatchWireTest {

    private final FakeEcs ecs = FakeEcs.create();
    private final ProtocolRouter router = SimulatedServices.router(ecs::region, "us-east-1");

    @AfterEach
    void close() {
        ecs.close();
    }

    @Test
    void should_route_each_cloudwatch_protocol_and_still_ecs() {
        ProtocolResponse cbor = router.handle(new ProtocolRequest(
                "/service/GraniteServiceVersion20100801/operation/SetAlarmState", null, "application/cbor", null,
                new byte[] {(byte) 0xA0}));
        ProtocolResponse json = router.handle(new ProtocolRequest("GraniteServiceVersion20100801.SetAlarmState",
                "application/x-amz-json-1.0", null, "{}".getBytes(StandardCharsets.UTF_8)));
        ProtocolResponse query = router.handle(new ProtocolRequest(null, "application/x-www-form-urlencoded", null,
                "Action=SetAlarmState&Version=2010-08-01".getBytes(StandardCharsets.UTF_8)));
        ProtocolResponse ecsAnswer = router.handle(new ProtocolRequest(EcsProtocolHandler.TARGET_PREFIX + "ListClusters",
                EcsProtocolHandler.CONTENT_TYPE, null, "{}".getBytes(StandardCharsets.UTF_8)));

        // the front end's own check, before the engine: a missing required member
        assertThat(cbor.statusCode()).isEqualTo(400);
        assertThat(cbor.headers()).containsEntry("smithy-protocol", "rpc-v2-cbor")
                .containsEntry("x-amzn-query-error", "MissingParameter;Sender");
        assertThat(json.headers()).containsEntry("Content-Type", "application/x-amz-json-1.0")
                .containsEntry("x-amzn-query-error", "MissingParameter;Sender");
        assertThat(json.bodyAsString()).contains("\"__type\":\"MissingRequiredParameterException\"");
        assertThat(query.bodyAsString()).contains("<Code>MissingParameter</Code>")
                .contains("xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"");
        assertThat(ecsAnswer.statusCode()).isEqualTo(200);
        assertThat(ecsAnswer.headers()).containsEntry("Content-Type", EcsProtocolHandler.CONTENT_TYPE);
    }

    @Test
    void should_hand_out_in_process_cloudwatch_clients_per_region() {
        CloudWatchClient cw = ecs.newCloudWatchClient();
        CloudWatchClient ireland = ecs.newCloudWatchClient("eu-west-1");

        assertThatThrownBy(() -> cw.describeAlarms(r -> r.maxRecords(0)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value '0' at 'MaxRecords' failed to satisfy constraint: "
                                + "Member must have value greater than or equal to 1"));
        assertThatThrownBy(() -> ireland.putMetricData(r -> r.metricData(d -> d.metricName("Latency").value(1.0))))
                .isInstanceOf(MissingRequiredParameterException.class);
        assertThat(ecs.regions()).extracting(r -> r.name()).contains("eu-west-1");
        // the region's CloudWatch part answers, or says (while it is being written) that it does not support it yet
        try {
            assertThat(cw.describeAlarms(r -> r.alarmNames("none")).metricAlarms()).isEmpty();
        } catch (CloudWatchException e) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("fake-ecs does not support the operation DescribeAlarms yet");
        }
    }
}
