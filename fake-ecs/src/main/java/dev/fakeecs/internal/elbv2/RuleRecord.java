package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

import java.util.List;

/**
 * One non-default listener rule.
 *
 * <pre>{@code
 * RuleRecord r = new RuleRecord(arn, listenerArn, 10, conditions, actions);
 * }</pre>
 */
final class RuleRecord {

    final String arn;
    final String listenerArn;
    int priority;
    List<RuleCondition> conditions;
    List<Action> actions;
    /** Host header and URL rewrites applied before the actions (stored and returned, not simulated). */
    List<software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleTransform> transforms = List.of();

    RuleRecord(String arn, String listenerArn, int priority, List<RuleCondition> conditions, List<Action> actions) {
        this.arn = arn;
        this.listenerArn = listenerArn;
        this.priority = priority;
        this.conditions = conditions;
        this.actions = actions;
    }
}
