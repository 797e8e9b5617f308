package dev.fakeecs.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timestamps travel as epoch seconds with millisecond precision and round-trip to the SDK's
 * {@link Instant}s exactly, both in answers and in filters the client sends.
 */
class TimestampsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PopulatedEcs world;
    private static EcsClient client;

    @BeforeAll
    static void populate() {
        world = new PopulatedEcs();
        client = world.client;
    }

    @AfterAll
    static void close() {
        world.close();
    }

    private static void assertMillisecondPrecise(Instant instant, String what) {
        assertThat(instant).as(what).isNotNull();
        assertThat(instant.truncatedTo(ChronoUnit.MILLIS)).as(what + " has no sub-millisecond part").isEqualTo(instant);
        assertThat(instant).as(what + " is within the world's time").isBetween(PopulatedEcs.START, world.ecs.clock().instant());
    }

    @Test
    void service_deployment_and_event_times_keep_their_milliseconds() {
        Service web = client.describeServices(b -> b.cluster("prod").services("web")).services().get(0);

        assertMillisecondPrecise(web.createdAt(), "createdAt");
        assertThat(web.createdAt()).isEqualTo(PopulatedEcs.START);
        for (Deployment d : web.deployments()) {
            assertMillisecondPrecise(d.createdAt(), "deployment createdAt");
            assertMillisecondPrecise(d.updatedAt(), "deployment updatedAt");
        }
        assertThat(web.events()).isNotEmpty().allSatisfy(e -> assertMillisecondPrecise(e.createdAt(), "event"));
        assertThat(web.events().stream().map(e -> e.createdAt().toEpochMilli() % 1000).distinct().count())
                .as("events at several millisecond offsets").isGreaterThan(1);
    }

    @Test
    void task_times_equal_the_virtual_clock_to_the_millisecond() {
        Instant ranAt = PopulatedEcs.START.plusMillis(120_125 + 22 * 150_333L);

        Task task = client.describeTasks(b -> b.cluster("prod").tasks(world.taskArns.get(0))).tasks().get(0);

        assertThat(task.createdAt()).isEqualTo(ranAt);
        assertMillisecondPrecise(task.startedAt(), "startedAt");
        assertMillisecondPrecise(task.pullStartedAt(), "pullStartedAt");
        assertMillisecondPrecise(task.pullStoppedAt(), "pullStoppedAt");
        assertThat(task.startedAt()).isAfter(task.createdAt());
    }

    @Test
    void task_definition_and_container_instance_registration_times_keep_their_milliseconds() {
        assertThat(client.describeTaskDefinition(b -> b.taskDefinition("web:1")).taskDefinition().registeredAt())
                .isEqualTo(PopulatedEcs.START);
        assertThat(client.describeContainerInstances(b -> b.cluster("prod").containerInstances(world.hosts.get(0).arn()))
                .containerInstances().get(0).registeredAt()).isEqualTo(PopulatedEcs.START);
    }

    @Test
    void the_wire_carries_epoch_seconds_with_three_decimals() throws Exception {
        EcsProtocolHandler handler = EcsProtocolHandler.builder().regions(name -> world.ecs.region(name).api()).build();
        String body = "{\"cluster\":\"prod\",\"services\":[\"web\"]}";

        ProtocolResponse response = handler.handle(EcsProtocolHandler.TARGET_PREFIX + "DescribeServices",
                EcsProtocolHandler.CONTENT_TYPE, null, body.getBytes(StandardCharsets.UTF_8));

        JsonNode createdAt = JSON.readTree(response.body()).get("services").get(0).get("createdAt");
        assertThat(createdAt.isNumber()).as("a JSON number, not a string: " + createdAt).isTrue();
        assertThat(createdAt.decimalValue()).isEqualByComparingTo("1767225600.25");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"createdAt\":1767225600.25");
    }

    @Test
    void a_timestamp_filter_sent_by_the_client_is_read_to_the_millisecond() {
        List<software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief> all = client.listServiceDeployments(
                b -> b.cluster("prod").service("web").maxResults(100)).serviceDeployments();
        Instant second = all.stream().map(d -> d.createdAt()).sorted().toList().get(1);

        var after = client.listServiceDeployments(b -> b.cluster("prod").service("web").maxResults(100)
                .createdAt(c -> c.after(second.minusMillis(1)))).serviceDeployments();
        var strictlyAfter = client.listServiceDeployments(b -> b.cluster("prod").service("web").maxResults(100)
                .createdAt(c -> c.after(second.plusMillis(1)))).serviceDeployments();

        assertThat(after).hasSize(all.size() - 1);
        assertThat(strictlyAfter).hasSize(all.size() - 2);
    }
}
