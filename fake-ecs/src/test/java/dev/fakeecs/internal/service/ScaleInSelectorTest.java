package dev.fakeecs.internal.service;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.placement.PlacementFixtures;
import dev.fakeecs.internal.placement.ResourceDemand;
import dev.fakeecs.internal.task.SimulatedTask;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleInSelectorTest {

    private static final String SVC = "service:web";
    private final PlacementFixtures fx = new PlacementFixtures();

    @Test
    void should_stop_a_task_in_the_zone_with_the_most_tasks() {
        SimulatedContainerInstance a = fx.instance("us-east-1a");
        SimulatedContainerInstance b = fx.instance("us-east-1b");
        SimulatedTask a1 = fx.runTask(a, SVC, 128, 128);
        SimulatedTask b1 = fx.runTask(b, SVC, 128, 128);
        SimulatedTask b2 = fx.runTask(b, SVC, 128, 128);
        SimulatedTask a2 = fx.runTask(a, SVC, 128, 128); // started last, but zone a does not have the most
        SimulatedContainerInstance b2host = fx.instance("us-east-1b");
        SimulatedTask b3 = fx.runTask(b2host, SVC, 128, 128);
        // zone b holds 3 tasks; on its instances b has 2, b2host 1 -> a task on b, the most recently started
        assertThat(ScaleInSelector.pickTaskToStop(List.of(a1, b1, b2, a2, b3))).isSameAs(b2);
    }

    @Test
    void should_prefer_the_instance_with_the_most_tasks_within_the_zone() {
        SimulatedContainerInstance a = fx.instance("us-east-1a");
        SimulatedContainerInstance b = fx.instance("us-east-1a");
        SimulatedTask onA = fx.runTask(a, SVC, 128, 128);
        SimulatedTask onB1 = fx.runTask(b, SVC, 128, 128);
        SimulatedTask onB2 = fx.runTask(b, SVC, 128, 128);
        SimulatedTask onA2 = fx.runTask(a, SVC, 128, 128);
        SimulatedTask onA3 = fx.runTask(a, SVC, 128, 128);
        assertThat(ScaleInSelector.pickTaskToStop(List.of(onA, onB1, onB2, onA2, onA3))).isSameAs(onA3);
    }

    @Test
    void should_stop_a_task_that_has_not_started_before_running_ones() {
        SimulatedContainerInstance a = fx.instance("us-east-1a");
        SimulatedTask pending = fx.newTask(a, SVC, ResourceDemand.of(128, 128));
        SimulatedTask running = fx.runTask(a, SVC, 128, 128);
        assertThat(ScaleInSelector.pickTaskToStop(List.of(pending, running))).isSameAs(pending);
    }

    @Test
    void should_take_the_last_in_the_list_when_all_else_ties() {
        SimulatedContainerInstance a = fx.instance("us-east-1a");
        SimulatedTask one = fx.runTask(a, SVC, 128, 128);
        SimulatedTask two = fx.runTask(a, SVC, 128, 128);
        two.startedAt(one.startedAt());
        one.startedAt(two.startedAt());
        SimulatedTask sameCreated = new SimulatedTask("x", "arn:x", "c", one.taskDefinition(), "EC2", null, SVC, null, null, 1, 1,
                List.of(), List.of(), List.of(), false, one.createdAt());
        sameCreated.containerInstance(a);
        sameCreated.availabilityZone("us-east-1a");
        sameCreated.startedAt(one.startedAt());
        a.reserve(sameCreated);
        assertThat(ScaleInSelector.pickTaskToStop(List.of(sameCreated, one))).isSameAs(one);
        assertThat(ScaleInSelector.pickTaskToStop(List.of(one, sameCreated))).isSameAs(sameCreated);
        assertThat(ScaleInSelector.pickTaskToStop(List.of())).isNull();
    }
}
