package dev.fakeecs.junit.assertions;

import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import dev.fakeecs.junit.handle.EcsTaskHandle;
import dev.fakeecs.junit.handle.JournalWindow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.util.List;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static dev.fakeecs.junit.EcsAssertions.assertThatThrownBy;
import static dev.fakeecs.junit.assertions.error.ShouldNumber.shouldNumber;
import static java.time.Duration.ofMinutes;

/** Issue 17: counting assertions, "2 of the stops have stop code SpotInterruption" and "6 tasks on FARGATE". */
@EcsCluster(name = "prod", seed = 17, capacity = {Capacity.FARGATE, Capacity.FARGATE_SPOT})
class CountingAssertionsTest {

    /** Six tasks: two on FARGATE (the base), four on FARGATE_SPOT. */
    private static EcsServiceHandle checkout(EcsClusterHandle prod) {
        EcsServiceHandle checkout = prod.fargateService("checkout", "acme/checkout:1", 6, r -> r
                .launchType((LaunchType) null).capacityProviderStrategy(
                        s -> s.capacityProvider("FARGATE").base(2).weight(0),
                        s -> s.capacityProvider("FARGATE_SPOT").weight(1)));
        assertThat(checkout).eventually(ofMinutes(5)).hasRunningCount(6).isSteady();
        return checkout;
    }

    /** Two Spot tasks interrupted and one FARGATE task stopped by hand, in one window. */
    private static JournalWindow interruptAndStop(EcsClusterHandle prod, EcsServiceHandle checkout) {
        long mark = prod.mark();
        EcsTaskHandle onDemand = checkout.tasks().stream()
                .filter(t -> "FARGATE".equals(t.describe().capacityProviderName())).findFirst().orElseThrow();
        prod.api().stopTask(r -> r.cluster(prod.name()).task(onDemand.arn()).reason("by hand"));
        List<EcsTaskHandle> spot = checkout.tasks().stream()
                .filter(t -> "FARGATE_SPOT".equals(t.describe().capacityProviderName())).limit(2).toList();
        for (EcsTaskHandle t : spot) {
            FaultInjector.of(prod.ecs()).inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster(prod.name())
                    .task(t.arn()).build());
        }
        prod.clock().advance(ofMinutes(5));
        return prod.changesSince(mark);
    }

    @Test
    @DisplayName("counts the running tasks on each capacity")
    void should_count_running_tasks_per_capacity(EcsClusterHandle prod) {
        EcsServiceHandle checkout = checkout(prod);

        assertThat(checkout).tasks().hasSize(6).hasRunningOn(2, Capacity.FARGATE).hasRunningOn(4, Capacity.FARGATE_SPOT)
                .hasRunningOn(4, dev.fakeecs.dsl.Ecs.FARGATE_SPOT).hasRunningOn(0, "EC2");
    }

    @Test
    void should_count_six_tasks_on_fargate(EcsClusterHandle prod) {
        EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 6);

        assertThat(orders).eventually(ofMinutes(5)).tasks().hasRunningOn(6, Capacity.FARGATE);
    }

    @Test
    void should_name_the_count_and_list_every_task_when_the_count_is_wrong(EcsClusterHandle prod) {
        EcsServiceHandle checkout = checkout(prod);

        assertThatThrownBy(() -> assertThat(checkout).tasks().hasRunningOn(3, Capacity.FARGATE))
                .hasMessageContaining("Expecting the tasks of service checkout in cluster prod (us-east-1) RUNNING on"
                        + " FARGATE%nto number:%n  3%nbut there were 2:".formatted())
                .hasMessageContaining("all its tasks (desired RUNNING) (6):")
                .hasMessageContaining("FARGATE_SPOT");
    }

    @Test
    @DisplayName("2 of the stops have stop code SpotInterruption, beside a stop by hand")
    void should_count_the_stops_with_one_stop_code_beside_others(EcsClusterHandle prod) {
        JournalWindow changes = interruptAndStop(prod, checkout(prod));

        // the interruptions' replacements start at the warning, so the scheduler also stops one task to settle at 6
        assertThat(changes).hasStopped(4)
                .hasStoppedWithStopCode(2, TaskStopCode.SPOT_INTERRUPTION)
                .hasStoppedWithStopCode(1, "UserInitiated")
                .hasStoppedWithStopCode(1, TaskStopCode.SERVICE_SCHEDULER_INITIATED)
                .stops().hasSize(4)
                .withStopCode(TaskStopCode.SPOT_INTERRUPTION).hasSize(2)
                .returnToJournal()
                .stops().withStopCode(TaskStopCode.TERMINATION_NOTICE).isEmpty();
    }

    @Test
    void should_keep_with_stop_code_after_has_stopped_meaning_every_stop(EcsClusterHandle prod) {
        JournalWindow changes = interruptAndStop(prod, checkout(prod));

        assertThatThrownBy(() -> assertThat(changes).hasStopped(4).withStopCode(TaskStopCode.SPOT_INTERRUPTION))
                .hasMessageContaining("every stopped task with stop code")
                .hasMessageContaining("UserInitiated");
    }

    @Test
    void should_name_the_stop_code_the_count_and_every_stop_when_the_count_is_wrong(EcsClusterHandle prod) {
        JournalWindow changes = interruptAndStop(prod, checkout(prod));

        assertThatThrownBy(() -> assertThat(changes).stops().withStopCode("SpotInterruption").hasSize(3))
                .hasMessageContaining(("Expecting the tasks stopped in the journal " + changes
                        + " with stop code SpotInterruption%nto number:%n  3%nbut there were 2:").formatted())
                .hasMessageContaining("all tasks stopped in the journal " + changes + " (4):")
                .hasMessageContaining(": UserInitiated");
        assertThatThrownBy(() -> assertThat(changes).hasStoppedWithStopCode(1, TaskStopCode.SPOT_INTERRUPTION))
                .hasMessageContaining("to number:%n  1%nbut there were 2:".formatted());
    }

    @Test
    void should_lay_out_the_count_message_as_assertj_does() {
        String message = shouldNumber("the tasks stopped since mark 3 with stop code SpotInterruption", 2,
                List.of("a1 (SpotInterruption)"), "all tasks stopped since mark 3",
                List.of("a1: SpotInterruption", "b2: UserInitiated")).create();

        assertThat(message).isEqualTo(("%nExpecting the tasks stopped since mark 3 with stop code SpotInterruption"
                + "%nto number:%n  2%nbut there were 1:%n  a1 (SpotInterruption)%nall tasks stopped since mark 3 (2):"
                + "%n  a1: SpotInterruption%n  b2: UserInitiated").formatted());
    }
}
