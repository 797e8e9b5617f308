package dev.fakeecs.internal.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The numeric rules of the ECS developer guide: rounding and the circuit breaker. */
class DeploymentRulesTest {

    private static DeploymentConfiguration config(int min, int max) {
        return DeploymentConfiguration.builder().minimumHealthyPercent(min).maximumPercent(max).build();
    }

    @ParameterizedTest(name = "desired {0} -> threshold {1}")
    @CsvSource({"1, 3", "5, 3", "6, 3", "7, 4", "25, 13", "400, 200", "800, 200"})
    void should_clamp_half_the_desired_count_rounded_up_to_3_through_200(int desired, int threshold) {
        assertThat(CircuitBreaker.threshold(desired)).isEqualTo(threshold);
    }

    @ParameterizedTest(name = "desired {0}, min {1}%, max {2}% -> floor {3}, ceiling {4}")
    @CsvSource({"2, 75, 200, 2, 4", "3, 100, 125, 3, 3", "3, 50, 125, 2, 3", "4, 50, 100, 2, 4",
            "10, 0, 100, 0, 10", "0, 100, 200, 0, 0"})
    void should_round_the_floor_up_and_the_ceiling_down(int desired, int min, int max, int floor, int ceiling) {
        assertThat(DeploymentLimits.of(desired, config(min, max)))
                .isEqualTo(new DeploymentLimits(floor, ceiling));
    }

    @Test
    void should_default_to_100_and_200_percent() {
        assertThat(DeploymentLimits.of(4, null)).isEqualTo(new DeploymentLimits(4, 8));
    }

    @Test
    void should_enable_rollback_only_with_the_breaker() {
        DeploymentConfiguration rollbackOnly = DeploymentConfiguration.builder()
                .deploymentCircuitBreaker(cb -> cb.enable(false).rollback(true)).build();
        assertThat(CircuitBreaker.enabled(rollbackOnly)).isFalse();
        assertThat(CircuitBreaker.rollback(rollbackOnly)).isFalse();
    }
}
