package dev.fakeecs.server;

import static dev.fakeecs.server.ServerTestSupport.TARGET;
import static dev.fakeecs.server.ServerTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.internal.server.ControlApi;
import dev.fakeecs.internal.client.EcsClients;
import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.StubEcs;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;

class FakeEcsServerTest {

    private final StubEcs stub = new StubEcs("us-east-1");
    private final StubBackend backend = new StubBackend();
    private final FakeEcsServer server = FakeEcsServer.builder()
            .protocol(ProtocolRouter.of(EcsProtocolHandler.builder().client(stub).maxBodyBytes(64 * 1024).build()))
            .controlApi(ControlApi.of(backend))
            .start();
    private final ServerTestSupport http = new ServerTestSupport(server.endpoint());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void should_listen_on_a_free_loopback_port() {
        assertThat(server.port()).isPositive();
        assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void should_answer_a_raw_json_1_1_post() throws Exception {
        // when
        HttpResponse<String> response = http.ecs(TARGET + "CreateCluster",
                "{\"clusterName\":\"raw\"}".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(json(response).at("/cluster/clusterName").asText()).isEqualTo("raw");
    }

    @Test
    void should_serve_an_sdk_client_built_with_an_endpoint_override() {
        // given
        try (EcsClient ecs = EcsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(EcsClients.fakeCredentials())
                .build()) {
            // when
            ecs.createCluster(r -> r.clusterName("sdk"));

            // then
            assertThat(ecs.listClusters().clusterArns()).containsExactly(StubEcs.arn("us-east-1", "sdk"));
            assertThatThrownBy(() -> ecs.deleteCluster(r -> r.cluster("nope")))
                    .isInstanceOf(ClusterNotFoundException.class)
                    .hasMessageStartingWith("Cluster not found.");
        }
    }

    @Test
    void should_answer_a_health_line_on_get() throws Exception {
        // when
        HttpResponse<String> response = http.call("GET", "/", null);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void should_answer_unknown_paths_and_methods_with_json_errors() throws Exception {
        // when
        HttpResponse<String> unknownPath = http.call("GET", "/index.html", null);
        HttpResponse<String> wrongMethod = http.call("PUT", "/", "{}");

        // then
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(json(unknownPath).get("__type").asText()).isEqualTo("NotFound");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).get("message").asText()).contains("POST /");
    }

    @Test
    void should_refuse_a_body_over_the_limit_with_413_and_keep_serving() throws Exception {
        // given
        byte[] big = new byte[200 * 1024];
        Arrays.fill(big, (byte) ' ');

        // when
        HttpResponse<String> response = http.ecs(TARGET + "ListClusters", big);

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("__type").asText()).isEqualTo("RequestEntityTooLargeException");
        assertThat(http.ecs(TARGET + "ListClusters", "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
    }

    @Test
    void should_tell_and_advance_the_virtual_clock() throws Exception {
        // when
        HttpResponse<String> before = http.call("GET", "/_fake-ecs/clock", null);
        HttpResponse<String> advanced = http.call("POST", "/_fake-ecs/clock/advance", "{\"seconds\": 90.5}");

        // then
        assertThat(json(before).get("now").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(advanced.statusCode()).isEqualTo(200);
        assertThat(json(advanced).get("now").asText()).isEqualTo("2026-01-01T00:01:30.500Z");
    }

    @Test
    void should_reject_a_clock_advance_without_seconds() throws Exception {
        // when
        HttpResponse<String> response = http.call("POST", "/_fake-ecs/clock/advance", "{\"minutes\": 1}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).contains("'seconds'");
    }

    @Test
    void should_serve_the_journal_as_json_lines_and_reset() throws Exception {
        // given
        http.call("POST", "/_fake-ecs/clock/advance", "{\"seconds\": 1}");

        // when
        HttpResponse<String> journal = http.call("GET", "/_fake-ecs/journal", null);
        HttpResponse<String> reset = http.call("POST", "/_fake-ecs/reset", null);

        // then
        assertThat(journal.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(journal.body().lines()).singleElement().satisfies(line -> assertThat(line).contains("CLOCK_ADVANCED"));
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(backend.resets).isEqualTo(1);
    }

    @Test
    void should_answer_control_calls_the_backend_does_not_support_yet_with_501() throws Exception {
        // when
        HttpResponse<String> response = http.call("POST", "/_fake-ecs/faults", "{\"type\":\"az-outage\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(json(response).get("__type").asText()).isEqualTo("UnsupportedOperation");
    }

    @Test
    void should_answer_bad_control_calls_with_json_errors() throws Exception {
        assertThat(http.call("GET", "/_fake-ecs/nothing", null).statusCode()).isEqualTo(404);
        assertThat(http.call("DELETE", "/_fake-ecs/clock", null).statusCode()).isEqualTo(405);
        HttpResponse<String> malformed = http.call("POST", "/_fake-ecs/clock/advance", "{\"seconds\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("__type").asText()).isEqualTo("SerializationException");
    }
}
