package dev.fakeecs.internal.protocol;

import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.FakeEcs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

class ModelConstraintsTest {

    private static final String TARGET = "AmazonEC2ContainerServiceV20141113.";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FakeEcs ecs = FakeEcs.builder().seed(1).build();
    private final ProtocolRouter router = SimulatedServices.router(ecs::region, "us-east-1");

    @AfterEach
    void close() {
        ecs.close();
    }

    private JsonNode call(int status, String op, String body) throws Exception {
        ProtocolResponse response = router.handle(new ProtocolRequest(TARGET + op, EcsProtocolHandler.CONTENT_TYPE,
                null, body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        return MAPPER.readTree(response.body());
    }

    @Test
    void should_refuse_an_unknown_launch_type_on_the_wire_naming_the_member_and_the_valid_values() throws Exception {
        // when
        JsonNode error = call(400, "RunTask", "{\"taskDefinition\":\"web\",\"launchType\":\"BOGUS\"}");

        // then
        assertThat(error.get("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(error.get("message").asText()).startsWith("1 validation error detected: Value 'BOGUS' at 'launchType' "
                + "failed to satisfy constraint: Member must satisfy enum value set: [EC2, FARGATE, EXTERNAL");
    }

    @Test
    void should_treat_enum_values_as_case_sensitive() throws Exception {
        // when
        JsonNode error = call(400, "RunTask", "{\"taskDefinition\":\"web\",\"launchType\":\"Fargate\"}");

        // then
        assertThat(error.get("message").asText()).contains("Value 'Fargate' at 'launchType'");
    }

    @Test
    void should_refuse_an_unknown_launch_type_of_a_service() throws Exception {
        // when
        JsonNode error = call(400, "CreateService", "{\"serviceName\":\"s\",\"taskDefinition\":\"web\",\"launchType\":\"SOMETHING\"}");

        // then
        assertThat(error.get("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(error.get("message").asText()).contains("Value 'SOMETHING' at 'launchType'");
    }

    @Test
    void should_check_enums_inside_lists_and_nested_structures_and_count_every_violation() throws Exception {
        // when
        JsonNode error = call(400, "RunTask", "{\"taskDefinition\":\"web\",\"placementStrategy\":[{\"type\":\"spread\"},"
                + "{\"type\":\"scatter\"}],\"placementConstraints\":[{\"type\":\"distinctinstance\"}]}");

        // then
        assertThat(error.get("message").asText())
                .startsWith("2 validation errors detected: ")
                .contains("Value 'scatter' at 'placementStrategy[1].type'")
                .contains("Value 'distinctinstance' at 'placementConstraints[0].type'");
    }

    @Test
    void should_refuse_strategy_weights_and_bases_out_of_the_documented_ranges() throws Exception {
        // when
        JsonNode error = call(400, "RunTask", "{\"taskDefinition\":\"web\",\"capacityProviderStrategy\":"
                + "[{\"capacityProvider\":\"FARGATE\",\"weight\":-1,\"base\":100001}]}");

        // then
        assertThat(error.get("message").asText())
                .contains("Value '100001' at 'capacityProviderStrategy[0].base' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 100000")
                .contains("Value '-1' at 'capacityProviderStrategy[0].weight' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 0");
    }

    @Test
    void should_refuse_negative_container_overrides() throws Exception {
        // when
        JsonNode error = call(400, "RunTask", "{\"taskDefinition\":\"web\",\"overrides\":{\"containerOverrides\":"
                + "[{\"name\":\"app\",\"cpu\":-5,\"memory\":-1}]}}");

        // then
        assertThat(error.get("message").asText()).startsWith("2 validation errors detected: ")
                .contains("at 'overrides.containerOverrides[0].cpu'")
                .contains("at 'overrides.containerOverrides[0].memory'");
    }

    @Test
    void should_refuse_a_negative_task_override_but_leave_units_to_the_engine() throws Exception {
        // when
        JsonNode error = call(400, "RunTask", "{\"taskDefinition\":\"web\",\"overrides\":{\"cpu\":\"-256\",\"memory\":\"2 GB\"}}");

        // then
        assertThat(error.get("message").asText()).isEqualTo("1 validation error detected: Value '-256' at 'overrides.cpu' "
                + "failed to satisfy constraint: Member must have value greater than or equal to 0");
    }

    @Test
    void should_apply_the_same_checks_to_the_in_process_api() {
        // when / then
        assertThatThrownBy(() -> ecs.api().runTask(RunTaskRequest.builder().taskDefinition("web").launchType("BOGUS").build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Value 'BOGUS' at 'launchType'");
        assertThatThrownBy(() -> ecs.api().runTask(RunTaskRequest.builder().taskDefinition("web")
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").base(-1).build())
                .overrides(TaskOverride.builder().containerOverrides(ContainerOverride.builder().name("a").memory(-1).build()).build())
                .build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("2 validation errors detected");
    }

    @Test
    void should_answer_an_overflowing_timestamp_with_a_serialization_exception_naming_the_member() throws Exception {
        // when
        JsonNode error = call(400, "SubmitTaskStateChange", "{\"cluster\":\"c\",\"pullStartedAt\":1e400}");

        // then
        assertThat(error.get("__type").asText()).isEqualTo("SerializationException");
        assertThat(error.get("message").asText()).isEqualTo("NUMBER_VALUE is out of range for a Timestamp at 'pullStartedAt'");
    }

    @Test
    void should_answer_an_error_the_operation_does_not_declare_as_one_it_does() throws Exception {
        // when: DiscoverPollEndpoint declares no ClusterNotFoundException
        JsonNode error = call(400, "DiscoverPollEndpoint", "{\"cluster\":\"nowhere\"}");

        // then
        assertThat(error.get("__type").asText()).isEqualTo("ClientException");
        assertThatThrownBy(() -> ecs.api().discoverPollEndpoint(r -> r.cluster("nowhere")))
                .isInstanceOf(ClientException.class);
        assertThat(DeclaredErrors.typeFor("DiscoverPollEndpoint", "ClusterNotFoundException", 400)).isEqualTo("ClientException");
        assertThat(DeclaredErrors.typeFor("RunTask", "ClusterNotFoundException", 400)).isEqualTo("ClusterNotFoundException");
        assertThat(DeclaredErrors.typeFor("RunTask", "ThrottlingException", 400)).isEqualTo("ThrottlingException");
    }

    @Test
    void should_not_quote_parser_internals_in_malformed_json_messages() throws Exception {
        // when
        JsonNode trailing = call(400, "ListClusters", "{} []");
        JsonNode deep = call(400, "ListClusters", "[".repeat(3000) + "]".repeat(3000));

        // then
        assertThat(trailing.get("message").asText()).doesNotContain("DeserializationFeature").contains("after the end");
        assertThat(deep.get("message").asText()).doesNotContain("StreamReadConstraints").contains("too deeply");
    }
}
