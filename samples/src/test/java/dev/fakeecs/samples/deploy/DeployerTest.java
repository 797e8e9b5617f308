package dev.fakeecs.samples.deploy;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment tool, tested against the fake through a real SDK client and virtual time. */
class DeployerTest {

    private FakeEcs ecs;
    private EcsClient client;
    private Deployer deployer;

    @BeforeEach
    void given_a_running_service() {
        ecs = FakeEcs.builder().seed(2024).build();
        client = ecs.newClient();
        deployer = new Deployer(client, d -> ecs.clock().advance(d), Duration.ofSeconds(15), Duration.ofMinutes(30));
        client.createCluster(r -> r.clusterName("prod"));
        client.registerTaskDefinition(r -> r.family("orders").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("acme/orders:1.0")));
        ecs.declareImage("acme/orders:crash", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(10), 1));
    }

    @AfterEach
    void close() {
        ecs.close();
    }

    private void createService(boolean ecsRollback) {
        client.createService(r -> r.cluster("prod").serviceName("orders").taskDefinition("orders:1").desiredCount(3)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a")))
                .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(ecsRollback))));
        ecs.clock().advance(Duration.ofMinutes(5));
    }

    private Service orders() {
        return client.describeServices(r -> r.cluster("prod").services("orders")).services().get(0);
    }

    @Test
    void a_good_image_completes() throws Exception {
        createService(false);

        Deployer.Outcome outcome = deployer.deploy("prod", "orders", "app", "acme/orders:2.0");

        assertThat(outcome.result()).isEqualTo(Deployer.Result.COMPLETED);
        assertThat(outcome.taskDefinition()).endsWith("task-definition/orders:2");
        assertThat(orders().runningCount()).isEqualTo(3);
        assertThat(orders().deployments()).singleElement()
                .satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
    }

    @Test
    void a_crashing_image_trips_the_circuit_breaker_and_the_deployer_rolls_back() throws Exception {
        createService(false);

        Deployer.Outcome outcome = deployer.deploy("prod", "orders", "app", "acme/orders:crash");

        assertThat(outcome.result()).isEqualTo(Deployer.Result.ROLLED_BACK);
        assertThat(outcome.log()).contains("failed: ECS deployment circuit breaker: tasks failed to start.")
                .anyMatch(line -> line.startsWith("rolling back to "));
        assertThat(outcome.taskDefinition()).endsWith("task-definition/orders:1");
        assertThat(orders().runningCount()).isEqualTo(3);
    }

    @Test
    void a_crashing_image_is_rolled_back_by_ecs_when_the_breaker_rolls_back() throws Exception {
        createService(true);

        Deployer.Outcome outcome = deployer.deploy("prod", "orders", "app", "acme/orders:crash");

        assertThat(outcome.result()).isEqualTo(Deployer.Result.ROLLED_BACK);
        assertThat(outcome.log()).anyMatch(line -> line.startsWith("ECS rolled back to "));
        assertThat(outcome.log()).noneMatch(line -> line.startsWith("rolling back to "));
        assertThat(outcome.taskDefinition()).endsWith("task-definition/orders:1");
    }
}
