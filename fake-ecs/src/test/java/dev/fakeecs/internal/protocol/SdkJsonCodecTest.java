package dev.fakeecs.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;
import software.amazon.awssdk.services.ecs.model.ConflictException;

class SdkJsonCodecTest {

    private final SdkJsonCodec codec = SdkJsonCodec.instance();
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    @Test
    void should_round_trip_a_task_definition_with_containers_ports_health_checks_and_log_options() {
        // given
        RegisterTaskDefinitionRequest request = RegisterTaskDefinitionRequest.builder()
                .family("web")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512")
                .tags(Tag.builder().key("team").value("payments").build())
                .containerDefinitions(ContainerDefinition.builder()
                        .name("app").image("nginx:1.27").essential(true).memoryReservation(128)
                        .portMappings(PortMapping.builder().containerPort(80).hostPort(80)
                                .protocol(TransportProtocol.TCP).build())
                        .healthCheck(HealthCheck.builder()
                                .command("CMD-SHELL", "curl -f http://localhost/ || exit 1")
                                .interval(30).retries(3).startPeriod(10).timeout(5).build())
                        .logConfiguration(LogConfiguration.builder().logDriver(LogDriver.AWSLOGS)
                                .options(Map.of("awslogs-group", "/ecs/web")).build())
                        .build())
                .build();

        // when
        ObjectNode json = codec.encode(request);
        RegisterTaskDefinitionRequest back = codec.decode(json, RegisterTaskDefinitionRequest.class);

        // then
        assertThat(back).isEqualTo(request);
        assertThat(json.get("networkMode").asText()).isEqualTo("awsvpc");
        assertThat(json.at("/containerDefinitions/0/portMappings/0/containerPort").intValue()).isEqualTo(80);
        assertThat(json.at("/containerDefinitions/0/healthCheck/command/1").asText()).startsWith("curl");
        assertThat(json.at("/containerDefinitions/0/logConfiguration/options/awslogs-group").asText())
                .isEqualTo("/ecs/web");
    }

    @Test
    void should_omit_nulls_and_untouched_lists_but_keep_explicitly_empty_lists() {
        // given
        CreateClusterRequest untouched = CreateClusterRequest.builder().clusterName("a").build();
        CreateClusterRequest emptyTags = CreateClusterRequest.builder().clusterName("a").tags(java.util.List.of()).build();

        // when / then
        assertThat(codec.encode(untouched).toString()).isEqualTo("{\"clusterName\":\"a\"}");
        assertThat(codec.encode(emptyTags).toString()).isEqualTo("{\"clusterName\":\"a\",\"tags\":[]}");
    }

    @Test
    void should_write_timestamps_as_epoch_seconds_with_fractional_millis() throws Exception {
        // given
        Instant createdAt = Instant.parse("2026-01-01T00:00:00.123Z");
        Instant startedAt = Instant.parse("2026-01-01T00:01:00Z");
        DescribeTasksResponse response = DescribeTasksResponse.builder()
                .tasks(Task.builder().taskArn("arn:aws:ecs:us-east-1:123456789012:task/c/abc")
                        .createdAt(createdAt).startedAt(startedAt).launchType(LaunchType.FARGATE)
                        .containers(Container.builder().name("app").exitCode(137).build())
                        .build())
                .build();

        // when
        ObjectNode json = codec.encode(response);
        String text = mapper.writeValueAsString(json);
        DescribeTasksResponse back = codec.decode(mapper.readTree(text), DescribeTasksResponse.class);

        // then
        assertThat(text).contains("\"createdAt\":1767225600.123").contains("\"startedAt\":1767225660");
        assertThat(back).isEqualTo(response);
        assertThat(back.tasks().get(0).createdAt()).isEqualTo(createdAt);
    }

