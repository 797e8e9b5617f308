package dev.fakeecs.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.server.FakeEcsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LimitExceededException;
import software.amazon.awssdk.services.ecs.model.ServerException;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TargetNotFoundException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Errors reach the SDK as its typed exceptions with the ECS error code, HTTP status and a message
 * naming the field at fault; protocol-level errors over raw HTTP; a region outage as HTTP 503.
 */
class ErrorResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PopulatedEcs world;
    private static EcsClient client;
    private static FakeEcsServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void populate() {
        world = new PopulatedEcs();
        client = world.client;
        server = FakeEcsServer.start(world.ecs);
    }

    @AfterAll
    static void close() {
        world.close();
    }

    /** Asserts the SDK exception's code, status and message, and that the message has no SDK suffix duplicated. */
    private static <E extends AwsServiceException> E assertError(Class<E> type, Runnable call, String code,
                                                                 String messageStart) {
        E e = catchThrowableOfType(type, call::run);
        assertThat(e).as("a " + type.getSimpleName()).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith(messageStart).doesNotContain("(Service: ");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().serviceName()).isEqualTo("Ecs");
        assertThat(e.requestId()).isNotBlank();
        return e;
    }

    private static HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("Content-Type", EcsProtocolHandler.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknown_cluster_is_cluster_not_found() {
        assertError(ClusterNotFoundException.class, () -> client.listServices(b -> b.cluster("ghost")),
                "ClusterNotFoundException", "Cluster not found.");
        assertError(ClusterNotFoundException.class, () -> client.deleteCluster(b -> b.cluster("ghost")),
                "ClusterNotFoundException", "Cluster not found.");
        assertError(ClusterNotFoundException.class, () -> client.listTasks(b -> b.cluster(PopulatedEcs.PREFIX + "cluster/ghost")),
                "ClusterNotFoundException", "Cluster not found.");
    }

    @Test
    void unknown_service_is_service_not_found() {
        assertError(ServiceNotFoundException.class, () -> client.updateService(b -> b.cluster("prod").service("ghost")
                .desiredCount(1)), "ServiceNotFoundException", "Service not found.");
        assertError(ServiceNotFoundException.class, () -> client.deleteService(b -> b.cluster("prod").service("ghost")),
                "ServiceNotFoundException", "Service not found.");
    }

    @Test
    void a_deleted_service_is_not_active() {
        client.deleteService(b -> b.cluster("prod").service("svc-11"));

        assertError(ServiceNotActiveException.class, () -> client.updateService(b -> b.cluster("prod").service("svc-11")
                .desiredCount(1)), "ServiceNotActiveException", "Service was not ACTIVE.");
    }

    @Test
    void bad_parameters_are_invalid_parameter_naming_the_field() {
        assertError(InvalidParameterException.class, () -> client.updateService(b -> b.cluster("prod").service("web")
                .desiredCount(-1)), "InvalidParameterException", "desiredCount");
        assertError(InvalidParameterException.class, () -> client.listTasks(b -> b.cluster("prod").maxResults(0)),
                "InvalidParameterException", "maxResults");
        assertError(InvalidParameterException.class, () -> client.deleteService(b -> b.cluster("prod").service("web")),
                "InvalidParameterException", "The service cannot be stopped while it is scaled above 0.");
    }

    @Test
    void describe_batches_over_the_limit_are_invalid_parameter() {
        String[] eleven = IntStream.range(0, 11).mapToObj(i -> "svc-" + i).toArray(String[]::new);
        String[] clusters = IntStream.range(0, 101).mapToObj(i -> "c" + i).toArray(String[]::new);
        String[] ids = IntStream.range(0, 101).mapToObj(i -> String.format("%032x", i)).toArray(String[]::new);

        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> client.describeServices(b -> b.cluster("prod").services(eleven)))).as("11 services").isNotNull();
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> client.describeClusters(b -> b.clusters(clusters)))).as("101 clusters").isNotNull();
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> client.describeTasks(b -> b.cluster("prod").tasks(ids)))).as("101 tasks").isNotNull();
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> client.describeContainerInstances(b -> b.cluster("prod").containerInstances(ids))))
                .as("101 container instances").isNotNull();
    }

    @Test
    void describe_without_names_is_invalid_parameter() {
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> client.describeServices(b -> b.cluster("prod")))).as("no services").isNotNull();
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> client.describeTasks(b -> b.cluster("prod")))).as("no tasks").isNotNull();
    }

    @Test
    void an_unknown_task_definition_is_a_client_exception() {
        assertError(ClientException.class, () -> client.runTask(b -> b.cluster("prod").taskDefinition("ghost")
                .launchType(LaunchType.FARGATE).networkConfiguration(PopulatedEcs.NET)),
                "ClientException", "Unable to describe task definition.");
    }

    @Test
    void attributes_on_an_unknown_instance_are_target_not_found() {
        assertError(TargetNotFoundException.class, () -> client.putAttributes(b -> b.cluster("prod").attributes(
                Attribute.builder().name("stack").value("x").targetId("0123456789abcdef0123456789abcdef").build())),
                "TargetNotFoundException", "Could not find");
    }

    @Test
    void too_many_tags_is_limit_exceeded() {
        List<Tag> tags = IntStream.range(0, 51).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();

        assertError(LimitExceededException.class, () -> client.tagResource(b -> b.resourceArn(world.clusterArn("extra-2"))
                .tags(tags)), "LimitExceededException", "");
    }

    @Test
    void deleting_a_cluster_with_services_is_cluster_contains_services() {
        client.createService(b -> b.cluster("extra-3").serviceName("lonely").taskDefinition("web").desiredCount(0)
                .launchType(LaunchType.FARGATE).networkConfiguration(PopulatedEcs.NET));

        assertError(ClusterContainsServicesException.class, () -> client.deleteCluster(b -> b.cluster("extra-3")),
                "ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");
    }

    @Test
    void an_unknown_target_over_raw_http_is_unknown_operation_exception() throws Exception {
        HttpResponse<String> r = post(EcsProtocolHandler.TARGET_PREFIX + "LaunchRocket", "{}");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(body.get("message").asText()).contains("LaunchRocket");
        assertThat(r.headers().firstValue("Content-Type")).hasValue(EcsProtocolHandler.CONTENT_TYPE);
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();

        HttpResponse<String> foreign = post("AmazonEC2.DescribeInstances", "{}");
        assertThat(JSON.readTree(foreign.body()).get("__type").asText()).isEqualTo("UnknownOperationException");
        HttpResponse<String> none = post(null, "{}");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(none.body()).get("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void malformed_and_mistyped_bodies_over_raw_http_name_the_problem() throws Exception {
        HttpResponse<String> malformed = post(EcsProtocolHandler.TARGET_PREFIX + "ListClusters", "{\"maxResults\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("__type").asText()).isEqualTo("SerializationException");

        HttpResponse<String> mistyped = post(EcsProtocolHandler.TARGET_PREFIX + "ListClusters", "{\"maxResults\":\"ten\"}");
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(mistyped.body()).get("message").asText()).contains("maxResults");

        HttpResponse<String> missing = post(EcsProtocolHandler.TARGET_PREFIX + "CreateService", "{\"cluster\":\"prod\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("message").asText()).contains("serviceName");
    }

    @Test
    void a_region_outage_is_a_server_exception_with_http_503_over_the_loopback_server() throws Exception {
        try (EcsClient overHttp = EcsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(overHttp.listClusters().clusterArns()).isNotEmpty();
            FaultInjector.of(world.ecs).inject(FaultSpec.of(FaultType.REGION_OUTAGE).region("us-east-1")
                    .duration(Duration.ofMinutes(10)).build());

            ServerException e = catchThrowableOfType(ServerException.class, overHttp::listClusters);
            HttpResponse<String> raw = post(EcsProtocolHandler.TARGET_PREFIX + "ListClusters", "{}");

            assertThat(e).isNotNull();
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServerException");
            assertThat(raw.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(raw.body()).get("__type").asText()).isEqualTo("ServerException");
            world.ecs.clock().advance(Duration.ofMinutes(11));
            assertThat(overHttp.listClusters().clusterArns()).as("after the outage").isNotEmpty();
        }
    }
}
