package dev.fakeecs.internal.elbv2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PriorityInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAssociationLimitException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyTagsException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyTargetGroupsException;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listeners, rules, weighted forwards, association limits and tags (neighbours.md 1.5, 1.6). */
class ListenersAndRulesTest {

    private final ElbWorld w = new ElbWorld();
    private final String lb = w.alb("web");
    private final String tg = w.ipGroup("blue");

    @Test
    void should_allow_one_listener_per_port_and_be_idempotent() {
        String l = w.listener(lb, 80, tg);
        assertThat(w.listener(lb, 80, tg)).isEqualTo(l);
        String green = w.ipGroup("green");
        assertThatThrownBy(() -> w.listener(lb, 80, green))
                .isInstanceOf(DuplicateListenerException.class)
                .hasMessageStartingWith("A listener with the specified port already exists.");
        assertThat(l).matches("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/[0-9a-f]{16}/"
                + "[0-9a-f]{16}");
    }

    @Test
    void should_echo_a_single_group_forward_in_both_forms() {
        String l = w.listener(lb, 80, tg);

        Action shown = w.elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners().get(0).defaultActions().get(0);
        assertThat(shown.targetGroupArn()).isEqualTo(tg);
        assertThat(shown.forwardConfig().targetGroups()).containsExactly(
                TargetGroupTuple.builder().targetGroupArn(tg).weight(1).build());
        Rule defaultRule = w.elb.describeRules(r -> r.listenerArn(l)).rules().get(0);
        assertThat(defaultRule.isDefault()).isTrue();
        assertThat(defaultRule.priority()).isEqualTo("default");
        assertThat(defaultRule.actions()).containsExactly(shown);
    }

    @Test
    void should_refuse_a_group_of_another_load_balancer_and_unknown_groups() {
        w.listener(lb, 80, tg);
        String other = w.alb("other");
        assertThatThrownBy(() -> w.listener(other, 80, tg))
                .isInstanceOf(TargetGroupAssociationLimitException.class)
                .hasMessageContaining(tg);
        String unknown = tg.replace("blue", "nope");
        assertThatThrownBy(() -> w.listener(other, 81, unknown))
                .isInstanceOf(TargetGroupNotFoundException.class)
                .hasMessageStartingWith("Target group '" + unknown + "' not found");
    }

