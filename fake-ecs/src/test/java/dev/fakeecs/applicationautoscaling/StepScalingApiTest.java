package dev.fakeecs.applicationautoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.FakeEcs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Step scaling through the real SDK clients: a user's alarm naming the policy's ARN invokes it, the step is chosen
 * by how far the datapoint is above the threshold, the cooldown holds further steps, and the alarm stays when the
 * policy is deleted.
 */
class StepScalingApiTest {

    private static final String DIMENSION = "ecs:service:DesiredCount";

    private final FakeEcs ecs = FakeEcs.builder().seed(3).start(Instant.parse("2026-03-06T18:00:00Z")).build();
    private final ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();
    private final CloudWatchClient cw = ecs.newCloudWatchClient();

    @AfterEach
    void close() {
        ecs.close();
    }

    private int desired() {
        return ecs.api().describeServices(r -> r.cluster("prod").services("orders")).services().get(0).desiredCount();
    }

    private void backlog(double value) {
        cw.putMetricData(r -> r.namespace("Orders").metricData(d -> d.metricName("Backlog").value(value)
                .timestamp(ecs.clock().instant())));
    }

    @Test
    void should_scale_by_the_step_the_alarm_breach_falls_in() {
        ScalableTargetsApiTest.service(ecs, "orders", 2);
        aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).minCapacity(1).maxCapacity(10));
        String arn = aas.putScalingPolicy(r -> r.policyName("backlog-steps").serviceNamespace("ecs")
                .resourceId("service/prod/orders").scalableDimension(DIMENSION).policyType("StepScaling")
                .stepScalingPolicyConfiguration(c -> c.adjustmentType("ChangeInCapacity").stepAdjustments(
                        StepAdjustment.builder().metricIntervalLowerBound(0.0).metricIntervalUpperBound(50.0)
                                .scalingAdjustment(1).build(),
                        StepAdjustment.builder().metricIntervalLowerBound(50.0).scalingAdjustment(3).build())))
                .policyARN();
        cw.putMetricAlarm(r -> r.alarmName("backlog-high").namespace("Orders").metricName("Backlog")
                .statistic("Average").period(60).evaluationPeriods(1).threshold(100.0)
                .comparisonOperator("GreaterThanThreshold").alarmActions(arn));

        backlog(180); // 80 above the threshold: the second step
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(desired()).isEqualTo(5);
        backlog(120);
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(desired()).isEqualTo(5); // within the 300 s cooldown

        ScalingActivity a = aas.describeScalingActivities(r -> r.serviceNamespace("ecs")).scalingActivities().get(0);
        assertThat(a.cause()).isEqualTo("monitor alarm backlog-high in state ALARM triggered policy backlog-steps");
        assertThat(a.description()).isEqualTo("Setting desired count to 5.");
        assertThat(aas.describeScalingPolicies(r -> r.serviceNamespace("ecs")).scalingPolicies().get(0).alarms())
                .extracting(x -> x.alarmName()).containsExactly("backlog-high");

        aas.deleteScalingPolicy(r -> r.policyName("backlog-steps").serviceNamespace("ecs")
                .resourceId("service/prod/orders").scalableDimension(DIMENSION));
        assertThat(cw.describeAlarms(r -> r.alarmNames("backlog-high")).metricAlarms()).hasSize(1);
    }

    @Test
    void should_refuse_steps_with_gaps() {
        ScalableTargetsApiTest.service(ecs, "orders", 2);
        aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).minCapacity(1).maxCapacity(10));

        assertThatThrownBy(() -> aas.putScalingPolicy(r -> r.policyName("gappy").serviceNamespace("ecs")
                .resourceId("service/prod/orders").scalableDimension(DIMENSION).policyType("StepScaling")
                .stepScalingPolicyConfiguration(c -> c.adjustmentType("ChangeInCapacity").stepAdjustments(
                        StepAdjustment.builder().metricIntervalLowerBound(0.0).metricIntervalUpperBound(10.0)
                                .scalingAdjustment(1).build(),
                        StepAdjustment.builder().metricIntervalLowerBound(20.0).scalingAdjustment(3).build()))))
                .isInstanceOf(ValidationException.class);
    }
}
