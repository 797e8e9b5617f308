package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;

import java.util.ArrayList;
import java.util.List;

/**
 * One listener and its rules (the default rule is {@link #defaultRuleArn}; its actions are the listener's
 * default actions).
 *
 * <pre>{@code
 * ListenerRecord l = resources.listener(arn);
 * List<RuleRecord> ordered = l.rulesByPriority();
 * }</pre>
 */
final class ListenerRecord {

    final String arn;
    final String loadBalancerArn;
    final String defaultRuleArn;
    int port;
    String protocol;
    String sslPolicy;
    List<Certificate> certificates = List.of();
    List<String> alpnPolicy = List.of();
    List<Action> defaultActions = List.of();
    /** The certificate list beyond the default certificate (AddListenerCertificates), in the order added. */
    final List<Certificate> extraCertificates = new ArrayList<>();
    /** Listener attributes set by ModifyListenerAttributes (the rest keep {@link ListenerAttributes}' defaults). */
    final java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
    /** Mutual TLS settings as given (null: never set). */
    software.amazon.awssdk.services.elasticloadbalancingv2.model.MutualAuthenticationAttributes mutualAuthentication;
    final List<RuleRecord> rules = new ArrayList<>();

    ListenerRecord(String arn, String loadBalancerArn, String defaultRuleArn) {
        this.arn = arn;
        this.loadBalancerArn = loadBalancerArn;
        this.defaultRuleArn = defaultRuleArn;
    }

    /**
     * The forward action that carries the listener's traffic (conditions are not evaluated): that of its
     * forward rule with the lowest priority number when it has non-default rules that forward, else its default
     * action's forward; null when neither forwards.
     */
    Action routedForward() {
        for (RuleRecord rule : rulesByPriority()) {
            Action forward = ForwardWeights.forward(rule.actions);
            if (forward != null) {
                return forward;
            }
        }
        return ForwardWeights.forward(defaultActions);
    }

    /** The non-default rules, lowest priority first. */
    List<RuleRecord> rulesByPriority() {
        List<RuleRecord> sorted = new ArrayList<>(rules);
        sorted.sort(java.util.Comparator.comparingInt(r -> r.priority));
        return sorted;
    }
}
