package dev.fakeecs.internal.applicationautoscaling;

import software.amazon.awssdk.services.applicationautoscaling.model.CustomizedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.PredefinedMetricSpecification;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The two CloudWatch alarms a target tracking policy creates and owns, as AWS builds them: {@code AlarmHigh}
 * (GreaterThanThreshold the target, 3 of 3 one-minute datapoints) and {@code AlarmLow} (LessThanThreshold 90 % of
 * the target, 15 of 15), both with the policy's ARN as their only alarm action and the description
 * {@code DO NOT EDIT OR DELETE. For TargetTrackingScaling policy {arn}}. The predefined ECS metrics are
 * {@code AWS/ECS} CPUUtilization / MemoryUtilization over {ClusterName, ServiceName} (Average);
 * ALBRequestCountPerTarget is {@code AWS/ApplicationELB} RequestCountPerTarget over {TargetGroup} (Sum).
 *
 * <pre>{@code
 * PutMetricAlarmRequest high = TargetTrackingAlarms.high(name, policyArn, "prod", "orders", config);
 * }</pre>
 */
final class TargetTrackingAlarms {

    /** Datapoints (of 60 s) above target that set AlarmHigh. */
    static final int HIGH_DATAPOINTS = 3;
    /** Datapoints (of 60 s) below 90 % of target that set AlarmLow. */
    static final int LOW_DATAPOINTS = 15;
    /** AlarmLow's threshold as a share of the target. */
    static final double LOW_SHARE = 0.9;

    private TargetTrackingAlarms() {
    }

    /** The AlarmHigh of a policy. */
    static PutMetricAlarmRequest high(String alarmName, String policyArn, String cluster, String service,
                                      TargetTrackingScalingPolicyConfiguration c) {
        return alarm(alarmName, policyArn, cluster, service, c, "GreaterThanThreshold", c.targetValue(),
                HIGH_DATAPOINTS);
    }

    /** The AlarmLow of a policy. */
    static PutMetricAlarmRequest low(String alarmName, String policyArn, String cluster, String service,
                                     TargetTrackingScalingPolicyConfiguration c) {
        return alarm(alarmName, policyArn, cluster, service, c, "LessThanThreshold",
                LOW_SHARE * c.targetValue(), LOW_DATAPOINTS);
    }

    private static PutMetricAlarmRequest alarm(String alarmName, String policyArn, String cluster, String service,
                                               TargetTrackingScalingPolicyConfiguration c, String comparison,
                                               double threshold, int datapoints) {
        PutMetricAlarmRequest.Builder b = PutMetricAlarmRequest.builder()
                .alarmName(alarmName)
                .alarmDescription("DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + policyArn)
                .actionsEnabled(true)
                .alarmActions(policyArn)
                .period(60)
                .evaluationPeriods(datapoints)
                .datapointsToAlarm(datapoints)
                .threshold(threshold)
                .comparisonOperator(comparison);
        PredefinedMetricSpecification predefined = c.predefinedMetricSpecification();
        if (predefined != null) {
            switch (predefined.predefinedMetricTypeAsString()) {
                case "ECSServiceAverageCPUUtilization" -> ecs(b, "CPUUtilization", cluster, service);
                case "ECSServiceAverageMemoryUtilization" -> ecs(b, "MemoryUtilization", cluster, service);
                default -> b.namespace("AWS/ApplicationELB").metricName("RequestCountPerTarget").statistic("Sum")
                        .dimensions(Dimension.builder().name("TargetGroup")
                                .value(targetGroupOf(predefined.resourceLabel())).build());
            }
            return b.build();
        }
        CustomizedMetricSpecification custom = c.customizedMetricSpecification();
        List<Dimension> dimensions = new ArrayList<>();
        if (custom.hasDimensions()) {
            for (MetricDimension d : custom.dimensions()) {
                dimensions.add(Dimension.builder().name(d.name()).value(d.value()).build());
            }
        }
        return b.namespace(custom.namespace()).metricName(custom.metricName()).dimensions(dimensions)
                .statistic(custom.statisticAsString()).unit(custom.unit()).build();
    }

    private static void ecs(PutMetricAlarmRequest.Builder b, String metric, String cluster, String service) {
        b.namespace("AWS/ECS").metricName(metric).statistic("Average").dimensions(
                Dimension.builder().name("ClusterName").value(cluster).build(),
                Dimension.builder().name("ServiceName").value(service).build());
    }

    /** {@code app/{lb}/{id}/targetgroup/{tg}/{id}} → {@code targetgroup/{tg}/{id}}. */
    static String targetGroupOf(String resourceLabel) {
        int i = resourceLabel == null ? -1 : resourceLabel.indexOf("/targetgroup/");
        return i < 0 ? resourceLabel : resourceLabel.substring(i + 1);
    }
}
