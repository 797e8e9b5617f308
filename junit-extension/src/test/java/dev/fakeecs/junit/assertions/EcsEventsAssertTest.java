package dev.fakeecs.junit.assertions;

import dev.fakeecs.events.EcsEvent;
import dev.fakeecs.events.EcsEvents;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.EcsSoftAssertions;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Duration;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static dev.fakeecs.junit.EcsAssertions.assertThatThrownBy;
import static dev.fakeecs.junit.EcsAssertions.deploymentStateChange;
import static dev.fakeecs.junit.EcsAssertions.serviceAction;
import static dev.fakeecs.junit.EcsAssertions.taskStateChange;
import static java.time.Duration.ofMinutes;

/** ECS events injected into tests, and the assertions on them, passing and failing with their messages. */
@EcsCluster(name = "prod", seed = 42, capacity = {Capacity.FARGATE, Capacity.FARGATE_SPOT})
class EcsEventsAssertTest {

    private static void couriersOnSpot(EcsClusterHandle prod, int count) {
        prod.fargateService("couriers", "acme/couriers:1", count, r -> r.launchType((String) null)
                .capacityProviderStrategy(s -> s.capacityProvider("FARGATE_SPOT").weight(1)));
        prod.clock().advance(ofMinutes(3));
    }

    @Test
    void should_inject_the_worlds_events_and_pass_on_a_spot_interruption(EcsEvents events, EcsClusterHandle prod,
                                                                        FaultInjector faults) {
        // given
        couriersOnSpot(prod, 2);
        // events-junit-START
        long mark = events.mark();

        // when
        faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster("prod").service("couriers")
                .percentage(100).build());
        prod.clock().advance(ofMinutes(3));

        // then
        assertThat(events).contains(serviceAction("SERVICE_STEADY_STATE"));
        assertThat(events).since(mark)
                .contains(taskStateChange().withStopCode("SpotInterruption"))
                .contains(taskStateChange().withStopCode(TaskStopCode.SPOT_INTERRUPTION).withLastStatus("STOPPED"))
                .contains(2, taskStateChange().withStopCode("SpotInterruption").withLastStatus("STOPPED"))
                .containsAtLeast(2, taskStateChange().withLastStatus("RUNNING").about("task/prod/"))
                .containsInOrder(taskStateChange().withDesiredStatus("STOPPED"), taskStateChange().withLastStatus("STOPPED"))
                .doesNotContain(deploymentStateChange().withEventName("SERVICE_DEPLOYMENT_FAILED"));
        // events-junit-END
    }

    @Test
    void should_fail_with_the_events_it_saw(EcsEvents events, EcsClusterHandle prod) {
        // given
        couriersOnSpot(prod, 1);

        // then
        assertThatThrownBy(() -> assertThat(events).contains(taskStateChange().withStopCode("SpotInterruption")))
                .hasMessageContaining(String.format("Expecting the ECS events%nto contain:%n"
                        + "  an \"ECS Task State Change\" with stopCode SpotInterruption%nbut they were:%n  #0 "))
                .hasMessageContaining("ECS Task State Change arn:aws:ecs:us-east-1:123456789012:task/prod/")
                .hasMessageContaining("lastStatus=RUNNING");
        assertThatThrownBy(() -> assertThat(events).contains(3, taskStateChange().withLastStatus("RUNNING")))
                .hasMessageContaining(String.format("to contain exactly 3 of:%n"
                        + "  an \"ECS Task State Change\" with lastStatus RUNNING%nbut found 1:"));
        assertThatThrownBy(() -> assertThat(events).containsAtLeast(5, serviceAction("SERVICE_STEADY_STATE")))
                .hasMessageContaining("to contain at least 5 of:")
                .hasMessageContaining("but found 1:");
        assertThatThrownBy(() -> assertThat(events).doesNotContain(serviceAction("SERVICE_STEADY_STATE")))
                .hasMessageContaining(String.format("not to contain:%n  an \"ECS Service Action\" with eventName "
                        + "SERVICE_STEADY_STATE%nbut found:%n  #"));
        long end = events.mark();
        assertThatThrownBy(() -> assertThat(events).since(end).contains(taskStateChange()))
                .hasMessageContaining("Expecting the ECS events since #" + end)
                .hasMessageContaining("(no events)");
        assertThatThrownBy(() -> assertThat(events).containsInOrder(taskStateChange().withLastStatus("STOPPED"),
                taskStateChange().withLastStatus("RUNNING")))
                .hasMessageContaining("with lastStatus STOPPED (in order, after nothing)");
    }

    @Test
    void should_collect_event_failures_softly(EcsEvents events, EcsClusterHandle prod) {
        couriersOnSpot(prod, 1);
        EcsSoftAssertions softly = new EcsSoftAssertions();

        softly.assertThat(events).contains(taskStateChange().withStopCode("SpotInterruption"));
        softly.assertThat(events).contains(serviceAction("SERVICE_STEADY_STATE"));

        assertThat(softly.errorsCollected()).hasSize(1);
    }

    @Test
    void should_describe_matchers_as_the_message_reads() {
        assertThat(taskStateChange().withStopCode("SpotInterruption").withLastStatus("STOPPED").toString())
                .isEqualTo("an \"ECS Task State Change\" with stopCode SpotInterruption, lastStatus STOPPED");
        assertThat(EcsEventMatcher.anyEvent().about("service/prod/web").toString())
                .isEqualTo("any ECS event with about service/prod/web");
        assertThat(EcsEventMatcher.ofDetailType(EcsEvent.HOOK_STATE_CHANGE).withEventName("HOOK_AWAITING_ACTION")
                .toString()).isEqualTo("an \"ECS Hook State Change\" with eventName HOOK_AWAITING_ACTION");
        assertThat(Duration.ZERO).isZero();
    }
}
