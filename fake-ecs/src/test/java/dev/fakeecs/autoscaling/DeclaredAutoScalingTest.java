package dev.fakeecs.autoscaling;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.spi.EngineSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto scaling declared by the engine's setup (the DSL's {@code autoScaling(..)}) is Application Auto Scaling's:
 * the scalable target, its target tracking policy and the two CloudWatch alarms the policy owns are visible through
 * both APIs, and the dinner peak scales order-service 2 -> 20 at once and back in Application Auto Scaling's
 * scale-in steps (10 % of the running tasks, one per 300 s cooldown).
 */
class DeclaredAutoScalingTest {

    private static final Instant SIX_PM = Instant.parse("2026-03-06T18:00:00Z");
    private static final String CLUSTER = "food-delivery-prod";

    /** 60 requests per second, ten times that from 19:00 to 21:00. */
    static final LoadModel DINNER_PEAK = at -> {
        LocalTime t = at.atZone(ZoneOffset.UTC).toLocalTime();
        return !t.isBefore(LocalTime.of(19, 0)) && t.isBefore(LocalTime.of(21, 0)) ? 600 : 60;
    };

    private final FakeEcs ecs = FakeEcs.builder().seed(19).start(SIX_PM).build();
    private final EngineSetup setup = EngineSetup.of(ecs);
    private final String region = ecs.defaultRegion().name();

    @AfterEach
    void close() {
        ecs.close();
    }