    @Test
    void should_read_timestamps_written_as_doubles_by_other_clients() throws Exception {
        // when
        Task task = codec.decode(json("{\"createdAt\":1.767225600123E9}"), Task.class);

        // then
        assertThat(task.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
    }

    @Test
    void should_keep_enum_values_this_sdk_version_does_not_know() throws Exception {
        // when
        Task task = codec.decode(json("{\"launchType\":\"QUANTUM\"}"), Task.class);

        // then
        assertThat(task.launchType()).isEqualTo(LaunchType.UNKNOWN_TO_SDK_VERSION);
        assertThat(codec.encode(task).get("launchType").asText()).isEqualTo("QUANTUM");
    }

    @Test
    void should_round_trip_enum_lists_such_as_include_options() throws Exception {
        // when
        DescribeClustersRequest request = codec.decode(
                json("{\"clusters\":[\"a\"],\"include\":[\"TAGS\",\"SETTINGS\"]}"), DescribeClustersRequest.class);

        // then
        assertThat(request.includeAsStrings()).containsExactly("TAGS", "SETTINGS");
        assertThat(codec.encode(request).toString())
                .isEqualTo("{\"clusters\":[\"a\"],\"include\":[\"TAGS\",\"SETTINGS\"]}");
    }

    @Test
    void should_encode_blobs_as_base64() {
        // given
        SdkBytes bytes = SdkBytes.fromUtf8String("hello");

        // when
        String encoded = ScalarType.BYTES.encode(bytes, codec.nodeFactory()).asText();

        // then
        assertThat(encoded).isEqualTo("aGVsbG8=");
        assertThat(ScalarType.BYTES.decode(codec.nodeFactory().textNode(encoded))).isEqualTo(bytes);
    }

    @Test
    void should_ignore_unknown_members_and_json_nulls() throws Exception {
        // when
        CreateClusterRequest request = codec.decode(
                json("{\"clusterName\":\"a\",\"somethingNew\":{\"x\":1},\"tags\":null}"), CreateClusterRequest.class);

        // then
        assertThat(request.clusterName()).isEqualTo("a");
        assertThat(request.hasTags()).isFalse();
    }

    @Test
    void should_name_the_member_when_a_value_has_the_wrong_json_type() {
        assertThatThrownBy(() -> codec.decode(json("{\"clusterName\":{\"a\":1}}"), CreateClusterRequest.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("SerializationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage())
                            .isEqualTo("Start of structure or map found where not expected (expected a String) at 'clusterName'");
                });
    }

    @Test
    void should_name_the_nested_member_path_when_a_deep_value_has_the_wrong_type() {
        String body = "{\"family\":\"f\",\"containerDefinitions\":[{\"name\":\"a\"},"
                + "{\"name\":\"b\",\"portMappings\":[{\"containerPort\":\"eighty\"}]}]}";
        assertThatThrownBy(() -> codec.decode(json(body), RegisterTaskDefinitionRequest.class))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("STRING_VALUE can not be converted to an Integer at 'containerDefinitions[1].portMappings[0].containerPort'");
    }

    @Test
    void should_reject_fractional_and_out_of_range_integers() {
        assertThatThrownBy(() -> codec.decode(json("{\"memoryReservation\":1.5}"), ContainerDefinition.class))
                .hasMessageContaining("NUMBER_VALUE can not be converted to an Integer at 'memoryReservation'");
        assertThatThrownBy(() -> codec.decode(json("{\"memoryReservation\":99999999999}"), ContainerDefinition.class))
                .hasMessageContaining("'memoryReservation'");
    }

    @Test
    void should_name_a_missing_required_member() {
        assertThatThrownBy(() -> codec.decode(json("{\"containerDefinitions\":[]}"), RegisterTaskDefinitionRequest.class))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("InvalidParameterException");
                    assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value null at 'family' "
                            + "failed to satisfy constraint: Member must not be null");
                });
    }

    @Test
    void should_name_a_missing_required_member_of_a_nested_shape() {
        assertThatThrownBy(() -> codec.decode(json("{\"attributes\":[{\"value\":\"v\"}]}"),
                software.amazon.awssdk.services.ecs.model.PutAttributesRequest.class))
                .hasMessageContaining("Value null at 'attributes[0].name'");
    }

    @Test
    void should_reject_a_body_that_is_not_a_json_object() {
        assertThatThrownBy(() -> codec.decode(json("[1,2]"), CreateClusterRequest.class))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("START_ARRAY");
    }

    @Test
    void should_encode_the_modeled_members_of_an_exception() {
        // given
        ConflictException conflict = ConflictException.builder().message("m").resourceIds("r1").build();

        // when / then
        assertThat(codec.encodeModeled(conflict).get("resourceIds").get(0).asText()).isEqualTo("r1");
    }

    @Test
    void should_know_a_class_for_every_shape_with_required_members() {
        assertThat(RequiredMembers.all()).isNotEmpty();
        RequiredMembers.all().keySet().forEach(shape -> assertThat(classExists(shape)).as(shape).isTrue());
    }

    private static boolean classExists(String shape) {
        try {
            Class.forName("software.amazon.awssdk.services.ecs.model." + shape);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
