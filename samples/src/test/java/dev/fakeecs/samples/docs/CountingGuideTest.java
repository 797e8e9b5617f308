package dev.fakeecs.samples.docs;

import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.time.Duration;

import static dev.fakeecs.junit.EcsAssertions.assertThat;

/** The snippet of docs/junit-guide.md on counting assertions. */
@EcsCluster(name = "prod", seed = 8)
class CountingGuideTest {

    @Test
    void half_the_spot_tasks_interrupted_during_a_rollout(EcsClusterHandle prod, FaultInjector faults) {
        EcsServiceHandle checkout = prod.fargateService("checkout", "acme/checkout:1", 6, r -> r
                .launchType((LaunchType) null).capacityProviderStrategy(
                        s -> s.capacityProvider("FARGATE").base(2).weight(0),
                        s -> s.capacityProvider("FARGATE_SPOT").weight(1)));
        assertThat(checkout).eventually(Duration.ofMinutes(5)).isSteady();
        long mark = prod.mark();
        prod.api().updateService(r -> r.cluster("prod").service("checkout").forceNewDeployment(true));
        prod.clock().advance(Duration.ofSeconds(30));
        faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster("prod").service("checkout")
                .percentage(50).build());
        prod.clock().advance(Duration.ofMinutes(15));

        // junit-counting-START
        assertThat(checkout).tasks()
                .hasRunningOn(2, Capacity.FARGATE)             // 2 of the 6 running tasks on FARGATE
                .hasRunningOn(4, Capacity.FARGATE_SPOT);
        assertThat(prod.changesSince(mark))
                .hasStoppedWithStopCode(4, TaskStopCode.SPOT_INTERRUPTION)   // 50 % of the 8 Spot tasks mid-rollout
                .stops().hasSize(11)                                          // beside the rollout's own stops:
                .withStopCode("ServiceSchedulerInitiated").hasSize(7);
        // junit-counting-END
    }
}
