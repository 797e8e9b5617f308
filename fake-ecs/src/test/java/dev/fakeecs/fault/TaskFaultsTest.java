package dev.fakeecs.fault;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.service.ServiceScheduler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;

import static dev.fakeecs.fault.FaultFixtures.ec2Family;
import static dev.fakeecs.fault.FaultFixtures.ec2Service;
import static dev.fakeecs.fault.FaultFixtures.fargateFamily;
import static dev.fakeecs.fault.FaultFixtures.fargateService;
import static dev.fakeecs.fault.FaultFixtures.running;
import static dev.fakeecs.fault.FaultFixtures.state;
import static dev.fakeecs.fault.FaultFixtures.task;
import static dev.fakeecs.fault.FaultFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;

class TaskFaultsTest {

    private final FakeEcs ecs = FaultFixtures.world();
    private final FaultInjector faults = FaultInjector.of(ecs);

    private String ordersRunning(boolean healthCheck) {
        fargateService(ecs, "orders", fargateFamily(ecs, "orders", "acme/orders:1", healthCheck), 2);
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(running(ecs, "orders")).isEqualTo(2);
        return tasks(ecs, "orders", "RUNNING").get(0).taskArn();
    }

    @Test
    void should_stop_a_task_as_stop_task_does() {
        String victim = ordersRunning(false);

        faults.inject(FaultSpec.of(FaultType.STOP_TASK).task(victim).build());
        ecs.clock().advance(Duration.ofSeconds(10));

        Task stopped = task(ecs, victim);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCodeAsString()).isEqualTo("UserInitiated");
        assertThat(stopped.stoppedReason()).isEqualTo("Task stopped by user");
    }

    @Test
    void should_kill_a_container_with_137_and_the_out_of_memory_reason() {
        String victim = ordersRunning(false);

        faults.inject(FaultSpec.fromMap(java.util.Map.of("type", "KILL_CONTAINER", "task", victim)));
        ecs.clock().advance(Duration.ofSeconds(10));

        Task stopped = task(ecs, victim);
        assertThat(stopped.stopCodeAsString()).isEqualTo("EssentialContainerExited");
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(137);
        assertThat(stopped.containers().get(0).reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(running(ecs, "orders")).isEqualTo(2);
    }

    @Test
    void should_make_the_scheduler_replace_tasks_whose_health_checks_fail() {
        ordersRunning(true);
        List<String> before = tasks(ecs, "orders", "RUNNING").stream().map(Task::taskArn).toList();

        faults.inject(FaultSpec.of(FaultType.HEALTH_CHECK_FAILURE).cluster("prod").service("orders")
                .duration(Duration.ofSeconds(30)).build());
        ecs.clock().advance(Duration.ofSeconds(1));

        assertThat(before).allSatisfy(arn -> {
            Task t = task(ecs, arn);
            assertThat(t.desiredStatus()).isEqualTo("STOPPED");
            assertThat(t.stopCodeAsString()).isEqualTo("ServiceSchedulerInitiated");
            assertThat(t.stoppedReason()).isEqualTo(ServiceScheduler.HEALTH_CHECK_REASON);
        });
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(running(ecs, "orders")).isEqualTo(2);
    }

    @Test
    void should_fail_image_pulls_while_it_lasts() {
        String victim = ordersRunning(false);
        faults.inject(FaultSpec.of(FaultType.IMAGE_PULL_FAILURE).service("orders")
                .duration(Duration.ofMinutes(5)).build());

        faults.inject(FaultSpec.of(FaultType.STOP_TASK).task(victim).build());
        ecs.clock().advance(Duration.ofMinutes(2));

        Task failed = tasks(ecs, "orders", "STOPPED").stream().filter(t -> !t.taskArn().equals(victim))
                .findFirst().orElseThrow();
        assertThat(failed.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(failed.stoppedReason()).startsWith("CannotPullContainerError: pull image manifest has been retried");
        ecs.clock().advance(Duration.ofMinutes(20));
        assertThat(running(ecs, "orders")).isEqualTo(2);
    }

    @Test
    void should_drain_a_percentage_of_the_clusters_hosts_for_the_duration() {
        FaultFixtures.hosts(ecs, 4, false);
        ecs.clock().advance(Duration.ofSeconds(60));
        ec2Service(ecs, "kitchen", ec2Family(ecs, "kitchen"), 4);
        ecs.clock().advance(Duration.ofMinutes(3));

        faults.inject(FaultSpec.of(FaultType.DRAIN_CONTAINER_INSTANCES).cluster("prod").percentage(50)
                .duration(Duration.ofMinutes(10)).build());

        List<SimulatedContainerInstance> draining = state(ecs).containerInstances().inCluster("prod").stream()
                .filter(ci -> ci.status().equals("DRAINING")).toList();
        assertThat(draining).hasSize(2);
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(draining).allSatisfy(ci -> assertThat(ci.tasks()).isEmpty());
        assertThat(running(ecs, "kitchen")).isEqualTo(4);
        ecs.clock().advance(Duration.ofMinutes(7));
        assertThat(draining).allSatisfy(ci -> assertThat(ci.status()).isEqualTo("ACTIVE"));
    }
}
