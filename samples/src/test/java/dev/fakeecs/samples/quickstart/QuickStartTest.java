package dev.fakeecs.samples.quickstart;

import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.fakeecs.junit.EcsAssertions.assertThat;

/** The README's quick start: a fresh fake ECS cluster per test, virtual time, domain assertions. */
// readme-junit-quick-start-START
@EcsCluster(name = "food-delivery-prod", seed = 42)
class QuickStartTest {

    @Test
    void order_service_scales_out_for_the_dinner_peak(EcsClusterHandle cluster) {
        EcsServiceHandle orders = cluster.fargateService("order-service", "acme/orders:1.4", 2);
        assertThat(orders).eventually(Duration.ofMinutes(2)).hasRunningCount(2);

        cluster.scale("order-service", 20);

        assertThat(orders).eventually(Duration.ofMinutes(5)).hasRunningCount(20).hasReachedSteadyState();
    }
}
// readme-junit-quick-start-END
