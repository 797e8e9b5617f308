package dev.fakeecs.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;

class EcsProtocolHandlerTest {

    private static final String JSON = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final StubEcs east = new StubEcs("us-east-1");
    private final StubEcs west = new StubEcs("eu-west-1");
    private final EcsProtocolHandler handler = EcsProtocolHandler.builder()
            .regions(Map.of("us-east-1", east, "eu-west-1", west)::get)
            .defaultRegion("us-east-1")
            .build();

    private ProtocolResponse call(String op, String body) {
        return handler.handle("AmazonEC2ContainerServiceV20141113." + op, JSON, null,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(ProtocolResponse response) throws Exception {
        assertThat(response.headers()).containsEntry("Content-Type", JSON).containsKey("x-amzn-RequestId");
        return MAPPER.readTree(response.body());
    }

    @Test
    void should_call_the_engine_and_encode_its_answer() throws Exception {
        // when
        ProtocolResponse response = call("CreateCluster", "{\"clusterName\":\"prod\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.at("/cluster/clusterName").asText()).isEqualTo("prod");
        assertThat(body.at("/cluster/clusterArn").asText()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        assertThat(body.at("/cluster/tags/0/key").asText()).isEqualTo("k");
        assertThat(east.lastCreate.clusterName()).isEqualTo("prod");
    }

    @Test
    void should_accept_an_empty_body_as_an_empty_request() throws Exception {
        // when
        ProtocolResponse response = call("ListClusters", "");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).toString()).isEqualTo("{\"clusterArns\":[]}");
    }

    @Test
    void should_route_to_the_region_of_the_sigv4_credential_scope() throws Exception {
        // given
        String authorization = "AWS4-HMAC-SHA256 Credential=fake/20260101/eu-west-1/ecs/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc";

        // when
        ProtocolResponse response = handler.handle("AmazonEC2ContainerServiceV20141113.CreateCluster", JSON,
                authorization, "{\"clusterName\":\"eu\"}".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(json(response).at("/cluster/clusterArn").asText()).startsWith("arn:aws:ecs:eu-west-1:");
        assertThat(west.clusters).hasSize(1);
        assertThat(east.clusters).isEmpty();
    }

    @Test
    void should_answer_an_unknown_region_with_a_clear_client_error() throws Exception {
        // when
        ProtocolResponse response = handler.handle("AmazonEC2ContainerServiceV20141113.ListClusters", JSON,
                "AWS4-HMAC-SHA256 Credential=fake/20260101/ap-south-7/ecs/aws4_request", new byte[0]);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).contains("ap-south-7");
    }

    @Test
    void should_answer_malformed_json_with_a_serialization_exception() throws Exception {
        // when
        ProtocolResponse response = call("CreateCluster", "{\"clusterName\": ");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void should_answer_trailing_garbage_with_a_serialization_exception() throws Exception {
        assertThat(json(call("CreateCluster", "{} {}")).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void should_answer_an_unknown_target_with_unknown_operation_exception() throws Exception {
        // when
        ProtocolResponse unknownOp = call("LaunchRockets", "{}");
        ProtocolResponse otherService = handler.handle("DynamoDB_20120810.ListTables", JSON, null, new byte[0]);
        ProtocolResponse noTarget = handler.handle(null, JSON, null, new byte[0]);

        // then
        for (ProtocolResponse response : new ProtocolResponse[] {unknownOp, otherService, noTarget}) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("__type").asText()).isEqualTo("UnknownOperationException");
        }
        assertThat(json(unknownOp).get("message").asText()).contains("LaunchRockets");
    }

    @Test
    void should_name_the_member_of_the_wrong_type() throws Exception {
        // when
        ProtocolResponse response = call("CreateCluster", "{\"clusterName\":[\"a\"]}");

        // then
        JsonNode body = json(response);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body.get("__type").asText()).isEqualTo("SerializationException");
        assertThat(body.get("message").asText()).contains("'clusterName'");
    }

    @Test
    void should_name_the_missing_required_member() throws Exception {
        // when
        ProtocolResponse response = call("DeleteCluster", "{}");

        // then
        JsonNode body = json(response);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body.get("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(body.get("message").asText()).contains("'cluster'");
    }

    @Test
    void should_pass_on_the_engine_exception_type_message_and_status() throws Exception {
        // when
        ProtocolResponse response = call("DeleteCluster", "{\"cluster\":\"nope\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).toString())
                .isEqualTo("{\"__type\":\"ClusterNotFoundException\",\"message\":\"Cluster not found.\"}");
    }

    @Test
    void should_answer_a_server_exception_with_its_5xx_status() throws Exception {
        // given
        call("CreateCluster", "{\"clusterName\":\"boom\"}");

        // when
        ProtocolResponse response = call("ListClusters", "{}");

        // then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("__type").asText()).isEqualTo("ServerException");
        assertThat(json(response).get("message").asText()).isEqualTo("Service unavailable in region us-east-1");
    }

    @Test
    void should_answer_a_server_exception_without_status_as_500() throws Exception {
        // given
        EcsProtocolHandler failing = EcsProtocolHandler.forClient(new StubEcs("us-east-1") {
            @Override
            public software.amazon.awssdk.services.ecs.model.ListClustersResponse listClusters(
                    software.amazon.awssdk.services.ecs.model.ListClustersRequest request) {
                throw software.amazon.awssdk.services.ecs.model.ServerException.builder().message("oops").build();
            }
        });

        // when
        ProtocolResponse response = failing.handle("AmazonEC2ContainerServiceV20141113.ListClusters", JSON, null,
                new byte[0]);

        // then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).get("__type").asText()).isEqualTo("ServerException");
        assertThat(json(response).get("message").asText()).isEqualTo("oops");
    }

    @Test
    void should_carry_the_modeled_members_of_an_engine_exception() throws Exception {
        // given
        EcsProtocolHandler conflicting = EcsProtocolHandler.forClient(new StubEcs("us-east-1") {
            @Override
            public RunTaskResponse runTask(RunTaskRequest request) {
                throw ConflictException.builder().message("clientToken reused").resourceIds("t-1").build();
            }
        });

        // when
        ProtocolResponse response = conflicting.handle("AmazonEC2ContainerServiceV20141113.RunTask", JSON, null,
                "{\"taskDefinition\":\"web\"}".getBytes(StandardCharsets.UTF_8));

        // then
        JsonNode body = json(response);
        assertThat(body.get("__type").asText()).isEqualTo("ConflictException");
        assertThat(body.get("message").asText()).isEqualTo("clientToken reused");
        assertThat(body.get("resourceIds").get(0).asText()).isEqualTo("t-1");
    }

    @Test
    void should_name_an_operation_the_engine_does_not_support() throws Exception {
        // when
        ProtocolResponse response = call("CreateService", "{\"serviceName\":\"web\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).toString()).isEqualTo("{\"__type\":\"UnsupportedOperation\","
                + "\"message\":\"fake-ecs does not support the operation CreateService yet\"}");
    }

    @Test
    void should_hide_an_engine_bug_behind_an_internal_server_exception() throws Exception {
        // when
        ProtocolResponse response = call("DescribeClusters", "{\"clusters\":[\"npe\"]}");

        // then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).toString()).isEqualTo(
                "{\"__type\":\"ServerException\",\"message\":\"Internal error while handling the request\"}");
    }

    @Test
    void should_refuse_a_body_over_the_limit_with_413() throws Exception {
        // given
        EcsProtocolHandler small = EcsProtocolHandler.builder().client(east).maxBodyBytes(16).build();

        // when
        ProtocolResponse response = small.handle("AmazonEC2ContainerServiceV20141113.CreateCluster", JSON, null,
                "{\"clusterName\":\"a-rather-long-name\"}".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("__type").asText()).isEqualTo("RequestEntityTooLargeException");
    }

    @Test
    void should_number_request_ids_deterministically() {
        // when
        String first = call("ListClusters", "{}").headers().get("x-amzn-RequestId");
        String second = call("ListClusters", "{}").headers().get("x-amzn-RequestId");

        // then
        assertThat(first).isEqualTo("00000000-0000-4000-8000-000000000001");
        assertThat(second).isEqualTo("00000000-0000-4000-8000-000000000002");
    }

    @Test
    void should_know_every_operation_of_the_sdk_model() {
        assertThat(EcsOperation.all()).containsKeys("CreateCluster", "RunTask", "DescribeServices",
                "ListTagsForResource", "SubmitAttachmentStateChanges", "ExecuteCommand");
        assertThat(EcsOperation.all()).doesNotContainKey("ListClustersPaginator");
        assertThat(EcsOperation.named("CreateCluster").requestClass()).isEqualTo(CreateClusterRequest.class);
        assertThat(CreateClusterResponse.class).isNotNull();
    }

    @Test
    void should_read_the_region_from_a_sigv4_authorization_header() {
        assertThat(SigV4Scope.regionOf("AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-2/ecs/aws4_request,"
                + " SignedHeaders=host, Signature=x")).isEqualTo("us-east-2");
        assertThat(SigV4Scope.regionOf("Bearer token")).isNull();
        assertThat(SigV4Scope.regionOf("AWS4-HMAC-SHA256 Credential=AKID/x")).isNull();
        assertThat(SigV4Scope.regionOf(null)).isNull();
    }
}
