package dev.fakeecs.samples.fooddelivery;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.ScalingMetric;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.spi.EngineSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.CLUSTER;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.ORDERS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.describe;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.tasks;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Friday's dinner peak (19:00-21:00, 600 requests per second instead of 60): order-service is auto
 * scaled 2-20 on CPU (target 60 %, 50 rps per task at full CPU), on Fargate base 2 + Fargate Spot
 * weight 4.
 */
class DinnerPeakTest {

    private final FakeEcs ecs = FoodDeliveryPlatform.start();

    @AfterEach
    void close() {
        ecs.close();
    }

    private static Instant friday(String time) {
        return Instant.parse("2026-03-06T" + time + "Z");
    }

    private Service orders() {
        return describe(ecs, ORDERS);
    }

    private Map<String, Long> runningOrdersByProvider() {
        return tasks(ecs, ORDERS, "RUNNING").stream().filter(t -> t.lastStatus().equals("RUNNING"))
                .collect(Collectors.groupingBy(Task::capacityProviderName, Collectors.counting()));
    }

    private List<String> scalingActions() {
        return ecs.journal().ofType(JournalEventType.SCALING).stream().filter(e -> e.detail("action") != null)
                .map(e -> e.detail("action") + " " + e.detail("from") + "->" + e.detail("to") + " at " + e.time())
                .toList();
    }

    @Test
    void the_dinner_peak_scales_order_service_from_2_to_20_and_back_to_2() {
        // given: the quiet early evening
        ecs.clock().advanceTo(friday("19:00:00"));
        assertThat(orders().desiredCount()).isEqualTo(2);
        assertThat(orders().runningCount()).isEqualTo(2);

        // when: 600 rps from 19:00; three one-minute datapoints above 60 % CPU trigger the scale-out
        ecs.clock().advanceTo(friday("19:02:00"));

        // then: straight to the maximum (600 rps / (50 rps x 60 %) = 20 tasks), running 90 s later
        assertThat(orders().desiredCount()).isEqualTo(20);
        ecs.clock().advanceTo(friday("19:03:29"));
        assertThat(orders().runningCount()).isEqualTo(2);
        ecs.clock().advanceTo(friday("19:03:30"));
        assertThat(orders().runningCount()).isEqualTo(20);
        // base 2 on Fargate, the other 18 split 1:4 by largest remainder
        assertThat(runningOrdersByProvider()).containsExactlyInAnyOrderEntriesOf(
                Map.of("FARGATE", 6L, "FARGATE_SPOT", 14L));
        ecs.clock().advanceTo(friday("19:10:00"));
        assertThat(EngineSetup.of(ecs).scalingMetric(ecs.defaultRegion().name(), CLUSTER, ORDERS,
                ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)).isEqualTo(60.0);

        // when: the peak ends at 21:00; fifteen datapoints below 90 % of the target put the low alarm in ALARM
        ecs.clock().advanceTo(friday("21:13:59"));
        assertThat(orders().desiredCount()).isEqualTo(20);
        ecs.clock().advanceTo(friday("21:14:00"));

        // then: Application Auto Scaling scales in by 10 % of the running tasks at a time, once per 300 s cooldown
        assertThat(orders().desiredCount()).isEqualTo(18);
        ecs.clock().advanceTo(friday("22:14:30"));
        assertThat(orders().desiredCount()).isEqualTo(2);
        ecs.clock().advanceTo(friday("22:16:00"));
        assertThat(orders().runningCount()).isEqualTo(2);
        assertThat(runningOrdersByProvider()).containsExactlyInAnyOrderEntriesOf(Map.of("FARGATE", 2L));
        assertThat(scalingActions()).containsExactly(
                "scale-out 2->20 at 2026-03-06T19:02:00Z",
                "scale-in 20->18 at 2026-03-06T21:14:00Z", "scale-in 18->16 at 2026-03-06T21:19:30Z",
                "scale-in 16->14 at 2026-03-06T21:24:30Z", "scale-in 14->12 at 2026-03-06T21:29:30Z",
                "scale-in 12->10 at 2026-03-06T21:34:30Z", "scale-in 10->9 at 2026-03-06T21:39:30Z",
                "scale-in 9->8 at 2026-03-06T21:44:30Z", "scale-in 8->7 at 2026-03-06T21:49:30Z",
                "scale-in 7->6 at 2026-03-06T21:54:30Z", "scale-in 6->5 at 2026-03-06T21:59:30Z",
                "scale-in 5->4 at 2026-03-06T22:04:30Z", "scale-in 4->3 at 2026-03-06T22:09:30Z",
                "scale-in 3->2 at 2026-03-06T22:14:30Z");
    }

    @Test
    void a_fargate_spot_interruption_during_the_peak_is_replaced_without_losing_desired_count() {
        // given: the peak, order-service at 20 tasks, 14 of them on Fargate Spot
        ecs.clock().advanceTo(friday("19:30:00"));
        assertThat(orders().runningCount()).isEqualTo(20);
        List<String> spotTasks = tasks(ecs, ORDERS, "RUNNING").stream()
                .filter(t -> t.capacityProviderName().equals("FARGATE_SPOT")).map(Task::taskArn).toList();
        assertThat(spotTasks).hasSize(14);

        // when: AWS reclaims half of the Spot capacity (two-minute warning, SIGTERM at once)
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION)
                .cluster(CLUSTER).service(ORDERS).percentage(50).build());
        ecs.clock().advance(Duration.ZERO);

        // then: seven tasks are told to stop with ECS's Spot stop code and reason
        List<Task> interrupted = ecs.api().describeTasks(r -> r.cluster(CLUSTER).tasks(spotTasks)).tasks().stream()
                .filter(t -> "SpotInterruption".equals(t.stopCodeAsString())).toList();
        assertThat(interrupted).hasSize(7).allSatisfy(t -> {
            assertThat(t.desiredStatus()).isEqualTo("STOPPED");
            assertThat(t.stoppedReason()).isEqualTo("Your Spot Task was interrupted.");
        });
        // and the scheduler has already launched seven replacements
        assertThat(tasks(ecs, ORDERS, "RUNNING")).hasSize(20);

        // stopped 35 s later (30 s stopTimeout + 5 s deprovisioning); the replacements run after 90 s
        ecs.clock().advance(Duration.ofSeconds(35));
        assertThat(ecs.api().describeTasks(r -> r.cluster(CLUSTER).tasks(interrupted.stream()
                .map(Task::taskArn).toList())).tasks())
                .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("STOPPED"));
        assertThat(orders().runningCount()).isEqualTo(13);
        ecs.clock().advance(Duration.ofSeconds(55));
        assertThat(orders().runningCount()).isEqualTo(20);
        assertThat(orders().desiredCount()).isEqualTo(20);
        assertThat(runningOrdersByProvider()).containsExactlyInAnyOrderEntriesOf(
                Map.of("FARGATE", 6L, "FARGATE_SPOT", 14L));
    }
}
