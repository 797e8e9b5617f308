package dev.fakeecs.applicationautoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.FakeEcs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ScheduledAction;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;

/**
 * Scheduled actions through the real SDK client: cron in a timezone raising the floor for the dinner peak and a
 * second one lowering the ceiling after it, at() once, rate() from the start time, describe, delete and errors.
 */
class ScheduledActionsApiTest {

    private static final String DIMENSION = "ecs:service:DesiredCount";

    private final FakeEcs ecs = FakeEcs.builder().seed(11).start(Instant.parse("2026-03-06T18:00:00Z")).build();
    private final ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();

    @AfterEach
    void close() {
        ecs.close();
    }

    private int desired() {
        return ecs.api().describeServices(r -> r.cluster("prod").services("orders")).services().get(0).desiredCount();
    }

    private void schedule(String name, String expression, String timezone, Integer min, Integer max) {
        aas.putScheduledAction(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).scheduledActionName(name).schedule(expression).timezone(timezone)
                .scalableTargetAction(a -> a.minCapacity(min).maxCapacity(max)));
    }

    private void orders() {
        ScalableTargetsApiTest.service(ecs, "orders", 2);
        aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).minCapacity(2).maxCapacity(6));
    }

    @Test
    void should_raise_the_floor_at_dinner_paris_time_and_lower_the_ceiling_after_it() {
        orders();
        schedule("dinner", "cron(0 20 * * ? *)", "Europe/Paris", 10, 20); // 19:00 UTC in March
        schedule("night", "cron(0 22 * * ? *)", "Europe/Paris", 1, 3);

        ecs.clock().advanceTo(Instant.parse("2026-03-06T18:59:00Z"));
        assertThat(desired()).isEqualTo(2);
        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:00:00Z"));
        assertThat(desired()).isEqualTo(10);
        ecs.clock().advanceTo(Instant.parse("2026-03-06T21:00:00Z"));
        assertThat(desired()).isEqualTo(3);
        ecs.clock().advanceTo(Instant.parse("2026-03-07T19:00:00Z"));
        assertThat(desired()).isEqualTo(10); // every day

        List<ScalingActivity> activities = aas.describeScalingActivities(r -> r.serviceNamespace("ecs"))
                .scalingActivities();
        assertThat(activities).extracting(a -> a.description() + " | " + a.cause()).containsExactly(
                "Setting desired count to 10. | scheduled action name dinner was triggered",
                "Setting desired count to 3. | scheduled action name night was triggered",
                "Setting desired count to 10. | scheduled action name dinner was triggered");
        assertThat(aas.describeScalableTargets(r -> r.serviceNamespace("ecs")).scalableTargets().get(0).minCapacity())
                .isEqualTo(10);
    }

    @Test
    void should_run_at_once_and_rate_from_its_start() {
        orders();
        schedule("once", "at(2026-03-06T18:30:00)", null, 4, null);
        aas.putScheduledAction(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).scheduledActionName("every-2h").schedule("rate(2 hours)")
                .startTime(Instant.parse("2026-03-06T19:00:00Z")).endTime(Instant.parse("2026-03-06T23:30:00Z"))
                .scalableTargetAction(a -> a.maxCapacity(5)));

        ecs.clock().advanceTo(Instant.parse("2026-03-06T18:30:00Z"));
        assertThat(desired()).isEqualTo(4);
        aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).maxCapacity(9).minCapacity(6));
        assertThat(desired()).isEqualTo(6);
        ecs.clock().advanceTo(Instant.parse("2026-03-06T20:59:00Z"));
        assertThat(desired()).isEqualTo(6);
        ecs.clock().advanceTo(Instant.parse("2026-03-06T21:00:00Z"));
        assertThat(desired()).isEqualTo(6); // max 5 below min 6: the ceiling follows the floor

        List<ScheduledAction> actions = aas.describeScheduledActions(r -> r.serviceNamespace("ecs")
                .resourceId("service/prod/orders")).scheduledActions();
        assertThat(actions).extracting(ScheduledAction::scheduledActionName).containsExactly("once", "every-2h");
        assertThat(actions.get(1).scheduledActionARN()).matches("arn:aws:autoscaling:us-east-1:\\d{12}:scheduledAction:"
                + "[0-9a-f-]{36}:resource/ecs/service/prod/orders:scheduledActionName/every-2h");
        assertThat(actions.get(1).endTime()).isEqualTo(Instant.parse("2026-03-06T23:30:00Z"));
    }

    @Test
    void should_delete_and_refuse_bad_schedules() {
        orders();
        schedule("dinner", "cron(0 19 * * ? *)", null, 10, 20);

        aas.deleteScheduledAction(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                .scalableDimension(DIMENSION).scheduledActionName("dinner"));
        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:30:00Z"));

        assertThat(desired()).isEqualTo(2);
        assertThat(aas.describeScheduledActions(r -> r.serviceNamespace("ecs")).scheduledActions()).isEmpty();
        assertThatThrownBy(() -> aas.deleteScheduledAction(r -> r.serviceNamespace("ecs")
                .resourceId("service/prod/orders").scalableDimension(DIMENSION).scheduledActionName("dinner")))
                .isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> schedule("bad", "cron(0 19 * * * *)", null, 1, 2)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> schedule("bad", "rate(1 hours)", null, 1, 2)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> schedule("bad", "cron(0 19 * * ? *)", "Mars/Olympus", 1, 2))
                .isInstanceOf(ValidationException.class);
    }
}
