package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks and normalises listener and rule actions: exactly one terminal action (forward, redirect,
 * fixed-response), last by {@code Order}; forward to existing target groups (at most 5, weights 0–999, both
 * forms naming the same single group), none of them used by another load balancer. A single-group forward is
 * stored in both forms ({@code TargetGroupArn} and {@code ForwardConfig} with weight 1), as DescribeRules
 * echoes it.
 *
 * <pre>{@code
 * List<Action> stored = actions.check(lb, request.defaultActions());
 * }</pre>
 */
final class Actions {

    static final int MAX_TARGET_GROUPS_PER_ACTION = 5;
    /** Target groups per application load balancer (neighbours.md 1.5). */
    static final int MAX_TARGET_GROUPS_PER_LOAD_BALANCER = 100;
    private static final Set<String> TERMINAL = Set.of("forward", "redirect", "fixed-response");
    private static final Set<String> TYPES = Set.of("forward", "redirect", "fixed-response", "authenticate-oidc",
            "authenticate-cognito", "jwt-validation");

    private final ElbResources resources;

    Actions(ElbResources resources) {
        this.resources = resources;
    }

    List<Action> check(LoadBalancerRecord lb, List<Action> actions) {
        if (actions == null || actions.isEmpty()) {
            throw ElbErrors.validation("At least one action must be specified");
        }
        List<Action> out = new ArrayList<>();
        int terminal = 0;
        for (Action a : actions) {
            String type = a.typeAsString();
            if (type == null || !TYPES.contains(type)) {
                throw ElbErrors.of("InvalidLoadBalancerAction", "Action type '" + type + "' is not valid");
            }
            ElbErrors.range("order", a.order(), 1, 50000);
            if (TERMINAL.contains(type)) {
                terminal++;
            }
            out.add(switch (type) {
                case "forward" -> forward(lb, a);
                case "fixed-response" -> fixedResponse(a);
                case "redirect" -> redirect(a);
                default -> {
                    if (!lb.isApplication()) {
                        throw ElbErrors.of("InvalidLoadBalancerAction", "Action type '" + type
                                + "' is not supported by network load balancers");
                    }
                    yield a;
                }
            });
        }
        if (terminal != 1) {
            throw ElbErrors.of("InvalidLoadBalancerAction", "Exactly one of the following action types must be "
                    + "specified: forward, redirect, fixed-response");
        }
        List<Action> ordered = new ArrayList<>(out);
        ordered.sort(Comparator.comparingInt(a -> a.order() == null ? Integer.MAX_VALUE : a.order()));
        if (!TERMINAL.contains(ordered.get(ordered.size() - 1).typeAsString())) {
            throw ElbErrors.of("InvalidLoadBalancerAction", "The forward, redirect or fixed-response action must be "
                    + "the last action to be performed");
        }
        return out;
    }

    private Action forward(LoadBalancerRecord lb, Action a) {
        List<TargetGroupTuple> tuples = a.forwardConfig() == null ? List.of() : a.forwardConfig().targetGroups();
        if (a.targetGroupArn() == null && tuples.isEmpty()) {
            throw ElbErrors.validation("A target group ARN must be specified for a forward action");
        }
        if (tuples.size() > MAX_TARGET_GROUPS_PER_ACTION) {
            throw ElbErrors.of("TooManyTargetGroups", "You can specify up to " + MAX_TARGET_GROUPS_PER_ACTION
                    + " target groups in a forward action");
        }
        if (a.targetGroupArn() != null && !tuples.isEmpty()
                && (tuples.size() != 1 || !a.targetGroupArn().equals(tuples.get(0).targetGroupArn()))) {
            throw ElbErrors.of("InvalidLoadBalancerAction", "You cannot specify both a target group ARN and a "
                    + "forward config with different target groups");
        }
        List<String> seen = new ArrayList<>();
        for (TargetGroupTuple t : tuples) {
            ElbErrors.range("weight", t.weight(), 0, 999);
            if (seen.contains(t.targetGroupArn())) {
                throw ElbErrors.validation("Target group '" + t.targetGroupArn() + "' is specified more than once");
            }
            seen.add(t.targetGroupArn());
        }
        if (a.targetGroupArn() != null && seen.isEmpty()) {
            seen.add(a.targetGroupArn());
        }
        for (String arn : seen) {
            TargetGroupRecord tg = resources.targetGroups.get(arn);
            if (tg == null) {
                throw ElbErrors.targetGroupNotFound(arn);
            }
            for (String other : resources.loadBalancersUsing(arn)) {
                if (!other.equals(lb.arn)) {
                    throw ElbErrors.of("TargetGroupAssociationLimit", "The following target groups cannot be "
                            + "associated with more than one load balancer: " + arn);
                }
            }
            boolean httpGroup = tg.protocol != null && tg.protocol.startsWith("HTTP") || "lambda".equals(tg.targetType);
            if (lb.isApplication() != httpGroup || "alb".equals(tg.targetType) && lb.isApplication()) {
                throw ElbErrors.of("IncompatibleProtocols", "The target group '" + arn + "' has a protocol that is "
                        + "not compatible with the load balancer");
            }
        }
        java.util.Set<String> unique = new java.util.LinkedHashSet<>(seen);
        for (TargetGroupRecord tg : resources.targetGroups.values()) {
            if (resources.loadBalancersUsing(tg.arn).contains(lb.arn)) {
                unique.add(tg.arn);
            }
        }
        if (unique.size() > MAX_TARGET_GROUPS_PER_LOAD_BALANCER) {
            throw ElbErrors.of("TooManyUniqueTargetGroupsPerLoadBalancer", "You've reached the limit on the number "
                    + "of unique target groups per load balancer across all listeners");
        }
        if (seen.size() == 1) {
            Integer weight = tuples.isEmpty() || tuples.get(0).weight() == null ? 1 : tuples.get(0).weight();
            ForwardActionConfig.Builder config = ForwardActionConfig.builder()
                    .targetGroups(TargetGroupTuple.builder().targetGroupArn(seen.get(0)).weight(weight).build());
            if (a.forwardConfig() != null && a.forwardConfig().targetGroupStickinessConfig() != null) {
                config.targetGroupStickinessConfig(a.forwardConfig().targetGroupStickinessConfig());
            }
            return a.toBuilder().targetGroupArn(seen.get(0)).forwardConfig(config.build()).build();
        }
        return a;
    }

    private static Action fixedResponse(Action a) {
        if (a.fixedResponseConfig() == null || a.fixedResponseConfig().statusCode() == null
                || !a.fixedResponseConfig().statusCode().matches("[245]\\d\\d")) {
            throw ElbErrors.validation("A fixed-response action needs a status code 2XX, 4XX or 5XX");
        }
        return a;
    }

    private static Action redirect(Action a) {
        if (a.redirectConfig() == null || a.redirectConfig().statusCodeAsString() == null) {
            throw ElbErrors.validation("A redirect action needs a status code HTTP_301 or HTTP_302");
        }
        return a;
    }
}
