package dev.fakeecs.junit.report;

import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run by {@code StaleReportTest} through EngineTestKit (its name keeps Surefire from running it on its own): a test that
 * fails while {@link #failing} is set and passes once it is cleared.
 */
@EcsCluster(name = "prod", seed = 3)
class StaleReportCases {

    static volatile boolean failing;

    @Test
    void flaky(EcsClusterHandle prod) {
        prod.fargateService("orders", "acme/orders:1", 1);
        assertThat(failing).as("the deployer is broken").isFalse();
    }

    @Test
    void other(EcsClusterHandle prod) {
        assertThat(prod.name()).isEqualTo("prod");
    }
}
