package dev.fakeecs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.timing.TimingModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/** Bounded control calls with clear 400s, sliced long advances, and JSON (never a Java class name) for bad input. */
class ControlApiBoundsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long THIRTY_DAYS = 30L * 24 * 3600;

    private final FakeEcs ecs = FakeEcs.builder().seed(5).build();
    private final FakeEcsServer server = FakeEcsServer.start(ecs);
    private final ServerTestSupport http = new ServerTestSupport(server.endpoint());

    @AfterEach
    void close() {
        ecs.close();
    }

    private JsonNode post(String path, String body, int expectedStatus) throws Exception {
        var response = http.call("POST", path, body);
        assertThat(response.statusCode()).as(path + " " + body + " -> " + response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).doesNotContain("java.", "software.amazon", "Exception:", "jackson");
        return MAPPER.readTree(response.body());
    }

    @Test
    void should_advance_up_to_30_virtual_days_and_refuse_more_with_a_400_naming_the_bound() throws Exception {
        Instant start = ecs.clock().instant();

        JsonNode refused = post("/_fake-ecs/clock/advance", "{\"seconds\": " + (THIRTY_DAYS + 1) + "}", 400);
        assertThat(refused.get("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(refused.get("message").asText()).contains("between 0 and 2592000 (30 virtual days)");
        assertThat(post("/_fake-ecs/clock/advance", "{\"seconds\": 3153600000}", 400).get("message").asText())
                .contains("30 virtual days");
        assertThat(ecs.clock().instant()).isEqualTo(start);

        JsonNode done = post("/_fake-ecs/clock/advance", "{\"seconds\": " + THIRTY_DAYS + "}", 200);
        assertThat(done.get("now").asText()).isEqualTo(start.plusSeconds(THIRTY_DAYS).toString());
    }

    @Test
    void should_hold_the_same_bounds_in_the_runnable_jar() throws Exception {
        FakeEcsServerMain main = new FakeEcsServerMain(new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        new picocli.CommandLine(main).parseArgs("--port", "0");
        try (FakeEcsServerMain.Running running = main.start()) {
            ServerTestSupport jar = new ServerTestSupport(running.server.endpoint());

            var advance = jar.call("POST", "/_fake-ecs/clock/advance", "{\"seconds\": " + (THIRTY_DAYS + 1) + "}");
            var latency = jar.call("POST", "/_fake-ecs/faults", "{\"type\": \"API_LATENCY\", \"latencyMillis\": 86400000}");
            var probability = jar.call("POST", "/_fake-ecs/faults", "{\"type\": \"API_ERROR\", \"probability\": \"NaN\"}");
            var cluster = jar.call("POST", "/_fake-ecs/instances", "{\"cluster\": \"nope\", \"instanceType\": \"m5.large\"}");

            assertThat(advance.statusCode()).isEqualTo(400);
            assertThat(advance.body()).contains("30 virtual days");
            assertThat(latency.statusCode()).isEqualTo(400);
            assertThat(latency.body()).contains("latencyMillis must be between 0 and 60000");
            assertThat(probability.statusCode()).isEqualTo(400);
            assertThat(probability.body()).contains("probability must be a finite number");
            assertThat(cluster.statusCode()).isEqualTo(400);
            assertThat(cluster.body()).contains("ClusterNotFoundException", "Cluster not found.").doesNotContain("software.amazon");
            assertThat(jar.call("POST", "/_fake-ecs/clock/advance", "{\"seconds\": " + THIRTY_DAYS + "}").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void should_refuse_negative_nan_infinite_and_non_numeric_advances_with_400s() throws Exception {
        Instant start = ecs.clock().instant();
        assertThat(post("/_fake-ecs/clock/advance", "{\"seconds\": -1}", 400).get("message").asText())
                .contains("between 0 and 2592000");
        assertThat(post("/_fake-ecs/clock/advance", "{\"seconds\": \"NaN\"}", 400).get("message").asText())
                .contains("'seconds' must be a number");
        assertThat(post("/_fake-ecs/clock/advance", "{\"seconds\": \"60\"}", 400).get("message").asText())
                .contains("'seconds' must be a number");
        assertThat(post("/_fake-ecs/clock/advance", "{\"seconds\": 1e400}", 400).get("message").asText())
                .contains("'seconds'");
        assertThat(post("/_fake-ecs/clock/advance", "[60]", 400).get("message").asText()).contains("JSON object");
        assertThat(ecs.clock().instant()).isEqualTo(start);
    }

    @Test
    void should_give_a_sliced_long_advance_the_same_journal_and_instant_as_one_advance() throws Exception {
        // given: two worlds with the same seed and a crash-looping service
        try (FakeEcs reference = crashLoopingWorld()) {
            FakeEcs sliced = crashLoopingWorld();
            try (FakeEcsServer slicedServer = FakeEcsServer.start(sliced)) {
                // when: 2 days and a bit through the control API (49 slices), and in one call
                double seconds = 2 * 24 * 3600 + 1234.5;
                var response = new ServerTestSupport(slicedServer.endpoint()).call("POST", "/_fake-ecs/clock/advance",
                        "{\"seconds\": " + seconds + "}");
                reference.clock().advance(Duration.ofMillis((long) (seconds * 1000)));

                // then
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(sliced.clock().instant()).isEqualTo(reference.clock().instant());
                assertThat(sliced.clock().eventsRun()).isEqualTo(reference.clock().eventsRun());
                assertThat(sliced.journal().entries().size()).isGreaterThan(500);
                assertThat(sliced.journal().toJsonLines()).isEqualTo(reference.journal().toJsonLines());
            } finally {
                sliced.close();
            }
        }
    }

    @Test
    void should_let_other_calls_through_while_a_long_advance_runs() throws Exception {
        // given: every ten virtual minutes an event that takes 10 ms of wall time (3 days: about 4 s)
        ecs.clock().schedulePeriodic(Duration.ofMinutes(10), Duration.ofMinutes(10), "slow work", () -> sleep(10));
        Instant start = ecs.clock().instant();
        CompletableFuture<Integer> advance = CompletableFuture.supplyAsync(() -> {
            try {
                return http.call("POST", "/_fake-ecs/clock/advance", "{\"seconds\": " + 3 * 24 * 3600 + "}").statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (!ecs.clock().instant().isAfter(start.plus(Duration.ofHours(2)))) {
            Thread.sleep(5);
        }

        // when: an ECS call (which needs the engine lock) during the advance
        long begin = System.nanoTime();
        var listed = http.ecs(ServerTestSupport.TARGET + "ListClusters", "{}".getBytes(StandardCharsets.UTF_8));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

        // then: it was answered between two slices, long before the advance ended
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(advance).isNotDone();
        assertThat(tookMillis).isLessThan(2000);
        assertThat(advance.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(ecs.clock().instant()).isEqualTo(start.plus(Duration.ofDays(3)));
    }

    @Test
    void should_bound_api_latency_to_one_minute_over_http_and_in_the_jvm() throws Exception {
        JsonNode refused = post("/_fake-ecs/faults", "{\"type\": \"API_LATENCY\", \"latencyMillis\": 60001}", 400);
        assertThat(refused.get("message").asText()).isEqualTo("latencyMillis must be between 0 and 60000 (one minute): 60001");
        assertThat(post("/_fake-ecs/faults", "{\"type\": \"API_LATENCY\", \"latencyMillis\": 1e300}", 400)
                .get("message").asText()).contains("latencyMillis must be between 0 and 60000");
        assertThat(post("/_fake-ecs/faults", "{\"type\": \"API_LATENCY\", \"latencyMillis\": -5}", 400)
                .get("message").asText()).contains("latencyMillis must be between 0 and 60000");
        assertThat(FaultInjector.of(ecs).all()).isEmpty();

        assertThatThrownBy(() -> FaultSpec.of(FaultType.API_LATENCY).latency(Duration.ofMinutes(2)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latencyMillis must be between 0 and 60000 (one minute): 120000");
        assertThat(post("/_fake-ecs/faults", "{\"type\": \"API_LATENCY\", \"latencyMillis\": 60000, "
                + "\"operation\": \"NoSuchCallEver\"}", 200).get("faultId").asText()).isNotBlank();
    }

    @Test
    void should_refuse_nan_infinite_negative_and_fractional_fault_numbers_naming_the_field() throws Exception {
        String[][] cases = {
                {"{\"type\": \"API_ERROR\", \"probability\": \"NaN\"}", "probability must be a finite number: NaN"},
                {"{\"type\": \"API_ERROR\", \"probability\": \"Infinity\"}", "probability must be a finite number"},
                {"{\"type\": \"API_ERROR\", \"probability\": 1.5}", "probability must be between 0 and 1"},
                {"{\"type\": \"TERMINATE_INSTANCE\", \"percentage\": -20}", "percentage must be between 1 and 100: -20"},
                {"{\"type\": \"TERMINATE_INSTANCE\", \"percentage\": 1e12}", "percentage must be between 1 and 100"},
                {"{\"type\": \"API_ERROR\", \"everyNth\": 0}", "everyNth must be a whole number of at least 1: 0"},
                {"{\"type\": \"API_ERROR\", \"everyNth\": 2.5}", "everyNth must be a whole number"},
                {"{\"type\": \"KILL_CONTAINER\", \"exitCode\": 1e20}", "exitCode must be a whole number"},
                {"{\"type\": \"REGION_OUTAGE\", \"atSeconds\": -1}", "atSeconds must be between 0 and 315360000 (ten years): -1"},
                {"{\"type\": \"REGION_OUTAGE\", \"durationSeconds\": 1e15}", "durationSeconds must be between 0 and"},
                {"{\"type\": \"REGION_OUTAGE\", \"noticeSeconds\": \"soon\"}", "noticeSeconds must be a number: soon"},
                {"{\"type\": \"REGION_OUTAGE\", \"cluster\": {\"name\": \"x\"}}", "cluster must be a string or a number, not an object"},
        };
        for (String[] c : cases) {
            JsonNode answer = post("/_fake-ecs/faults", c[0], 400);
            assertThat(answer.get("__type").asText()).isEqualTo("InvalidParameterException");
            assertThat(answer.get("message").asText()).as(c[0]).contains(c[1]);
        }
        assertThat(FaultInjector.of(ecs).all()).isEmpty();
        assertThatThrownBy(() -> FaultSpec.of(FaultType.API_ERROR).probability(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probability must be between 0 and 1");
    }

    @Test
    void should_refuse_negative_and_non_finite_image_behaviour_numbers() throws Exception {
        String[][] cases = {
                {"{\"memoryMiB\": -1}", "memoryMiB must be a whole number between 0 and"},
                {"{\"cpuPercent\": -3}", "cpuPercent must be between 0 and 100000: -3"},
                {"{\"startSeconds\": -10}", "startSeconds must be between 0 and 31536000"},
                {"{\"exitAfterSeconds\": 1e400}", "exitAfterSeconds must be between 0 and"},
                {"{\"exitAfterSeconds\": 5, \"exitCode\": 0.5}", "exitCode must be a whole number"},
                {"{\"httpStatus\": 600}", "httpStatus must be a whole number between 100 and 599: 600"},
                {"{\"httpStatus\": 99}", "httpStatus must be a whole number between 100 and 599: 99"},
                {"{\"httpStatus\": 200.5}", "httpStatus must be a whole number between 100 and 599"},
                {"{\"httpStatus\": \"500\"}", "httpStatus must be a number"},
        };
        for (String[] c : cases) {
            JsonNode answer = post("/_fake-ecs/images", "{\"image\": \"acme/x:1\", \"behavior\": " + c[0] + "}", 400);
            assertThat(answer.get("message").asText()).as(c[0]).contains(c[1]);
        }
        post("/_fake-ecs/images", "{\"image\": \"acme/x:2\", \"behavior\": {\"httpStatus\": 503}}", 200);
        assertThat(ecs.engine().images().behaviorOf("acme/x:2").httpStatus()).isEqualTo(503);
        assertThat(ecs.engine().images().behaviorOf("acme/x:1").httpStatus()).isEqualTo(200);
    }

    @Test
    void should_answer_launching_instances_into_an_unknown_cluster_or_type_with_the_ecs_error_as_a_400() throws Exception {
        JsonNode noCluster = post("/_fake-ecs/instances", "{\"cluster\": \"nope\", \"instanceType\": \"m5.large\"}", 400);
        assertThat(noCluster.get("__type").asText()).isEqualTo("ClusterNotFoundException");
        assertThat(noCluster.get("message").asText()).isEqualTo("Cluster not found.");

        ecs.api().createCluster(r -> r.clusterName("prod"));
        JsonNode noType = post("/_fake-ecs/instances", "{\"cluster\": \"prod\", \"instanceType\": \"z9.galactic\"}", 400);
        assertThat(noType.get("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(noType.get("message").asText()).startsWith("The instance type z9.galactic is not supported.");

        JsonNode badCount = post("/_fake-ecs/instances", "{\"cluster\": \"prod\", \"instanceType\": \"m5.large\", \"count\": 1e10}", 400);
        assertThat(badCount.get("message").asText()).contains("count must be a whole number between 1 and 1000");
        assertThat(post("/_fake-ecs/instances", "{\"cluster\": \"prod\", \"instanceType\": \"m5.large\"}", 200)
                .get("containerInstanceArns")).hasSize(1);
    }

    @Test
    void should_answer_a_huge_content_length_with_a_413_json_without_reading_the_body() throws Exception {
        String head = "POST /_fake-ecs/clock/advance HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 9223372036854775807\r\n"
                + "Connection: close\r\n\r\n";
        RawHttp.Answer answer = RawHttp.exchange(server.port(), head.getBytes(StandardCharsets.US_ASCII), "{}".getBytes());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).contains("RequestEntityTooLargeException");
    }

    @Test
    void should_answer_a_body_shorter_than_its_content_length_with_a_400_json() throws Exception {
        for (String path : new String[] {"/_fake-ecs/clock/advance", "/"}) {
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 40\r\nConnection: close\r\n\r\n";
            RawHttp.Answer answer = RawHttp.exchange(server.port(), head.getBytes(StandardCharsets.US_ASCII),
                    "{\"seconds\"".getBytes(StandardCharsets.US_ASCII));

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).as(path).isEqualTo("application/json");
            assertThat(answer.body()).as(path).contains("ended before its Content-Length");
        }
    }

    private static FakeEcs crashLoopingWorld() {
        FakeEcs world = FakeEcs.builder().seed(11).timing(TimingModel.defaults().withJitter(0.2)).build();
        world.declareImage("acme/crashy:1", ImageBehavior.DEFAULT.exitAfter(Duration.ofMinutes(20), 1));
        world.api().createCluster(r -> r.clusterName("loop"));
        world.api().registerTaskDefinition(r -> r.family("crashy").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/crashy:1").build()));
        world.api().createService(r -> r.cluster("loop").serviceName("crashy").taskDefinition("crashy").desiredCount(3)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-a").build()).build()));
        return world;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
