package dev.fakeecs.internal.targets;

import java.time.Instant;
import java.util.Map;

/**
 * The region's target groups as ECS uses them: validate a service's {@code loadBalancers}, register a task's
 * targets while it is ACTIVATING, deregister them when it stops and wait for draining, follow target health.
 * Published to ECS by the Elastic Load Balancing v2 simulation of the same region; a region without it sees
 * {@link #NONE}. Every call is made under the engine lock.
 *
 * <pre>{@code
 * TargetGroupInfo tg = directory.find(targetGroupArn);
 * directory.register(targetGroupArn, new Target(task.privateIp(), 8080));
 * Instant unused = directory.deregister(targetGroupArn, target);   // now + deregistration delay
 * }</pre>
 */
public interface TargetGroupDirectory {

    /** A region without load balancers: no target group exists. */
    TargetGroupDirectory NONE = new TargetGroupDirectory() {
        @Override
        public TargetGroupInfo find(String targetGroupArn) {
            return null;
        }

        @Override
        public void register(String targetGroupArn, Target target) {
            throw new IllegalStateException("no target group " + targetGroupArn);
        }

        @Override
        public Instant deregister(String targetGroupArn, Target target) {
            return null;
        }

        @Override
        public TargetHealth health(String targetGroupArn, Target target) {
            return TargetHealth.NOT_REGISTERED;
        }

        @Override
        public void addListener(TargetHealthListener listener) {
        }

        @Override
        public ForwardRule forwardRule(String ruleOrListenerArn) {
            return null;
        }

        @Override
        public void forwardWeights(String ruleOrListenerArn, Map<String, Integer> weights) {
            throw new IllegalStateException("no listener rule " + ruleOrListenerArn);
        }
    };

    /** The target group with this ARN in the region, or null. */
    TargetGroupInfo find(String targetGroupArn);

    /**
     * Registers a target as {@code RegisterTargets} does (idempotent for a registered target); its health
     * checks start on the virtual clock.
     */
    void register(String targetGroupArn, Target target);

    /**
     * Deregisters a target as {@code DeregisterTargets} does: it turns {@code draining} at once and becomes
     * unused after the target group's deregistration delay.
     *
     * @return when the target stops draining, or null if it was not registered (or the group is gone)
     */
    Instant deregister(String targetGroupArn, Target target);

    /** The target's health now ({@link TargetHealth#NOT_REGISTERED} when not registered). */
    TargetHealth health(String targetGroupArn, Target target);

    /** Follows every target health change in the region. */
    void addListener(TargetHealthListener listener);

    /**
     * The listener rule with this ARN, or the network load balancer listener with this ARN (its default action),
     * as blue/green-family deployments use it; null when there is none.
     */
    ForwardRule forwardRule(String ruleOrListenerArn);

    /**
     * Rewrites the weights of the rule's (or NLB listener's) forward action as {@code ModifyRule} /
     * {@code ModifyListener} would, visible at once through DescribeRules / DescribeListeners and in the traffic
     * split; journaled. Every target group named must already be in the forward action; the others keep theirs.
     *
     * @throws IllegalArgumentException when the rule is gone or a target group is not in its forward action
     */
    void forwardWeights(String ruleOrListenerArn, Map<String, Integer> weights);
}
