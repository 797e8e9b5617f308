package dev.fakeecs.internal.express;

import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayScalingTarget;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceScalingMetric;

/**
 * An Express service's scaling, through the simulated Application Auto Scaling API: a scalable target
 * {@code service/<cluster>/<service>} on {@code ecs:service:DesiredCount} between the minimum and maximum task
 * counts, and one target tracking policy on the chosen metric ({@code ECSServiceAverageCPUUtilization},
 * {@code ECSServiceAverageMemoryUtilization} or {@code ALBRequestCountPerTarget} on the service's primary target
 * group) at the target value. Application Auto Scaling creates and owns the policy's CloudWatch alarms.
 *
 * <pre>{@code
 * String targetArn = scaling.register("default", "web", target);
 * String policyArn = scaling.policy("default", "web", target, resourceLabel);
 * }</pre>
 */
final class ExpressScaling {

    /** The name of the target tracking policy ECS puts on an Express service. */
    static final String POLICY_NAME = "ECSExpressGatewayServiceScalingPolicy";

    private final ApplicationAutoScalingClient aas;

    ExpressScaling(ApplicationAutoScalingClient aas) {
        this.aas = aas;
    }

    static String resourceId(String cluster, String service) {
        return "service/" + cluster + "/" + service;
    }

    /** Registers (or changes) the scalable target; returns its ARN. */
    String register(String cluster, String service, ExpressGatewayScalingTarget target) {
        return aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId(resourceId(cluster, service))
                .scalableDimension("ecs:service:DesiredCount").minCapacity(target.minTaskCount())
                .maxCapacity(target.maxTaskCount())).scalableTargetARN();
    }

    /** Puts (or replaces) the target tracking policy; returns its ARN. */
    String policy(String cluster, String service, ExpressGatewayScalingTarget target, String resourceLabel) {
        PredefinedMetricSpecification.Builder metric = PredefinedMetricSpecification.builder()
                .predefinedMetricType(predefinedMetric(target.autoScalingMetric()));
        if (target.autoScalingMetric() == ExpressGatewayServiceScalingMetric.REQUEST_COUNT_PER_TARGET) {
            metric.resourceLabel(resourceLabel);
        }
        return aas.putScalingPolicy(r -> r.policyName(POLICY_NAME).serviceNamespace("ecs")
                .resourceId(resourceId(cluster, service)).scalableDimension("ecs:service:DesiredCount")
                .policyType("TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(c -> c
                        .targetValue((double) target.autoScalingTargetValue())
                        .predefinedMetricSpecification(metric.build()))).policyARN();
    }

    /** The policy as Application Auto Scaling describes it, or null. */
    ScalingPolicy describePolicy(String cluster, String service) {
        return aas.describeScalingPolicies(r -> r.serviceNamespace("ecs").resourceId(resourceId(cluster, service))
                .policyNames(POLICY_NAME)).scalingPolicies().stream().findFirst().orElse(null);
    }

    /** Deregisters the scalable target (which deletes its policy and the policy's alarms). */
    void deregister(String cluster, String service) {
        aas.deregisterScalableTarget(r -> r.serviceNamespace("ecs").resourceId(resourceId(cluster, service))
                .scalableDimension("ecs:service:DesiredCount"));
    }

    static String predefinedMetric(ExpressGatewayServiceScalingMetric metric) {
        if (metric == ExpressGatewayServiceScalingMetric.AVERAGE_MEMORY) {
            return "ECSServiceAverageMemoryUtilization";
        }
        if (metric == ExpressGatewayServiceScalingMetric.REQUEST_COUNT_PER_TARGET) {
            return "ALBRequestCountPerTarget";
        }
        return "ECSServiceAverageCPUUtilization";
    }

    /** The {@code ResourceLabel} of a load balancer and target group: {@code app/<lb>/<id>/targetgroup/<tg>/<id>}. */
    static String resourceLabel(String loadBalancerArn, String targetGroupArn) {
        return loadBalancerDimension(loadBalancerArn) + "/" + targetGroupDimension(targetGroupArn);
    }

    /** {@code app/<name>/<id>}: a load balancer's CloudWatch dimension value. */
    static String loadBalancerDimension(String loadBalancerArn) {
        return loadBalancerArn.substring(loadBalancerArn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
    }

    /** {@code targetgroup/<name>/<id>}: a target group's CloudWatch dimension value. */
    static String targetGroupDimension(String targetGroupArn) {
        return targetGroupArn.substring(targetGroupArn.indexOf(":targetgroup/") + 1);
    }
}
