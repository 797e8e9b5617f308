package dev.fakeecs.fault;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.capacity.AutoScalingGroup;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.service.ServiceMessages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.fakeecs.fault.FaultFixtures.ec2Family;
import static dev.fakeecs.fault.FaultFixtures.ec2Service;
import static dev.fakeecs.fault.FaultFixtures.events;
import static dev.fakeecs.fault.FaultFixtures.fargateFamily;
import static dev.fakeecs.fault.FaultFixtures.fargateSpotService;
import static dev.fakeecs.fault.FaultFixtures.running;
import static dev.fakeecs.fault.FaultFixtures.state;
import static dev.fakeecs.fault.FaultFixtures.task;
import static dev.fakeecs.fault.FaultFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;

class SpotFaultsTest {

    private final FakeEcs ecs = FaultFixtures.world();
    private final FaultInjector faults = FaultInjector.of(ecs);

    private void couriersOnFargateSpot(int desired) {
        fargateSpotService(ecs, "couriers", fargateFamily(ecs, "couriers", "acme/couriers:1", false), desired);
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(running(ecs, "couriers")).isEqualTo(desired);
    }

    @Test
    void should_warn_a_fargate_spot_task_two_minutes_ahead_and_stop_it_after_its_stop_timeout() {
        // given
        couriersOnFargateSpot(2);
        String victim = tasks(ecs, "couriers", "RUNNING").get(0).taskArn();
        Instant warning = ecs.clock().instant();

        // when
        faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).task(victim).build());

        // then: the warning, while the task still runs
        Task warned = task(ecs, victim);
        assertThat(warned.desiredStatus()).isEqualTo("STOPPED");
        assertThat(warned.lastStatus()).isEqualTo("RUNNING");
        assertThat(warned.stopCodeAsString()).isEqualTo("SpotInterruption");
        assertThat(warned.stoppedReason()).isEqualTo("Your Spot Task was interrupted.");
        ecs.clock().advance(Duration.ZERO);
        assertThat(tasks(ecs, "couriers", "RUNNING")).hasSize(2).extracting(Task::taskArn).doesNotContain(victim);

        // SIGTERM, then the stop after stopTimeout (30 s by default on Fargate) and deprovisioning (5 s)
        ecs.clock().advance(Duration.ofSeconds(29));
        assertThat(task(ecs, victim).lastStatus()).isEqualTo("RUNNING");
        ecs.clock().advance(Duration.ofSeconds(6));
        Task stopped = task(ecs, victim);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stoppingAt()).isEqualTo(warning);
        assertThat(stopped.stoppedAt()).isEqualTo(warning.plusSeconds(35));
        assertThat(stopped.containers()).allSatisfy(c -> assertThat(c.exitCode()).isEqualTo(143));
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(running(ecs, "couriers")).isEqualTo(2);
    }

    @Test
    void should_leave_replacements_unplaced_while_spot_capacity_is_unavailable() {
        // given
        couriersOnFargateSpot(2);
        faults.inject(FaultSpec.of(FaultType.SPOT_CAPACITY_UNAVAILABLE).duration(Duration.ofMinutes(10)).build());
        Instant start = ecs.clock().instant();

        // when every Spot task of the service is interrupted
        faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster("prod").service("couriers")
                .percentage(100).build());
        ecs.clock().advance(Duration.ofMinutes(5));

        // then nothing could place, with the real service event
        assertThat(running(ecs, "couriers")).isZero();
        assertThat(events(ecs, "couriers")).contains(ServiceMessages.capacityUnavailable("couriers"));

        // and once capacity is back, the service recovers (90 s to start)
        ecs.clock().advanceTo(start.plus(Duration.ofMinutes(10)));
        assertThat(tasks(ecs, "couriers", "RUNNING")).hasSize(2);
        ecs.clock().advance(Duration.ofSeconds(90));
        assertThat(running(ecs, "couriers")).isEqualTo(2);
    }

    @Test
    void should_drain_an_interrupted_ec2_spot_host_and_terminate_it_when_the_notice_runs_out() {
        // given
        AutoScalingGroup spot = FaultFixtures.hosts(ecs, 2, true);
        state(ecs).clusters().find("prod").spotInstanceDraining(true);
        ecs.clock().advance(Duration.ofSeconds(60));
        ec2Service(ecs, "kitchen", ec2Family(ecs, "kitchen"), 2);
        ecs.clock().advance(Duration.ofMinutes(3));
        SimulatedContainerInstance victim = spot.inService().stream().filter(ci -> !ci.tasks().isEmpty()).findFirst()
                .orElseThrow();
        String ec2Id = victim.ec2InstanceId();
        Instant notice = ecs.clock().instant();

        // when
        faults.inject(FaultSpec.of(FaultType.EC2_SPOT_INTERRUPTION).containerInstance(victim.arn()).build());

        // then: DRAINING at the notice; the scheduler moves the tasks
        assertThat(victim.status()).isEqualTo("DRAINING");
        ecs.clock().advance(Duration.ofSeconds(119));
        assertThat(victim.status()).isEqualTo("DRAINING");
        assertThat(victim.tasks()).isEmpty();
        assertThat(running(ecs, "kitchen")).isEqualTo(2);

        // terminated two minutes after the notice; the group launches a replacement
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(victim.status()).isEqualTo("INACTIVE");
        assertThat(spot.inService()).hasSize(1);
        ecs.clock().advanceTo(notice.plus(Duration.ofMinutes(3)));
        assertThat(spot.inService()).hasSize(2).noneMatch(ci -> ci.ec2InstanceId().equals(ec2Id));
        assertThat(ecs.journal().find(e -> "spot interruption notice".equals(e.detail("effect"))))
                .singleElement().satisfies(e -> assertThat(e.detail("terminatesAt"))
                        .isEqualTo(notice.plusSeconds(120).toString()));
    }

    @Test
    void should_stop_the_tasks_of_a_spot_host_without_draining_with_the_termination_reason() {
        // given: draining off (the agent's default)
        AutoScalingGroup spot = FaultFixtures.hosts(ecs, 1, true);
        ecs.clock().advance(Duration.ofSeconds(60));
        ec2Service(ecs, "kitchen", ec2Family(ecs, "kitchen"), 1);
        ecs.clock().advance(Duration.ofMinutes(3));
        SimulatedContainerInstance victim = spot.inService().get(0);
        List<dev.fakeecs.internal.task.SimulatedTask> onVictim = dev.fakeecs.internal.task.SimulatedTask.placedOn(victim);

        // when
        faults.inject(FaultSpec.of(FaultType.EC2_SPOT_INTERRUPTION).cluster("prod").build());
        ecs.clock().advance(Duration.ofSeconds(119));
        assertThat(victim.status()).isEqualTo("ACTIVE");
        assertThat(onVictim).allSatisfy(t -> assertThat(t.isRunning()).isTrue());
        ecs.clock().advance(Duration.ofSeconds(1));

        // then
        assertThat(onVictim).singleElement().satisfies(t -> {
            assertThat(t.stopCode()).isEqualTo("TerminationNotice");
            assertThat(t.stoppedReason()).isEqualTo("Host EC2 (instance " + victim.ec2InstanceId() + ") terminated.");
        });
    }
}
