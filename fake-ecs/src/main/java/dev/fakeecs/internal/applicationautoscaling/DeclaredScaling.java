package dev.fakeecs.internal.applicationautoscaling;

import dev.fakeecs.autoscaling.ScalingMetric;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scalable target declared by the engine's own setup (the DSL's {@code autoScaling(..)},
 * {@code EngineSetup.registerScalableTarget}) turned into the Application Auto Scaling requests production code
 * would send: {@code RegisterScalableTarget} for {@code service/<cluster>/<service>} and one target tracking
 * {@code PutScalingPolicy} per {@link TargetTrackingPolicy}, named after its metric and target
 * ({@code ECSServiceAverageCPUUtilization-60}). Both paths therefore create the same target, policies and
 * CloudWatch alarms and give the same journal; only the way in differs (setup calls skip the API's interceptors and
 * auto clock step).
 *
 * <pre>{@code
 * DeclaredScaling.declare(aas, "prod", "orders", 2, 20, List.of(TargetTrackingPolicy.cpu(60)), null);
 * }</pre>
 */
public final class DeclaredScaling {

    private DeclaredScaling() {
    }

    /**
     * Registers the target and puts its policies (an equal policy is put again, which changes nothing).
     *
     * @param resourceLabel the {@code app/.../targetgroup/...} label of the service's target group, needed only by
     *                      request-count policies (null: none; such a policy is then refused as the API would)
     */
    public static void declare(ApplicationAutoScaling aas, String cluster, String service, int minCapacity,
                               int maxCapacity, List<TargetTrackingPolicy> policies, String resourceLabel) {
        String resourceId = "service/" + cluster + "/" + service;
        aas.asSetup(() -> {
            aas.registerScalableTarget(RegisterScalableTargetRequest.builder().serviceNamespace("ecs")
                    .scalableDimension(ApplicationAutoScaling.DIMENSION).resourceId(resourceId)
                    .minCapacity(minCapacity).maxCapacity(maxCapacity).build());
            for (TargetTrackingPolicy p : policies) {
                aas.putScalingPolicy(request(resourceId, p, resourceLabel));
            }
            return null;
        });
    }

    /** The policy name a declared policy gets: its predefined metric type and target value. */
    public static String policyName(TargetTrackingPolicy p) {
        return p.metric().awsName() + "-" + BigDecimal.valueOf(p.targetValue()).stripTrailingZeros().toPlainString();
    }

    static PutScalingPolicyRequest request(String resourceId, TargetTrackingPolicy p, String resourceLabel) {
        PredefinedMetricSpecification.Builder metric = PredefinedMetricSpecification.builder()
                .predefinedMetricType(p.metric().awsName());
        if (p.metric() == ScalingMetric.ALB_REQUEST_COUNT_PER_TARGET) {
            metric.resourceLabel(resourceLabel);
        }
        return PutScalingPolicyRequest.builder().serviceNamespace("ecs")
                .scalableDimension(ApplicationAutoScaling.DIMENSION).resourceId(resourceId)
                .policyName(policyName(p)).policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                        .targetValue(p.targetValue()).predefinedMetricSpecification(metric.build())
                        .scaleOutCooldown((int) p.scaleOutCooldown().toSeconds())
                        .scaleInCooldown((int) p.scaleInCooldown().toSeconds())
                        .disableScaleIn(p.disableScaleIn()).build())
                .build();
    }
}
