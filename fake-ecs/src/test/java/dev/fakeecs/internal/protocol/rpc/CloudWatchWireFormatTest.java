package dev.fakeecs.internal.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

/** CloudWatch's three protocols byte by byte: headers, CBOR tags, JSON 1.0 shapes, Query XML, errors. */
class CloudWatchWireFormatTest {

    private static final String CBOR_PATH = "/service/GraniteServiceVersion20100801/operation/";
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/monitoring/aws4_request, "
            + "SignedHeaders=host, Signature=abc";
    private static final CBORMapper CBOR = new CBORMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingCloudWatch engine = new RecordingCloudWatch();
    private final ProtocolRouter router = ProtocolRouter.builder()
            .service(SimulatedServices.loadBalancing(name -> null, "us-east-1"))
            .service(SimulatedServices.cloudWatch(name -> name.equals("us-east-1") ? engine : null, "us-east-1"))
            .build();

    // ---- Smithy RPC v2 CBOR ----

    @Test
    void cbor_answers_in_cbor_echo_smithy_protocol_and_tag_timestamps_1() throws IOException {
        ProtocolResponse response = cbor("DescribeAlarms", CBOR.writeValueAsBytes(Map.of("AlarmNames", new String[] {"web-5xx"})));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/cbor")
                .containsEntry("smithy-protocol", "rpc-v2-cbor").containsKey("x-amzn-RequestId")
                .doesNotContainKey("x-amzn-query-error");
        JsonNode body = CBOR.readTree(response.body());
        assertThat(body.at("/MetricAlarms/0/AlarmName").asText()).isEqualTo("web-5xx");
        assertThat(body.at("/MetricAlarms/0/Threshold").isDouble()).isTrue();
        assertThat(body.at("/MetricAlarms/0/Period").isInt()).isTrue();
        assertThat(body.at("/NextToken").asText()).isEqualTo("page-2");
        assertThat(tagOf(response.body(), "StateUpdatedTimestamp")).isEqualTo(1);
        assertThat(body.at("/MetricAlarms/0/StateUpdatedTimestamp").doubleValue())
                .isEqualTo(RecordingCloudWatch.UPDATED.toEpochMilli() / 1000.0);
    }

    @Test
    void cbor_writes_whole_second_timestamps_as_tagged_integers() throws IOException {
        ProtocolResponse response = cbor("GetMetricStatistics", cborOf(g -> {
            g.writeStartObject();
            g.writeStringField("Namespace", "AWS/ECS");
            g.writeStringField("MetricName", "CPUUtilization");
            g.writeFieldName("StartTime");
            g.writeTag(1);
            g.writeNumber(1767312000L);
            g.writeFieldName("EndTime");
            g.writeTag(1);
            g.writeNumber(1767333600.5);
            g.writeNumberField("Period", 300);
            g.writeEndObject();
        }));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        GetMetricStatisticsRequest got = engine.last(GetMetricStatisticsRequest.class);
        assertThat(got.startTime()).isEqualTo(Instant.ofEpochSecond(1767312000L));
        assertThat(got.endTime()).isEqualTo(Instant.ofEpochSecond(1767333600L, 500_000_000));
        assertThat(tagOf(response.body(), "Timestamp")).isEqualTo(1);
        assertThat(CBOR.readTree(response.body()).at("/Datapoints/0/Timestamp").isIntegralNumber()).isTrue();
        assertThat(CBOR.readTree(response.body()).at("/Datapoints/0/Timestamp").longValue())
                .isEqualTo(RecordingCloudWatch.POINT.getEpochSecond());
    }

    @Test
    void cbor_maps_and_arrays_have_definite_lengths() throws IOException {
        ProtocolResponse response = cbor("DescribeAlarms", new byte[] {(byte) 0xA0});
        // a map of two members (MetricAlarms, NextToken), the first an array of one
        assertThat(response.body()[0]).isEqualTo((byte) 0xA2);
        assertThat(response.body()).doesNotContain((byte) 0xBF, (byte) 0x9F);
    }

    @Test
    void cbor_empty_output_is_an_empty_map() throws IOException {
        ProtocolResponse response = cbor("PutMetricData", CBOR.writeValueAsBytes(Map.of("Namespace", "App",
                "MetricData", new Object[] {Map.of("MetricName", "Latency", "Value", 1.5)})));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsExactly(0xA0 - 256);
        assertThat(engine.last(PutMetricDataRequest.class).metricData().get(0).value()).isEqualTo(1.5);
    }

