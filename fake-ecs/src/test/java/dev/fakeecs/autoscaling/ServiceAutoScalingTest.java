package dev.fakeecs.autoscaling;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.autoscaling.ServiceAutoScaling;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.Test;
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
 * Service Auto Scaling of one service: scale-out for the dinner peak and back, the scalable target's
 * bounds, the scale-out cooldown, no scale-in during a deployment, the CPU an image declares.
 */
class ServiceAutoScalingTest {

    private static final Instant SIX_PM = Instant.parse("2026-03-06T18:00:00Z");

    /** 60 requests per second, ten times that from 19:00 to 21:00. */
    private static final LoadModel DINNER_PEAK = at -> {
        LocalTime t = at.atZone(ZoneOffset.UTC).toLocalTime();
        return !t.isBefore(LocalTime.of(19, 0)) && t.isBefore(LocalTime.of(21, 0)) ? 600 : 60;
    };

    private final FakeEcs ecs = FakeEcs.builder().seed(19).start(SIX_PM).build();
    private final ServiceAutoScaling scaling = RegionEngine.of(ecs.defaultRegion()).autoScaling();

    private void orderService(int desired) {
        ecs.api().createCluster(r -> r.clusterName("food-delivery-prod"));
        ecs.api().registerTaskDefinition(r -> r.family("order-service").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                .containerDefinitions(ContainerDefinition.builder().name("orders").image("acme/orders:1").build()));
        ecs.api().createService(r -> r.cluster("food-delivery-prod").serviceName("order-service")
                .taskDefinition("order-service").desiredCount(desired).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-a")
                        .build())));
    }

    private Service orders() {
        return ecs.api().describeServices(b -> b.cluster("food-delivery-prod").services("order-service"))
                .services().get(0);
    }

    @Test
    void should_scale_order_service_from_2_to_20_at_the_dinner_peak_and_back_after_it() {
        orderService(2);
        scaling.registerScalableTarget("food-delivery-prod", "order-service", 2, 20);
        scaling.putTargetTrackingPolicy("food-delivery-prod", "order-service", TargetTrackingPolicy.cpu(60));
        scaling.setLoad("food-delivery-prod", "order-service", new ServiceLoad(DINNER_PEAK, 50));

        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:00:00Z"));
        assertThat(orders().desiredCount()).isEqualTo(2);
        assertThat(orders().runningCount()).isEqualTo(2);

        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:10:00Z"));
        assertThat(orders().desiredCount()).isEqualTo(20);
        assertThat(orders().runningCount()).isEqualTo(20);
        assertThat(scaling.metricNow("food-delivery-prod", "order-service",
                ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)).isEqualTo(60.0);

        ecs.clock().advanceTo(Instant.parse("2026-03-06T22:00:00Z"));
        assertThat(orders().desiredCount()).isEqualTo(2);
        assertThat(orders().runningCount()).isEqualTo(2);

        List<JournalEntry> actions = ecs.journal().ofType(JournalEventType.SCALING).stream()
                .filter(e -> e.detail("action") != null).toList();
        assertThat(actions).extracting(e -> e.detail("action") + " " + e.detail("from") + "->" + e.detail("to")
                + " @" + e.time()).containsExactly(
                "scale-out 2->20 @2026-03-06T19:02:00Z",
                "scale-in 20->2 @2026-03-06T21:14:00Z");
    }

    @Test
    void should_keep_the_desired_count_within_the_scalable_target_bounds() {
        orderService(1);

        scaling.registerScalableTarget("food-delivery-prod", "order-service", 3, 10);

        assertThat(orders().desiredCount()).isEqualTo(3);
    }

    @Test
    void should_not_scale_out_again_within_the_cooldown() {
        orderService(2);
        scaling.registerScalableTarget("food-delivery-prod", "order-service", 2, 100);
        scaling.putTargetTrackingPolicy("food-delivery-prod", "order-service", TargetTrackingPolicy.cpu(60));
        LoadModel rising = at -> Duration.between(SIX_PM, at).toMinutes() < 10 ? 60 : 6000;
        scaling.setLoad("food-delivery-prod", "order-service", new ServiceLoad(rising, 50));

        ecs.clock().advance(Duration.ofMinutes(14));
        int afterFirst = orders().desiredCount();
        ecs.clock().advance(Duration.ofMinutes(3));

        assertThat(afterFirst).isEqualTo(100);
        assertThat(ecs.journal().ofType(JournalEventType.SCALING).stream().filter(e -> e.detail("action") != null))
                .hasSize(1);
    }

    @Test
    void should_not_scale_in_while_a_deployment_is_in_progress() {
        orderService(4);
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.api().registerTaskDefinition(r -> r.family("order-service").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                .containerDefinitions(ContainerDefinition.builder().name("orders").image("acme/orders:2")
                        .healthCheck(h -> h.command("CMD-SHELL", "true")).build()));
        ecs.declareImage("acme/orders:2", dev.fakeecs.image.ImageBehavior.DEFAULT.unhealthy());
        ecs.api().updateService(b -> b.cluster("food-delivery-prod").service("order-service")
                .taskDefinition("order-service"));
        scaling.registerScalableTarget("food-delivery-prod", "order-service", 1, 10);
        scaling.putTargetTrackingPolicy("food-delivery-prod", "order-service", TargetTrackingPolicy.cpu(60));
        scaling.setLoad("food-delivery-prod", "order-service", new ServiceLoad(LoadModel.constant(1), 50));

        ecs.clock().advance(Duration.ofMinutes(30));

        assertThat(orders().deployments()).hasSizeGreaterThan(1);
        assertThat(orders().desiredCount()).isEqualTo(4);
    }

    @Test
    void should_scale_on_the_cpu_the_image_declares_when_no_load_model_is_given() {
        ecs.declareImage("acme/orders:1", dev.fakeecs.image.ImageBehavior.DEFAULT.withCpuPercent(90));
        orderService(2);
        scaling.registerScalableTarget("food-delivery-prod", "order-service", 2, 10);
        scaling.putTargetTrackingPolicy("food-delivery-prod", "order-service", TargetTrackingPolicy.cpu(60));

        ecs.clock().advance(Duration.ofMinutes(5));

        assertThat(scaling.metricNow("food-delivery-prod", "order-service",
                ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)).isEqualTo(90.0);
        assertThat(orders().desiredCount()).isEqualTo(3);
    }
}
