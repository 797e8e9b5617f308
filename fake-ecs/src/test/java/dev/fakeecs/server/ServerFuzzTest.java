package dev.fakeecs.server;

import static dev.fakeecs.server.ServerTestSupport.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.StubEcs;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and malformed requests: every answer is well-formed JSON, every error is a
 * 4xx with {@code __type} and {@code message}, nothing is a 5xx or an HTML page, and the server keeps serving.
 */
class ServerFuzzTest {

    private static final List<String> OPS = List.of("CreateCluster", "DescribeClusters", "ListClusters",
            "DeleteCluster", "RegisterTaskDefinition", "RunTask", "CreateService", "TagResource", "PutAttributes",
            "UpdateService", "ListTasks", "DescribeTasks", "NoSuchOperation", "");
    private static final List<String> MEMBERS = List.of("clusterName", "clusters", "cluster", "include", "tags",
            "family", "containerDefinitions", "taskDefinition", "count", "attributes", "maxResults", "nextToken",
            "settings", "capacityProviders", "defaultCapacityProviderStrategy");
    private static final String[] FRAGMENTS = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e999",
            "-0", "\\u0000", "\"clusterName\"", "{\"a\":", "\uD83D\uDE00", "9999999999999999999999"};

    private final StubEcs stub = new StubEcs("us-east-1");
    private final FakeEcsServer server = FakeEcsServer.builder()
            .protocol(ProtocolRouter.of(EcsProtocolHandler.builder().client(stub).maxBodyBytes(16 * 1024).build()))
            .start();
    private final ServerTestSupport http = new ServerTestSupport(server.endpoint());
    private final Random random = new Random(20260101L);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void should_answer_thousands_of_random_requests_with_well_formed_json_and_never_a_5xx() throws Exception {
        for (int i = 0; i < 3000; i++) {
            String target = randomTarget();
            byte[] body = randomBody();

            HttpResponse<String> response = http.ecs(target, body);

            String context = "request " + i + " target=" + target + " body=" + new String(body, StandardCharsets.UTF_8);
            assertThat(response.statusCode()).as(context).isIn(200, 400, 413);
            assertThat(response.headers().firstValue("Content-Type")).as(context).hasValue("application/x-amz-json-1.1");
            JsonNode json = ServerTestSupport.MAPPER.readTree(response.body());
            assertThat(json.isObject()).as(context).isTrue();
            if (response.statusCode() != 200) {
                assertThat(json.path("__type").isTextual()).as(context).isTrue();
                assertThat(json.path("message").isTextual()).as(context).isTrue();
            }
        }

        // the server still serves
        assertThat(http.ecs(TARGET + "ListClusters", "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
    }

    private String randomTarget() {
        switch (random.nextInt(6)) {
            case 0:
                return null;
            case 1:
                return randomText(random.nextInt(30));
            case 2:
                return TARGET + randomText(random.nextInt(20));
            default:
                return TARGET + OPS.get(random.nextInt(OPS.size()));
        }
    }

    private byte[] randomBody() {
        switch (random.nextInt(7)) {
            case 0: {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1: {
                StringBuilder sb = new StringBuilder();
                int n = random.nextInt(20);
                for (int i = 0; i < n; i++) {
                    sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                }
                return utf8(sb.toString());
            }
            case 2: {
                int depth = random.nextInt(3000);
                return utf8("[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : 0));
            }
            case 3:
                return new byte[0];
            default:
                return utf8(randomObject(2));
        }
    }

    private String randomObject(int depth) {
        StringBuilder sb = new StringBuilder("{");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(MEMBERS.get(random.nextInt(MEMBERS.size()))).append("\":").append(randomValue(depth));
        }
        return sb.append('}').toString();
    }

    private String randomValue(int depth) {
        switch (random.nextInt(depth > 0 ? 8 : 5)) {
            case 0:
                return "\"" + randomName() + "\"";
            case 1:
                return Integer.toString(random.nextInt(2000) - 1000);
            case 2:
                return random.nextBoolean() ? "true" : "null";
            case 3:
                return Double.toString(random.nextDouble() * 1e12);
            case 4:
                return "\"" + randomText(5) + "\"";
            case 5:
                return "[" + randomValue(depth - 1) + "," + randomValue(depth - 1) + "]";
            default:
                return randomObject(depth - 1);
        }
    }

    /** Cluster-like names; never the stub's special names "boom" and "npe". */
    private String randomName() {
        return "c" + random.nextInt(1000);
    }

    private String randomText(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) (0x21 + random.nextInt(0x5d)));
        }
        return sb.toString().replace("\"", "'").replace("\\", "/");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
