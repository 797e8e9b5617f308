package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;

import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.describe;
import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.runTasks;
import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.state;
import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.strategy;
import static org.assertj.core.api.Assertions.assertThat;

class ManagedInstancesRetirementTest {

    private final FakeEcs ecs = ManagedInstancesFixtures.world();
    private final EcsClient api = ecs.api();

    private List<String> registered() {
        return api.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns();
    }

    private ContainerInstance describeInstance(String arn) {
        return api.describeContainerInstances(r -> r.cluster("prod").containerInstances(arn)).containerInstances()
                .get(0);
    }

    @Test
    void should_terminate_an_idle_instance_after_the_default_300_seconds_and_not_before() {
        // given a task that ran and stopped
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-a"), null, null);
        String td = ManagedInstancesFixtures.taskDefinition(api, 512, 1024);
        Task task = runTasks(api, "mi", td, 1).get(0);
        ecs.clock().advance(Duration.ofMinutes(3));
        String host = registered().get(0);
        api.stopTask(r -> r.cluster("prod").task(task.taskArn()));
        ecs.clock().advance(Duration.ofSeconds(40));
        assertThat(describe(api, task.taskArn()).lastStatus()).isEqualTo("STOPPED");

        // when / then
        ecs.clock().advance(Duration.ofSeconds(250));
        assertThat(registered()).containsExactly(host);
        ecs.clock().advance(Duration.ofSeconds(60));
        assertThat(registered()).isEmpty();
        ContainerInstance gone = describeInstance(host);
        assertThat(gone.status()).isEqualTo("INACTIVE");
        assertThat(gone.statusReason()).isEqualTo("Instance terminated");
    }

    @Test
    void should_cancel_the_idle_timer_when_a_task_arrives_and_keep_instances_with_scale_in_after_minus_one() {
        // given
        ManagedInstancesFixtures.provider(api, "keep", List.of("subnet-a"), -1, null);
        String td = ManagedInstancesFixtures.taskDefinition(api, 512, 1024);
        Task task = runTasks(api, "keep", td, 1).get(0);
        ecs.clock().advance(Duration.ofMinutes(3));
        api.stopTask(r -> r.cluster("prod").task(task.taskArn()));

        // when
        ecs.clock().advance(Duration.ofHours(2));

        // then
        assertThat(registered()).hasSize(1);
    }

    @Test
    void should_use_scale_in_after_zero_and_a_new_task_on_the_idle_instance() {
        // given an instance with scaleInAfter 120 s and its task stopped
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-a"), 120, null);
        String td = ManagedInstancesFixtures.taskDefinition(api, 512, 1024);
        Task first = runTasks(api, "mi", td, 1).get(0);
        ecs.clock().advance(Duration.ofMinutes(3));
        String host = registered().get(0);
        api.stopTask(r -> r.cluster("prod").task(first.taskArn()));
        ecs.clock().advance(Duration.ofSeconds(60));

        // when a new task lands on it inside the window
        Task second = runTasks(api, "mi", td, 1).get(0);
        ecs.clock().advance(Duration.ofMinutes(5));

        // then it stays
        assertThat(describe(api, second.taskArn()).containerInstanceArn()).isEqualTo(host);
        assertThat(registered()).containsExactly(host);
    }

    @Test
    void should_drain_for_patching_on_day_14_move_service_tasks_and_terminate_the_old_instance() {
        // given a service of two tasks on one instance
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-us-east-1a"), null, null);
        String td = ManagedInstancesFixtures.taskDefinition(api, 512, 1024);
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td).desiredCount(2)
                .capacityProviderStrategy(strategy("mi"))
                .deploymentConfiguration(d -> d.minimumHealthyPercent(100).maximumPercent(200))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a"))));
        ecs.clock().advance(Duration.ofMinutes(4));
        assertThat(registered()).hasSize(1);
        String old = registered().get(0);
        SimulatedContainerInstance oldHost = state(ecs).containerInstances().byArn(old);

        // when
        ecs.clock().advance(Duration.ofDays(14).minusMinutes(4));

        // then it drains; the scheduler starts replacements before stopping (min 100 %)
        assertThat(describeInstance(old).status()).isEqualTo("DRAINING");
        assertThat(oldHost.tasks()).hasSize(2);
        ecs.clock().advance(Duration.ofMinutes(10));
        List<String> now = registered();
        assertThat(now).hasSize(1).doesNotContain(old);
        assertThat(describeInstance(old).status()).isEqualTo("INACTIVE");
        var service = api.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
        assertThat(service.runningCount()).isEqualTo(2);
        List<String> taskArns = api.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns();
        assertThat(api.describeTasks(r -> r.cluster("prod").tasks(taskArns)).tasks())
                .allSatisfy(t -> assertThat(t.containerInstanceArn()).isEqualTo(now.get(0)));
    }

    @Test
    void should_terminate_an_instance_on_day_21_even_with_a_standalone_task() {
        // given a long standalone task
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-a"), null, null);
        String td = ManagedInstancesFixtures.taskDefinition(api, 512, 1024);
        Task task = runTasks(api, "mi", td, 1).get(0);
        ecs.clock().advance(Duration.ofMinutes(3));
        String host = registered().get(0);

        // when
        ecs.clock().advance(Duration.ofDays(21));

        // then
        Task stopped = describe(api, task.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCodeAsString()).isEqualTo("TerminationNotice");
        assertThat(describeInstance(host).status()).isEqualTo("INACTIVE");
    }
}
