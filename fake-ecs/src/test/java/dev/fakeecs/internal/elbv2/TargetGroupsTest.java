package dev.fakeecs.internal.elbv2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Target groups: defaults, ranges and their messages, idempotent creation, deletion in use, attributes. */
class TargetGroupsTest {

    private final ElbWorld w = new ElbWorld();

    @Test
    void should_apply_the_alb_health_check_defaults() {
        TargetGroup tg = w.elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(8080).vpcId("vpc-1"))
                .targetGroups().get(0);

        assertThat(tg.targetGroupArn()).matches(
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/[0-9a-f]{16}");
        assertThat(tg.targetTypeAsString()).isEqualTo("instance");
        assertThat(tg.protocolVersion()).isEqualTo("HTTP1");
        assertThat(tg.healthCheckProtocolAsString()).isEqualTo("HTTP");
        assertThat(tg.healthCheckPort()).isEqualTo("traffic-port");
        assertThat(tg.healthCheckPath()).isEqualTo("/");
        assertThat(tg.healthCheckEnabled()).isTrue();
        assertThat(tg.healthCheckIntervalSeconds()).isEqualTo(30);
        assertThat(tg.healthCheckTimeoutSeconds()).isEqualTo(5);
        assertThat(tg.healthyThresholdCount()).isEqualTo(5);
        assertThat(tg.unhealthyThresholdCount()).isEqualTo(2);
        assertThat(tg.matcher().httpCode()).isEqualTo("200");
        assertThat(tg.loadBalancerArns()).isEmpty();
    }

    @Test
    void should_apply_the_nlb_differences() {
        TargetGroup tcp = w.elb.createTargetGroup(r -> r.name("tcp").protocol("TCP").port(80).vpcId("vpc-1")
                .targetType("ip")).targetGroups().get(0);
        TargetGroup http = w.elb.createTargetGroup(r -> r.name("tcp-http").protocol("TCP").port(80).vpcId("vpc-1")
                .healthCheckProtocol("HTTP")).targetGroups().get(0);

        assertThat(tcp.healthCheckProtocolAsString()).isEqualTo("TCP");
        assertThat(tcp.healthCheckTimeoutSeconds()).isEqualTo(10);
        assertThat(tcp.healthCheckPath()).isNull();
        assertThat(tcp.matcher()).isNull();
        assertThat(http.healthCheckTimeoutSeconds()).isEqualTo(6);
        assertThat(http.matcher().httpCode()).isEqualTo("200-399");
    }

    @Test
    void should_check_ranges_with_aws_messages() {
        assertThatThrownBy(() -> w.elb.createTargetGroup(r -> r.name("a").protocol("HTTP").port(80).vpcId("v")
                .healthCheckIntervalSeconds(4)))
                .hasMessageStartingWith("1 validation error detected: Value '4' at 'healthCheckIntervalSeconds' "
                        + "failed to satisfy constraint: Member must have value greater than or equal to 5");
        assertThatThrownBy(() -> w.elb.createTargetGroup(r -> r.name("a").protocol("HTTP").port(80).vpcId("v")
                .healthyThresholdCount(11)))
                .hasMessageStartingWith("1 validation error detected: Value '11' at 'healthyThresholdCount' "
                        + "failed to satisfy constraint: Member must have value less than or equal to 10");
        assertThatThrownBy(() -> w.elb.createTargetGroup(r -> r.name("a").protocol("HTTP").port(80).vpcId("v")
                .healthCheckIntervalSeconds(10).healthCheckTimeoutSeconds(10)))
                .hasMessageStartingWith("Health check interval must be greater than the timeout.");
        assertThatThrownBy(() -> w.elb.createTargetGroup(r -> r.name("a").protocol("HTTP").port(80).vpcId("v")
                .targetType("ip").healthCheckEnabled(false)))
                .hasMessageStartingWith("Health checks cannot be disabled for target groups with target type 'ip'");
        assertThatThrownBy(() -> w.elb.createTargetGroup(r -> r.name("a").protocol("HTTP").port(80).vpcId("v")
                .matcher(m -> m.httpCode("500"))))
                .hasMessageContaining("must be within '200-499'");
        assertThatThrownBy(() -> w.elb.createTargetGroup(r -> r.name("a-").protocol("HTTP").port(80).vpcId("v")))
                .hasMessageStartingWith("Target group name 'a-' cannot begin or end with '-'");
        assertThatThrownBy(() -> w.elb.createTargetGroup(r -> r.name("a").protocol("HTTP").vpcId("v")))
                .hasMessageStartingWith("A port must be specified");
    }

