package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.Limit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DescribeAccountLimits: Elastic Load Balancing's quotas by AWS's limit names, in the order the AWS CLI shows
 * them, with the numbers the simulation enforces where it enforces them (load balancers, listeners, rules,
 * target groups, targets, condition values, target groups per action and per load balancer, certificates)
 * and AWS's default quota for the rest (neighbours.md 1.5).
 *
 * <pre>{@code
 * List<Limit> limits = AccountLimits.all();
 * }</pre>
 */
final class AccountLimits {

    private static final Map<String, Integer> LIMITS = new LinkedHashMap<>();

    static {
        LIMITS.put("target-groups", TargetGroups.MAX_TARGET_GROUPS);
        LIMITS.put("targets-per-application-load-balancer", Targets.MAX_TARGETS);
        LIMITS.put("listeners-per-application-load-balancer", Listeners.MAX_LISTENERS);
        LIMITS.put("rules-per-application-load-balancer", Rules.MAX_RULES);
        LIMITS.put("network-load-balancers", LoadBalancers.MAX_LOAD_BALANCERS);
        LIMITS.put("targets-per-network-load-balancer", 3000);
        LIMITS.put("targets-per-availability-zone-per-network-load-balancer", 500);
        LIMITS.put("listeners-per-network-load-balancer", Listeners.MAX_LISTENERS);
        LIMITS.put("condition-values-per-alb-rule", Conditions.MAX_VALUES);
        LIMITS.put("condition-wildcards-per-alb-rule", 5);
        LIMITS.put("target-groups-per-application-load-balancer", Actions.MAX_TARGET_GROUPS_PER_LOAD_BALANCER);
        LIMITS.put("target-groups-per-action-on-application-load-balancer", Actions.MAX_TARGET_GROUPS_PER_ACTION);
        LIMITS.put("target-groups-per-action-on-network-load-balancer", 1);
        LIMITS.put("certificates-per-application-load-balancer", ListenerCertificates.MAX_CERTIFICATES);
        LIMITS.put("certificates-per-network-load-balancer", ListenerCertificates.MAX_CERTIFICATES);
        LIMITS.put("targets-per-target-group", Targets.MAX_TARGETS);
        LIMITS.put("target-id-registrations-per-application-load-balancer", 1000);
        LIMITS.put("network-load-balancer-enis-per-vpc", 1200);
        LIMITS.put("application-load-balancers", LoadBalancers.MAX_LOAD_BALANCERS);
        LIMITS.put("gateway-load-balancers", 100);
        LIMITS.put("gateway-load-balancers-per-vpc", 100);
        LIMITS.put("geneve-target-groups", 100);
        LIMITS.put("targets-per-availability-zone-per-gateway-load-balancer", 300);
    }

    private AccountLimits() {
    }

    /** Every limit, as DescribeAccountLimits lists them. */
    static List<Limit> all() {
        List<Limit> out = new ArrayList<>();
        LIMITS.forEach((name, max) -> out.add(Limit.builder().name(name).max(String.valueOf(max)).build()));
        return out;
    }
}
