package dev.fakeecs.internal.service;

import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.targets.ForwardRule;
import dev.fakeecs.internal.targets.TargetGroupDirectory;
import dev.fakeecs.internal.targets.TargetGroupInfo;
import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.CanaryConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookTimeoutConfiguration;
import software.amazon.awssdk.services.ecs.model.LinearConfiguration;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;

import java.util.List;

/**
 * Checks {@code deploymentConfiguration.strategy} and what goes with it, as CreateService and UpdateService do
 * (ranges from the ECS API reference; messages name the field): bake time 0-1440 minutes; linear step 3.0-100.0 %
 * and canary 0.1-100.0 % with bakes 0-1440; lifecycle hooks (AWS_LAMBDA needs {@code hookTargetArn}; PAUSE takes
 * none and cannot run at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT; at least one stage; timeouts 1-20160
 * minutes); the circuit breaker only with ROLLING; only the ECS controller and REPLICA services take a strategy
 * other than ROLLING; LINEAR and CANARY need a load balancer or Service Connect; and every load balancer of a
 * BLUE_GREEN, LINEAR or CANARY service carries an {@code advancedConfiguration} whose alternate target group,
 * production listener rule (NLB: listener) and optional test listener rule exist, whose production rule forwards
 * to both target groups, and which names the infrastructure role.
 *
 * <pre>{@code
 * validation.check(service.schedulingStrategy(), controller, config, loadBalancers, usesServiceConnect);
 * }</pre>
 */
final class DeploymentStrategyValidation {

    private final TargetGroupDirectory targetGroups;

    DeploymentStrategyValidation(TargetGroupDirectory targetGroups) {
        this.targetGroups = targetGroups;
    }

    /** The strategy a configuration asks for (ROLLING when absent). */
    static String strategyOf(DeploymentConfiguration c) {
        return c == null || c.strategy() == null ? "ROLLING" : c.strategyAsString();
    }

    /** Whether the strategy shifts traffic in stages (BLUE_GREEN, LINEAR, CANARY). */
    static boolean isStaged(String strategy) {
        return "BLUE_GREEN".equals(strategy) || "LINEAR".equals(strategy) || "CANARY".equals(strategy);
    }

    void check(String schedulingStrategy, String controller, DeploymentConfiguration c,
               List<LoadBalancer> loadBalancers, boolean usesServiceConnect) {
        String strategy = strategyOf(c);
        if (c == null) {
            return;
        }
        if (c.bakeTimeInMinutes() != null) {
            range("deploymentConfiguration.bakeTimeInMinutes", c.bakeTimeInMinutes(), 0, 1440);
        }
        LinearConfiguration linear = c.linearConfiguration();
        if (linear != null) {
            if (linear.stepPercent() != null) {
                range("deploymentConfiguration.linearConfiguration.stepPercent", linear.stepPercent(), 3.0, 100.0);
            }
            if (linear.stepBakeTimeInMinutes() != null) {
                range("deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes",
                        linear.stepBakeTimeInMinutes(), 0, 1440);
            }
        }
        CanaryConfiguration canary = c.canaryConfiguration();
        if (canary != null) {
            if (canary.canaryPercent() != null) {
                range("deploymentConfiguration.canaryConfiguration.canaryPercent", canary.canaryPercent(), 0.1, 100.0);
            }
            if (canary.canaryBakeTimeInMinutes() != null) {
                range("deploymentConfiguration.canaryConfiguration.canaryBakeTimeInMinutes",
                        canary.canaryBakeTimeInMinutes(), 0, 1440);
            }
        }
        if (c.hasLifecycleHooks()) {
            for (DeploymentLifecycleHook hook : c.lifecycleHooks()) {
                checkHook(hook);
            }
        }
        if (!"ROLLING".equals(strategy)) {
            if (!"ECS".equals(controller)) {
                throw EcsErrors.invalidParameter("deploymentConfiguration.strategy " + strategy
                        + " is only supported with the ECS deployment controller.");
            }
            if ("DAEMON".equals(schedulingStrategy)) {
                throw EcsErrors.invalidParameter("deploymentConfiguration.strategy " + strategy
                        + " is not supported for services using the DAEMON scheduling strategy.");
            }
            if (c.deploymentCircuitBreaker() != null && Boolean.TRUE.equals(c.deploymentCircuitBreaker().enable())) {
                throw EcsErrors.invalidParameter("deploymentConfiguration.deploymentCircuitBreaker is only supported "
                        + "with the ROLLING deployment strategy; use deploymentConfiguration.alarms with " + strategy
                        + ".");
            }
            if (!"BLUE_GREEN".equals(strategy) && loadBalancers.isEmpty() && !usesServiceConnect) {
                throw EcsErrors.invalidParameter("deploymentConfiguration.strategy " + strategy
                        + " requires a load balancer or Service Connect.");
            }
        }
        if (isStaged(strategy)) {
            for (LoadBalancer lb : loadBalancers) {
                checkAdvanced(lb);
            }
        }
    }

