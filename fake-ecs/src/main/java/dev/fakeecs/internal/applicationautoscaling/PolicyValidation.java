package dev.fakeecs.internal.applicationautoscaling;

import software.amazon.awssdk.services.applicationautoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.applicationautoscaling.model.StepScalingPolicyConfiguration;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a PutScalingPolicy configuration for ECS as Application Auto Scaling does: target tracking needs a
 * target value and exactly one metric (a predefined ECS or ALB metric, ALB with its resource label, or a
 * customized one); step scaling needs an adjustment type and 1 to 20 steps without gaps or overlaps.
 *
 * <pre>{@code
 * TargetTrackingScalingPolicyConfiguration c = PolicyValidation.targetTracking(request.targetTrackingScalingPolicyConfiguration());
 * }</pre>
 */
final class PolicyValidation {

    /** Steps per step scaling policy. */
    static final int MAX_STEPS = 20;

    private PolicyValidation() {
    }

    static TargetTrackingScalingPolicyConfiguration targetTracking(TargetTrackingScalingPolicyConfiguration c) {
        if (c == null) {
            throw AutoScalingErrors.validation("TargetTrackingScalingPolicyConfiguration is required for a policy of "
                    + "type TargetTrackingScaling");
        }
        if (c.targetValue() == null || !(c.targetValue() > 0)) {
            throw AutoScalingErrors.validation("TargetValue must be a positive number");
        }
        PredefinedMetricSpecification predefined = c.predefinedMetricSpecification();
        if ((predefined == null) == (c.customizedMetricSpecification() == null)) {
            throw AutoScalingErrors.validation("Exactly one of PredefinedMetricSpecification and "
                    + "CustomizedMetricSpecification must be given");
        }
        if (predefined != null) {
            String type = predefined.predefinedMetricTypeAsString();
            switch (type == null ? "" : type) {
                case "ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization" -> { }
                case "ALBRequestCountPerTarget" -> {
                    String label = predefined.resourceLabel();
                    if (label == null || !label.matches("app/[^/]+/[^/]+/targetgroup/[^/]+/[^/]+")) {
                        throw AutoScalingErrors.validation("ResourceLabel must be given for ALBRequestCountPerTarget "
                                + "as app/{load-balancer-name}/{id}/targetgroup/{target-group-name}/{id}");
                    }
                }
                default -> throw AutoScalingErrors.validation("Unsupported predefined metric type " + type
                        + " for service namespace ecs");
            }
        } else {
            var custom = c.customizedMetricSpecification();
            if (!custom.hasMetrics() && (custom.metricName() == null || custom.namespace() == null
                    || custom.statisticAsString() == null)) {
                throw AutoScalingErrors.validation("CustomizedMetricSpecification needs MetricName, Namespace and "
                        + "Statistic");
            }
            if (custom.hasMetrics()) {
                throw AutoScalingErrors.validation("fake-ecs does not support metric math (Metrics) in "
                        + "CustomizedMetricSpecification yet");
            }
        }
        return c;
    }

    static StepScalingPolicyConfiguration step(StepScalingPolicyConfiguration c) {
        if (c == null) {
            throw AutoScalingErrors.validation("StepScalingPolicyConfiguration is required for a policy of type "
                    + "StepScaling");
        }
        if (c.adjustmentTypeAsString() == null) {
            throw AutoScalingErrors.validation("AdjustmentType is required for a step scaling policy");
        }
        if (!c.hasStepAdjustments() || c.stepAdjustments().isEmpty()) {
            throw AutoScalingErrors.validation("StepAdjustments must contain at least one step");
        }
        if (c.stepAdjustments().size() > MAX_STEPS) {
            throw AutoScalingErrors.limit("A step scaling policy can have at most " + MAX_STEPS + " steps");
        }
        List<StepAdjustment> steps = new ArrayList<>(c.stepAdjustments());
        for (StepAdjustment s : steps) {
            if (s.scalingAdjustment() == null) {
                throw AutoScalingErrors.validation("ScalingAdjustment is required in every step adjustment");
            }
        }
        steps.sort(Comparator.comparingDouble(s -> s.metricIntervalLowerBound() == null ? Double.NEGATIVE_INFINITY
                : s.metricIntervalLowerBound()));
        for (int i = 0; i < steps.size(); i++) {
            StepAdjustment s = steps.get(i);
            if (i == 0 ? false : s.metricIntervalLowerBound() == null) {
                throw AutoScalingErrors.validation("Only the first step adjustment can have an unbounded lower bound");
            }
            if (i < steps.size() - 1) {
                Double upper = s.metricIntervalUpperBound();
                Double nextLower = steps.get(i + 1).metricIntervalLowerBound();
                if (upper == null || !upper.equals(nextLower)) {
                    throw AutoScalingErrors.validation("Step adjustments must not have gaps or overlaps between "
                            + "their intervals");
                }
            } else if (s.metricIntervalUpperBound() != null && s.metricIntervalLowerBound() != null
                    && s.metricIntervalUpperBound() <= s.metricIntervalLowerBound()) {
                throw AutoScalingErrors.validation("A step adjustment's upper bound must be greater than its lower "
                        + "bound");
            }
        }
        return c;
    }
}
