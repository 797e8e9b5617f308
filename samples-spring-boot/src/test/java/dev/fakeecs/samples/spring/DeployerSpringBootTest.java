package dev.fakeecs.samples.spring;

// spring-dynamic-property-source-START
import dev.fakeecs.junit.EcsClusterExtension;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static dev.fakeecs.dsl.Ecs.behavior;
import static dev.fakeecs.junit.EcsAssertions.assertThat;

@SpringBootTest
@DirtiesContext   // the context's EcsClient points at this class's world: do not hand it to another class
class DeployerSpringBootTest {

    // one world per class, started before Spring builds the context, with its loopback server
    @RegisterExtension
    static EcsClusterExtension ecs = EcsClusterExtension.newInstance().seed(7).cluster("prod").perClass().server()
            .build();

    @DynamicPropertySource
    static void ecsEndpoint(DynamicPropertyRegistry registry) {
        registry.add("deployer.ecs.endpoint", ecs::endpoint);
        registry.add("deployer.ecs.access-key-id", () -> "test");
        registry.add("deployer.ecs.secret-access-key", () -> "test");
    }

    @Autowired
    Deployer deployer;

    @Test
    void rolls_a_new_image_out(EcsClusterHandle prod) {
        EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 3);
        assertThat(orders).eventually(Duration.ofMinutes(5)).isSteady();

        String revision = deployer.rollOut("prod", "orders", "acme/orders:2");
        prod.clock().advance(Duration.ofMinutes(15));

        assertThat(deployer.outcome("prod", "orders", revision)).isEqualTo(Deployer.Outcome.COMPLETED);
        assertThat(orders).hasRunningCount(3).isSteady();
    }

    @Test
    void reports_a_rollback_by_the_circuit_breaker(EcsClusterHandle prod) {
        prod.ecs().declareImage("acme/payments:2", behavior().exitAfter(Duration.ofSeconds(20), 1));
        EcsServiceHandle payments = prod.fargateService("payments", "acme/payments:1", 2, r -> r
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
        assertThat(payments).eventually(Duration.ofMinutes(5)).isSteady();

        String revision = deployer.rollOut("prod", "payments", "acme/payments:2");
        prod.clock().advance(Duration.ofSeconds(10));
        assertThat(deployer.outcome("prod", "payments", revision)).isEqualTo(Deployer.Outcome.IN_PROGRESS);
        prod.clock().advance(Duration.ofHours(1));

        assertThat(deployer.outcome("prod", "payments", revision)).isEqualTo(Deployer.Outcome.ROLLED_BACK);
        assertThat(payments.describe().taskDefinition()).endsWith("payments:1");
    }
}
// spring-dynamic-property-source-END
