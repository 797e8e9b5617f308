package dev.fakeecs.internal.task;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Host ports of tasks on EC2 hosts: static ports are not shared, dynamic bridge ports get distinct
 * ephemeral host ports, host mode binds the container port, the agent's reserved ports are refused.
 */
class TaskPortsTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(11).build();

    private Task describe(String arn) {
        return ecs.api().describeTasks(b -> b.cluster("prod").tasks(arn)).tasks().get(0);
    }

    private SimulatedContainerInstance host(String type, String zone) {
        return RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", type, zone, null);
    }

    @Test
    void should_not_place_two_tasks_on_the_same_static_host_port() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "m5.large", "us-east-1a", null);
        TaskFixtures.registerEc2(ecs, "web", "acme/web:1", 128, 128, 80);

        RunTaskResponse r = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web").count(2));

        assertThat(r.tasks()).hasSize(1);
        assertThat(r.failures()).extracting(f -> f.reason()).containsExactly("RESOURCE:PORTS");
    }

    @Test
    void should_bind_dynamic_bridge_ports_to_distinct_ephemeral_host_ports() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        SimulatedContainerInstance ci = host("m5.large", "us-east-1a");
        ecs.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").cpu(128)
                        .memory(256).portMappings(PortMapping.builder().containerPort(8080).hostPort(0).build(),
                                PortMapping.builder().containerPort(9090).build()).build()));

        RunTaskResponse r = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web").count(2));
        ecs.clock().advance(Duration.ofMinutes(2));

        List<NetworkBinding> bindings = new ArrayList<>();
        for (Task t : r.tasks()) {
            Task running = describe(t.taskArn());
            assertThat(running.lastStatus()).isEqualTo("RUNNING");
            bindings.addAll(running.containers().get(0).networkBindings());
        }
        assertThat(bindings).hasSize(4);
        assertThat(bindings).extracting(NetworkBinding::hostPort)
                .allSatisfy(p -> assertThat(p).isBetween(49153, 65535))
                .doesNotHaveDuplicates();
        assertThat(bindings).extracting(NetworkBinding::containerPort).containsExactly(8080, 9090, 8080, 9090);
        assertThat(ci.portsInUse()).as("dynamic ports are not among the reserved host ports")
                .doesNotContainAnyElementsOf(bindings.stream().map(NetworkBinding::hostPort).toList());
    }

    @Test
    void should_bind_host_mode_ports_to_the_container_port() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        host("m5.large", "us-east-1a");
        ecs.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.HOST)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").cpu(128)
                        .memory(256).portMappings(PortMapping.builder().containerPort(8080).build()).build()));

        String arn = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web")).tasks().get(0).taskArn();
        ecs.clock().advance(Duration.ofMinutes(2));

        assertThat(describe(arn).containers().get(0).networkBindings()).singleElement()
                .satisfies(b -> assertThat(b.hostPort()).isEqualTo(8080));
        RunTaskResponse second = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web"));
        assertThat(second.failures()).singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("RESOURCE:PORTS"));
    }

    @Test
    void should_refuse_a_default_reserved_port() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        host("m5.large", "us-east-1a");
        TaskFixtures.registerEc2(ecs, "ssh", "acme/ssh:1", 128, 256, 22);

        RunTaskResponse r = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("ssh"));

        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("RESOURCE:PORTS"));
    }
}
