package dev.fakeecs.fault;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.capacity.AutoScalingGroup;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.task.SimulatedTask;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.fakeecs.fault.FaultFixtures.ec2Family;
import static dev.fakeecs.fault.FaultFixtures.ec2Service;
import static dev.fakeecs.fault.FaultFixtures.running;
import static dev.fakeecs.fault.FaultFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

class HostFaultsTest {

    private final FakeEcs ecs = FaultFixtures.world();
    private final FaultInjector faults = FaultInjector.of(ecs);
    private final AutoScalingGroup asg = FaultFixtures.hosts(ecs, 3, false);

    private SimulatedContainerInstance busiestHost() {
        return state(ecs).containerInstances().inCluster("prod").stream()
                .max((a, b) -> Integer.compare(a.tasks().size(), b.tasks().size())).orElseThrow();
    }

    private void webServiceRunning(int desired) {
        ecs.clock().advance(Duration.ofSeconds(60));       // hosts registered
        ec2Service(ecs, "web", ec2Family(ecs, "web"), desired);
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(running(ecs, "web")).isEqualTo(desired);
    }

    @Test
    void should_stop_tasks_with_termination_notice_deregister_the_host_and_let_the_asg_replace_it() {
        // given
        webServiceRunning(4);
        SimulatedContainerInstance victim = busiestHost();
        List<SimulatedTask> onVictim = SimulatedTask.placedOn(victim);
        Instant injectedAt = ecs.clock().instant();

        // when
        // faults-terminate-instance-START
        FaultHandle fault = faults.inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster("prod")
                .containerInstance(victim.arn()).build());

        // then
        assertThat(onVictim).isNotEmpty().allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("STOPPED");
            assertThat(t.stopCode()).isEqualTo("TerminationNotice");
            assertThat(t.stoppedReason()).isEqualTo("Host EC2 (instance " + victim.ec2InstanceId() + ") terminated.");
            assertThat(t.stoppedAt()).isEqualTo(injectedAt);
        });
        // faults-terminate-instance-END
        assertThat(victim.status()).isEqualTo("INACTIVE");
        assertThat(fault.state()).isEqualTo(FaultState.ENDED);
        assertThat(ecs.journal().ofType(JournalEventType.FAULT)).extracting(e -> e.detail("effect"))
                .contains("terminated");

        // the service replaces the tasks on the remaining hosts, the group replaces the host after its boot delay
        ecs.clock().advance(Duration.ofSeconds(59));
        assertThat(state(ecs).containerInstances().inCluster("prod")).hasSize(2);
        assertThat(running(ecs, "web")).isEqualTo(4);
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(state(ecs).containerInstances().inCluster("prod")).hasSize(3);
        JournalEntry replacement = ecs.journal().find(e -> e.type() == JournalEventType.AUTO_SCALING_GROUP
                && e.detail("inService") != null && e.time().isAfter(injectedAt)).get(0);
        assertThat(replacement.time()).isEqualTo(injectedAt.plus(AutoScalingGroup.DEFAULT_BOOT_DELAY));
        assertThat(asg.inService()).hasSize(3).doesNotContain(victim);
    }

    @Test
    void should_stop_tasks_of_a_stopped_host_keep_it_registered_and_start_it_after_the_duration() {
        // given
        webServiceRunning(3);
        SimulatedContainerInstance victim = busiestHost();
        List<SimulatedTask> onVictim = SimulatedTask.placedOn(victim);

        // when
        faults.inject(FaultSpec.of(FaultType.STOP_INSTANCE).containerInstance(victim.id())
                .duration(Duration.ofMinutes(10)).build());

        // then
        assertThat(onVictim).isNotEmpty().allSatisfy(t -> {
            assertThat(t.stopCode()).isEqualTo("TerminationNotice");
            assertThat(t.stoppedReason()).isEqualTo("Host EC2 (instance " + victim.ec2InstanceId() + ") stopped.");
        });
        assertThat(victim.status()).isEqualTo("ACTIVE");
        assertThat(victim.agentConnected()).isFalse();
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(running(ecs, "web")).isEqualTo(3);
        assertThat(victim.tasks()).isEmpty();

        ecs.clock().advance(Duration.ofMinutes(7));
        assertThat(victim.agentConnected()).isTrue();
    }

    @Test
    void should_keep_tasks_of_a_disconnected_agent_running_and_place_nothing_new_there() {
        // given
        webServiceRunning(3);
        SimulatedContainerInstance victim = busiestHost();
        List<SimulatedTask> onVictim = SimulatedTask.placedOn(victim);

        // when
        FaultHandle partition = faults.inject(FaultSpec.of(FaultType.DISCONNECT_AGENT).containerInstance(victim.arn())
                .duration(Duration.ofMinutes(20)).build());
        ecs.api().updateService(b -> b.cluster("prod").service("web").desiredCount(9));
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        assertThat(onVictim).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
        assertThat(victim.tasks()).containsExactlyElementsOf(onVictim);
        assertThat(ecs.api().describeContainerInstances(b -> b.cluster("prod").containerInstances(victim.arn()))
                .containerInstances().get(0).agentConnected()).isFalse();

        // when it reconnects early, blocked tasks may place there again
        partition.close();
        assertThat(victim.agentConnected()).isTrue();
        assertThat(partition.state()).isEqualTo(FaultState.ENDED);
    }

    @Test
    void should_terminate_a_host_that_belongs_to_no_auto_scaling_group() {
        // given
        SimulatedContainerInstance loner = state(ecs).read(() -> state(ecs).containerInstances()
                .launchHost("prod", "m5.large", "us-east-1c", null));

        // when
        FaultHandle fault = faults.inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster("prod")
                .containerInstance(loner.arn()).build());

        // then
        assertThat(loner.status()).isEqualTo("INACTIVE");
        assertThat(fault.state()).isEqualTo(FaultState.ENDED);
        assertThat(ecs.journal().ofType(JournalEventType.FAULT)).anySatisfy(e -> {
            assertThat(e.detail("effect")).isEqualTo("terminated");
            assertThat(e.details()).doesNotContainKey("autoScalingGroup");
        });
    }
}
