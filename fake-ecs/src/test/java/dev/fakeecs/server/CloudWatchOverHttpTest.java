package dev.fakeecs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.fakeecs.internal.client.EcsClients;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import dev.fakeecs.internal.protocol.rpc.RecordingCloudWatch;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** CloudWatch over real HTTP: the Smithy RPC v2 CBOR path reaches the router; other paths answer as before. */
class CloudWatchOverHttpTest {

    private final RecordingCloudWatch engine = new RecordingCloudWatch();
    private final FakeEcsServer server = FakeEcsServer.builder()
            .protocol(ProtocolRouter.builder()
                    .service(SimulatedServices.cloudWatch(name -> name.equals("us-east-1") ? engine : null, "us-east-1"))
                    .build())
            .start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void should_serve_the_java_sdk_over_cbor() {
        try (CloudWatchClient cw = CloudWatchClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(EcsClients.fakeCredentials())
                .build()) {
            assertThat(cw.describeAlarms(r -> r.alarmNames(RecordingCloudWatch.ALARM)).metricAlarms())
                    .singleElement().satisfies(a -> assertThat(a.stateUpdatedTimestamp()).isEqualTo(RecordingCloudWatch.UPDATED));
            assertThat(cw.getMetricStatistics(r -> r.namespace("AWS/ECS").metricName("CPUUtilization")
                    .startTime(Instant.EPOCH).endTime(Instant.EPOCH.plusSeconds(60)).period(60)
                    .extendedStatistics("p99")).datapoints()).hasSize(1);
            assertThatThrownBy(() -> cw.setAlarmState(r -> r.alarmName("nope").stateValue(StateValue.OK).stateReason("x")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void should_route_a_raw_cbor_post_by_path_and_echo_smithy_protocol() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(server.endpoint()
                        .resolve("/service/GraniteServiceVersion20100801/operation/DescribeAlarms"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/cbor").header("smithy-protocol", "rpc-v2-cbor")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new CBORMapper().writeValueAsBytes(Map.of())))
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/cbor");
        JsonNode body = new CBORMapper().readTree(response.body());
        assertThat(body.at("/MetricAlarms/0/AlarmName").asText()).isEqualTo(RecordingCloudWatch.ALARM);
    }

    @Test
    void should_keep_answering_other_paths_as_before() throws Exception {
        ServerTestSupport support = new ServerTestSupport(server.endpoint());
        HttpResponse<String> get = support.call("GET", "/service/GraniteServiceVersion20100801/operation/DescribeAlarms", null);
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(ServerTestSupport.json(get).get("__type").asText()).isEqualTo("NotFound");
        HttpResponse<String> other = support.call("POST", "/other", "{}");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(ServerTestSupport.json(other).get("__type").asText()).isEqualTo("NotFound");
        HttpResponse<String> wrongService = support.call("POST", "/service/Nope/operation/X", "");
        assertThat(wrongService.statusCode()).isEqualTo(404);
    }
}
