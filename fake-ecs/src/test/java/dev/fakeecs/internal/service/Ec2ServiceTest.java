package dev.fakeecs.internal.service;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.task.PlacementGate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class Ec2ServiceTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(23).build();

    private SimulatedContainerInstance host(String type, String az) {
        return RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", type, az, null);
    }

    private void family(String family, int cpu, int memory) {
        ecs.api().registerTaskDefinition(r -> r.family(family).networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/" + family + ":1")
                        .cpu(cpu).memory(memory).build()));
    }

    private List<Task> running(String service) {
        List<String> arns = ecs.api().listTasks(b -> b.cluster("prod").serviceName(service)).taskArns();
        return arns.isEmpty() ? List.of() : ecs.api().describeTasks(b -> b.cluster("prod").tasks(arns)).tasks();
    }

    private List<String> messages(String service) {
        return ecs.api().describeServices(b -> b.cluster("prod").services(service)).services().get(0).events()
                .stream().map(ServiceEvent::message).toList();
    }

    @Test
    void should_spread_ec2_service_tasks_across_zones_then_instances() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        for (String az : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
            host("m5.large", az);
            host("m5.large", az);
        }
        family("web", 256, 256);

        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(6)
                .launchType(LaunchType.EC2));
        ecs.clock().advance(Duration.ofMinutes(2));

        List<Task> tasks = running("web");
        assertThat(tasks).hasSize(6);
        assertThat(tasks.stream().collect(Collectors.groupingBy(Task::availabilityZone, Collectors.counting())))
                .containsOnly(Map.entry("us-east-1a", 2L), Map.entry("us-east-1b", 2L), Map.entry("us-east-1c", 2L));
        assertThat(tasks.stream().map(Task::containerInstanceArn).distinct()).hasSize(6);
    }

    @Test
    void should_move_service_tasks_off_a_draining_instance_and_leave_standalone_tasks() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        SimulatedContainerInstance draining = host("m5.large", "us-east-1a");
        family("web", 256, 256);
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2)
                .launchType(LaunchType.EC2));
        String standalone = ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web")).tasks().get(0).taskArn();
        ecs.clock().advance(Duration.ofMinutes(2));
        host("m5.large", "us-east-1b");

        ecs.api().updateContainerInstancesState(r -> r.cluster("prod").containerInstances(draining.arn())
                .status(ContainerInstanceStatus.DRAINING));
        ecs.clock().advance(Duration.ofMinutes(3));

        assertThat(running("web")).hasSize(2).allSatisfy(t ->
                assertThat(t.containerInstanceArn()).isNotEqualTo(draining.arn()));
        assertThat(ecs.api().describeTasks(b -> b.cluster("prod").tasks(standalone)).tasks().get(0).lastStatus())
                .isEqualTo("RUNNING");
        List<String> stopped = ecs.api().listTasks(b -> b.cluster("prod").serviceName("web").desiredStatus("STOPPED"))
                .taskArns();
        assertThat(ecs.api().describeTasks(b -> b.cluster("prod").tasks(stopped)).tasks())
                .hasSize(2).allSatisfy(t -> assertThat(t.stoppedReason()).contains("container instance is in DRAINING state"));
    }

    @Test
    void should_say_which_resource_is_missing_when_no_instance_fits() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        SimulatedContainerInstance small = host("t3.micro", "us-east-1a");
        family("big", 256, 4096);

        ecs.api().createService(r -> r.cluster("prod").serviceName("big").taskDefinition("big").desiredCount(1)
                .launchType(LaunchType.EC2));
        ecs.clock().advance(Duration.ofSeconds(1));

        assertThat(messages("big").get(0)).isEqualTo("(service big) was unable to place a task because no container "
                + "instance met all of its requirements. The closest matching (container-instance " + small.id()
                + ") has insufficient memory available. For more information, see the Troubleshooting section of the "
                + "Amazon ECS Developer Guide.");

        host("m5.large", "us-east-1b");
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(running("big")).hasSize(1);
    }

    @Test
    void should_run_one_daemon_task_per_active_instance() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        host("m5.large", "us-east-1a");
        host("m5.large", "us-east-1b");
        family("agent", 128, 128);

        ecs.api().createService(r -> r.cluster("prod").serviceName("agent").taskDefinition("agent")
                .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.EC2));
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(running("agent")).hasSize(2);

        host("c5.large", "us-east-1c");
        ecs.clock().advance(Duration.ofMinutes(2));

        assertThat(running("agent")).hasSize(3);
        assertThat(running("agent").stream().map(Task::containerInstanceArn).distinct()).hasSize(3);
        assertThat(ecs.api().describeServices(b -> b.cluster("prod").services("agent")).services().get(0)
                .desiredCount()).isEqualTo(3);
    }

    @Test
    void should_rebalance_zones_after_a_zone_comes_back() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ServiceFixtures.fargateFamily(ecs, "web", "acme/web:1", false);
        PlacementGate closeA = new PlacementGate() {
            @Override
            public boolean zoneUsable(String zone) {
                return !zone.equals("us-east-1a");
            }
        };
        RegionEngine.of(ecs.defaultRegion()).tasks().addGate(closeA);
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(6)
                .launchType(LaunchType.FARGATE).networkConfiguration(ServiceFixtures.NETWORK));
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(running("web")).extracting(Task::availabilityZone).doesNotContain("us-east-1a");

        RegionEngine.of(ecs.defaultRegion()).tasks().removeGate(closeA);
        ecs.clock().advance(Duration.ofMinutes(20));

        assertThat(running("web").stream().collect(Collectors.groupingBy(Task::availabilityZone,
                Collectors.counting()))).containsOnly(Map.entry("us-east-1a", 2L), Map.entry("us-east-1b", 2L),
                Map.entry("us-east-1c", 2L));
        assertThat(messages("web")).contains("(service web) is AZ balanced.");
    }

    @Test
    void should_scale_in_when_the_desired_count_drops_while_rebalancing() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ServiceFixtures.fargateFamily(ecs, "web", "acme/web:1", false);
        PlacementGate closeA = new PlacementGate() {
            @Override
            public boolean zoneUsable(String zone) {
                return !zone.equals("us-east-1a");
            }
        };
        RegionEngine.of(ecs.defaultRegion()).tasks().addGate(closeA);
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(8)
                .launchType(LaunchType.FARGATE).networkConfiguration(ServiceFixtures.NETWORK));
        ecs.clock().advance(Duration.ofMinutes(3));
        RegionEngine.of(ecs.defaultRegion()).tasks().removeGate(closeA);
        ecs.clock().advanceUntil(() -> messages("web").stream().anyMatch(m -> m.contains("is not AZ balanced")),
                Duration.ofMinutes(10));

        ecs.api().updateService(b -> b.cluster("prod").service("web").desiredCount(2));
        ecs.clock().advance(Duration.ofMinutes(2));

        assertThat(running("web")).hasSize(2);
    }
}
