package dev.fakeecs.samples.scaling;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.service.AutoScalingSpec;
import dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

import java.time.Instant;
import java.util.List;

import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.CLUSTER;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.ORDERS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * order-service's dinner-peak scaling configured by {@link OrderServiceScaling}, the production code, through the
 * SDK's {@link ApplicationAutoScalingClient} pointed at the fake: the Friday warm-up raises the minimum at 18:45, the
 * target tracking policy takes the service to 20 tasks when the dinner load arrives at 19:00, and after the cool-down
 * action at 22:00 it scales back in to 2 in Application Auto Scaling's steps.
 */
class OrderServiceScalingTest {

    private FakeEcs ecs;
    private ApplicationAutoScalingClient autoScaling;

    private static Instant friday(String time) {
        return Instant.parse("2026-03-06T" + time + "Z");
    }

    @BeforeEach
    void start() {
        // the food-delivery world with order-service's dinner load, but no auto scaling declared in the DSL
        ecs = FoodDeliveryPlatform.capacity().start();
        ecs.clock().advanceTo(FoodDeliveryPlatform.FRIDAY_6PM);
        FoodDeliveryPlatform.services().service(ORDERS, s -> s.autoScaling((AutoScalingSpec) null)).applyTo(ecs);
        autoScaling = ecs.newApplicationAutoScalingClient();
    }

    @AfterEach
    void close() {
        ecs.close();
    }

    private int desired() {
        return describe(ecs, ORDERS).desiredCount();
    }

    @Test
    void the_production_configuration_carries_order_service_through_friday_dinner() {
        // auto-scaling-test-START
        // when: the infrastructure code runs
        new OrderServiceScaling(autoScaling).apply(CLUSTER, ORDERS);

        // then: the policy owns its two CloudWatch alarms, as on AWS
        CloudWatchClient cloudWatch = ecs.newCloudWatchClient();
        List<MetricAlarm> alarms = cloudWatch.describeAlarms(r -> r.alarmNamePrefix(
                "TargetTracking-service/" + CLUSTER + "/" + ORDERS + "-")).metricAlarms();
        assertThat(alarms).extracting(MetricAlarm::threshold).containsExactlyInAnyOrder(60.0, 54.0);

        // the warm-up at 18:45 London time (UTC in March)
        ecs.clock().advanceTo(friday("18:44:59"));
        assertThat(desired()).isEqualTo(2);
        ecs.clock().advanceTo(friday("18:45:00"));
        assertThat(desired()).isEqualTo(6);

        // the dinner load (600 rps) from 19:00: three datapoints above 60 % CPU and the service is at its maximum
        ecs.clock().advanceTo(friday("19:05:00"));
        assertThat(desired()).isEqualTo(20);

        // after the peak it scales in, but not below the warm-up minimum until the cool-down at 22:00
        ecs.clock().advanceTo(friday("21:59:59"));
        assertThat(desired()).isEqualTo(6);
        ecs.clock().advanceTo(friday("23:00:00"));
        assertThat(desired()).isEqualTo(2);
        // auto-scaling-test-END

        List<ScalingActivity> activities = autoScaling.describeScalingActivities(r -> r.serviceNamespace("ecs")
                .resourceId("service/" + CLUSTER + "/" + ORDERS)).scalingActivities();
        assertThat(activities).allSatisfy(a -> assertThat(a.statusCodeAsString()).isEqualTo("Successful"));
        assertThat(activities.get(activities.size() - 1).cause()).contains("scheduled action name "
                + OrderServiceScaling.FRIDAY_WARM_UP);
        assertThat(activities).anySatisfy(a -> assertThat(a.description()).isEqualTo("Setting desired count to 20."));
    }
}