    @Test
    void should_return_the_existing_group_for_identical_settings_and_refuse_different_ones() {
        String arn = w.ipGroup("web");
        assertThat(w.ipGroup("web")).isEqualTo(arn);
        assertThatThrownBy(() -> w.elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(81).vpcId("vpc-1")
                .targetType("ip")))
                .isInstanceOf(DuplicateTargetGroupNameException.class)
                .hasMessageStartingWith("A target group with the specified name already exists.");
    }

    @Test
    void should_refuse_to_delete_a_group_in_use_and_accept_an_unknown_one() {
        String tg = w.servedGroup("web");
        assertThatThrownBy(() -> w.elb.deleteTargetGroup(r -> r.targetGroupArn(tg)))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("The target group '" + tg + "' is currently in use by a listener or a rule");
        String unused = w.ipGroup("other");
        w.elb.deleteTargetGroup(r -> r.targetGroupArn(unused));
        w.elb.deleteTargetGroup(r -> r.targetGroupArn(unused));
        assertThatThrownBy(() -> w.elb.describeTargetGroups(r -> r.targetGroupArns(unused)))
                .isInstanceOf(TargetGroupNotFoundException.class)
                .hasMessageStartingWith("One or more target groups not found");
    }

    @Test
    void should_describe_by_load_balancer_name_and_page() {
        String tg = w.servedGroup("web");
        for (int i = 0; i < 3; i++) {
            w.ipGroup("g" + i);
        }
        String lb = w.elb.describeLoadBalancers(r -> r.names("web-lb")).loadBalancers().get(0).loadBalancerArn();

        assertThat(w.elb.describeTargetGroups(r -> r.loadBalancerArn(lb)).targetGroups())
                .extracting(TargetGroup::targetGroupArn).containsExactly(tg);
        assertThat(w.elb.describeTargetGroups(r -> r.names("g1")).targetGroups().get(0).loadBalancerArns()).isEmpty();
        var page = w.elb.describeTargetGroups(r -> r.pageSize(3));
        assertThat(page.targetGroups()).hasSize(3);
        assertThat(w.elb.describeTargetGroups(r -> r.marker(page.nextMarker())).targetGroups())
                .extracting(TargetGroup::targetGroupName).containsExactly("g2");
        assertThat(w.elb.describeTargetGroups(r -> r.targetGroupArns(tg)).targetGroups().get(0).loadBalancerArns())
                .containsExactly(lb);
    }

    @Test
    void should_list_every_attribute_default_and_check_changes() {
        String tg = w.ipGroup("web");

        assertThat(w.elb.describeTargetGroupAttributes(r -> r.targetGroupArn(tg)).attributes())
                .extracting(a -> a.key() + "=" + a.value())
                .contains("deregistration_delay.timeout_seconds=300", "stickiness.enabled=false",
                        "stickiness.type=lb_cookie", "stickiness.lb_cookie.duration_seconds=86400",
                        "load_balancing.algorithm.type=round_robin", "slow_start.duration_seconds=0",
                        "load_balancing.cross_zone.enabled=use_load_balancer_configuration",
                        "target_group_health.dns_failover.minimum_healthy_targets.count=1",
                        "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage=off");
        assertThatThrownBy(() -> modify(tg, "deregistration_delay.timeout_seconds", "3601"))
                .hasMessageStartingWith("'deregistration_delay.timeout_seconds' value '3601' must be between "
                        + "'0-3600' inclusive");
        assertThatThrownBy(() -> modify(tg, "slow_start.duration_seconds", "10"))
                .hasMessageStartingWith("'slow_start.duration_seconds' value '10' must be between '30-900' inclusive");
        assertThatThrownBy(() -> modify(tg, "nope", "1"))
                .isInstanceOf(InvalidConfigurationRequestException.class).hasMessageStartingWith("Key nope not valid");
        var after = w.elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg).attributes(
                TargetGroupAttribute.builder().key("deregistration_delay.timeout_seconds").value("0").build(),
                TargetGroupAttribute.builder().key("slow_start.duration_seconds").value("30").build())).attributes();
        assertThat(after).extracting(a -> a.key() + "=" + a.value())
                .contains("deregistration_delay.timeout_seconds=0", "slow_start.duration_seconds=30",
                        "stickiness.enabled=false");
        assertThat(w.elb.targetGroups().find(tg).deregistrationDelaySeconds()).isZero();
        assertThatThrownBy(() -> modify(tg, "load_balancing.algorithm.type", "least_outstanding_requests"))
                .isInstanceOf(InvalidConfigurationRequestException.class);
    }

    @Test
    void should_keep_health_check_settings_valid_on_modify() {
        String tg = w.ipGroup("web");
        assertThatThrownBy(() -> w.elb.modifyTargetGroup(r -> r.targetGroupArn(tg).healthCheckTimeoutSeconds(30)))
                .hasMessageStartingWith("Health check interval must be greater than the timeout.");
        TargetGroup changed = w.elb.modifyTargetGroup(r -> r.targetGroupArn(tg).healthCheckPath("/health")
                .healthyThresholdCount(2)).targetGroups().get(0);
        assertThat(changed.healthCheckPath()).isEqualTo("/health");
        assertThat(changed.healthyThresholdCount()).isEqualTo(2);
        assertThat(changed.healthCheckTimeoutSeconds()).isEqualTo(5);
    }

    private void modify(String tg, String key, String value) {
        w.elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg)
                .attributes(TargetGroupAttribute.builder().key(key).value(value).build()));
    }
}
