package dev.fakeecs.internal.targets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A listener rule that forwards to target groups, as ECS's blue/green, linear and canary deployments see it
 * through {@code loadBalancers[].advancedConfiguration.productionListenerRule} / {@code testListenerRule}: for an
 * application load balancer a rule ARN (the listener's default rule included), for a network load balancer the
 * listener ARN (its default action).
 *
 * <pre>{@code
 * ForwardRule rule = directory.forwardRule(productionRuleArn);
 * rule.weights();   // {blueTgArn=1, greenTgArn=0}
 * }</pre>
 *
 * @param arn              the rule ARN (or NLB listener ARN) ECS was given
 * @param listenerArn      the listener the rule belongs to
 * @param loadBalancerArn  the load balancer of that listener
 * @param loadBalancerType application or network
 * @param isDefault        whether it is the listener's default rule (or an NLB listener's default action)
 * @param weights          target group ARN to weight, in the forward action's order (empty when it does not
 *                         forward)
 */
public record ForwardRule(String arn, String listenerArn, String loadBalancerArn, String loadBalancerType,
                          boolean isDefault, Map<String, Integer> weights) {

    public ForwardRule {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** Whether the rule's forward action includes the target group (whatever its weight). */
    public boolean forwardsTo(String targetGroupArn) {
        return weights.containsKey(targetGroupArn);
    }
}
