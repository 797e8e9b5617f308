package dev.fakeecs.dsl.loadbalancing;

import dev.fakeecs.dsl.internal.Check;

/**
 * What a service's {@code loadBalancers[].advancedConfiguration} says for BLUE_GREEN, LINEAR and CANARY
 * deployments, by name: the alternate target group the new revision registers in, the production listener rule
 * whose weights ECS shifts, the optional test listener rule, and the IAM role ECS uses on the load balancer. Rules
 * are named by {@link ListenerRuleSpec#ref} ({@code "web-alb:80:1"}, or {@code "web-alb:80:default"} for a
 * listener's default rule) or by ARN; the world applier resolves names and references.
 *
 * <pre>{@code
 * .behindLoadBalancer("web-blue", "app", 8080, lb -> lb.alternateTargetGroup("web-green")
 *     .productionListenerRule("web-alb", 80, 1).testListenerRule("web-alb", 8080, 1)
 *     .role("arn:aws:iam::123456789012:role/ecs-infrastructure"))
 * }</pre>
 *
 * @param alternateTargetGroup   the alternate target group's declared name (or ARN)
 * @param productionListenerRule the production rule's reference (or ARN)
 * @param testListenerRule       the test rule's reference (or ARN), or null
 * @param roleArn                the IAM role ECS manages the load balancer with
 */
public record AdvancedLoadBalancing(String alternateTargetGroup, String productionListenerRule,
                                   String testListenerRule, String roleArn) {

    /** The role a declaration gets when it names none (the fake does not check IAM). */
    public static final String DEFAULT_ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers";

    /** Requires the alternate target group, the production rule and the role. */
    public AdvancedLoadBalancing {
        String where = "advancedConfiguration";
        Check.notBlank(where, "alternateTargetGroup", alternateTargetGroup);
        Check.notBlank(where, "productionListenerRule", productionListenerRule);
        Check.notBlank(where, "roleArn", roleArn);
        Check.that(testListenerRule == null || !testListenerRule.isBlank(), where, "testListenerRule",
                testListenerRule, "must not be blank");
    }

    /** The alternate target group's name (the name inside an ARN). */
    public String alternateTargetGroupName() {
        return ElbArns.name(alternateTargetGroup);
    }

    /** Builds the advanced configuration of one target group attachment. */
    public static final class Builder {
        private String alternateTargetGroup;
        private String productionListenerRule;
        private String testListenerRule;
        private String roleArn = DEFAULT_ROLE;

        /** A new, empty builder (the service DSL hands one out). */
        public Builder() {
        }

        /** The alternate target group (declared name or ARN): where the new revision registers. */
        public Builder alternateTargetGroup(String nameOrArn) { this.alternateTargetGroup = nameOrArn; return this; }

        /** The production listener rule by reference ({@link ListenerRuleSpec#ref}) or ARN. */
        public Builder productionListenerRule(String refOrArn) { this.productionListenerRule = refOrArn; return this; }

        /** The production listener rule of a declared listener, at {@code priority} (0: its default rule). */
        public Builder productionListenerRule(String loadBalancer, int port, int priority) {
            return productionListenerRule(ListenerRuleSpec.ref(loadBalancer, port, priority));
        }

        /** The test listener rule by reference or ARN. */
        public Builder testListenerRule(String refOrArn) { this.testListenerRule = refOrArn; return this; }

        /** The test listener rule of a declared listener, at {@code priority} (0: its default rule). */
        public Builder testListenerRule(String loadBalancer, int port, int priority) {
            return testListenerRule(ListenerRuleSpec.ref(loadBalancer, port, priority));
        }

        /** The IAM role ECS uses on the load balancer (default {@link #DEFAULT_ROLE}). */
        public Builder role(String arn) { this.roleArn = arn; return this; }

        public AdvancedLoadBalancing build() {
            return new AdvancedLoadBalancing(alternateTargetGroup, productionListenerRule, testListenerRule, roleArn);
        }
    }
}
