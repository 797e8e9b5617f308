package dev.fakeecs.internal.elbv2;

import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RulePriorityPair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Listener rules: priorities 1–50000 unique per listener (PriorityInUse), conditions per {@link Conditions},
 * actions per {@link Actions}, at most {@link #MAX_RULES} per load balancer; the default rule (the listener's
 * default actions) cannot be deleted, re-prioritised or given conditions.
 *
 * <pre>{@code
 * RuleRecord r = rules.create(CreateRuleRequest.builder().listenerArn(l).priority(10)
 *         .conditions(c -> c.field("path-pattern").values("/api/*"))
 *         .actions(a -> a.type("forward").targetGroupArn(tg)).build());
 * }</pre>
 */
final class Rules {

    /** Rules per load balancer, default rules not counted (neighbours.md 1.5). */
    static final int MAX_RULES = 100;

    private final ElbResources resources;
    private final TargetHealthChecker health;
    private final ElbTags tags;
    private final Actions actions;

    /** A rule with its listener ({@code rule} null: the listener's default rule). */
    record Selected(ListenerRecord listener, RuleRecord rule) {
    }

    Rules(ElbResources resources, TargetHealthChecker health, ElbTags tags, Actions actions) {
        this.resources = resources;
        this.health = health;
        this.tags = tags;
        this.actions = actions;
    }

    RuleRecord create(CreateRuleRequest r) {
        ListenerRecord l = resources.listener(r.listenerArn());
        tags.check(r.tags());
        LoadBalancerRecord lb = resources.loadBalancer(l.loadBalancerArn);
        if (r.priority() == null) {
            throw ElbErrors.validation("A rule priority must be specified");
        }
        ElbErrors.range("priority", r.priority(), 1, 50000);
        Conditions.check(r.conditions());
        List<Action> checked = actions.check(lb, r.actions());
        for (RuleRecord other : l.rules) {
            if (other.priority == r.priority()) {
                throw ElbErrors.of("PriorityInUse", "The specified priority is in use.");
            }
        }
        int count = 0;
        for (ListenerRecord other : resources.listenersOf(lb.arn)) {
            count += other.rules.size();
        }
        if (count >= MAX_RULES) {
            throw ElbErrors.of("TooManyRules", "The quota for the number of rules per load balancer has been reached");
        }
        RuleTransforms.check(lb, r.transforms());
        RuleRecord rule = new RuleRecord(resources.ruleArn(lb, l.arn), l.arn, r.priority(), r.conditions(), checked);
        rule.transforms = r.transforms();
        health.usageChange(() -> {
            l.rules.add(rule);
            resources.rules.put(rule.arn, rule);
        });
        if (r.hasTags()) {
            tags.add(List.of(rule.arn), r.tags());
        }
        resources.region().record(JournalEventType.LOAD_BALANCER, rule.arn, "rule", "created",
                "priority", String.valueOf(r.priority()));
        return rule;
    }

    /** The rule, or null for a listener's default rule (then {@code listener} holds the listener). */
    private RuleRecord find(String arn, ListenerRecord[] listener) {
        RuleRecord rule = arn == null ? null : resources.rules.get(arn);
        if (rule != null) {
            listener[0] = resources.listeners.get(rule.listenerArn);
            return rule;
        }
        for (ListenerRecord l : resources.listeners.values()) {
            if (l.defaultRuleArn.equals(arn)) {
                listener[0] = l;
                return null;
            }
        }
        throw ElbErrors.ruleNotFound();
    }

