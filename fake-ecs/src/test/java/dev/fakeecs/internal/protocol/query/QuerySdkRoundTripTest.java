package dev.fakeecs.internal.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.internal.client.LoadBalancingClients;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HealthUnavailableException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** A real SDK ElasticLoadBalancingV2Client, in process, through the Query codec to a recording test double. */
class QuerySdkRoundTripTest {

    private final RecordingLoadBalancing engine = new RecordingLoadBalancing();
    private final ProtocolRouter router = ProtocolRouter.builder()
            .service(SimulatedServices.loadBalancing(name -> name.equals("us-east-1") ? engine : null, "us-east-1"))
            .build();
    private final ElasticLoadBalancingV2Client elb = LoadBalancingClients.sync(router, "us-east-1");

    @AfterEach
    void close() {
        elb.close();
    }

    @Test
    void should_carry_create_target_group_with_matcher_and_tags_both_ways() {
        CreateTargetGroupResponse response = elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(8080)
                .vpcId("vpc-1").targetType("ip").healthCheckEnabled(true).healthCheckPath("/health")
                .healthCheckIntervalSeconds(10).matcher(m -> m.httpCode("200-299"))
                .tags(t -> t.key("team").value("edge"), t -> t.key("env").value("prod & test")));

        CreateTargetGroupRequest got = engine.last(CreateTargetGroupRequest.class);
        assertThat(got.name()).isEqualTo("web");
        assertThat(got.port()).isEqualTo(8080);
        assertThat(got.healthCheckEnabled()).isTrue();
        assertThat(got.healthCheckIntervalSeconds()).isEqualTo(10);
        assertThat(got.matcher().httpCode()).isEqualTo("200-299");
        assertThat(got.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=edge", "env=prod & test");
        assertThat(response.targetGroups()).singleElement().satisfies(tg -> {
            assertThat(tg.targetGroupArn()).isEqualTo(RecordingLoadBalancing.TG_ARN);
            assertThat(tg.port()).isEqualTo(8080);
            assertThat(tg.healthCheckEnabled()).isTrue();
            assertThat(tg.matcher().httpCode()).isEqualTo("200-299");
            assertThat(tg.loadBalancerArns()).isEmpty();
        });
    }

    @Test
    void should_carry_several_targets_in_order() {
        elb.registerTargets(r -> r.targetGroupArn(RecordingLoadBalancing.TG_ARN).targets(
                t -> t.id("10.0.0.1").port(8080), t -> t.id("10.0.0.2").port(8081).availabilityZone("all"),
                t -> t.id("10.0.0.3")));

        RegisterTargetsRequest got = engine.last(RegisterTargetsRequest.class);
        assertThat(got.targetGroupArn()).isEqualTo(RecordingLoadBalancing.TG_ARN);
        assertThat(got.targets()).extracting(t -> t.id() + ":" + t.port() + ":" + t.availabilityZone())
                .containsExactly("10.0.0.1:8080:null", "10.0.0.2:8081:all", "10.0.0.3:null:null");
    }

    @Test
    void should_carry_target_group_attributes_both_ways() {
        ModifyTargetGroupAttributesResponse response = elb.modifyTargetGroupAttributes(r -> r
                .targetGroupArn(RecordingLoadBalancing.TG_ARN)
                .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("30"),
                        a -> a.key("stickiness.enabled").value("true")));

