package dev.fakeecs.samples.deploy;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.image.ImageBehavior;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;

import static dev.fakeecs.dsl.Ecs.world;
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

    @Test
    void a_deployment_that_meets_a_host_loss_midway_still_completes() throws Exception {
        // given: a kitchen service of six EC2 tasks spread over an Auto Scaling group of three m5.large, one per zone
        world().cluster("prod", c -> c.autoScalingGroup("kitchen-hosts", g -> g.instanceType("m5.large")
                .min(3).max(3).desired(3).zones("us-east-1a", "us-east-1b", "us-east-1c"))).applyTo(ecs);
        ecs.clock().advance(Duration.ofMinutes(1));    // the hosts boot and register
        client.registerTaskDefinition(r -> r.family("kitchen").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("app").image("acme/kitchen:1.0").cpu(256).memory(512)));
        client.createService(r -> r.cluster("prod").serviceName("kitchen").taskDefinition("kitchen:1").desiredCount(6)
                .launchType(LaunchType.EC2).placementStrategy(p -> p.type("spread").field("attribute:ecs.availability-zone"))
                .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(5));
        ContainerInstance victim = client.describeContainerInstances(r -> r.cluster("prod").containerInstances(
                client.listContainerInstances(l -> l.cluster("prod")).containerInstanceArns()))
                .containerInstances().get(0);
        List<String> tasksOnVictim = client.listTasks(r -> r.cluster("prod")
                .containerInstance(victim.containerInstanceArn())).taskArns();
        assertThat(tasksOnVictim).hasSize(2);

        // when: EC2 terminates that host 45 s into the rollout (new tasks are still pulling the image)
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster("prod")
                .containerInstance(victim.containerInstanceArn()).at(Duration.ofSeconds(45)).build());
        Deployer.Outcome outcome = deployer.deploy("prod", "kitchen", "app", "acme/kitchen:2.0");

        // then: the deployer still sees the rollout complete on the two remaining hosts
        assertThat(outcome.result()).isEqualTo(Deployer.Result.COMPLETED);
        assertThat(outcome.taskDefinition()).endsWith("task-definition/kitchen:2");
        Service kitchen = client.describeServices(r -> r.cluster("prod").services("kitchen")).services().get(0);
        assertThat(kitchen.runningCount()).isEqualTo(6);
        // (the group's replacement host joined in us-east-1a meanwhile; AZ rebalancing is moving a task there)
        List<String> live = client.listTasks(r -> r.cluster("prod").serviceName("kitchen")).taskArns();
        List<Task> kitchenTasks = client.describeTasks(r -> r.cluster("prod").tasks(live)).tasks();
        assertThat(kitchenTasks).filteredOn(t -> t.lastStatus().equals("RUNNING")).hasSize(6);
        assertThat(kitchenTasks).allSatisfy(t -> {
            assertThat(t.taskDefinitionArn()).endsWith("task-definition/kitchen:2");
            assertThat(t.containerInstanceArn()).isNotEqualTo(victim.containerInstanceArn());
        });
        // and the old tasks on the lost host went down with it, not through the rollout
        assertThat(client.describeTasks(r -> r.cluster("prod").tasks(tasksOnVictim)).tasks()).allSatisfy(t -> {
            assertThat(t.stopCodeAsString()).isEqualTo("TerminationNotice");
            assertThat(t.stoppedReason()).isEqualTo("Host EC2 (instance " + victim.ec2InstanceId() + ") terminated.");
        });
    }
}

