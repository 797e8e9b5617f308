package dev.fakeecs.internal.targets;

import java.util.List;

/**
 * What ECS needs to know about a target group to validate a service's {@code loadBalancers} entry and to
 * register its tasks.
 *
 * <pre>{@code
 * TargetGroupInfo tg = directory.find(arn);
 * if (tg != null && tg.hasLoadBalancer() && tg.targetType().equals("ip")) { ... }
 * }</pre>
 *
 * @param arn                        the target group ARN
 * @param name                       its name
 * @param targetType                 instance, ip, lambda or alb
 * @param loadBalancerArns           the load balancers whose listeners or rules forward to it (empty: not in use)
 * @param deregistrationDelaySeconds {@code deregistration_delay.timeout_seconds}
 */
public record TargetGroupInfo(String arn, String name, String targetType, List<String> loadBalancerArns,
                              int deregistrationDelaySeconds) {

    public TargetGroupInfo {
        loadBalancerArns = List.copyOf(loadBalancerArns);
    }

    /** Whether a listener or rule of a load balancer forwards to it. */
    public boolean hasLoadBalancer() {
        return !loadBalancerArns.isEmpty();
    }
}
