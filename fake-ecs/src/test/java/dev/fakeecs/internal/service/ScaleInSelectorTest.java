package dev.fakeecs.internal.service;

import dev.fakeecs.internal.containerinstance.ContainerInstance;
import dev.fakeecs.internal.placement.PlacementFixtures;
import dev.fakeecs.internal.placement.ResourceDemand;
import dev.fakeecs.internal.task.Task;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleInSelectorTest {

    private static final String SVC = "service:web";
    private final PlacementFixtures fx = new PlacementFixtures();

    @Test
    void should_stop_a_task_in_the_zone_with_the_most_tasks() {
        ContainerInstance a = fx.instance("us-east-1a");
        ContainerInstance b = fx.instance("us-east-1b");
        Task a1 = fx.runTask(a, SVC, 128, 128);
        Task b1 = fx.runTask(b, SVC, 128, 128);
        Task b2 = fx.runTask(b, SVC, 128, 128);
        Task a2 = fx.runTask(a, SVC, 128, 128); // started last, but zone a does not have the most
        ContainerInstance b2host = fx.instance("us-east-1b");
        Task b3 = fx.runTask(b2host, SVC, 128, 128);
        // zone b holds 3 tasks; on its instances b has 2, b2host 1 -> a task on b, the most recently started
        assertThat(ScaleInSelector.pickTaskToStop(List.of(a1, b1, b2, a2, b3))).isSameAs(b2);
    }

    @Test
    void should_prefer_the_instance_with_the_most_tasks_within_the_zone() {
        ContainerInstance a = fx.instance("us-east-1a");
        ContainerInstance b = fx.instance("us-east-1a");
        Task onA = fx.runTask(a, SVC, 128, 128);
        Task onB1 = fx.runTask(b, SVC, 128, 128);
        Task onB2 = fx.runTask(b, SVC, 128, 128);
        Task onA2 = fx.runTask(a, SVC, 128, 128);
        Task onA3 = fx.runTask(a, SVC, 128, 128);
        assertThat(ScaleInSelector.pickTaskToStop(List.of(onA, onB1, onB2, onA2, onA3))).isSameAs(onA3);
    }

    @Test
    void should_stop_a_task_that_has_not_started_before_running_ones() {
        ContainerInstance a = fx.instance("us-east-1a");
        Task pending = fx.newTask(a, SVC, ResourceDemand.of(128, 128));
        Task running = fx.runTask(a, SVC, 128, 128);
        assertThat(ScaleInSelector.pickTaskToStop(List.of(pending, running))).isSameAs(pending);
    }

    @Test
    void should_take_the_last_in_the_list_when_all_else_ties() {
        ContainerInstance a = fx.instance("us-east-1a");
        Task one = fx.runTask(a, SVC, 128, 128);
        Task two = fx.runTask(a, SVC, 128, 128);
        two.startedAt(one.startedAt());
        one.startedAt(two.startedAt());
        Task sameCreated = new Task("x", "arn:x", "c", one.taskDefinition(), "EC2", null, SVC, null, null, 1, 1,
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
