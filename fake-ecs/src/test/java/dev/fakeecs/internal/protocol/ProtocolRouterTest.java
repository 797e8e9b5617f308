package dev.fakeecs.internal.protocol;

import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests reach the simulated service they belong to: by X-Amz-Target prefix, else by SigV4 signing name. */
class ProtocolRouterTest {

    private final FakeEcs ecs = FakeEcs.create();
    private final ProtocolRouter router = SimulatedServices.router(ecs::region, "us-east-1");

    @AfterEach
    void close() {
        ecs.close();
    }

    @Test
    void should_send_an_ecs_target_to_ecs() {
        ProtocolResponse response = router.handle(request(EcsProtocolHandler.TARGET_PREFIX + "ListClusters",
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).contains("clusterArns");
    }

    @Test
    void should_answer_a_request_signed_for_a_service_the_fake_does_not_simulate_with_unknown_operation() {
        ProtocolResponse response = router.handle(request(null,
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).contains("\"__type\":\"UnknownOperationException\"")
                .contains("Missing X-Amz-Target header");
    }

    @Test
    void should_let_ecs_name_what_is_wrong_with_an_unsigned_request_it_cannot_place() {
        ProtocolResponse response = router.handle(request("SomethingElse.Op", null));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response)).contains("UnknownOperationException").contains("Unknown target: SomethingElse.Op");
    }

    @Test
    void should_read_the_service_from_the_credential_scope() {
        assertThat(SigV4Scope.serviceOf(
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/elasticloadbalancing/aws4_request, X=y"))
                .isEqualTo("elasticloadbalancing");
        assertThat(SigV4Scope.serviceOf("Bearer token")).isNull();
    }

    private static ProtocolRequest request(String target, String authorization) {
        return new ProtocolRequest(target, EcsProtocolHandler.CONTENT_TYPE, authorization,
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static String body(ProtocolResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
