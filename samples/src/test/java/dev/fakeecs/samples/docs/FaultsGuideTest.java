package dev.fakeecs.samples.docs;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultHandle;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsContainerInstanceHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Duration;
import java.time.Instant;

import static dev.fakeecs.junit.EcsAssertions.assertThat;

/** The snippets of docs/faults.md: injecting a fault now, at a virtual time from now, and ending it early. */
@EcsCluster(name = "prod", seed = 3, capacity = {Capacity.FARGATE, Capacity.EC2}, ec2Hosts = 3)
class FaultsGuideTest {

    @Test
    void a_terminated_host_stops_its_task_and_the_service_replaces_it(EcsClusterHandle prod, FaultInjector faults) {
        prod.api().registerTaskDefinition(r -> r.family("legacy").requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("app").image("acme/legacy:1").memory(256)));
        prod.api().createService(r -> r.cluster("prod").serviceName("legacy").taskDefinition("legacy")
                .desiredCount(2).launchType(LaunchType.EC2)
                .placementConstraints(p -> p.type(PlacementConstraintType.DISTINCT_INSTANCE)));
        EcsServiceHandle legacy = prod.service("legacy");
        assertThat(legacy).eventually(Duration.ofMinutes(5)).hasRunningCount(2);
        EcsContainerInstanceHandle victim = prod.containerInstances().stream()
                .filter(host -> host.describe().runningTasksCount() > 0).findFirst().orElseThrow();
        long mark = prod.mark();

        // faults-inject-START
        // FaultInjector is a parameter @EcsCluster resolves; outside JUnit: FaultInjector.of(ecs)
        FaultHandle hostLoss = faults.inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE)
                .cluster("prod").containerInstance(victim.arn())
                .build());                                   // no at(...): applies now

        assertThat(prod.changesSince(mark)).hasStoppedWithStopCode(1, TaskStopCode.TERMINATION_NOTICE);
        assertThat(legacy).eventually(Duration.ofMinutes(5)).hasRunningCount(2);   // replaced on another host
        // faults-inject-END
        assertThat(hostLoss.type()).isEqualTo(FaultType.TERMINATE_INSTANCE);
        assertThat(victim).hasStatus("INACTIVE");
    }

    @Test
    void a_scheduled_outage_starts_at_its_virtual_time_and_ends_when_closed(FakeEcs ecs, EcsClusterHandle prod) {
        Instant injected = ecs.clock().instant();
        // faults-schedule-START
        FaultInjector faults = FaultInjector.of(ecs);
        FaultSpec zoneDown = FaultSpec.of(FaultType.AZ_OUTAGE).availabilityZone("us-east-1a")
                .at(Duration.ofMinutes(5))             // 5 virtual minutes from now (from the inject call)
                .duration(Duration.ofMinutes(20))       // then lasts 20 minutes
                .build();
        FaultHandle outage = faults.inject(zoneDown);   // scheduled: not active yet

        ecs.clock().advance(Duration.ofMinutes(6));     // now active
        outage.close();                                 // ends it early (cancels it if not started yet)

        FaultHandle again = faults.inject(zoneDown.startingIn(Duration.ofHours(1)));   // a copy, 1 hour from now
        // faults-schedule-END
        assertThat(outage.startedAt()).isEqualTo(injected.plus(Duration.ofMinutes(5)));
        assertThat(outage.isActive()).isFalse();
        assertThat(again.isActive()).isFalse();
        ecs.clock().advance(Duration.ofMinutes(61));
        assertThat(again.isActive()).isTrue();
    }
}