    static void orderService(FakeEcs ecs, int desired) {
        ecs.api().createCluster(r -> r.clusterName(CLUSTER));
        ecs.api().registerTaskDefinition(r -> r.family("order-service").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                .containerDefinitions(ContainerDefinition.builder().name("orders").image("acme/orders:1").build()));
        ecs.api().createService(r -> r.cluster(CLUSTER).serviceName("order-service")
                .taskDefinition("order-service").desiredCount(desired).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-a")
                        .build())));
    }

    private Service orders() {
        return ecs.api().describeServices(b -> b.cluster(CLUSTER).services("order-service")).services().get(0);
    }

    private List<String> actions() {
        return ecs.journal().ofType(JournalEventType.SCALING).stream().filter(e -> e.detail("action") != null)
                .map(e -> e.detail("action") + " " + e.detail("from") + "->" + e.detail("to") + " @" + e.time())
                .toList();
    }

    @Test
    void should_declare_the_scalable_target_policy_and_alarms_that_the_apis_show() {
        orderService(ecs, 2);

        setup.registerScalableTarget(region, CLUSTER, "order-service", 2, 20, List.of(TargetTrackingPolicy.cpu(60)));

        ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();
        assertThat(aas.describeScalableTargets(r -> r.serviceNamespace("ecs")).scalableTargets())
                .singleElement().satisfies(t -> {
                    assertThat(t.resourceId()).isEqualTo("service/food-delivery-prod/order-service");
                    assertThat(t.minCapacity()).isEqualTo(2);
                    assertThat(t.maxCapacity()).isEqualTo(20);
                });
        ScalingPolicy policy = aas.describeScalingPolicies(r -> r.serviceNamespace("ecs")).scalingPolicies().get(0);
        assertThat(policy.policyName()).isEqualTo("ECSServiceAverageCPUUtilization-60");
        assertThat(policy.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(60.0);
        assertThat(policy.alarms()).hasSize(2);
        CloudWatchClient cw = ecs.newCloudWatchClient();
        List<MetricAlarm> alarms = cw.describeAlarms(r -> r.alarmNamePrefix("TargetTracking-service/"
                + "food-delivery-prod/order-service-")).metricAlarms();
        assertThat(alarms).extracting(MetricAlarm::metricName).containsOnly("CPUUtilization");
        assertThat(alarms).extracting(MetricAlarm::evaluationPeriods).containsExactlyInAnyOrder(3, 15);
    }

    @Test
    void should_scale_order_service_from_2_to_20_at_the_dinner_peak_and_back_after_it() {
        orderService(ecs, 2);
        setup.registerScalableTarget(region, CLUSTER, "order-service", 2, 20, List.of(TargetTrackingPolicy.cpu(60)));
        setup.setServiceLoad(region, CLUSTER, "order-service", new ServiceLoad(DINNER_PEAK, 50));

        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:00:00Z"));
        assertThat(orders().desiredCount()).isEqualTo(2);
        assertThat(orders().runningCount()).isEqualTo(2);

        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:15:00Z"));
        assertThat(orders().desiredCount()).isEqualTo(20);
        assertThat(orders().runningCount()).isEqualTo(20);
        assertThat(setup.scalingMetric(region, CLUSTER, "order-service",
                ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)).isEqualTo(60.0);

        ecs.clock().advanceTo(Instant.parse("2026-03-07T02:00:00Z"));
        assertThat(orders().desiredCount()).isEqualTo(2);
        assertThat(orders().runningCount()).isEqualTo(2);
        assertThat(actions()).containsExactly(
                "scale-out 2->20 @2026-03-06T19:02:00Z",
                "scale-in 20->18 @2026-03-06T21:14:00Z", "scale-in 18->16 @2026-03-06T21:19:30Z",
                "scale-in 16->14 @2026-03-06T21:24:30Z", "scale-in 14->12 @2026-03-06T21:29:30Z",
                "scale-in 12->10 @2026-03-06T21:34:30Z", "scale-in 10->9 @2026-03-06T21:39:30Z",
                "scale-in 9->8 @2026-03-06T21:44:30Z", "scale-in 8->7 @2026-03-06T21:49:30Z",
                "scale-in 7->6 @2026-03-06T21:54:30Z", "scale-in 6->5 @2026-03-06T21:59:30Z",
                "scale-in 5->4 @2026-03-06T22:04:30Z", "scale-in 4->3 @2026-03-06T22:09:30Z",
                "scale-in 3->2 @2026-03-06T22:14:30Z");
    }

    @Test
    void should_keep_the_desired_count_within_the_scalable_target_bounds() {
        orderService(ecs, 1);

        setup.registerScalableTarget(region, CLUSTER, "order-service", 3, 10, List.of());

        assertThat(orders().desiredCount()).isEqualTo(3);
    }

    @Test
    void should_not_scale_out_again_within_the_cooldown() {
        orderService(ecs, 2);
        setup.registerScalableTarget(region, CLUSTER, "order-service", 2, 100, List.of(TargetTrackingPolicy.cpu(60)));
        LoadModel rising = at -> Duration.between(SIX_PM, at).toMinutes() < 10 ? 60 : 6000;
        setup.setServiceLoad(region, CLUSTER, "order-service", new ServiceLoad(rising, 50));

        ecs.clock().advance(Duration.ofMinutes(16));
        int afterFirst = orders().desiredCount();
        ecs.clock().advance(Duration.ofMinutes(3));

        assertThat(afterFirst).isEqualTo(100);
        assertThat(actions()).hasSize(1);
    }

    @Test
    void should_not_scale_in_while_a_deployment_is_in_progress() {
        orderService(ecs, 4);
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.api().registerTaskDefinition(r -> r.family("order-service").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                .containerDefinitions(ContainerDefinition.builder().name("orders").image("acme/orders:2")
                        .healthCheck(h -> h.command("CMD-SHELL", "true")).build()));
        ecs.declareImage("acme/orders:2", dev.fakeecs.image.ImageBehavior.DEFAULT.unhealthy());
        ecs.api().updateService(b -> b.cluster(CLUSTER).service("order-service").taskDefinition("order-service"));
        setup.registerScalableTarget(region, CLUSTER, "order-service", 1, 10, List.of(TargetTrackingPolicy.cpu(60)));
        setup.setServiceLoad(region, CLUSTER, "order-service", new ServiceLoad(LoadModel.constant(1), 50));

        ecs.clock().advance(Duration.ofMinutes(30));

        assertThat(orders().deployments()).hasSizeGreaterThan(1);
        assertThat(orders().desiredCount()).isEqualTo(4);
    }

    @Test
    void should_scale_on_the_cpu_the_image_declares_when_no_load_model_is_given() {
        ecs.declareImage("acme/orders:1", dev.fakeecs.image.ImageBehavior.DEFAULT.withCpuPercent(90));
        orderService(ecs, 2);
        setup.registerScalableTarget(region, CLUSTER, "order-service", 2, 10, List.of(TargetTrackingPolicy.cpu(60)));

        ecs.clock().advance(Duration.ofMinutes(6));

        assertThat(setup.scalingMetric(region, CLUSTER, "order-service",
                ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)).isEqualTo(90.0);
        assertThat(orders().desiredCount()).isEqualTo(3);
    }

    @Test
    void should_give_the_same_journal_whether_declared_or_configured_through_the_api() {
        List<JournalEntry> declared = run(true);
        List<JournalEntry> configured = run(false);

        assertThat(configured).isNotEmpty();
        assertThat(configured.stream().map(JournalEntry::toString).toList())
                .isEqualTo(declared.stream().map(JournalEntry::toString).toList());
    }

    private static List<JournalEntry> run(boolean declared) {
        try (FakeEcs world = FakeEcs.builder().seed(7).start(SIX_PM).build()) {
            orderService(world, 2);
            String region = world.defaultRegion().name();
            if (declared) {
                EngineSetup.of(world).registerScalableTarget(region, CLUSTER, "order-service", 2, 20,
                        List.of(TargetTrackingPolicy.cpu(60)));
            } else {
                ApplicationAutoScalingClient aas = world.newApplicationAutoScalingClient();
                aas.registerScalableTarget(r -> r.serviceNamespace("ecs").scalableDimension("ecs:service:DesiredCount")
                        .resourceId("service/food-delivery-prod/order-service").minCapacity(2).maxCapacity(20));
                aas.putScalingPolicy(r -> r.serviceNamespace("ecs").scalableDimension("ecs:service:DesiredCount")
                        .resourceId("service/food-delivery-prod/order-service")
                        .policyName("ECSServiceAverageCPUUtilization-60").policyType("TargetTrackingScaling")
                        .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0).scaleOutCooldown(300)
                                .scaleInCooldown(300).disableScaleIn(false)
                                .predefinedMetricSpecification(m -> m.predefinedMetricType(
                                        "ECSServiceAverageCPUUtilization"))));
            }
            EngineSetup.of(world).setServiceLoad(region, CLUSTER, "order-service", new ServiceLoad(DINNER_PEAK, 50));
            world.clock().advanceTo(Instant.parse("2026-03-06T23:00:00Z"));
            return world.journal().entries();
        }
    }
}
