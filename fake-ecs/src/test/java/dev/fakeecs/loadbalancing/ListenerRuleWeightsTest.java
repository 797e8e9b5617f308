package dev.fakeecs.loadbalancing;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.targets.ForwardRule;
import dev.fakeecs.internal.targets.TargetGroupDirectory;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The listener rules ECS's blue/green, linear and canary deployments read and rewrite through
 * {@link TargetGroupDirectory#forwardRule} and {@link TargetGroupDirectory#forwardWeights}, checked against what the
 * real SDK client sees through DescribeRules and DescribeListeners.
 */
class ListenerRuleWeightsTest {

    private FakeEcs ecs;
    private ElasticLoadBalancingV2Client elb;
    private RegionEngine region;
    private TargetGroupDirectory directory;
    private String alb;
    private String blue;
    private String green;
    private String listener;
    private String productionRule;
    private String defaultRule;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.builder().seed(17).build();
        elb = ecs.newLoadBalancingClient();
        region = RegionEngine.of(ecs.defaultRegion());
        directory = region.service(LoadBalancing.SERVICE).targetGroups();
        alb = elb.createLoadBalancer(r -> r.name("web-alb").subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                .loadBalancers().get(0).loadBalancerArn();
        blue = group("web-blue", "HTTP");
        green = group("web-green", "HTTP");
        listener = elb.createListener(r -> r.loadBalancerArn(alb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(blue))).listeners().get(0).listenerArn();
        productionRule = elb.createRule(r -> r.listenerArn(listener).priority(10)
                .conditions(c -> c.field("path-pattern").values("/*"))
                .actions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(
                        TargetGroupTuple.builder().targetGroupArn(blue).weight(1).build(),
                        TargetGroupTuple.builder().targetGroupArn(green).weight(0).build()))))
                .rules().get(0).ruleArn();
        defaultRule = elb.describeRules(r -> r.listenerArn(listener)).rules().stream().filter(Rule::isDefault)
                .findFirst().orElseThrow().ruleArn();
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private String group(String name, String protocol) {
        return elb.createTargetGroup(r -> r.name(name).protocol(protocol).port(8080).vpcId("vpc-1").targetType("ip"))
                .targetGroups().get(0).targetGroupArn();
    }

    private ForwardRule forwardRule(String arn) {
        return region.read(() -> directory.forwardRule(arn));
    }

    private void forwardWeights(String arn, Map<String, Integer> weights) {
        region.read(() -> {
            directory.forwardWeights(arn, weights);
            return null;
        });
    }

    private static Map<String, Integer> ordered(Object... arnsAndWeights) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < arnsAndWeights.length; i += 2) {
            out.put((String) arnsAndWeights[i], (Integer) arnsAndWeights[i + 1]);
        }
        return out;
    }

    private Action shownAction(String ruleArn) {
        return elb.describeRules(r -> r.ruleArns(ruleArn)).rules().get(0).actions().get(0);
    }

    @Test
    void should_describe_an_application_load_balancer_rule_with_its_weights_in_order() {
        // when
        ForwardRule rule = forwardRule(productionRule);

        // then
        assertThat(rule.arn()).isEqualTo(productionRule);
        assertThat(rule.listenerArn()).isEqualTo(listener);
        assertThat(rule.loadBalancerArn()).isEqualTo(alb);
        assertThat(rule.loadBalancerType()).isEqualTo("application");
        assertThat(rule.isDefault()).isFalse();
        assertThat(rule.weights()).containsExactly(entry(blue, 1), entry(green, 0));
        assertThat(rule.forwardsTo(green)).isTrue();
    }

    @Test
    void should_describe_a_default_rule_whose_plain_target_group_forward_weighs_one() {
        // when
        ForwardRule rule = forwardRule(defaultRule);

        // then
        assertThat(rule.isDefault()).isTrue();
        assertThat(rule.listenerArn()).isEqualTo(listener);
        assertThat(rule.weights()).containsExactly(entry(blue, 1));
    }

    @Test
    void should_describe_a_network_load_balancer_listener_by_its_default_action() {
        // given
        String nlb = elb.createLoadBalancer(r -> r.name("net").type("network").subnets("subnet-us-east-1a"))
                .loadBalancers().get(0).loadBalancerArn();
        String tcpBlue = group("tcp-blue", "TCP");
        String tcpGreen = group("tcp-green", "TCP");
        String tcp = elb.createListener(r -> r.loadBalancerArn(nlb).protocol("TCP").port(80)
                .defaultActions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(
                        TargetGroupTuple.builder().targetGroupArn(tcpBlue).weight(1).build(),
                        TargetGroupTuple.builder().targetGroupArn(tcpGreen).weight(0).build()))))
                .listeners().get(0).listenerArn();

        // when
        ForwardRule rule = forwardRule(tcp);

        // then
        assertThat(rule.arn()).isEqualTo(tcp);
        assertThat(rule.listenerArn()).isEqualTo(tcp);
        assertThat(rule.loadBalancerArn()).isEqualTo(nlb);
        assertThat(rule.loadBalancerType()).isEqualTo("network");
        assertThat(rule.isDefault()).isTrue();
        assertThat(rule.weights()).containsExactly(entry(tcpBlue, 1), entry(tcpGreen, 0));

        // and when: ECS moves the weights, DescribeListeners shows them
        forwardWeights(tcp, Map.of(tcpBlue, 0, tcpGreen, 1));
        Action shown = elb.describeListeners(r -> r.listenerArns(tcp)).listeners().get(0).defaultActions().get(0);
        assertThat(shown.targetGroupArn()).isNull();
        assertThat(shown.forwardConfig().targetGroups()).extracting(t -> t.targetGroupArn() + "@" + t.weight())
                .containsExactly(tcpBlue + "@0", tcpGreen + "@1");
        assertThat(forwardRule(tcp).weights()).containsExactly(entry(tcpBlue, 0), entry(tcpGreen, 1));
    }

    @Test
    void should_find_nothing_for_unknown_arns_or_an_application_load_balancer_listener() {
        assertThat(forwardRule("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/x/1/2"))
                .isNull();
        assertThat(forwardRule(null)).isNull();
        assertThat(forwardRule(listener)).isNull();   // an ALB is shifted through a rule ARN, not its listener
        assertThat(forwardRule(blue)).isNull();
    }

    @Test
    void should_give_an_empty_weight_map_for_a_rule_that_does_not_forward() {
        // given
        String fixed = elb.createRule(r -> r.listenerArn(listener).priority(5)
                .conditions(c -> c.field("path-pattern").values("/down"))
                .actions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("503"))))
                .rules().get(0).ruleArn();

        // then
        assertThat(forwardRule(fixed).weights()).isEmpty();
        assertThat(forwardRule(fixed).forwardsTo(blue)).isFalse();
    }

    @Test
    void should_show_rewritten_weights_through_describe_rules_and_journal_them() {
        // when: a canary step
        forwardWeights(productionRule, ordered(green, 100, blue, 900));

        // then: ForwardConfig in the action's own order, no TargetGroupArn for a two-group forward
        Action shown = shownAction(productionRule);
        assertThat(shown.typeAsString()).isEqualTo("forward");
        assertThat(shown.targetGroupArn()).isNull();
        assertThat(shown.forwardConfig().targetGroups()).extracting(t -> t.targetGroupArn() + "@" + t.weight())
                .containsExactly(blue + "@900", green + "@100");
        assertThat(forwardRule(productionRule).weights()).containsExactly(entry(blue, 900), entry(green, 100));
        assertThat(elb.describeRules(r -> r.listenerArn(listener)).rules()).extracting(Rule::ruleArn)
                .containsExactly(productionRule, defaultRule);
        List<JournalEntry> journaled = ecs.journal().ofType(JournalEventType.LOAD_BALANCER).stream()
                .filter(e -> e.detail("weights") != null).toList();
        assertThat(journaled).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(alb);
            assertThat(e.detail("rule")).isEqualTo(productionRule);
            assertThat(e.detail("weights")).isEqualTo(blue + "=900," + green + "=100");
        });
    }

    @Test
    void should_leave_unnamed_groups_their_weights_and_keep_working_with_modify_rule() {
        // when
        forwardWeights(productionRule, Map.of(green, 1));

        // then
        assertThat(forwardRule(productionRule).weights()).containsExactly(entry(blue, 1), entry(green, 1));

        // and when: a user's ModifyRule replaces the action as usual
        elb.modifyRule(r -> r.ruleArn(productionRule).actions(a -> a.type("forward").targetGroupArn(blue)));
        assertThat(forwardRule(productionRule).weights()).containsExactly(entry(blue, 1));
    }

    @Test
    void should_keep_both_forms_for_a_single_group_forward_as_modify_rule_stores_it() {
        // when
        forwardWeights(defaultRule, Map.of(blue, 0));

        // then: DescribeRules and DescribeListeners agree
        Action rule = shownAction(defaultRule);
        assertThat(rule.targetGroupArn()).isEqualTo(blue);
        assertThat(rule.forwardConfig().targetGroups()).extracting(t -> t.targetGroupArn() + "@" + t.weight())
                .containsExactly(blue + "@0");
        assertThat(elb.describeListeners(r -> r.listenerArns(listener)).listeners().get(0).defaultActions())
                .containsExactly(rule);
    }

    @Test
    void should_refuse_weights_for_gone_rules_foreign_groups_out_of_range_weights_and_non_forward_rules() {
        // given
        String other = group("other", "HTTP");
        String fixed = elb.createRule(r -> r.listenerArn(listener).priority(5)
                .conditions(c -> c.field("path-pattern").values("/down"))
                .actions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("503"))))
                .rules().get(0).ruleArn();

        // then
        assertThatThrownBy(() -> forwardWeights(productionRule, Map.of(other, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The target group " + other + " is not in the forward action of the listener rule "
                        + productionRule);
        assertThatThrownBy(() -> forwardWeights(productionRule, Map.of(green, 1000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 999");
        assertThatThrownBy(() -> forwardWeights(fixed, Map.of(blue, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not forward");
        assertThatThrownBy(() -> forwardWeights(listener, Map.of(blue, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("No listener rule " + listener);
        elb.deleteRule(r -> r.ruleArn(productionRule));
        assertThatThrownBy(() -> forwardWeights(productionRule, Map.of(green, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("No listener rule");
        assertThat(forwardRule(productionRule)).isNull();

        // and nothing was changed or journaled by the refused calls
        assertThat(forwardRule(defaultRule).weights()).containsExactly(entry(blue, 1));
        assertThat(ecs.journal().ofType(JournalEventType.LOAD_BALANCER))
                .noneMatch(e -> e.detail("weights") != null);
    }
}