    /** Modifies a rule; returns the listener and rule ({@code rule} null for a default rule). */
    Selected modify(ModifyRuleRequest r) {
        ListenerRecord[] listener = new ListenerRecord[1];
        RuleRecord rule = find(r.ruleArn(), listener);
        ListenerRecord l = listener[0];
        LoadBalancerRecord lb = resources.loadBalancer(l.loadBalancerArn);
        if (rule == null && r.hasConditions() && !r.conditions().isEmpty()) {
            throw ElbErrors.of("OperationNotPermitted", "You cannot add conditions to a default rule");
        }
        if (rule != null && r.hasConditions()) {
            Conditions.check(r.conditions());
        }
        List<Action> checked = r.hasActions() ? actions.check(lb, r.actions()) : null;
        boolean reset = Boolean.TRUE.equals(r.resetTransforms());
        if (r.hasTransforms() && !r.transforms().isEmpty()) {
            if (rule == null) {
                throw ElbErrors.of("OperationNotPermitted", "You cannot add transforms to a default rule");
            }
            if (reset) {
                throw ElbErrors.validation("Transforms and ResetTransforms cannot be specified together");
            }
            RuleTransforms.check(lb, r.transforms());
        }
        if (rule != null && reset) {
            rule.transforms = List.of();
        } else if (rule != null && r.hasTransforms() && !r.transforms().isEmpty()) {
            rule.transforms = r.transforms();
        }
        health.usageChange(() -> {
            if (rule == null) {
                if (checked != null) {
                    l.defaultActions = checked;
                }
            } else {
                if (r.hasConditions()) {
                    rule.conditions = r.conditions();
                }
                if (checked != null) {
                    rule.actions = checked;
                }
            }
        });
        resources.region().record(JournalEventType.LOAD_BALANCER, r.ruleArn(), "rule", "modified");
        return new Selected(l, rule);
    }

    void delete(String arn) {
        ListenerRecord[] listener = new ListenerRecord[1];
        RuleRecord rule = find(arn, listener);
        if (rule == null) {
            throw ElbErrors.of("OperationNotPermitted", "Default rule '" + arn + "' cannot be deleted");
        }
        health.usageChange(() -> {
            listener[0].rules.remove(rule);
            resources.rules.remove(arn);
        });
        tags.forget(arn);
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "rule", "deleted");
    }

    List<RuleRecord> setPriorities(List<RulePriorityPair> pairs) {
        Map<RuleRecord, Integer> changes = new HashMap<>();
        List<RuleRecord> changed = new ArrayList<>();
        for (RulePriorityPair p : pairs) {
            ListenerRecord[] listener = new ListenerRecord[1];
            RuleRecord rule = find(p.ruleArn(), listener);
            if (rule == null) {
                throw ElbErrors.of("OperationNotPermitted", "The priority of a default rule cannot be changed");
            }
            if (p.priority() == null) {
                throw ElbErrors.validation("A rule priority must be specified");
            }
            ElbErrors.range("priority", p.priority(), 1, 50000);
            changes.put(rule, p.priority());
            changed.add(rule);
        }
        for (RuleRecord rule : changed) {
            ListenerRecord l = resources.listeners.get(rule.listenerArn);
            for (RuleRecord other : l.rules) {
                int mine = changes.get(rule);
                int theirs = changes.getOrDefault(other, other.priority);
                if (other != rule && mine == theirs) {
                    throw ElbErrors.of("PriorityInUse", "The specified priority is in use.");
                }
            }
        }
        changes.forEach((rule, priority) -> rule.priority = priority);
        for (RuleRecord rule : changed) {
            resources.region().record(JournalEventType.LOAD_BALANCER, rule.arn, "priority",
                    String.valueOf(rule.priority));
        }
        return changed;
    }

    /** DescribeRules' selection: a listener's rules by priority then its default rule, or the named rules. */
    List<Selected> select(String listenerArn, List<String> arns) {
        if (listenerArn != null && !arns.isEmpty()) {
            throw ElbErrors.validation("Rule ARNs and a listener ARN cannot be specified at the same time");
        }
        if (listenerArn == null && arns.isEmpty()) {
            throw ElbErrors.validation("You must specify either listener ARN or rule ARNs");
        }
        List<Selected> out = new ArrayList<>();
        if (listenerArn != null) {
            ListenerRecord l = resources.listener(listenerArn);
            for (RuleRecord rule : l.rulesByPriority()) {
                out.add(new Selected(l, rule));
            }
            out.add(new Selected(l, null));
            return out;
        }
        for (String arn : arns) {
            ListenerRecord[] listener = new ListenerRecord[1];
            RuleRecord rule = find(arn, listener);
            out.add(new Selected(listener[0], rule));
        }
        return out;
    }
}
