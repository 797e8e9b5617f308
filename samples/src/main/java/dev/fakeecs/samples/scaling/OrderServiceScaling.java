package dev.fakeecs.samples.scaling;

import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/**
 * The auto scaling configuration of the food-delivery platform's order-service as its infrastructure code applies
 * it, using nothing but the AWS SDK's {@link ApplicationAutoScalingClient}: the service scales between 2 and 20 tasks
 * keeping average CPU near 60 %, and every Friday at 18:45 (Europe/London) the minimum goes up to 6 so the dinner
 * rush starts on warm capacity; at 22:00 it goes back to 2.
 *
 * <pre>{@code
 * new OrderServiceScaling(ApplicationAutoScalingClient.create()).apply("food-delivery-prod", "order-service");
 * }</pre>
 */
public final class OrderServiceScaling {

    /** The target tracking policy's name. */
    public static final String CPU_POLICY = "order-service-cpu-60";
    /** The Friday warm-up's scheduled action. */
    public static final String FRIDAY_WARM_UP = "friday-dinner-warm-up";
    /** The scheduled action that ends the warm-up. */
    public static final String FRIDAY_COOL_DOWN = "friday-dinner-cool-down";

    private final ApplicationAutoScalingClient autoScaling;

    public OrderServiceScaling(ApplicationAutoScalingClient autoScaling) {
        this.autoScaling = autoScaling;
    }

    /** Registers the service as a scalable target and puts its policy and scheduled actions (idempotent). */
    public void apply(String cluster, String service) {
        // auto-scaling-production-code-START
        String resourceId = "service/" + cluster + "/" + service;
        autoScaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).resourceId(resourceId)
                .minCapacity(2).maxCapacity(20));
        autoScaling.putScalingPolicy(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).resourceId(resourceId)
                .policyName(CPU_POLICY).policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(
                                MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))
                        .scaleOutCooldown(60).scaleInCooldown(300)));
        autoScaling.putScheduledAction(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).resourceId(resourceId)
                .scheduledActionName(FRIDAY_WARM_UP).schedule("cron(45 18 ? * FRI *)").timezone("Europe/London")
                .scalableTargetAction(a -> a.minCapacity(6).maxCapacity(20)));
        autoScaling.putScheduledAction(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).resourceId(resourceId)
                .scheduledActionName(FRIDAY_COOL_DOWN).schedule("cron(0 22 ? * FRI *)").timezone("Europe/London")
                .scalableTargetAction(a -> a.minCapacity(2).maxCapacity(20)));
        // auto-scaling-production-code-END
    }
}
