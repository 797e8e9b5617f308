package dev.fakeecs.internal.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random, mistyped and malformed bodies against CloudWatch's CBOR and JSON 1.0 protocols (a recording double
 * behind them): no answer is a 5xx, every answer is one well-formed value in the request's format (an object; errors
 * with {@code __type}, {@code message} and {@code x-amzn-query-error}), and nothing escapes as an exception.
 */
class CloudWatchRpcFuzzTest {

    private static final long SEED = 20261203L;
    private static final int REQUESTS = 3000;
    private static final String[] OPERATIONS = {"PutMetricData", "DescribeAlarms", "GetMetricStatistics",
        "SetAlarmState", "PutMetricAlarm", "DeleteAlarms", "ListMetrics", "putMetricData", "Nope", ""};
    private static final String[] MEMBERS = {"Namespace", "MetricData", "MetricName", "Value", "Values", "Counts",
        "Timestamp", "Dimensions", "Name", "StatisticValues", "SampleCount", "Unit", "StorageResolution", "AlarmNames",
        "MaxRecords", "StateValue", "StateReason", "AlarmName", "StartTime", "EndTime", "Period", "Statistics",
        "Threshold", "ComparisonOperator", "EvaluationPeriods", "NextToken", "__type", ""};
    private static final CBORMapper CBOR = new CBORMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingCloudWatch engine = new RecordingCloudWatch();
    private final ProtocolRouter router = ProtocolRouter.builder()
            .service(SimulatedServices.cloudWatch(name -> name.equals("us-east-1") ? engine : null, "us-east-1"))
            .build();

    @Test
    void should_answer_random_cbor_and_json_bodies_well_formed_and_never_with_5xx() throws Exception {
        Random random = new Random(SEED);
        Set<String> types = new HashSet<>();
        int successes = 0;
        for (int i = 0; i < REQUESTS; i++) {
            boolean cbor = random.nextBoolean();
            String operation = OPERATIONS[random.nextInt(OPERATIONS.length)];
            byte[] body = body(random, cbor);
            ProtocolResponse response = router.handle(cbor
                    ? new ProtocolRequest("/service/GraniteServiceVersion20100801/operation/" + operation, null,
                            "application/cbor", null, body)
                    : new ProtocolRequest("GraniteServiceVersion20100801." + operation, "application/x-amz-json-1.0",
                            null, body));

            String what = "seed " + SEED + " request " + i + " " + operation;
            assertThat(response.statusCode()).as(what).isLessThan(500);
            assertThat(response.headers()).as(what).containsEntry("Content-Type",
                    cbor ? "application/cbor" : "application/x-amz-json-1.0");
            if (cbor) {
                assertThat(response.headers()).as(what).containsEntry("smithy-protocol", "rpc-v2-cbor");
            }
            JsonNode answer = (cbor ? CBOR : JSON).readTree(response.body());
            assertThat(answer.isObject()).as(what).isTrue();
            if (response.statusCode() == 200) {
                successes++;
            } else {
                String type = answer.get("__type").asText();
                assertThat(type).as(what).isNotEmpty();
                assertThat(answer.get("message").asText()).as(what).doesNotContain("java.", "dev.fakeecs.", "jackson");
                assertThat(response.headers().get("x-amzn-query-error")).as(what).matches("[A-Za-z]+;(Sender|Receiver)");
                types.add(type);
            }
        }
        assertThat(successes).isGreaterThan(50);
        assertThat(types).contains("SerializationException", "UnknownOperationException",
                "MissingRequiredParameterException", "InvalidParameterValueException", "UnsupportedOperation");
    }

    private static byte[] body(Random random, boolean cbor) throws Exception {
        int kind = random.nextInt(10);
        if (kind == 0) {
            byte[] junk = new byte[random.nextInt(40)];
            random.nextBytes(junk);
            return junk;
        }
        ObjectNode tree = object(random, 0);
        byte[] bytes = (cbor ? CBOR : JSON).writeValueAsBytes(tree);
        if (kind == 1 && bytes.length > 1) {
            byte[] cut = new byte[random.nextInt(bytes.length)];
            System.arraycopy(bytes, 0, cut, 0, cut.length);
            return cut;
        }
        if (kind == 2) {
            return (cbor ? CBOR : JSON).writeValueAsBytes(value(random, 2));
        }
        return bytes;
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            node.set(MEMBERS[random.nextInt(MEMBERS.length)], value(random, depth + 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (random.nextInt(depth > 3 ? 8 : 10)) {
            case 0: return f.textNode("App");
            case 1: return f.numberNode(random.nextInt(200) - 50);
            case 2: return f.numberNode(random.nextDouble() * 1e10);
            case 3: return f.booleanNode(random.nextBoolean());
            case 4: return f.nullNode();
            case 5: return f.textNode(new String[] {"OK", "ALARM", "PURPLE", "Percent", "2026-01-01T00:00:00Z", ""}[random.nextInt(6)]);
            case 6: return f.numberNode(Long.MAX_VALUE);
            case 7: return f.binaryNode(new byte[] {1, 2, 3});
            case 8: {
                ArrayNode array = f.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.add(random.nextBoolean() ? object(random, depth + 1) : value(random, depth + 1));
                }
                return array;
            }
            default: return object(random, depth + 1);
        }
    }
}
