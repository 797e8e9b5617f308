package dev.fakeecs.internal.taskdefinition;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ResourceType;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TaskResourcesTest {

    private static TaskDefinition td(NetworkMode mode, ContainerDefinition... containers) {
        return TaskDefinition.builder().networkMode(mode).containerDefinitions(containers).build();
    }

    private static ContainerDefinition.Builder c(String name) {
        return ContainerDefinition.builder().name(name).image("x");
    }

    @Test
    void should_prefer_task_level_cpu_and_memory() {
        TaskDefinition td = td(NetworkMode.BRIDGE, c("a").cpu(100).memory(100).build()).toBuilder()
                .cpu("1024").memory("2048").build();

        assertThat(TaskResources.cpuUnits(td)).isEqualTo(1024);
        assertThat(TaskResources.memoryMiB(td)).isEqualTo(2048);
    }

    @Test
    void should_sum_container_cpu_and_reservations_else_memory_without_task_level_values() {
        TaskDefinition td = td(NetworkMode.BRIDGE,
                c("a").cpu(256).memory(512).memoryReservation(128).build(),
                c("b").cpu(128).memory(300).build(),
                c("c").build());

        assertThat(TaskResources.cpuUnits(td)).isEqualTo(384);
        assertThat(TaskResources.memoryMiB(td)).isEqualTo(428);
    }

    @Test
    void should_hold_no_host_ports_in_awsvpc() {
        TaskDefinition td = td(NetworkMode.AWSVPC, c("a").portMappings(p -> p.containerPort(80).hostPort(80)).build());

        assertThat(TaskResources.tcpHostPorts(td)).isEmpty();
        assertThat(TaskResources.usesAwsvpc(td)).isTrue();
    }

    @Test
    void should_hold_the_container_ports_in_host_mode() {
        TaskDefinition td = td(NetworkMode.HOST, c("a").portMappings(
                p -> p.containerPort(80), p -> p.containerPort(53).protocol(TransportProtocol.UDP)).build());

        assertThat(TaskResources.tcpHostPorts(td)).containsExactly(80);
        assertThat(TaskResources.udpHostPorts(td)).containsExactly(53);
    }

    @Test
    void should_hold_only_static_host_ports_in_bridge_mode() {
        TaskDefinition td = td(NetworkMode.BRIDGE, c("a").portMappings(
                p -> p.containerPort(8080).hostPort(80), p -> p.containerPort(9090).hostPort(0),
                p -> p.containerPort(9091), p -> p.containerPort(514).hostPort(514).protocol(TransportProtocol.UDP))
                .build());

        assertThat(TaskResources.tcpHostPorts(td)).containsExactly(80);
        assertThat(TaskResources.udpHostPorts(td)).containsExactly(514);
    }

    @Test
    void should_count_gpus_across_containers() {
        TaskDefinition td = td(NetworkMode.BRIDGE,
                c("a").resourceRequirements(r -> r.type(ResourceType.GPU).value("2")).build(),
                c("b").resourceRequirements(r -> r.type(ResourceType.GPU).value("1")).build(),
                c("c").build());

        assertThat(TaskResources.gpuCount(td)).isEqualTo(3);
    }

    @Test
    void should_give_containers_30_seconds_to_stop_by_default() {
        assertThat(TaskResources.stopTimeout(td(NetworkMode.BRIDGE, c("a").build()), false))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void should_use_the_longest_container_stop_timeout_capped_at_120_seconds_on_fargate() {
        TaskDefinition td = td(NetworkMode.AWSVPC, c("a").stopTimeout(10).build(), c("b").stopTimeout(300).build());

        assertThat(TaskResources.stopTimeout(td, false)).isEqualTo(Duration.ofSeconds(300));
        assertThat(TaskResources.stopTimeout(td, true)).isEqualTo(Duration.ofSeconds(120));
    }
}
