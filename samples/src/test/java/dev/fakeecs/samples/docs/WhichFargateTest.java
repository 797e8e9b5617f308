package dev.fakeecs.samples.docs;

import dev.fakeecs.dsl.Ecs;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.LaunchType;

import java.time.Duration;

import static dev.fakeecs.junit.EcsAssertions.assertThat;

// which-fargate-START
@EcsCluster(name = "prod", capacity = {Capacity.FARGATE, Capacity.FARGATE_SPOT})   // the extension's Capacity
class WhichFargateTest {

    @Test
    void three_fargates_one_world(EcsClusterHandle prod) {
        EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 6,
                request -> request.launchType(LaunchType.FARGATE));          // the SDK's LaunchType, in API requests
        Ecs.world().cluster("batch", c -> c.capacityProviders(Ecs.FARGATE_SPOT))   // the DSL's capacity provider
                .build().applyTo(prod.ecs());

        assertThat(orders).eventually(Duration.ofMinutes(5)).tasks().hasRunningOn(6, Capacity.FARGATE);
    }
}
// which-fargate-END
