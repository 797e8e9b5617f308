package dev.fakeecs.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.protocol.EcsProtocolHandler;
import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import dev.fakeecs.server.FakeEcsServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;

/**
 * Elastic Load Balancing v2 beside ECS on one router and one port: Query form posts reach the load balancing
 * handler (by SigV4 signing name, or unsigned by their Version field) and are answered in XML, while ECS JSON
 * requests are routed exactly as before.
 */
class LoadBalancingQueryWireTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private final FakeEcs ecs = FakeEcs.create();
    private final ProtocolRouter router = SimulatedServices.router(ecs::region, "us-east-1");

    @AfterEach
    void close() {
        ecs.close();
    }

    @Test
    void should_still_route_ecs_json_requests_to_ecs() {
        ProtocolResponse signed = router.handle(new ProtocolRequest(EcsProtocolHandler.TARGET_PREFIX + "CreateCluster",
                EcsProtocolHandler.CONTENT_TYPE, "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ecs/aws4_request, X=y",
                "{\"clusterName\":\"prod\"}".getBytes(StandardCharsets.UTF_8)));
        ProtocolResponse unsigned = router.handle(new ProtocolRequest(EcsProtocolHandler.TARGET_PREFIX + "ListClusters",
                EcsProtocolHandler.CONTENT_TYPE, null, "{}".getBytes(StandardCharsets.UTF_8)));
        ProtocolResponse noTarget = router.handle(new ProtocolRequest(null, EcsProtocolHandler.CONTENT_TYPE, null,
                "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.headers()).containsEntry("Content-Type", EcsProtocolHandler.CONTENT_TYPE);
        assertThat(signed.bodyAsString()).contains("\"clusterName\":\"prod\"");
        assertThat(unsigned.bodyAsString()).contains("cluster/prod");
        assertThat(noTarget.statusCode()).isEqualTo(400);
        assertThat(noTarget.bodyAsString()).contains("UnknownOperationException").contains("Missing X-Amz-Target header");
        assertThat(router.tooLarge(2_000_000).headers()).containsEntry("Content-Type", EcsProtocolHandler.CONTENT_TYPE);
    }

    @Test
    void should_route_form_posts_by_signing_name_or_version_to_load_balancing() {
        String body = "Action=CreateTargetGroup&Version=2015-12-01";
        ProtocolResponse signed = router.handle(new ProtocolRequest(null, FORM,
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/elasticloadbalancing/aws4_request, X=y",
                body.getBytes(StandardCharsets.UTF_8)));
        ProtocolResponse unsigned = router.handle(new ProtocolRequest(null, FORM, null, body.getBytes(StandardCharsets.UTF_8)));
        ProtocolResponse unsignedWithoutVersion = router.handle(new ProtocolRequest(null, FORM, null,
                "Action=CreateTargetGroup".getBytes(StandardCharsets.UTF_8)));

        for (ProtocolResponse r : new ProtocolResponse[] {signed, unsigned}) {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.headers()).containsEntry("Content-Type", "text/xml");
            assertThat(r.bodyAsString()).contains("<Code>ValidationError</Code>")
                    .contains("Value null at 'name' failed to satisfy constraint: Member must not be null");
        }
        assertThat(unsignedWithoutVersion.bodyAsString()).contains("<Code>MissingParameter</Code>");
    }

    @Test
    void should_serve_form_posts_over_http_with_the_handlers_content_type() throws Exception {
        FakeEcsServer server = FakeEcsServer.start(ecs);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("Content-Type", FORM)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/elasticloadbalancing/aws4_request, X=y")
                .POST(HttpRequest.BodyPublishers.ofString("Action=Foo&Version=2015-12-01")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(response.body()).contains("<Code>InvalidAction</Code>")
                .contains("<Message>The action Foo is not valid for this web service.</Message>");

        try (ElasticLoadBalancingV2Client overHttp = ElasticLoadBalancingV2Client.builder()
                .endpointOverride(server.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThatThrownBy(() -> overHttp.createRule(r -> r.listenerArn("arn:l").priority(0)))
                    .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("3 validation errors detected: ")
                                .contains("Value null at 'conditions' failed")
                                .contains("Value '0' at 'priority' failed to satisfy constraint: Member must have value greater than or equal to 1");
                    });
        }
        assertThat(ecs.regions()).extracting(r -> r.name()).contains("eu-west-1");
    }

    @Test
    void should_hand_out_in_process_load_balancing_clients_per_region() {
        ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();
        ElasticLoadBalancingV2Client frankfurt = ecs.newLoadBalancingClient("eu-central-1");

        assertThatThrownBy(() -> elb.registerTargets(r -> r.targetGroupArn("arn:tg").targets(t -> t.port(80))))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value null at 'targets.1.member.id' failed to satisfy constraint: "
                                + "Member must not be null"));
        assertThatThrownBy(() -> frankfurt.modifyTargetGroup(r -> r.targetGroupArn("arn:tg").healthCheckIntervalSeconds(1)))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ValidationError"));
        assertThat(ecs.regions()).extracting(r -> r.name()).contains("eu-central-1");
    }
}
