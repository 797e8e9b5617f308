package dev.fakeecs.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.server.FakeEcsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AWS CLI v2 against a loopback server: its client-side pagination on nextToken/maxResults, and
 * failures, errors and timestamps as it prints them (skipped when {@code /usr/bin/aws} is missing).
 */
class AwsCliPaginationTest {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PopulatedEcs world;
    private static FakeEcsServer server;

    /** What one CLI run left behind. */
    record Run(int exitCode, String stdout, String stderr) {
        JsonNode json() throws IOException {
            return JSON.readTree(stdout);
        }
    }

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(AWS), "the AWS CLI v2 is not installed at /usr/bin/aws");
        world = new PopulatedEcs();
        server = FakeEcsServer.start(world.ecs);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static Run aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", server.endpoint().toString(),
                "--output", "json", "ecs"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "fake", "AWS_SECRET_ACCESS_KEY", "fake",
                "AWS_DEFAULT_REGION", "us-east-1", "AWS_PAGER", ""));
        builder.environment().remove("AWS_PROFILE");
        Process p = builder.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(p.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
    }

    private static JsonNode ok(String... args) throws Exception {
        Run run = aws(args);
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s", List.of(args), run.stderr()).isZero();
        return run.json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void max_items_and_starting_token_walk_the_services_of_a_cluster() throws Exception {
        List<String> all = texts(ok("list-services", "--cluster", "prod").get("serviceArns"));
        assertThat(all).hasSize(13);

        List<String> walked = new ArrayList<>();
        String token = null;
        int calls = 0;
        do {
            JsonNode page = token == null
                    ? ok("list-services", "--cluster", "prod", "--max-items", "5")
                    : ok("list-services", "--cluster", "prod", "--max-items", "5", "--starting-token", token);
            walked.addAll(texts(page.get("serviceArns")));
            token = page.has("NextToken") ? page.get("NextToken").asText() : null;
            calls++;
        } while (token != null && calls < 10);

        assertThat(calls).isEqualTo(3);
        assertThat(walked).isEqualTo(all);
    }

    @Test
    void page_size_fetches_everything_with_small_pages() throws Exception {
        JsonNode clusters = ok("list-clusters", "--page-size", "2");
        JsonNode tasks = ok("list-tasks", "--cluster", "prod", "--page-size", "1");
        JsonNode definitions = ok("list-task-definitions", "--page-size", "1", "--max-items", "4");
        JsonNode families = ok("list-task-definition-families", "--page-size", "3");

        assertThat(clusters.get("clusterArns")).hasSize(5);
        assertThat(tasks.get("taskArns")).hasSize(6);
        assertThat(definitions.get("taskDefinitionArns")).hasSize(4);
        assertThat(definitions.has("NextToken")).isTrue();
        assertThat(texts(families.get("families"))).containsExactlyInAnyOrder("fam-0", "fam-1", "fam-2", "web");
    }

    @Test
    void container_instances_account_settings_and_namespaces_page_through_the_cli() throws Exception {
        // (this CLI, 2.9, predates list-service-deployments)
        JsonNode instances = ok("list-container-instances", "--cluster", "prod", "--page-size", "1");
        JsonNode settings = ok("list-account-settings", "--effective-settings", "--page-size", "2");
        JsonNode firstSettings = ok("list-account-settings", "--effective-settings", "--max-items", "3");
        JsonNode byNamespace = ok("list-services-by-namespace", "--namespace", "food.internal", "--page-size", "5");

        assertThat(instances.get("containerInstanceArns")).hasSize(3);
        assertThat(settings.get("settings").size()).isGreaterThan(3);
        assertThat(firstSettings.get("settings")).hasSize(3);
        assertThat(firstSettings.has("NextToken")).isTrue();
        assertThat(byNamespace.get("serviceArns")).hasSize(12);
    }

    @Test
    void describe_capacity_providers_with_include_tags() throws Exception {
        JsonNode providers = ok("describe-capacity-providers", "--capacity-providers", "asg-cp-0", "ghost",
                "--include", "TAGS");

        assertThat(providers.get("capacityProviders").get(0).get("tags").get(0).get("key").asText()).isEqualTo("pool");
        assertThat(providers.get("failures").get(0).get("arn").asText())
                .isEqualTo(PopulatedEcs.PREFIX + "capacity-provider/ghost");
        assertThat(providers.get("failures").get(0).get("reason").asText()).isEqualTo("MISSING");
    }

    @Test
    void timestamps_print_with_their_milliseconds() throws Exception {
        JsonNode service = ok("describe-services", "--cluster", "prod", "--services", "web").get("services").get(0);

        assertThat(service.get("createdAt").asText()).startsWith("2026-01-01T00:00:00.250000");
    }

    @Test
    void errors_print_the_real_exception_names() throws Exception {
        Run missingCluster = aws("list-services", "--cluster", "ghost");
        Run missingService = aws("update-service", "--cluster", "prod", "--service", "ghost", "--desired-count", "1");
        Run badMax = aws("list-tasks", "--cluster", "prod", "--max-results", "0");

        assertThat(missingCluster.exitCode()).isEqualTo(254);
        assertThat(missingCluster.stderr()).contains("(ClusterNotFoundException)").contains("Cluster not found.");
        assertThat(missingService.stderr()).contains("(ServiceNotFoundException)").contains("Service not found.");
        assertThat(badMax.stderr()).contains("(InvalidParameterException)").contains("maxResults");
    }
}
