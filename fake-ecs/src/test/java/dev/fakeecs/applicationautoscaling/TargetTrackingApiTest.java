package dev.fakeecs.applicationautoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.LoadModel;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * Target tracking through the real SDK clients: the policy creates its two alarms in CloudWatch exactly as AWS
 * names and configures them, their state changes scale the service out at the dinner peak and gradually back in
 * after it, with AWS's activity texts; deleting the policy deletes its alarms.
 */
class TargetTrackingApiTest {

    private static final String DIMENSION = "ecs:service:DesiredCount";
    /** 60 requests per second, ten times that from 19:00 to 21:00. */
    private static final LoadModel DINNER_PEAK = at -> {
        LocalTime t = at.atZone(ZoneOffset.UTC).toLocalTime();
        return !t.isBefore(LocalTime.of(19, 0)) && t.isBefore(LocalTime.of(21, 0)) ? 600 : 60;
    };

    private final FakeEcs ecs = FakeEcs.builder().seed(19).start(Instant.parse("2026-03-06T18:00:00Z")).build();
    private final ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();
    private final CloudWatchClient cw = ecs.newCloudWatchClient();

    @AfterEach
    void close() {
        ecs.close();
    }

    private int desired() {
        return ecs.api().describeServices(r -> r.cluster("prod").services("orders")).services().get(0).desiredCount();
    }