    private static void checkHook(DeploymentLifecycleHook hook) {
        String type = hook.targetType() == null ? "AWS_LAMBDA" : hook.targetTypeAsString();
        if ("AWS_LAMBDA".equals(type) && (hook.hookTargetArn() == null || hook.hookTargetArn().isEmpty())) {
            throw EcsErrors.invalidParameter("deploymentConfiguration.lifecycleHooks.hookTargetArn must be "
                    + "provided for a hook with targetType AWS_LAMBDA.");
        }
        if ("AWS_LAMBDA".equals(type) && !hook.hookTargetArn().startsWith("arn:aws:lambda:")) {
            throw EcsErrors.invalidParameter("deploymentConfiguration.lifecycleHooks.hookTargetArn must be a Lambda "
                    + "function ARN, got " + hook.hookTargetArn() + ".");
        }
        if ("PAUSE".equals(type) && hook.hookTargetArn() != null) {
            throw EcsErrors.invalidParameter("deploymentConfiguration.lifecycleHooks.hookTargetArn is not supported "
                    + "for a hook with targetType PAUSE.");
        }
        if (!hook.hasLifecycleStages() || hook.lifecycleStages().isEmpty()) {
            throw EcsErrors.invalidParameter("deploymentConfiguration.lifecycleHooks.lifecycleStages must contain "
                    + "at least one stage.");
        }
        if ("PAUSE".equals(type)) {
            for (String stage : hook.lifecycleStagesAsStrings()) {
                if ("TEST_TRAFFIC_SHIFT".equals(stage) || "PRODUCTION_TRAFFIC_SHIFT".equals(stage)) {
                    throw EcsErrors.invalidParameter("deploymentConfiguration.lifecycleHooks: a PAUSE hook cannot "
                            + "run at the " + stage + " stage.");
                }
            }
        }
        DeploymentLifecycleHookTimeoutConfiguration timeout = hook.timeoutConfiguration();
        if (timeout != null && timeout.timeoutInMinutes() != null) {
            range("deploymentConfiguration.lifecycleHooks.timeoutConfiguration.timeoutInMinutes",
                    timeout.timeoutInMinutes(), 1, 20160);
        }
    }

    private void checkAdvanced(LoadBalancer lb) {
        AdvancedConfiguration a = lb.advancedConfiguration();
        if (a == null) {
            throw EcsErrors.invalidParameter("loadBalancers.advancedConfiguration must be provided for the target "
                    + "group " + lb.targetGroupArn() + " with a BLUE_GREEN, LINEAR or CANARY deployment strategy.");
        }
        if (a.alternateTargetGroupArn() == null || a.alternateTargetGroupArn().isEmpty()) {
            throw EcsErrors.invalidParameter("loadBalancers.advancedConfiguration.alternateTargetGroupArn must be "
                    + "provided.");
        }
        if (a.alternateTargetGroupArn().equals(lb.targetGroupArn())) {
            throw EcsErrors.invalidParameter("loadBalancers.advancedConfiguration.alternateTargetGroupArn must differ "
                    + "from targetGroupArn.");
        }
        TargetGroupInfo alternate = targetGroups.find(a.alternateTargetGroupArn());
        if (alternate == null || !alternate.hasLoadBalancer()) {
            throw EcsErrors.invalidParameter("The target group with targetGroupArn " + a.alternateTargetGroupArn()
                    + " does not have an associated load balancer.");
        }
        TargetGroupInfo primary = targetGroups.find(lb.targetGroupArn());
        if (primary != null && !primary.targetType().equals(alternate.targetType())) {
            throw EcsErrors.invalidParameter("The alternate target group " + a.alternateTargetGroupArn()
                    + " has target type " + alternate.targetType() + ", which differs from target type "
                    + primary.targetType() + " of " + lb.targetGroupArn() + ".");
        }
        if (a.productionListenerRule() == null || a.productionListenerRule().isEmpty()) {
            throw EcsErrors.invalidParameter("loadBalancers.advancedConfiguration.productionListenerRule must be "
                    + "provided.");
        }
        ForwardRule production = targetGroups.forwardRule(a.productionListenerRule());
        if (production == null) {
            throw EcsErrors.invalidParameter("The listener rule " + a.productionListenerRule()
                    + " in loadBalancers.advancedConfiguration.productionListenerRule does not exist.");
        }
        if (!production.forwardsTo(lb.targetGroupArn()) || !production.forwardsTo(a.alternateTargetGroupArn())) {
            throw EcsErrors.invalidParameter("The production listener rule " + a.productionListenerRule()
                    + " must forward to both target groups " + lb.targetGroupArn() + " and "
                    + a.alternateTargetGroupArn() + ".");
        }
        if (a.testListenerRule() != null && !a.testListenerRule().isEmpty()) {
            ForwardRule test = targetGroups.forwardRule(a.testListenerRule());
            if (test == null) {
                throw EcsErrors.invalidParameter("The listener rule " + a.testListenerRule()
                        + " in loadBalancers.advancedConfiguration.testListenerRule does not exist.");
            }
            if (!test.forwardsTo(lb.targetGroupArn()) || !test.forwardsTo(a.alternateTargetGroupArn())) {
                throw EcsErrors.invalidParameter("The test listener rule " + a.testListenerRule()
                        + " must forward to both target groups " + lb.targetGroupArn() + " and "
                        + a.alternateTargetGroupArn() + ".");
            }
        }
        if (a.roleArn() == null || a.roleArn().isEmpty()) {
            throw EcsErrors.invalidParameter("loadBalancers.advancedConfiguration.roleArn must be provided.");
        }
    }

    private static void range(String field, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            String shown = value == Math.rint(value) && max >= 100 && min == Math.rint(min) && max == Math.rint(max)
                    ? Long.toString((long) value) : Double.toString(value);
            throw EcsErrors.invalidParameter(field + " must be between " + fmt(min) + " and " + fmt(max) + ", got "
                    + shown + ".");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
