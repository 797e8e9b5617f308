package dev.fakeecs.internal.elbv2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Limit;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SslPolicy;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SslPolicyNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DescribeAccountLimits, DescribeSSLPolicies and request fields that used to be dropped. */
class LimitsPoliciesAndRequestFieldsTest {

    private final ElbWorld w = new ElbWorld();

    @Test
    void should_describe_account_limits_the_simulation_enforces() {
        var limits = w.elb.describeAccountLimits(r -> r.pageSize(400)).limits();
        assertThat(limits).extracting(l -> l.name() + "=" + l.max()).contains("application-load-balancers=50",
                "target-groups=3000", "listeners-per-application-load-balancer=50",
                "rules-per-application-load-balancer=100", "targets-per-target-group=1000",
                "target-groups-per-action-on-application-load-balancer=5",
                "certificates-per-application-load-balancer=25");
        var page = w.elb.describeAccountLimits(r -> r.pageSize(5));
        assertThat(page.limits()).hasSize(5);
        assertThat(w.elb.describeAccountLimits(r -> r.marker(page.nextMarker())).limits())
                .hasSize(limits.size() - 5).extracting(Limit::name).doesNotContainAnyElementsOf(
                        page.limits().stream().map(Limit::name).toList());
    }

    @Test
    void should_describe_ssl_policies_with_protocols_and_ciphers() {
        SslPolicy p = w.elb.describeSSLPolicies(r -> r.names("ELBSecurityPolicy-TLS13-1-2-Res-2021-06"))
                .sslPolicies().get(0);
        assertThat(p.sslProtocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(p.ciphers()).extracting(c -> c.priority() + ":" + c.name()).startsWith("1:TLS_AES_128_GCM_SHA256");
        assertThat(p.supportedLoadBalancerTypes()).containsExactly("application", "network");
        SslPolicy legacy = w.elb.describeSSLPolicies(r -> r.names("ELBSecurityPolicy-2016-08")).sslPolicies().get(0);
        assertThat(legacy.sslProtocols()).containsExactly("TLSv1", "TLSv1.1", "TLSv1.2");
        assertThat(legacy.ciphers()).hasSize(18);
        assertThat(w.elb.describeSSLPolicies(r -> r.loadBalancerType("application")).sslPolicies()).hasSizeGreaterThan(10);
        assertThatThrownBy(() -> w.elb.describeSSLPolicies(r -> r.names("Nope")))
                .isInstanceOf(SslPolicyNotFoundException.class)
                .hasMessageStartingWith("One or more of the specified SSL policies were not found");
    }

    @Test
    void should_store_and_return_rule_transforms_until_reset() {
        String tg = w.servedGroup("blue");
        String listener = w.elb.describeListeners(r -> r.loadBalancerArn(w.elb.describeTargetGroups(
                x -> x.targetGroupArns(tg)).targetGroups().get(0).loadBalancerArns().get(0))).listeners().get(0)
                .listenerArn();
        var rule = w.elb.createRule(r -> r.listenerArn(listener).priority(1)
                .conditions(c -> c.field("path-pattern").values("/old/*"))
                .actions(a -> a.type("forward").targetGroupArn(tg))
                .transforms(t -> t.type("url-rewrite").urlRewriteConfig(u -> u.rewrites(x -> x.regex("^/old/(.*)$")
                        .replace("/new/$1"))))).rules().get(0);
        assertThat(rule.transforms()).extracting(t -> t.typeAsString()).containsExactly("url-rewrite");
        assertThat(w.elb.describeRules(r -> r.ruleArns(rule.ruleArn())).rules().get(0).transforms().get(0)
                .urlRewriteConfig().rewrites().get(0).replace()).isEqualTo("/new/$1");
        var reset = w.elb.modifyRule(r -> r.ruleArn(rule.ruleArn()).resetTransforms(true)).rules().get(0);
        assertThat(reset.transforms()).isEmpty();
        assertThatThrownBy(() -> w.elb.modifyRule(r -> r.ruleArn(rule.ruleArn())
                .transforms(t -> t.type("host-header-rewrite").urlRewriteConfig(u -> u.rewrites(x -> x.regex("a"))))))
                .hasMessageStartingWith("A 'host-header-rewrite' transform needs exactly its own configuration");
    }

    @Test
    void should_store_target_control_port_and_answer_describe_target_health_include() {
        String tg = w.elb.createTargetGroup(r -> r.name("ctl").protocol("HTTP").port(80).vpcId("vpc-1")
                .targetType("ip").targetControlPort(3000)).targetGroups().get(0).targetGroupArn();
        assertThat(w.elb.describeTargetGroups(r -> r.targetGroupArns(tg)).targetGroups().get(0).targetControlPort())
                .isEqualTo(3000);
        w.register(tg, "10.0.1.7", 80);
        TargetHealthDescription plain = w.elb.describeTargetHealth(r -> r.targetGroupArn(tg))
                .targetHealthDescriptions().get(0);
        assertThat(plain.anomalyDetection()).isNull();
        TargetHealthDescription all = w.elb.describeTargetHealth(r -> r.targetGroupArn(tg).includeWithStrings("All"))
                .targetHealthDescriptions().get(0);
        assertThat(all.anomalyDetection().resultAsString()).isEqualTo("normal");
        assertThat(all.anomalyDetection().mitigationInEffectAsString()).isEqualTo("no");
        assertThat(all.administrativeOverride().stateAsString()).isEqualTo("no_override");
    }

    @Test
    void should_require_a_quic_server_id_for_quic_targets_and_echo_it() {
        String tg = w.elb.createTargetGroup(r -> r.name("quic").protocol("QUIC").port(443).vpcId("vpc-1")
                .targetType("ip")).targetGroups().get(0).targetGroupArn();
        assertThatThrownBy(() -> w.register(tg, "10.0.1.7", 443))
                .hasMessageStartingWith("A QUIC server ID must be specified for targets of QUIC target groups");
        w.elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.1.7").port(443)
                .quicServerId("0x0123456789abcdef")));
        assertThat(w.elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions().get(0).target()
                .quicServerId()).isEqualTo("0x0123456789abcdef");
    }

    @Test
    void should_take_regex_condition_values_and_count_them_toward_the_five() {
        String tg = w.servedGroup("blue");
        String lb = w.elb.describeTargetGroups(x -> x.targetGroupArns(tg)).targetGroups().get(0).loadBalancerArns()
                .get(0);
        String listener = w.elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners().get(0).listenerArn();
        var rule = w.elb.createRule(r -> r.listenerArn(listener).priority(2)
                .conditions(c -> c.field("path-pattern").pathPatternConfig(p -> p.regexValues("^/api/v[0-9]+/.*$")))
                .actions(a -> a.type("forward").targetGroupArn(tg))).rules().get(0);
        assertThat(rule.conditions().get(0).pathPatternConfig().regexValues()).containsExactly("^/api/v[0-9]+/.*$");
        assertThatThrownBy(() -> w.elb.createRule(r -> r.listenerArn(listener).priority(3)
                .conditions(c -> c.field("host-header").hostHeaderConfig(h -> h.values("a", "b", "c")
                        .regexValues("d", "e", "f")))
                .actions(a -> a.type("forward").targetGroupArn(tg))))
                .hasMessageStartingWith("A rule can only have '5' condition values");
    }
}