        ModifyTargetGroupAttributesRequest got = engine.last(ModifyTargetGroupAttributesRequest.class);
        assertThat(got.attributes()).extracting(a -> a.key() + "=" + a.value())
                .containsExactly("deregistration_delay.timeout_seconds=30", "stickiness.enabled=true");
        assertThat(response.attributes()).extracting(a -> a.key() + "=" + a.value())
                .containsExactly("deregistration_delay.timeout_seconds=30", "stickiness.enabled=true");
    }

    @Test
    void should_carry_a_rule_with_conditions_and_a_weighted_forward_config() {
        String listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/edge/0123456789abcdef/fedcba9876543210";
        CreateRuleResponse response = elb.createRule(r -> r.listenerArn(listener).priority(10)
                .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.values("/api/*", "/v2/*")),
                        c -> c.field("http-header").httpHeaderConfig(h -> h.httpHeaderName("X-Canary").values("1")))
                .actions(a -> a.type("forward").order(1).forwardConfig(f -> f
                        .targetGroups(t -> t.targetGroupArn("arn:tg/blue").weight(90), t -> t.targetGroupArn("arn:tg/green").weight(10))
                        .targetGroupStickinessConfig(s -> s.enabled(true).durationSeconds(3600)))));

        CreateRuleRequest got = engine.last(CreateRuleRequest.class);
        assertThat(got.priority()).isEqualTo(10);
        assertThat(got.conditions()).extracting(RuleCondition::field).containsExactly("path-pattern", "http-header");
        assertThat(got.conditions().get(0).pathPatternConfig().values()).containsExactly("/api/*", "/v2/*");
        assertThat(got.conditions().get(1).httpHeaderConfig().httpHeaderName()).isEqualTo("X-Canary");
        Action forward = got.actions().get(0);
        assertThat(forward.order()).isEqualTo(1);
        assertThat(forward.forwardConfig().targetGroups()).extracting(t -> t.targetGroupArn() + "@" + t.weight())
                .containsExactly("arn:tg/blue@90", "arn:tg/green@10");
        assertThat(forward.forwardConfig().targetGroupStickinessConfig().durationSeconds()).isEqualTo(3600);
        assertThat(response.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.priority()).isEqualTo("10");
            assertThat(rule.isDefault()).isFalse();
            assertThat(rule.actions().get(0).forwardConfig().targetGroups()).extracting(t -> t.weight()).containsExactly(90, 10);
            assertThat(rule.conditions().get(0).pathPatternConfig().values()).containsExactly("/api/*", "/v2/*");
        });
    }

    @Test
    void should_carry_a_map_both_ways() {
        CreateRuleResponse response = elb.createRule(r -> r.listenerArn("arn:aws:elasticloadbalancing:us-east-1:1:listener/app/a/b/c")
                .priority(2).conditions(c -> c.field("host-header").hostHeaderConfig(h -> h.values("a.example")))
                .actions(a -> a.type("authenticate-oidc").order(1).authenticateOidcConfig(o -> o.issuer("https://idp")
                        .authorizationEndpoint("https://idp/a").tokenEndpoint("https://idp/t").userInfoEndpoint("https://idp/u")
                        .clientId("c").authenticationRequestExtraParams(java.util.Map.of("prompt", "login"))),
                        a -> a.type("forward").order(2).targetGroupArn("arn:tg/blue")));

        assertThat(engine.last(CreateRuleRequest.class).actions().get(0).authenticateOidcConfig().authenticationRequestExtraParams())
                .containsExactly(java.util.Map.entry("prompt", "login"));
        assertThat(response.rules().get(0).actions().get(0).authenticateOidcConfig().authenticationRequestExtraParams())
                .containsExactly(java.util.Map.entry("prompt", "login"));
        assertThat(response.rules().get(0).actions().get(1).targetGroupArn()).isEqualTo("arn:tg/blue");
    }

    @Test
    void should_answer_target_health() {
        DescribeTargetHealthResponse response = elb.describeTargetHealth(r -> r.targetGroupArn(RecordingLoadBalancing.TG_ARN));

        assertThat(response.targetHealthDescriptions()).extracting(d -> d.target().id() + ":" + d.targetHealth().state())
                .containsExactly("10.0.0.1:" + TargetHealthStateEnum.HEALTHY, "10.0.0.2:" + TargetHealthStateEnum.UNHEALTHY);
        assertThat(response.targetHealthDescriptions().get(1).targetHealth().reasonAsString()).isEqualTo("Target.ResponseCodeMismatch");
        assertThat(response.targetHealthDescriptions().get(1).targetHealth().description())
                .isEqualTo("Health checks failed with these codes: [500]");
    }

    @Test
    void should_answer_timestamps_and_escaped_text() {
        List<LoadBalancer> lbs = elb.describeLoadBalancers().loadBalancers();

        assertThat(lbs).singleElement().satisfies(lb -> {
            assertThat(lb.loadBalancerName()).isEqualTo("edge & <co>");
            assertThat(lb.createdTime()).isEqualTo(Instant.parse("2026-01-01T00:00:05.250Z"));
            assertThat(lb.availabilityZones()).extracting(z -> z.zoneName()).containsExactly("us-east-1a");
        });
    }

    @Test
    void should_answer_an_empty_list_as_empty_and_a_result_less_operation() {
        assertThat(elb.describeTargetGroups(r -> r.names("none")).targetGroups()).isEmpty();
        elb.deleteTargetGroup(r -> r.targetGroupArn(RecordingLoadBalancing.TG_ARN));
        assertThat(engine.requests).hasSize(2);
    }

    @Test
    void should_raise_the_typed_exception_with_its_code_and_message() {
        assertThatThrownBy(() -> elb.describeTargetHealth(r -> r.targetGroupArn("arn:nope")))
                .isInstanceOfSatisfying(TargetGroupNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupNotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("One or more target groups not found");
                    assertThat(e.requestId()).startsWith("00000000-0000-4000-8000-");
                });
    }

    @Test
    void should_map_an_exception_without_details_through_the_model_table() {
        assertThatThrownBy(() -> elb.describeTargetGroups(r -> r.names("unhealthy-engine")))
                .isInstanceOfSatisfying(HealthUnavailableException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("HealthUnavailable");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Health unavailable");
                });
    }

    @Test
    void should_answer_an_engine_bug_as_internal_failure_without_class_names() {
        assertThatThrownBy(() -> elb.describeTargetGroups(r -> r.names("bug")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                    assertThat(e.awsErrorDetails().errorMessage()).doesNotContain("java.", "dev.fakeecs", "Exception");
                });
    }

    @Test
    void should_answer_an_operation_the_engine_lacks_as_unsupported() {
        assertThatThrownBy(() -> elb.describeListeners(r -> r.loadBalancerArn(RecordingLoadBalancing.LB_ARN)))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnsupportedOperation");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("DescribeListeners");
                });
    }

    @Test
    void should_answer_model_violations_as_validation_errors_before_the_engine() {
        assertThatThrownBy(() -> elb.createTargetGroup(r -> r.name("web").port(0).protocol("HTTPX")))
                .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("2 validation errors detected: ")
                            .contains("Value 'HTTPX' at 'protocol' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, HTTPS,")
                            .contains("Value '0' at 'port' failed to satisfy constraint: Member must have value greater than or equal to 1");
                });
        assertThat(engine.requests).isEmpty();
    }
}
