package dev.fakeecs.internal.protocol;

import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fakeecs.FakeEcs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of malformed ECS requests (random bytes, JSON fragments, deep nesting, and valid requests
 * with one value mutated into a wrong type, an overflowing number, a negative or unknown enum value)
 * against the in-process protocol router of a real world: never a 5xx, always a JSON object, every
 * error with {@code __type} and {@code message}, and no message naming a Java class or a parser setting.
 * Seeded, so every run sends the same requests.
 */
class ProtocolFuzzTest {

    private static final String TARGET = "AmazonEC2ContainerServiceV20141113.";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|com|org|software|dev)\\.[a-z0-9_]+\\.|Feature\\.|StreamReadConstraints|jackson|Exception:");

    /** Plausible requests, each to be mutated at one value. */
    private static final Map<String, String> SEEDS = Map.ofEntries(
            Map.entry("CreateCluster", "{\"clusterName\":\"c1\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}],"
                    + "\"settings\":[{\"name\":\"containerInsights\",\"value\":\"enabled\"}],"
                    + "\"defaultCapacityProviderStrategy\":[{\"capacityProvider\":\"FARGATE\",\"weight\":1,\"base\":0}]}"),
            Map.entry("DescribeClusters", "{\"clusters\":[\"c1\"],\"include\":[\"TAGS\",\"SETTINGS\"]}"),
            Map.entry("RegisterTaskDefinition", "{\"family\":\"web\",\"networkMode\":\"awsvpc\",\"cpu\":\"256\","
                    + "\"memory\":\"512\",\"requiresCompatibilities\":[\"FARGATE\"],\"containerDefinitions\":[{\"name\":\"app\","
                    + "\"image\":\"nginx\",\"essential\":true,\"portMappings\":[{\"containerPort\":80,\"protocol\":\"tcp\"}]}]}"),
            Map.entry("RunTask", "{\"cluster\":\"c1\",\"taskDefinition\":\"web\",\"count\":1,\"launchType\":\"FARGATE\","
                    + "\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"],\"assignPublicIp\":\"ENABLED\"}},"
                    + "\"overrides\":{\"cpu\":\"256\",\"containerOverrides\":[{\"name\":\"app\",\"cpu\":10,\"memory\":128}]},"
                    + "\"placementStrategy\":[{\"type\":\"spread\",\"field\":\"attribute:ecs.availability-zone\"}]}"),
            Map.entry("CreateService", "{\"cluster\":\"c1\",\"serviceName\":\"s\",\"taskDefinition\":\"web\",\"desiredCount\":1,"
                    + "\"launchType\":\"FARGATE\",\"schedulingStrategy\":\"REPLICA\",\"deploymentConfiguration\":"
                    + "{\"maximumPercent\":200,\"minimumHealthyPercent\":100}}"),
            Map.entry("UpdateService", "{\"cluster\":\"c1\",\"service\":\"s\",\"desiredCount\":2,"
                    + "\"capacityProviderStrategy\":[{\"capacityProvider\":\"FARGATE_SPOT\",\"weight\":2,\"base\":1}]}"),
            Map.entry("ListTasks", "{\"cluster\":\"c1\",\"desiredStatus\":\"RUNNING\",\"launchType\":\"FARGATE\",\"maxResults\":10}"),
            Map.entry("SubmitTaskStateChange", "{\"cluster\":\"c1\",\"task\":\"t\",\"status\":\"RUNNING\","
                    + "\"pullStartedAt\":1767225600.5,\"containers\":[{\"containerName\":\"app\",\"exitCode\":0}]}"),
            Map.entry("SubmitContainerStateChange", "{\"cluster\":\"c1\",\"task\":\"t\",\"containerName\":\"app\",\"exitCode\":1}"),
            Map.entry("DiscoverPollEndpoint", "{\"cluster\":\"c1\",\"containerInstance\":\"i\"}"),
            Map.entry("RegisterContainerInstance", "{\"cluster\":\"c1\",\"totalResources\":[{\"name\":\"CPU\",\"type\":\"INTEGER\","
                    + "\"integerValue\":2048}],\"attributes\":[{\"name\":\"a\",\"targetType\":\"container-instance\"}]}"),
            Map.entry("PutAccountSetting", "{\"name\":\"taskLongArnFormat\",\"value\":\"enabled\"}"),
            Map.entry("CreateCapacityProvider", "{\"name\":\"cp\",\"autoScalingGroupProvider\":{\"autoScalingGroupArn\":\"arn\","
                    + "\"managedScaling\":{\"status\":\"ENABLED\",\"targetCapacity\":100,\"minimumScalingStepSize\":1}}}"),
            Map.entry("TagResource", "{\"resourceArn\":\"arn:aws:ecs:us-east-1:123456789012:cluster/c1\","
                    + "\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}"));
    private static final String[] HOSTILE = {"1e400", "-1e400", "1e-400", "-1", "-2147483649", "9223372036854775808",
            "123456789012345678901234567890", "0.5", "\"BOGUS\"", "\"fargate\"", "\"\"", "null", "true", "[]", "{}",
            "[[[[[[[[[[]]]]]]]]]]", "{\"a\":{\"b\":{\"c\":[1,{}]}}}", "\"\\u0000\"", "\"1767225600\"", "\"2026-13-45T00:00:00Z\"",
            "\"!!not base64!!\"", "1" + "0".repeat(999)};
    private static final String[] FRAGMENTS = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e999", "-0",
            "\\u0000", "\"cluster\"", "{\"a\":", "\uD83D\uDE00", "9999999999999999999999", "NaN", "Infinity", "'x'"};

    private final FakeEcs ecs = FakeEcs.builder().seed(7).build();
    private final ProtocolRouter router = SimulatedServices.router(ecs::region, "us-east-1");
    private final Random random = new Random(20261203L);
    private final List<String> operations = new ArrayList<>(EcsOperation.all().keySet());
    private final List<String> seedOperations = new ArrayList<>(new java.util.TreeSet<>(SEEDS.keySet()));

    @AfterEach
    void close() {
        ecs.close();
    }

    @Test
    void should_answer_thousands_of_malformed_requests_with_json_client_errors_that_name_no_java_class() throws Exception {
        call("CreateCluster", SEEDS.get("CreateCluster"));
        call("RegisterTaskDefinition", SEEDS.get("RegisterTaskDefinition"));
        long started = System.nanoTime();
        int errors = 0;
        for (int i = 0; i < 4000; i++) {
            String op = random.nextInt(4) == 0 ? operations.get(random.nextInt(operations.size()))
                    : seedOperations.get(random.nextInt(seedOperations.size()));
            String body = body(op);

            ProtocolResponse response = call(op, body);

            String context = "request " + i + " " + op + " " + truncate(body) + " -> " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8);
            assertThat(response.statusCode()).as(context).isBetween(200, 499);
            assertThat(response.headers()).as(context).containsEntry("Content-Type", EcsProtocolHandler.CONTENT_TYPE);
            JsonNode json = MAPPER.readTree(response.body());
            assertThat(json.isObject()).as(context).isTrue();
            if (response.statusCode() >= 300) {
                errors++;
                assertThat(json.path("__type").isTextual()).as(context).isTrue();
                assertThat(json.path("message").isTextual()).as(context).isTrue();
                assertThat(json.path("__type").asText()).as(context).matches("[A-Za-z]+");
                assertThat(INTERNALS.matcher(json.path("message").asText()).find()).as(context).isFalse();
            }
        }
        assertThat(errors).isGreaterThan(2000);
        assertThat(System.nanoTime() - started).as("fuzz run time").isLessThan(30_000_000_000L);
    }

    private ProtocolResponse call(String op, String body) {
        return router.handle(new ProtocolRequest(TARGET + op, EcsProtocolHandler.CONTENT_TYPE, null,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    private String body(String op) throws Exception {
        String seed = SEEDS.getOrDefault(op, "{\"cluster\":\"c1\"}");
        switch (random.nextInt(10)) {
            case 0: {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
            case 1: {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(20);
                for (int i = 0; i < n; i++) {
                    sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                }
                return sb.toString();
            }
            case 2: {
                int depth = random.nextInt(3000);
                String open = random.nextBoolean() ? "[" : "{\"cluster\":";
                String close = open.equals("[") ? "]" : "}";
                return open.repeat(depth) + "1" + (random.nextBoolean() ? close.repeat(depth) : "");
            }
            case 3:
                // a valid request cut short or followed by garbage
                return random.nextBoolean() ? seed.substring(0, random.nextInt(seed.length())) : seed + " " + seed;
            default:
                return mutate(seed);
        }
    }

    /** The seed with one to three values (or whole members) replaced by hostile ones. */
    private String mutate(String seed) throws Exception {
        JsonNode root = MAPPER.readTree(seed);
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode container = containers.get(random.nextInt(containers.size()));
            JsonNode hostile = MAPPER.readTree(HOSTILE[random.nextInt(HOSTILE.length)]);
            if (container instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                if (names.isEmpty() || random.nextInt(8) == 0) {
                    object.set("unknownMember" + random.nextInt(3), hostile);
                } else {
                    object.set(names.get(random.nextInt(names.size())), hostile);
                }
            } else if (container instanceof ArrayNode array) {
                if (array.isEmpty()) {
                    array.add(hostile);
                } else {
                    array.set(random.nextInt(array.size()), hostile);
                }
            }
        }
        return MAPPER.writeValueAsString(root);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            Iterator<JsonNode> children = node.elements();
            while (children.hasNext()) {
                collect(children.next(), containers);
            }
        }
    }

    private static String truncate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
