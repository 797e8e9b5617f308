package dev.fakeecs.fault;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.events.EcsEvent;
import dev.fakeecs.internal.capacity.AutoScalingGroup;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.fakeecs.fault.FaultFixtures.ec2Family;
import static dev.fakeecs.fault.FaultFixtures.ec2Service;
import static dev.fakeecs.fault.FaultFixtures.fargateFamily;
import static dev.fakeecs.fault.FaultFixtures.fargateSpotService;
import static dev.fakeecs.fault.FaultFixtures.tasks;
import static org.assertj.core.api.Assertions.assertThat;

/** Faults as ECS's EventBridge events show them. */
class EventFaultsTest {

    private final FakeEcs ecs = FaultFixtures.world();
    private final FaultInjector faults = FaultInjector.of(ecs);

    @Test
    void should_emit_task_state_changes_with_stop_code_SpotInterruption_when_a_fargate_spot_task_is_interrupted() {
        // given
        fargateSpotService(ecs, "couriers", fargateFamily(ecs, "couriers", "acme/couriers:1", false), 2);
        ecs.clock().advance(Duration.ofMinutes(3));
        String victim = tasks(ecs, "couriers", "RUNNING").get(0).taskArn();
        long mark = ecs.events().mark();

        // when
        // events-spot-interruption-START
        faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).task(victim).build());
        ecs.clock().advance(Duration.ofMinutes(1));

        // then: the stop decision (still RUNNING, desired STOPPED), then each status down to STOPPED
        List<EcsEvent> victimEvents = ecs.events().since(mark, EcsEvent.TASK_STATE_CHANGE).stream()
                .filter(e -> e.resources().equals(List.of(victim))).toList();
        assertThat(victimEvents).extracting(e -> e.detailText("lastStatus"))
                .containsExactly("RUNNING", "DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED");
        // events-spot-interruption-END
        assertThat(victimEvents).allSatisfy(e -> {
            assertThat(e.detailText("stopCode")).isEqualTo("SpotInterruption");
            assertThat(e.detailText("desiredStatus")).isEqualTo("STOPPED");
            assertThat(e.detailText("stoppedReason")).isEqualTo("Your Spot Task was interrupted.");
        });
        EcsEvent stopped = victimEvents.get(victimEvents.size() - 1);
        assertThat(stopped.detail()).containsKeys("stoppingAt", "executionStoppedAt", "stoppedAt");
        assertThat(stopped.detail().get("capacityProviderName")).isEqualTo("FARGATE_SPOT");
        assertThat(victimEvents).extracting(e -> e.detail().get("version"))
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void should_emit_a_container_instance_state_change_to_INACTIVE_when_a_host_is_terminated() {
        // given
        AutoScalingGroup group = FaultFixtures.hosts(ecs, 2, false);
        ecs.clock().advance(Duration.ofSeconds(60));
        ec2Service(ecs, "kitchen", ec2Family(ecs, "kitchen"), 2);
        ecs.clock().advance(Duration.ofMinutes(3));
        SimulatedContainerInstance victim = group.inService().stream().filter(ci -> !ci.tasks().isEmpty())
                .findFirst().orElseThrow();
        long mark = ecs.events().mark();

        // when
        faults.inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster("prod").containerInstance(victim.arn())
                .build());

        // then
        List<EcsEvent> hostEvents = ecs.events().since(mark, EcsEvent.CONTAINER_INSTANCE_STATE_CHANGE).stream()
                .filter(e -> e.resources().equals(List.of(victim.arn()))).toList();
        assertThat(hostEvents).isNotEmpty();
        EcsEvent inactive = hostEvents.get(0);
        assertThat(inactive.detail()).containsEntry("status", "INACTIVE").containsEntry("agentConnected", false)
                .containsEntry("ec2InstanceId", victim.ec2InstanceId())
                .containsEntry("clusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        assertThat(ecs.events().since(mark, EcsEvent.TASK_STATE_CHANGE))
                .filteredOn(e -> "STOPPED".equals(e.detailText("lastStatus")))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.detailText("stopCode")).isEqualTo("TerminationNotice"));
        // the freed resources show on the host's last event
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> remaining = (List<Map<String, Object>>) hostEvents.get(hostEvents.size() - 1)
                .detail().get("remainingResources");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> registered = (List<Map<String, Object>>) hostEvents.get(hostEvents.size() - 1)
                .detail().get("registeredResources");
        assertThat(remaining.get(0)).containsEntry("name", "CPU")
                .containsEntry("integerValue", registered.get(0).get("integerValue"));
    }

    @Test
    void should_emit_container_instance_state_changes_when_the_agent_disconnects_and_reconnects() {
        // given
        AutoScalingGroup group = FaultFixtures.hosts(ecs, 1, false);
        ecs.clock().advance(Duration.ofSeconds(60));
        SimulatedContainerInstance host = group.inService().get(0);
        long mark = ecs.events().mark();

        // when
        FaultHandle partition = faults.inject(FaultSpec.of(FaultType.DISCONNECT_AGENT).containerInstance(host.arn())
                .duration(Duration.ofMinutes(20)).build());
        ecs.clock().advance(Duration.ofMinutes(1));
        partition.close();

        // then
        assertThat(ecs.events().since(mark, EcsEvent.CONTAINER_INSTANCE_STATE_CHANGE))
                .extracting(e -> e.detail().get("agentConnected")).containsExactly(false, true);
    }

    @Test
    void should_report_a_fargate_placement_failure_with_its_capacity_providers_while_spot_capacity_is_out() {
        // given
        fargateSpotService(ecs, "couriers", fargateFamily(ecs, "couriers", "acme/couriers:1", false), 2);
        ecs.clock().advance(Duration.ofMinutes(3));
        faults.inject(FaultSpec.of(FaultType.SPOT_CAPACITY_UNAVAILABLE).duration(Duration.ofMinutes(10)).build());
        long mark = ecs.events().mark();

        // when
        faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster("prod").service("couriers")
                .percentage(100).build());
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        List<EcsEvent> failures = ecs.events().since(mark, EcsEvent.SERVICE_ACTION).stream()
                .filter(e -> "SERVICE_TASK_PLACEMENT_FAILURE".equals(e.detailText("eventName"))).toList();
        assertThat(failures).isNotEmpty().allSatisfy(e -> assertThat(e.detail())
                .containsEntry("eventType", "ERROR").containsEntry("reason", "RESOURCE:FARGATE")
                .containsEntry("capacityProviderArns",
                        List.of("arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE_SPOT")));
    }
}
