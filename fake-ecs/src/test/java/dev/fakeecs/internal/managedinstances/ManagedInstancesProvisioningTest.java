package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.InstanceType;
import dev.fakeecs.internal.containerinstance.InstanceTypes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;

import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.describe;
import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.runTasks;
import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.state;
import static dev.fakeecs.internal.managedinstances.ManagedInstancesFixtures.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedInstancesProvisioningTest {

    private final FakeEcs ecs = ManagedInstancesFixtures.world();
    private final EcsClient api = ecs.api();

    private List<ContainerInstance> instances() {
        List<String> arns = api.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return api.describeContainerInstances(r -> r.cluster("prod").containerInstances(arns)).containerInstances();
    }

    private String attribute(ContainerInstance ci, String name) {
        return ci.attributes().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void should_keep_tasks_provisioning_launch_the_cheapest_fitting_instance_and_place_them_after_boot() {
        // given
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-us-east-1a"), null, null);
        String td = ManagedInstancesFixtures.taskDefinition(api, 1024, 2048);

        // when
        // mi-provisioning-START
        List<Task> started = runTasks(api, "mi", td, 3);

        // then they wait in PROVISIONING while one instance boots
        assertThat(started).hasSize(3).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("PROVISIONING");
            assertThat(t.capacityProviderName()).isEqualTo("mi");
            assertThat(t.launchType()).isEqualTo(LaunchType.MANAGED_INSTANCES);
        });
        ecs.clock().advance(Duration.ofSeconds(59));
        assertThat(instances()).isEmpty();
        assertThat(state(ecs).managedInstances().instancesOf("mi")).hasSize(1)
                .allSatisfy(mi -> assertThat(mi.booting()).isTrue());

        ecs.clock().advance(Duration.ofSeconds(1));
        List<ContainerInstance> hosts = instances();
        assertThat(hosts).hasSize(1);
        // mi-provisioning-END
        ContainerInstance host = hosts.get(0);
        assertThat(host.capacityProviderName()).isEqualTo("mi");
        assertThat(attribute(host, "ecs.availability-zone")).isEqualTo("us-east-1a");
        // the cheapest type in 2-8 vCPUs / 4-32 GiB that holds 3 x (1 vCPU, 2 GiB, one ENI)
        InstanceType expected = InstanceRequirementsMatcher.matching(
                state(ecs).capacityProviders().find("mi").managedInstances().requirements(), "x86_64").stream()
                .filter(t -> t.cpuUnits() >= 3072 && t.memoryMiB() >= 6144 && t.maxEnis() - 1 >= 3)
                .findFirst().orElseThrow();
        assertThat(attribute(host, "ecs.instance-type")).isEqualTo(expected.name());
        assertThat(expected.vcpus()).isBetween(4, 8);

        ecs.clock().advance(Duration.ofMinutes(2));
        for (Task t : started) {
            Task now = describe(api, t.taskArn());
            assertThat(now.lastStatus()).isEqualTo("RUNNING");
            assertThat(now.containerInstanceArn()).isEqualTo(host.containerInstanceArn());
            assertThat(now.launchType()).isEqualTo(LaunchType.MANAGED_INSTANCES);
        }
    }

    @Test
    void should_spread_a_service_over_the_zones_of_the_providers_subnets() {
        // given
        ManagedInstancesFixtures.provider(api, "mi",
                List.of("subnet-us-east-1a", "subnet-us-east-1b", "subnet-us-east-1c"), null, null);
        String td = ManagedInstancesFixtures.taskDefinition(api, 512, 1024);

        // when
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td).desiredCount(3)
                .capacityProviderStrategy(strategy("mi"))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a",
                        "subnet-us-east-1b", "subnet-us-east-1c"))));
        ecs.clock().advance(Duration.ofMinutes(4));

        // then
        assertThat(instances()).hasSize(3).extracting(ci -> attribute(ci, "ecs.availability-zone"))
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");
        var service = api.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
        assertThat(service.runningCount()).isEqualTo(3);
        List<String> taskArns = api.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns();
        assertThat(api.describeTasks(r -> r.cluster("prod").tasks(taskArns)).tasks())
                .extracting(Task::availabilityZone).containsExactlyInAnyOrder("us-east-1a", "us-east-1b", "us-east-1c");
    }

    @Test
    void should_run_tasks_with_launch_type_managed_instances_on_the_clusters_provider() {
        // given
        String td = ManagedInstancesFixtures.taskDefinition(api, 256, 512);
        assertThatThrownBy(() -> api.runTask(r -> r.cluster("prod").taskDefinition(td)
                .launchType(LaunchType.MANAGED_INSTANCES)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-a")))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("MANAGED_INSTANCES");
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-a"), null, null);

        // when
        Task task = api.runTask(r -> r.cluster("prod").taskDefinition(td).launchType(LaunchType.MANAGED_INSTANCES)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-a")))).tasks().get(0);
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        Task running = describe(api, task.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.capacityProviderName()).isEqualTo("mi");
        assertThat(running.launchType()).isEqualTo(LaunchType.MANAGED_INSTANCES);
    }

    @Test
    void should_run_a_service_with_launch_type_managed_instances() {
        // given
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-a"), null, null);
        String td = ManagedInstancesFixtures.taskDefinition(api, 512, 1024);

        // when
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td).desiredCount(2)
                .launchType(LaunchType.MANAGED_INSTANCES)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-a"))));
        ecs.clock().advance(Duration.ofMinutes(4));

        // then
        var service = api.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
        assertThat(service.launchType()).isEqualTo(LaunchType.MANAGED_INSTANCES);
        assertThat(service.runningCount()).isEqualTo(2);
        List<String> arns = api.listTasks(r -> r.cluster("prod").serviceName("web")).taskArns();
        assertThat(api.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks()).allSatisfy(t -> {
            assertThat(t.launchType()).isEqualTo(LaunchType.MANAGED_INSTANCES);
            assertThat(t.capacityProviderName()).isEqualTo("mi");
        });
    }

    @Test
    void should_refuse_a_bridge_task_definition_on_managed_instances() {
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-a"), null, null);
        String bridge = api.registerTaskDefinition(r -> r.family("bridge").cpu("256").memory("512")
                .containerDefinitions(c -> c.name("web").image("nginx"))).taskDefinition().taskDefinitionArn();
        assertThatThrownBy(() -> api.runTask(r -> r.cluster("prod").taskDefinition(bridge)
                .capacityProviderStrategy(strategy("mi"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Task definition does not support launch_type MANAGED_INSTANCES. (Service: Ecs, Status Code: 400, Request ID: null)");
    }

    @Test
    void should_choose_an_arm64_type_for_an_arm64_task_definition() {
        ManagedInstancesFixtures.provider(api, "mi", List.of("subnet-a"), null, null);
        String td = api.registerTaskDefinition(r -> r.family("arm").networkMode("awsvpc").cpu("1024").memory("2048")
                .requiresCompatibilitiesWithStrings("MANAGED_INSTANCES")
                .runtimePlatform(p -> p.cpuArchitecture("ARM64").operatingSystemFamily("LINUX"))
                .containerDefinitions(c -> c.name("web").image("nginx"))).taskDefinition().taskDefinitionArn();
        runTasks(api, "mi", td, 1);
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(instances()).hasSize(1).allSatisfy(ci -> {
            assertThat(attribute(ci, "ecs.cpu-architecture")).isEqualTo("arm64");
            assertThat(InstanceTypes.get(attribute(ci, "ecs.instance-type")).architecture()).isEqualTo("arm64");
        });
    }
}
