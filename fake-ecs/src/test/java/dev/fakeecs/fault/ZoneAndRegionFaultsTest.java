package dev.fakeecs.fault;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.task.SimulatedTask;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.EcsException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.fakeecs.fault.FaultFixtures.ec2Family;
import static dev.fakeecs.fault.FaultFixtures.ec2Service;
import static dev.fakeecs.fault.FaultFixtures.fargateFamily;
import static dev.fakeecs.fault.FaultFixtures.fargateService;
import static dev.fakeecs.fault.FaultFixtures.running;
import static dev.fakeecs.fault.FaultFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZoneAndRegionFaultsTest {

    private final FakeEcs ecs = FaultFixtures.world();
    private final FaultInjector faults = FaultInjector.of(ecs);

    @Test
    void should_lose_hosts_and_fargate_tasks_of_a_zone_and_place_nothing_there_until_it_recovers() {
        // given
        FaultFixtures.hosts(ecs, 3, false);
        ecs.clock().advance(Duration.ofSeconds(60));
        ec2Service(ecs, "kitchen", ec2Family(ecs, "kitchen"), 3);
        fargateService(ecs, "orders", fargateFamily(ecs, "orders", "acme/orders:1", false), 3);
        ecs.clock().advance(Duration.ofMinutes(3));
        List<SimulatedTask> inZone = state(ecs).tasks().all().stream()
                .filter(t -> t.availabilityZone().equals("us-east-1a") && !t.isStopped()).toList();
        SimulatedContainerInstance host = state(ecs).containerInstances().inCluster("prod").stream()
                .filter(ci -> ci.availabilityZone().equals("us-east-1a")).findFirst().orElseThrow();

        // when
        faults.inject(FaultSpec.of(FaultType.AZ_OUTAGE).availabilityZone("us-east-1a")
                .duration(Duration.ofMinutes(20)).build());

        // then
        assertThat(inZone).hasSize(2).allSatisfy(t -> {
            assertThat(t.isStopped()).isTrue();
            assertThat(t.stopCode()).isEqualTo("TerminationNotice");
            assertThat(t.stoppedReason()).isIn("Host EC2 (instance " + host.ec2InstanceId() + ") stopped.",
                    "Task stopped because availability zone us-east-1a became unavailable.");
        });
        assertThat(host.agentConnected()).isFalse();
        ecs.clock().advance(Duration.ofMinutes(5));
        assertThat(running(ecs, "kitchen")).isEqualTo(3);
        assertThat(running(ecs, "orders")).isEqualTo(3);
        assertThat(state(ecs).tasks().all()).filteredOn(t -> !t.isStopped())
                .noneMatch(t -> t.availabilityZone().equals("us-east-1a"));

        // and after 20 minutes the zone is back
        ecs.clock().advance(Duration.ofMinutes(15));
        assertThat(host.agentConnected()).isTrue();
        assertThat(state(ecs).tasks().zoneUsable("us-east-1a")).isTrue();
    }

    @Test
    void should_run_the_power_interruption_preset_for_thirty_minutes() {
        Instant start = ecs.clock().instant();

        FaultHandle power = faults.inject(FaultSpec.azPowerInterruption("us-east-1", "us-east-1b"));

        assertThat(state(ecs).tasks().zoneUsable("us-east-1b")).isFalse();
        ecs.clock().advance(Duration.ofMinutes(30));
        assertThat(power.state()).isEqualTo(FaultState.ENDED);
        assertThat(power.endedAt()).isEqualTo(start.plus(Duration.ofMinutes(30)));
        assertThat(state(ecs).tasks().zoneUsable("us-east-1b")).isTrue();
    }

    @Test
    void should_fail_the_regions_api_with_a_503_server_exception_and_recover() {
        // given
        FaultHandle outage = faults.inject(FaultSpec.of(FaultType.REGION_OUTAGE).region("us-east-1")
                .duration(Duration.ofMinutes(15)).build());

        // then
        assertThatThrownBy(() -> ecs.api().listClusters()).isInstanceOfSatisfying(EcsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServerException");
        });
        assertThat(faults.regionReachable("us-east-1")).isFalse();

        // when
        ecs.clock().advance(Duration.ofMinutes(15));

        // then
        assertThat(ecs.api().listClusters().clusterArns()).hasSize(1);
        assertThat(faults.regionReachable("us-east-1")).isTrue();
        assertThat(outage.state()).isEqualTo(FaultState.ENDED);
    }
}