    private PutScalingPolicyResponse cpuPolicy(double target) {
        return aas.putScalingPolicy(r -> r.policyName("cpu").serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).policyType("TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(target)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType("ECSServiceAverageCPUUtilization"))));
    }

    private void ordersWithTarget(int desired, int min, int max) {
        ScalableTargetsApiTest.service(ecs, "orders", desired);
        aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).minCapacity(min).maxCapacity(max));
    }

    @Test
    void should_create_the_two_alarms_aws_creates_for_a_target_tracking_policy() {
        ordersWithTarget(2, 2, 20);

        PutScalingPolicyResponse put = cpuPolicy(60);

        assertThat(put.policyARN()).matches("arn:aws:autoscaling:us-east-1:\\d{12}:scalingPolicy:[0-9a-f-]{36}"
                + ":resource/ecs/service/prod/orders:policyName/cpu");
        assertThat(put.alarms()).hasSize(2);
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        MetricAlarm high = cw.describeAlarms(r -> r.alarmNames(put.alarms().get(0).alarmName())).metricAlarms().get(0);
        MetricAlarm low = cw.describeAlarms(r -> r.alarmNames(put.alarms().get(1).alarmName())).metricAlarms().get(0);
        assertThat(high.alarmName()).matches("TargetTracking-service/prod/orders-AlarmHigh-" + uuid);
        assertThat(low.alarmName()).matches("TargetTracking-service/prod/orders-AlarmLow-" + uuid);
        assertThat(high.alarmArn()).isEqualTo(put.alarms().get(0).alarmARN());
        assertThat(high.namespace()).isEqualTo("AWS/ECS");
        assertThat(high.metricName()).isEqualTo("CPUUtilization");
        assertThat(high.dimensions()).extracting(d -> d.name() + "=" + d.value())
                .containsExactlyInAnyOrder("ClusterName=prod", "ServiceName=orders");
        assertThat(high.statisticAsString()).isEqualTo("Average");
        assertThat(high.period()).isEqualTo(60);
        assertThat(high.evaluationPeriods()).isEqualTo(3);
        assertThat(high.datapointsToAlarm()).isEqualTo(3);
        assertThat(high.comparisonOperatorAsString()).isEqualTo("GreaterThanThreshold");
        assertThat(high.threshold()).isEqualTo(60.0);
        assertThat(high.alarmActions()).containsExactly(put.policyARN());
        assertThat(high.alarmDescription()).isEqualTo("DO NOT EDIT OR DELETE. For TargetTrackingScaling policy "
                + put.policyARN());
        assertThat(low.comparisonOperatorAsString()).isEqualTo("LessThanThreshold");
        assertThat(low.threshold()).isEqualTo(54.0);
        assertThat(low.evaluationPeriods()).isEqualTo(15);
        assertThat(low.datapointsToAlarm()).isEqualTo(15);

        ScalingPolicy described = aas.describeScalingPolicies(r -> r.serviceNamespace("ecs")).scalingPolicies().get(0);
        assertThat(described.policyARN()).isEqualTo(put.policyARN());
        assertThat(described.policyTypeAsString()).isEqualTo("TargetTrackingScaling");
        assertThat(described.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(60.0);
        assertThat(described.alarms()).isEqualTo(put.alarms());
    }

    @Test
    void should_scale_out_at_the_dinner_peak_and_gradually_back_in_after_it() {
        ordersWithTarget(2, 2, 20);
        RegionEngine.of(ecs.defaultRegion()).serviceLoads().setLoad("prod", "orders", new ServiceLoad(DINNER_PEAK, 50));
        PutScalingPolicyResponse put = cpuPolicy(60);
        String high = put.alarms().get(0).alarmName();

        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:00:00Z"));
        assertThat(desired()).isEqualTo(2);
        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:10:00Z"));
        assertThat(desired()).isEqualTo(20);
        assertThat(cw.describeAlarms(r -> r.alarmNames(high)).metricAlarms().get(0).stateValueAsString())
                .isEqualTo("OK");
        ecs.clock().advanceTo(Instant.parse("2026-03-07T00:00:00Z"));
        assertThat(desired()).isEqualTo(2);

        List<ScalingActivity> activities = aas.describeScalingActivities(r -> r.serviceNamespace("ecs")
                .resourceId("service/prod/orders")).scalingActivities();
        ScalingActivity out = activities.get(activities.size() - 1);
        assertThat(out.description()).isEqualTo("Setting desired count to 20.");
        assertThat(out.cause()).isEqualTo("monitor alarm " + high + " in state ALARM triggered policy cpu");
        assertThat(out.statusCodeAsString()).isEqualTo("Successful");
        assertThat(out.statusMessage()).isEqualTo("Successfully set desired count to 20. Change successfully "
                + "fulfilled by ecs.");
        assertThat(out.startTime()).isEqualTo(Instant.parse("2026-03-06T19:02:00Z")); // as the engine's own auto scaling
        List<JournalEntry> actions = ecs.journal().ofType(JournalEventType.SCALING).stream()
                .filter(e -> e.detail("action") != null).toList();
        // out fast, in gradually (at most 10 % of the running tasks at a time, one step per 300 s cooldown)
        assertThat(actions.get(0).detail("to")).isEqualTo("20");
        assertThat(actions.get(1).detail("from") + "->" + actions.get(1).detail("to")).isEqualTo("20->18");
        assertThat(actions).allSatisfy(e -> assertThat(e.detail("action")).isIn("scale-out", "scale-in"));
        assertThat(actions).hasSizeGreaterThan(5);
    }

    @Test
    void should_delete_its_alarms_with_the_policy_and_its_policies_with_the_target() {
        ordersWithTarget(2, 2, 20);
        PutScalingPolicyResponse put = cpuPolicy(60);

        aas.deleteScalingPolicy(r -> r.policyName("cpu").serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION));
        assertThat(cw.describeAlarms(r -> r.alarmNames(put.alarms().get(0).alarmName())).metricAlarms()).isEmpty();

        PutScalingPolicyResponse again = cpuPolicy(50);
        aas.deregisterScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION));
        assertThat(cw.describeAlarms(r -> r.alarmNamePrefix("TargetTracking-")).metricAlarms()).isEmpty();
        assertThat(aas.describeScalingPolicies(r -> r.serviceNamespace("ecs")).scalingPolicies()).isEmpty();
        assertThat(again.policyARN()).isNotEqualTo(put.policyARN());
    }

    @Test
    void should_create_alb_and_customized_metric_alarms_and_refuse_bad_configurations() {
        ordersWithTarget(2, 2, 20);

        PutScalingPolicyResponse alb = aas.putScalingPolicy(r -> r.policyName("rps").serviceNamespace("ecs")
                .resourceId("service/prod/orders").scalableDimension(DIMENSION).policyType("TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(1000.0).predefinedMetricSpecification(m -> m
                        .predefinedMetricType("ALBRequestCountPerTarget")
                        .resourceLabel("app/web/50dc6c495c0c9188/targetgroup/orders/943f017f100becff"))));
        PutScalingPolicyResponse custom = aas.putScalingPolicy(r -> r.policyName("queue").serviceNamespace("ecs")
                .resourceId("service/prod/orders").scalableDimension(DIMENSION).policyType("TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(100.0).customizedMetricSpecification(m -> m
                        .namespace("Orders").metricName("Backlog").statistic("Maximum")
                        .dimensions(d -> d.name("Queue").value("orders")))));

        MetricAlarm albHigh = cw.describeAlarms(r -> r.alarmNames(alb.alarms().get(0).alarmName())).metricAlarms().get(0);
        assertThat(albHigh.namespace() + " " + albHigh.metricName() + " " + albHigh.statisticAsString())
                .isEqualTo("AWS/ApplicationELB RequestCountPerTarget Sum");
        assertThat(albHigh.dimensions()).extracting(d -> d.name() + "=" + d.value())
                .containsExactly("TargetGroup=targetgroup/orders/943f017f100becff");
        MetricAlarm customLow = cw.describeAlarms(r -> r.alarmNames(custom.alarms().get(1).alarmName()))
                .metricAlarms().get(0);
        assertThat(customLow.namespace() + " " + customLow.metricName() + " " + customLow.statisticAsString()
                + " " + customLow.threshold()).isEqualTo("Orders Backlog Maximum 90.0");
        assertThatThrownBy(() -> aas.putScalingPolicy(r -> r.policyName("bad").serviceNamespace("ecs")
                .resourceId("service/prod/orders").scalableDimension(DIMENSION).policyType("TargetTrackingScaling")
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(10.0).predefinedMetricSpecification(m -> m
                        .predefinedMetricType("ALBRequestCountPerTarget"))))).isInstanceOf(ValidationException.class);
    }

    @Test
    void should_not_scale_in_while_a_deployment_is_in_progress_but_after_it() {
        ordersWithTarget(4, 1, 10);
        ecs.clock().advance(java.time.Duration.ofMinutes(5));
        ecs.api().registerTaskDefinition(r -> r.family("app").requiresCompatibilities(
                software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode(software.amazon.awssdk.services.ecs.model.NetworkMode.AWSVPC).cpu("512").memory("1024")
                .containerDefinitions(software.amazon.awssdk.services.ecs.model.ContainerDefinition.builder()
                        .name("app").image("acme/app:2").healthCheck(h -> h.command("CMD-SHELL", "true")).build()));
        ecs.declareImage("acme/app:2", dev.fakeecs.image.ImageBehavior.DEFAULT.unhealthy());
        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition("app"));
        RegionEngine.of(ecs.defaultRegion()).serviceLoads().setLoad("prod", "orders",
                new ServiceLoad(LoadModel.constant(1), 50));
        PutScalingPolicyResponse put = cpuPolicy(60);

        ecs.clock().advance(java.time.Duration.ofMinutes(30));

        assertThat(cw.describeAlarms(r -> r.alarmNames(put.alarms().get(1).alarmName())).metricAlarms().get(0)
                .stateValueAsString()).isEqualTo("ALARM");
        assertThat(ecs.api().describeServices(r -> r.cluster("prod").services("orders")).services().get(0)
                .deployments()).hasSizeGreaterThan(1);
        assertThat(desired()).isEqualTo(4);
    }
}