    @Test
    void cbor_error_carries_type_message_and_query_error_header() throws IOException {
        ProtocolResponse response = cbor("SetAlarmState", CBOR.writeValueAsBytes(Map.of("AlarmName", "nope",
                "StateValue", "OK", "StateReason", "x")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("Content-Type", "application/cbor")
                .containsEntry("smithy-protocol", "rpc-v2-cbor")
                .containsEntry("x-amzn-query-error", "ResourceNotFound;Sender");
        JsonNode body = CBOR.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(body.get("message").asText()).isEqualTo("Alarm nope not found");
    }

    @Test
    void cbor_missing_and_invalid_members_are_missing_parameter_and_invalid_parameter_value() throws IOException {
        ProtocolResponse missing = cbor("SetAlarmState", CBOR.writeValueAsBytes(Map.of("AlarmName", "web-5xx")));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers()).containsEntry("x-amzn-query-error", "MissingParameter;Sender");
        assertThat(CBOR.readTree(missing.body()).get("__type").asText()).isEqualTo("MissingRequiredParameterException");

        ProtocolResponse invalid = cbor("SetAlarmState", CBOR.writeValueAsBytes(Map.of("AlarmName", "web-5xx",
                "StateValue", "PURPLE", "StateReason", "x")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers()).containsEntry("x-amzn-query-error", "InvalidParameterValue;Sender");
        assertThat(CBOR.readTree(invalid.body()).get("__type").asText()).isEqualTo("InvalidParameterValueException");
        assertThat(CBOR.readTree(invalid.body()).get("message").asText()).contains("'StateValue'").contains("PURPLE");
    }

    @Test
    void cbor_unknown_operation_and_malformed_body() throws IOException {
        ProtocolResponse unknown = cbor("Frobnicate", new byte[] {(byte) 0xA0});
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers()).containsEntry("smithy-protocol", "rpc-v2-cbor");
        assertThat(CBOR.readTree(unknown.body()).get("__type").asText()).isEqualTo("UnknownOperationException");

        ProtocolResponse malformed = cbor("DescribeAlarms", new byte[] {(byte) 0xBF, 0x61});
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers()).containsEntry("smithy-protocol", "rpc-v2-cbor")
                .containsEntry("x-amzn-query-error", "SerializationException;Sender");
        assertThat(CBOR.readTree(malformed.body()).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void an_unsigned_cbor_request_is_routed_by_its_path() throws IOException {
        ProtocolResponse response = router.handle(new ProtocolRequest(CBOR_PATH + "DescribeAlarms", null,
                "application/cbor", null, new byte[] {(byte) 0xA0}));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("smithy-protocol", "rpc-v2-cbor");
    }

    @Test
    void a_path_no_service_serves_is_404() {
        ProtocolResponse response = router.handle(new ProtocolRequest("/service/Nope/operation/X", null,
                "application/cbor", null, new byte[0]));
        assertThat(response.statusCode()).isEqualTo(404);
        ProtocolResponse signedElsewhere = router.handle(new ProtocolRequest("/service/Nope/operation/X", null,
                "application/cbor", AUTH.replace("monitoring", "elasticloadbalancing"), new byte[0]));
        assertThat(signedElsewhere.statusCode()).isEqualTo(404);
    }

    @Test
    void an_oversized_body_is_answered_413_in_the_protocol_of_its_path_and_headers() throws IOException {
        ProtocolResponse cbor = router.tooLarge(2_000_000, CBOR_PATH + "PutMetricData", null, "application/cbor", AUTH);
        ProtocolResponse json = router.tooLarge(2_000_000, "/", "GraniteServiceVersion20100801.PutMetricData",
                "application/x-amz-json-1.0", AUTH);
        ProtocolResponse query = router.tooLarge(2_000_000, "/", null, "application/x-www-form-urlencoded", AUTH);

        assertThat(cbor.statusCode()).isEqualTo(413);
        assertThat(cbor.headers()).containsEntry("smithy-protocol", "rpc-v2-cbor");
        assertThat(CBOR.readTree(cbor.body()).get("message").asText())
                .isEqualTo("2000000 bytes exceeds the request size limit of 1048576 bytes");
        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(json.headers()).containsEntry("Content-Type", "application/x-amz-json-1.0");
        assertThat(query.statusCode()).isEqualTo(413);
        assertThat(query.headers()).containsEntry("Content-Type", "text/xml");
    }

    @Test
    void a_malformed_json_body_is_named_with_its_position() throws IOException {
        ProtocolResponse response = json("DescribeAlarms", "{\"AlarmNames\": [}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").asText()).startsWith("Malformed JSON: ")
                .endsWith("(line 1, column 17)");
    }

    // ---- AWS JSON 1.0 ----

    @Test
    void json_answers_json_1_0_with_epoch_second_timestamps() throws IOException {
        ProtocolResponse response = json("DescribeAlarms", "{\"AlarmNames\":[\"web-5xx\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.0")
                .doesNotContainKey("smithy-protocol");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/MetricAlarms/0/StateUpdatedTimestamp").decimalValue())
                .isEqualByComparingTo("1767323045.678");
        assertThat(body.at("/MetricAlarms/0/Dimensions/0/Name").asText()).isEqualTo("TargetGroup");
        assertThat(engine.last(software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest.class).alarmNames())
                .containsExactly("web-5xx");
    }

    @Test
    void json_errors_are_type_and_message_with_the_query_error_header() throws IOException {
        ProtocolResponse response = json("SetAlarmState", "{\"AlarmName\":\"web-5xx\",\"StateValue\":\"OK\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.0")
                .containsEntry("x-amzn-query-error", "MissingParameter;Sender");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("MissingRequiredParameterException");
        assertThat(body.get("message").asText()).isEqualTo(
                "1 validation error detected: Value null at 'StateReason' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void json_unknown_target_and_wrong_member_type() throws IOException {
        ProtocolResponse unknown = json("Frobnicate", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("__type").asText()).isEqualTo("UnknownOperationException");

        ProtocolResponse wrongType = json("DescribeAlarms", "{\"MaxRecords\":\"ten\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongType.body()).get("__type").asText()).isEqualTo("SerializationException");
        assertThat(JSON.readTree(wrongType.body()).get("message").asText()).contains("MaxRecords");
    }

    // ---- AWS Query ----

    @Test
    void query_answers_xml_in_the_monitoring_namespace() {
        ProtocolResponse response = router.handle(new ProtocolRequest(null, "application/x-www-form-urlencoded", null,
                "Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=web-5xx".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "text/xml");
        assertThat(response.bodyAsString())
                .contains("<DescribeAlarmsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">")
                .contains("<AlarmName>web-5xx</AlarmName>")
                .contains("<StateUpdatedTimestamp>2026-01-02T03:04:05.678Z</StateUpdatedTimestamp>");
    }

    @Test
    void query_missing_required_member_is_missing_parameter() {
        ProtocolResponse response = router.handle(new ProtocolRequest(null, "application/x-www-form-urlencoded", AUTH,
                "Action=SetAlarmState&Version=2010-08-01&AlarmName=web-5xx&StateValue=OK".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsString()).contains("<Code>MissingParameter</Code>")
                .contains("Value null at 'stateReason' failed to satisfy constraint: Member must not be null");
    }

    private ProtocolResponse cbor(String operation, byte[] body) {
        return router.handle(new ProtocolRequest(CBOR_PATH + operation, null, "application/cbor", AUTH, body));
    }

    private ProtocolResponse json(String operation, String body) {
        return router.handle(new ProtocolRequest("GraniteServiceVersion20100801." + operation,
                "application/x-amz-json-1.0", AUTH, body.getBytes(StandardCharsets.UTF_8)));
    }

    interface Writer {
        void write(CBORGenerator g) throws IOException;
    }

    private static byte[] cborOf(Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
            writer.write(g);
        }
        return out.toByteArray();
    }

    /** The CBOR tag on the value of the first member named {@code field} (-1: untagged, 0: absent). */
    private static int tagOf(byte[] cbor, String field) throws IOException {
        Map<String, Integer> tags = new HashMap<>();
        try (CBORParser p = new CBORFactory().createParser(cbor)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals(field)) {
                    p.nextToken();
                    return p.getCurrentTag();
                }
            }
        }
        return tags.getOrDefault(field, 0);
    }
}
