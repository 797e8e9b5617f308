package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.targets.ForwardRule;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The forward weights of a listener rule as ECS's blue/green, linear and canary deployments read and rewrite
 * them: a rule ARN (a listener's default rule included) or, for a network load balancer, a listener ARN (its
 * default action). Rewritten weights are stored as {@code ModifyRule} / {@code ModifyListener} would store a
 * forward action naming the same groups (see {@link Actions}): a single-group forward keeps both forms
 * ({@code TargetGroupArn} and {@code ForwardConfig}), a multi-group forward its {@code ForwardConfig} only, the
 * stickiness settings unchanged. Each rewrite is journaled ({@code LOAD_BALANCER}, subject the load balancer,
 * fields {@code rule} and {@code weights}).
 *
 * <pre>{@code
 * ForwardRule rule = weights.find(productionRuleArn);       // {blue=1, green=0}
 * weights.rewrite(productionRuleArn, Map.of(green, 1, blue, 0));
 * }</pre>
 */
final class ForwardWeights {

    private final ElbResources resources;

    /** Where the actions of a rule ARN or NLB listener ARN live ({@code rule} null: the listener's default). */
    private record Located(String arn, ListenerRecord listener, RuleRecord rule, LoadBalancerRecord lb) {

        List<Action> actions() {
            return rule == null ? listener.defaultActions : rule.actions;
        }

        void actions(List<Action> actions) {
            if (rule == null) {
                listener.defaultActions = actions;
            } else {
                rule.actions = actions;
            }
        }
    }

    ForwardWeights(ElbResources resources) {
        this.resources = resources;
    }

    /** The rule (or NLB listener) as a {@link ForwardRule}, or null when there is none. */
    ForwardRule find(String ruleOrListenerArn) {
        Located at = locate(ruleOrListenerArn);
        if (at == null) {
            return null;
        }
        return new ForwardRule(at.arn, at.listener.arn, at.lb.arn, at.lb.type, at.rule == null,
                weights(forward(at.actions())));
    }

    /**
     * Rewrites the forward action's weights (groups not named keep theirs) and journals the change.
     *
     * @throws IllegalArgumentException when the rule is gone, does not forward, a group is not in its forward
     *                                  action or a weight is outside 0–999
     */
    void rewrite(String ruleOrListenerArn, Map<String, Integer> weights) {
        Located at = locate(ruleOrListenerArn);
        if (at == null) {
            throw new IllegalArgumentException("No listener rule " + ruleOrListenerArn
                    + " (an application load balancer's rule ARN or a network load balancer's listener ARN)");
        }
        Action forward = forward(at.actions());
        if (forward == null) {
            throw new IllegalArgumentException("The listener rule " + ruleOrListenerArn + " does not forward");
        }
        Map<String, Integer> next = weights(forward);
        for (Map.Entry<String, Integer> e : weights.entrySet()) {
            if (!next.containsKey(e.getKey())) {
                throw new IllegalArgumentException("The target group " + e.getKey()
                        + " is not in the forward action of the listener rule " + ruleOrListenerArn);
            }
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 999) {
                throw new IllegalArgumentException("The weight " + e.getValue() + " of the target group "
                        + e.getKey() + " must be between 0 and 999");
            }
            next.put(e.getKey(), e.getValue());
        }
        List<TargetGroupTuple> tuples = new ArrayList<>();
        next.forEach((arn, weight) -> tuples.add(TargetGroupTuple.builder().targetGroupArn(arn).weight(weight).build()));
        ForwardActionConfig.Builder config = ForwardActionConfig.builder().targetGroups(tuples);
        if (forward.forwardConfig() != null && forward.forwardConfig().targetGroupStickinessConfig() != null) {
            config.targetGroupStickinessConfig(forward.forwardConfig().targetGroupStickinessConfig());
        }
        Action rewritten = forward.toBuilder().targetGroupArn(tuples.size() == 1 ? tuples.get(0).targetGroupArn() : null)
                .forwardConfig(config.build()).build();
        List<Action> actions = new ArrayList<>(at.actions());
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) == forward) {
                actions.set(i, rewritten);
            }
        }
        at.actions(List.copyOf(actions));
        StringJoiner journaled = new StringJoiner(",");
        next.forEach((arn, weight) -> journaled.add(arn + "=" + weight));
        resources.region().record(JournalEventType.LOAD_BALANCER, at.lb.arn, "rule", at.arn,
                "weights", journaled.toString());
    }

    /** The first forward action, or null. */
    static Action forward(List<Action> actions) {
        for (Action a : actions) {
            if ("forward".equals(a.typeAsString())) {
                return a;
            }
        }
        return null;
    }

    /** Target group ARN to weight in the action's order (a plain TargetGroupArn forward: weight 1). */
    static Map<String, Integer> weights(Action forward) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (forward == null) {
            return out;
        }
        List<TargetGroupTuple> tuples = forward.forwardConfig() == null ? List.of()
                : forward.forwardConfig().targetGroups();
        for (TargetGroupTuple t : tuples) {
            out.put(t.targetGroupArn(), t.weight() == null ? 1 : t.weight());
        }
        if (tuples.isEmpty() && forward.targetGroupArn() != null) {
            out.put(forward.targetGroupArn(), 1);
        }
        return out;
    }

    private Located locate(String arn) {
        if (arn == null) {
            return null;
        }
        RuleRecord rule = resources.rules.get(arn);
        if (rule != null) {
            ListenerRecord l = resources.listeners.get(rule.listenerArn);
            return l == null ? null : new Located(arn, l, rule, resources.loadBalancers.get(l.loadBalancerArn));
        }
        ListenerRecord listener = resources.listeners.get(arn);
        if (listener != null) {
            LoadBalancerRecord lb = resources.loadBalancers.get(listener.loadBalancerArn);
            return lb == null || lb.isApplication() ? null : new Located(arn, listener, null, lb);
        }
        for (ListenerRecord l : resources.listeners.values()) {
            LoadBalancerRecord lb = resources.loadBalancers.get(l.loadBalancerArn);
            if (l.defaultRuleArn.equals(arn) && lb != null) {
                return new Located(arn, l, null, lb);
            }
        }
        return null;
    }
}
