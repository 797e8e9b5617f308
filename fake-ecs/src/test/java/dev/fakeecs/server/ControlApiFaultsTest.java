package dev.fakeecs.server;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults over the control API of an in-JVM server: inject, see the effect, end early, bad input. */
class ControlApiFaultsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_inject_a_fault_and_end_it_through_the_control_api() throws Exception {
        try (FakeEcs ecs = FakeEcs.builder().seed(3).build()) {
            ecs.api().createCluster(r -> r.clusterName("prod"));
            var host = RegionEngine.of(ecs.defaultRegion()).read(() -> RegionEngine.of(ecs.defaultRegion()).containerInstances()
                    .launchHost("prod", "m5.large", "us-east-1a", null));
            URI base = FakeEcsServer.start(ecs).endpoint();

            HttpResponse<String> injected = call(base, "POST", "/_fake-ecs/faults",
                    "{\"type\": \"DISCONNECT_AGENT\", \"cluster\": \"prod\", \"containerInstance\": \"" + host.id()
                            + "\", \"durationSeconds\": 600}");
            assertThat(injected.statusCode()).isEqualTo(200);
            assertThat(injected.body()).contains("\"faultId\"");
            assertThat(host.agentConnected()).isFalse();

            String id = injected.body().replaceAll(".*\"faultId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            assertThat(call(base, "DELETE", "/_fake-ecs/faults/" + id, null).statusCode()).isBetween(200, 204);
            assertThat(host.agentConnected()).isTrue();
            assertThat(call(base, "DELETE", "/_fake-ecs/faults/" + id, null).statusCode()).as("idempotent")
                    .isBetween(200, 204);
            assertThat(call(base, "DELETE", "/_fake-ecs/faults/no-such-fault", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void should_refuse_an_unknown_fault_type_with_a_400_naming_it() throws Exception {
        try (FakeEcs ecs = FakeEcs.builder().seed(3).build()) {
            URI base = FakeEcsServer.start(ecs).endpoint();

            HttpResponse<String> r = call(base, "POST", "/_fake-ecs/faults", "{\"type\": \"METEOR_STRIKE\"}");

            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("METEOR_STRIKE");
        }
    }
}
