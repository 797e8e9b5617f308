package dev.fakeecs.samples.fooddelivery;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.CLUSTER;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.ORDERS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.tasks;
import static org.assertj.core.api.Assertions.assertThat;

/** The on-call alerting handler fed with ECS's EventBridge events while Fargate Spot reclaims capacity at the peak. */
class SpotAlertingTest {

    private static final Instant PEAK = Instant.parse("2026-03-06T19:30:00Z");

    private final FakeEcs ecs = FoodDeliveryPlatform.start();

    @AfterEach
    void close() {
        ecs.close();
    }

    @Test
    void the_handler_pages_once_per_interrupted_spot_task_with_its_service_and_zone() {
        // given: the dinner peak, order-service at 20 tasks, 14 of them on Fargate Spot; the handler subscribed as
        // an EventBridge rule's target would be
        ecs.clock().advanceTo(PEAK);
        List<String> onSpot = tasks(ecs, ORDERS, "RUNNING").stream()
                .filter(t -> "FARGATE_SPOT".equals(t.capacityProviderName())).map(Task::taskArn).toList();
        assertThat(onSpot).hasSize(14);
        SpotInterruptionAlerts alerts = new SpotInterruptionAlerts();
        ecs.events().addListener(e -> alerts.handle(e.toJson()));

        // when: AWS reclaims half of the Spot capacity
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster(CLUSTER).service(ORDERS)
                .percentage(50).build());
        ecs.clock().advance(Duration.ofMinutes(5));

        // then: one page per interrupted task, at the warning, though each task sent several events to STOPPED
        List<String> interrupted = ecs.api().describeTasks(r -> r.cluster(CLUSTER).tasks(onSpot)).tasks().stream()
                .filter(t -> "SpotInterruption".equals(t.stopCodeAsString())).map(Task::taskArn).toList();
        assertThat(interrupted).hasSize(7);
        assertThat(alerts.sent()).extracting(SpotInterruptionAlerts.Alert::taskArn)
                .containsExactlyInAnyOrderElementsOf(interrupted);
        assertThat(alerts.sent()).allSatisfy(a -> {
            assertThat(a.service()).isEqualTo(ORDERS);
            assertThat(a.time()).isEqualTo("2026-03-06T19:30:00Z");
            assertThat(a.availabilityZone()).isIn("us-east-1a", "us-east-1b", "us-east-1c");
        });
        assertThat(ecs.events().listenerFailures()).isEmpty();
    }
}