    @Test
    void should_take_weighted_forwards_of_up_to_five_groups() {
        List<TargetGroupTuple> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(TargetGroupTuple.builder().targetGroupArn(w.ipGroup("g" + i)).weight(1).build());
        }
        assertThatThrownBy(() -> w.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(six)))))
                .isInstanceOf(TooManyTargetGroupsException.class);
        var l = w.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(six.subList(0, 2)))))
                .listeners().get(0);
        assertThat(l.defaultActions().get(0).targetGroupArn()).isNull();
        assertThat(w.elb.describeTargetGroups(r -> r.targetGroupArns(six.get(1).targetGroupArn())).targetGroups()
                .get(0).loadBalancerArns()).containsExactly(lb);
    }

    @Test
    void should_order_rules_by_priority_refuse_duplicates_and_protect_the_default_rule() {
        // given
        String l = w.listener(lb, 80, tg);
        Rule r20 = createRule(l, 20, "/b/*");
        Rule r10 = createRule(l, 10, "/a/*");

        // then
        assertThatThrownBy(() -> createRule(l, 10, "/c/*")).isInstanceOf(PriorityInUseException.class)
                .hasMessageStartingWith("The specified priority is in use.");
        assertThatThrownBy(() -> createRule(l, 50001, "/c/*"))
                .hasMessageContaining("Member must have value less than or equal to 50000");
        assertThat(w.elb.describeRules(r -> r.listenerArn(l)).rules()).extracting(Rule::priority)
                .containsExactly("10", "20", "default");
        var page = w.elb.describeRules(r -> r.listenerArn(l).pageSize(2));
        assertThat(page.rules()).hasSize(2);
        assertThat(w.elb.describeRules(r -> r.listenerArn(l).marker(page.nextMarker())).rules())
                .extracting(Rule::isDefault).containsExactly(true);
        String defaultArn = w.elb.describeRules(r -> r.listenerArn(l)).rules().get(2).ruleArn();
        assertThatThrownBy(() -> w.elb.deleteRule(r -> r.ruleArn(defaultArn)))
                .isInstanceOf(OperationNotPermittedException.class);

        // when: swap priorities
        w.elb.setRulePriorities(r -> r.rulePriorities(p -> p.ruleArn(r10.ruleArn()).priority(20),
                p -> p.ruleArn(r20.ruleArn()).priority(10)));

        // then
        assertThat(w.elb.describeRules(r -> r.listenerArn(l)).rules().get(0).ruleArn()).isEqualTo(r20.ruleArn());
        w.elb.deleteRule(r -> r.ruleArn(r10.ruleArn()));
        assertThatThrownBy(() -> w.elb.deleteRule(r -> r.ruleArn(r10.ruleArn())))
                .isInstanceOf(RuleNotFoundException.class);
    }

    @Test
    void should_put_a_group_used_only_by_a_rule_in_use_and_refuse_more_than_five_condition_values() {
        String l = w.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("404"))))
                .listeners().get(0).listenerArn();
        assertThat(w.elb.targetGroups().find(tg).hasLoadBalancer()).isFalse();
        createRule(l, 1, "/a");
        assertThat(w.elb.targetGroups().find(tg).loadBalancerArns()).containsExactly(lb);
        assertThatThrownBy(() -> w.elb.createRule(r -> r.listenerArn(l).priority(2)
                .conditions(c -> c.field("path-pattern").values("/1", "/2", "/3", "/4", "/5", "/6"))
                .actions(a -> a.type("forward").targetGroupArn(tg))))
                .hasMessageContaining("condition values");
    }

    @Test
    void should_tag_every_kind_of_resource_up_to_fifty_tags() {
        String l = w.listener(lb, 80, tg);
        w.elb.addTags(r -> r.resourceArns(lb, tg, l).tags(Tag.builder().key("team").value("web").build()));
        assertThat(w.elb.describeTags(r -> r.resourceArns(lb, tg, l)).tagDescriptions())
                .allMatch(d -> d.tags().equals(List.of(Tag.builder().key("team").value("web").build())));
        w.elb.removeTags(r -> r.resourceArns(tg).tagKeys("team"));
        assertThat(w.elb.describeTags(r -> r.resourceArns(tg)).tagDescriptions().get(0).tags()).isEmpty();
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertThatThrownBy(() -> w.elb.addTags(r -> r.resourceArns(lb).tags(many)))
                .isInstanceOf(TooManyTagsException.class);
    }

    @Test
    void should_check_tags_before_creating_anything() {
        assertThatThrownBy(() -> w.elb.createTargetGroup(r -> r.name("tagged").protocol("HTTP").port(80)
                .vpcId("vpc-1").tags(Tag.builder().key("aws:x").value("y").build())))
                .hasMessageContaining("reserved");
        assertThat(w.elb.describeTargetGroups(r -> r.names("blue")).targetGroups()).hasSize(1);
        assertThat(w.elb.targetGroupArns()).containsExactly(tg);
    }

    @Test
    void should_limit_a_load_balancer_to_100_unique_target_groups() {
        String l = w.listener(lb, 80, tg);
        for (int i = 1; i < 100; i++) {
            String g = w.ipGroup("g" + i);
            int priority = i;
            w.elb.createRule(r -> r.listenerArn(l).priority(priority)
                    .conditions(c -> c.field("path-pattern").values("/" + priority))
                    .actions(a -> a.type("forward").targetGroupArn(g)));
        }
        String extra = w.ipGroup("extra");
        assertThatThrownBy(() -> w.listener(lb, 81, extra))
                .hasMessageContaining("unique target groups per load balancer")
                .satisfies(e -> assertThat(((software.amazon.awssdk.awscore.exception.AwsServiceException) e)
                        .awsErrorDetails().errorCode()).isEqualTo("TooManyUniqueTargetGroupsPerLoadBalancer"));
    }

    private Rule createRule(String listener, int priority, String path) {
        return w.elb.createRule(r -> r.listenerArn(listener).priority(priority)
                .conditions(c -> c.field("path-pattern").values(path))
                .actions(a -> a.type("forward").targetGroupArn(tg))).rules().get(0);
    }
}
