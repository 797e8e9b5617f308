package dev.fakeecs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.events.EcsEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/** {@code GET /_fake-ecs/events?since=N} over HTTP against an in-JVM server. */
class EventsEndpointTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(11).build();
    private final FakeEcsServer server = FakeEcsServer.start(ecs);
    private final ServerTestSupport http = new ServerTestSupport(server.endpoint());

    @AfterEach
    void stop() {
        server.close();
        ecs.close();
    }

    private void webServiceRunning() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        String td = ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").build()))
                .taskDefinition().taskDefinitionArn();
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td).desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(
                        AwsVpcConfiguration.builder().subnets("subnet-1").build())));
        ecs.clock().advance(Duration.ofMinutes(3));
    }

    @Test
    void should_serve_every_event_in_eventbridge_envelopes_one_per_line() throws Exception {
        // given
        webServiceRunning();

        // when
        HttpResponse<String> response = http.call("GET", "/_fake-ecs/events", null);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(response.body()).isEqualTo(ecs.events().toJsonLines());
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(ecs.events().size()).hasSizeGreaterThan(5);
        JsonNode first = ServerTestSupport.MAPPER.readTree(lines.get(0));
        assertThat(first.fieldNames()).toIterable().containsExactly("version", "id", "detail-type", "source", "account",
                "time", "region", "resources", "detail");
        assertThat(first.get("source").asText()).isEqualTo("aws.ecs");
        assertThat(response.headers().firstValue("X-Fake-Ecs-Events-Next-Seq"))
                .hasValue(Long.toString(ecs.events().mark()));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"detail-type\":\"" + EcsEvent.TASK_STATE_CHANGE
                + "\"").contains("\"lastStatus\":\"RUNNING\""));
    }

    @Test
    void should_skip_the_first_n_events_with_since() throws Exception {
        // given
        webServiceRunning();
        List<String> all = ecs.events().toJsonLines().lines().toList();

        // when
        HttpResponse<String> tail = http.call("GET", "/_fake-ecs/events?since=3", null);
        HttpResponse<String> none = http.call("GET", "/_fake-ecs/events?since=" + all.size(), null);

        // then
        assertThat(tail.body().lines().toList()).isEqualTo(all.subList(3, all.size()));
        assertThat(none.body()).isEmpty();
    }

    @Test
    void should_answer_400_to_a_malformed_since_and_405_to_a_post() throws Exception {
        HttpResponse<String> bad = http.call("GET", "/_fake-ecs/events?since=-1", null);
        HttpResponse<String> unknown = http.call("GET", "/_fake-ecs/events?from=1", null);
        HttpResponse<String> post = http.call("POST", "/_fake-ecs/events", "{}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("'since' must be a non-negative whole number");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("takes the query parameter since only");
        assertThat(post.statusCode()).isEqualTo(405);
    }
}
