package dev.fakeecs.internal.task;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.quota.Quotas;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LimitExceededException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RunTask and StartTask: capacity provider strategies, zones, placement on hosts and their resources,
 * the refusals and quotas, task ARNs, and ListTasks filters.
 */
class RunTaskTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(3).build();

    private Task describe(String arn) {
        return ecs.api().describeTasks(b -> b.cluster("prod").tasks(arn)).tasks().get(0);
    }

    private SimulatedContainerInstance host(String type, String zone) {
        return RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", type, zone, null);
    }

    private String runFargate(String family) {
        return ecs.api().runTask(r -> r.cluster("prod").taskDefinition(family).launchType(LaunchType.FARGATE)
                .networkConfiguration(TaskFixtures.NETWORK)).tasks().get(0).taskArn();
    }

    @Test
    void should_split_tasks_over_the_cluster_default_strategy_base_first_then_by_weight() {
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").base(2).weight(1).build(),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(4).build()));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        RunTaskResponse r = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web").count(10)
                .networkConfiguration(TaskFixtures.NETWORK));

        Map<String, Long> perProvider = r.tasks().stream()
                .collect(Collectors.groupingBy(Task::capacityProviderName, Collectors.counting()));
        assertThat(perProvider).containsEntry("FARGATE", 4L).containsEntry("FARGATE_SPOT", 6L);
        assertThat(r.tasks()).allSatisfy(t -> assertThat(t.launchTypeAsString()).isEqualTo("FARGATE"));
    }

    @Test
    void should_spread_fargate_tasks_of_a_group_evenly_across_zones() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        RunTaskResponse r = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web").count(9)
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK));

        assertThat(r.tasks().stream().collect(Collectors.groupingBy(Task::availabilityZone, Collectors.counting())))
                .containsOnly(Map.entry("us-east-1a", 3L), Map.entry("us-east-1b", 3L), Map.entry("us-east-1c", 3L));
    }

    @Test
    void should_pin_fargate_tasks_to_zones_named_by_their_subnets() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        RunTaskResponse r = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web").count(4)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(
                        v -> v.subnets("subnet-us-east-1b"))));

        assertThat(r.tasks()).extracting(Task::availabilityZone).containsOnly("us-east-1b");
    }

    @Test
    void should_format_task_and_container_arns_in_the_long_form() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        Task task = describe(runFargate("web"));

        String prefix = "arn:aws:ecs:us-east-1:" + ecs.accountId();
        assertThat(task.taskArn()).matches(Pattern.quote(prefix + ":task/prod/") + "[0-9a-f]{32}");
        String taskId = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        assertThat(task.containers().get(0).containerArn()).matches(Pattern.quote(prefix + ":container/prod/"
                + taskId + "/") + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(task.clusterArn()).isEqualTo(prefix + ":cluster/prod");
    }

    @Test
    void should_report_the_resource_that_no_instance_has_enough_of() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "t3.micro", "us-east-1a", null);
        TaskFixtures.registerEc2(ecs, "big", "acme/big:1", 256, 4096, 0);

        RunTaskResponse r = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("big"));

        assertThat(r.tasks()).isEmpty();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("RESOURCE:MEMORY");
            assertThat(f.arn()).contains(":container-instance/prod/");
        });
    }

    @Test
    void should_charge_memory_reservation_rather_than_the_hard_limit() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        SimulatedContainerInstance ci = host("m5.large", "us-east-1a");
        int before = ci.remainingMemory();
        ecs.api().registerTaskDefinition(r -> r.family("soft").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/soft:1").cpu(100)
                        .memory(2048).memoryReservation(512).build()));

        ecs.api().runTask(b -> b.cluster("prod").taskDefinition("soft"));

        assertThat(before - ci.remainingMemory()).isEqualTo(512);
    }

    @Test
    void should_respect_resources_in_start_task() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        SimulatedContainerInstance small = host("t3.micro", "us-east-1a");
        TaskFixtures.registerEc2(ecs, "big", "acme/big:1", 256, 4096, 0);

        var r = ecs.api().startTask(b -> b.cluster("prod").taskDefinition("big").containerInstances(small.id()));

        assertThat(r.tasks()).isEmpty();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("RESOURCE:MEMORY");
            assertThat(f.arn()).isEqualTo(small.arn());
        });
    }

    @Test
    void should_free_host_resources_when_a_task_stops() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "m5.large", "us-east-1a", null);
        TaskFixtures.registerEc2(ecs, "web", "acme/web:1", 128, 128, 80);
        String arn = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web")).tasks().get(0).taskArn();

        ecs.api().stopTask(b -> b.cluster("prod").task(arn));
        ecs.clock().advance(Duration.ofMinutes(1));

        assertThat(ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web")).tasks()).hasSize(1);
    }

    @Test
    void should_refuse_more_than_ten_tasks_in_one_call() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        assertThatThrownBy(() -> ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web").count(11)
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("count must be between 1 and 10.");
    }

    @Test
    void should_refuse_a_launch_type_together_with_a_strategy() {
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        assertThatThrownBy(() -> ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web")
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1)
                        .build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Specifying both a launch type and capacity provider strategy is not supported. "
                        + "Remove one and try again.");
    }

    @Test
    void should_refuse_a_strategy_whose_providers_all_have_weight_zero_even_with_a_base() {
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        assertThatThrownBy(() -> ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web")
                .networkConfiguration(TaskFixtures.NETWORK).capacityProviderStrategy(
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").base(1).weight(0).build(),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(0).build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("At least one capacity provider in a capacity provider strategy must have a "
                        + "weight greater than zero.");
    }

    @Test
    void should_require_a_network_configuration_for_awsvpc() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        assertThatThrownBy(() -> ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web")
                .launchType(LaunchType.FARGATE)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }

    @Test
    void should_name_the_missing_cluster_and_task_definition() {
        assertThatThrownBy(() -> ecs.api().runTask(b -> b.cluster("nope").taskDefinition("web")))
                .isInstanceOf(ClusterNotFoundException.class).hasMessageContaining("Cluster not found.");
        ecs.api().createCluster(r -> r.clusterName("prod"));
        assertThatThrownBy(() -> ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web")))
                .isInstanceOf(ClientException.class).hasMessageContaining("Unable to describe task definition.");
    }

    @Test
    void should_say_when_a_cluster_has_no_container_instances() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerEc2(ecs, "web", "acme/web:1", 128, 128, 0);

        assertThatThrownBy(() -> ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("No Container Instances were found in your cluster.");
    }

    @Test
    void should_enforce_the_tasks_per_cluster_quota() {
        FakeEcs small = FakeEcs.builder().quotas(Quotas.seedDefaults().withTasksPerCluster(5)).build();
        small.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(small, "web", "acme/web:1");
        small.api().runTask(b -> b.cluster("prod").taskDefinition("web").count(5).launchType(LaunchType.FARGATE)
                .networkConfiguration(TaskFixtures.NETWORK));

        assertThatThrownBy(() -> small.api().runTask(b -> b.cluster("prod").taskDefinition("web")
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("The maximum number of tasks (5)");
    }

    @Test
    void should_refuse_to_queue_more_tasks_in_provisioning_than_the_cluster_quota() {
        dev.fakeecs.quota.Quotas q = dev.fakeecs.quota.Quotas.seedDefaults();
        FakeEcs small = FakeEcs.builder().seed(12).quotas(new dev.fakeecs.quota.Quotas(q.tasksPerCluster(),
                q.servicesPerCluster(), q.revisionsPerFamily(), q.tasksPerRunTask(), q.instancesPerStartTask(),
                q.clustersPerRegion(), q.containerInstancesPerCluster(), q.containersPerTaskDefinition(),
                q.tagsPerResource(), q.capacityProvidersPerCluster(), q.strategyItems(), q.tasksPerService(), 3,
                q.placementConstraints(), q.placementStrategies(), q.customAttributesPerResource())).build();
        small.api().createCluster(r -> r.clusterName("prod"));
        var asg = RegionEngine.of(small.defaultRegion()).capacityProviders().autoScalingGroups()
                .createGroup("web", "m5.large", 0, 10, 0, List.of("us-east-1a"), false);
        small.api().createCapacityProvider(r -> r.name("web-cp").autoScalingGroupProvider(p -> p
                .autoScalingGroupArn(asg.arn())));
        small.api().putClusterCapacityProviders(r -> r.cluster("prod").capacityProviders("web-cp")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("web-cp")
                        .weight(1).build()));
        small.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").cpu(128)
                        .memory(256).build()));

        RunTaskResponse r = small.api().runTask(b -> b.cluster("prod").taskDefinition("web").count(5));

        assertThat(r.tasks()).hasSize(3).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("PROVISIONING"));
        assertThat(r.failures()).hasSize(2).allSatisfy(f -> assertThat(f.reason())
                .isEqualTo(LaunchResult.PROVISIONING_LIMIT_EXCEEDED));
    }

    @Test
    void should_list_tasks_by_desired_status_family_and_started_by() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");
        TaskFixtures.registerFargate(ecs, "api", "acme/api:1");
        ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web").count(2).startedBy("ci")
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK));
        String api = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("api").launchType(LaunchType.FARGATE)
                .networkConfiguration(TaskFixtures.NETWORK)).tasks().get(0).taskArn();
        ecs.api().stopTask(b -> b.cluster("prod").task(api));

        assertThat(ecs.api().listTasks(b -> b.cluster("prod")).taskArns()).hasSize(2);
        assertThat(ecs.api().listTasks(b -> b.cluster("prod").desiredStatus("STOPPED")).taskArns()).containsExactly(api);
        assertThat(ecs.api().listTasks(b -> b.cluster("prod").family("web")).taskArns()).hasSize(2);
        assertThat(ecs.api().listTasks(b -> b.cluster("prod").startedBy("ci").maxResults(1)).nextToken()).isNotNull();
    }

    @Test
    void should_list_nothing_for_desired_status_pending_because_ecs_never_sets_it() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");
        runFargate("web");
        ecs.clock().advance(Duration.ofSeconds(20)); // the task is PENDING now

        assertThat(ecs.api().listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.PENDING)).taskArns())
                .isEmpty();
        assertThat(ecs.api().listTasks(r -> r.cluster("prod")).taskArns()).hasSize(1);
    }

    @Test
    void should_refuse_to_stop_an_unknown_task() {
        ecs.api().createCluster(r -> r.clusterName("prod"));

        assertThatThrownBy(() -> ecs.api().stopTask(b -> b.cluster("prod").task("0123456789abcdef0123456789abcdef")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The referenced task was not found.");
    }

    @Test
    void should_place_an_arm64_task_only_on_an_arm64_host() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "m5.large", "us-east-1a", null);
        var graviton = RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "m6g.large", "us-east-1b",
                null);
        ecs.api().registerTaskDefinition(r -> r.family("ml").networkMode("bridge")
                .runtimePlatform(p -> p.cpuArchitecture("ARM64").operatingSystemFamily("LINUX"))
                .containerDefinitions(c -> c.name("app").image("acme/ml:1").cpu(256).memory(512)));

        RunTaskResponse r = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("ml").count(3));

        assertThat(r.tasks()).hasSize(3).allSatisfy(t -> assertThat(t.containerInstanceArn()).isEqualTo(graviton.arn()));
    }

    @Test
    void should_honour_the_task_definition_member_of_constraints_in_run_task() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        host("m5.large", "us-east-1a");
        SimulatedContainerInstance c5 = host("c5.large", "us-east-1b");
        ecs.api().registerTaskDefinition(r -> r.family("batch").networkMode(NetworkMode.BRIDGE)
                .placementConstraints(TaskDefinitionPlacementConstraint.builder().type("memberOf")
                        .expression("attribute:ecs.instance-type =~ c5.*").build())
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/batch:1")
                        .cpu(128).memory(256).build()));

        RunTaskResponse r = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("batch").count(4));

        assertThat(r.failures()).isEmpty();
        assertThat(r.tasks()).extracting(Task::containerInstanceArn).containsOnly(c5.arn());
    }

    @Test
    void should_count_task_definition_constraints_towards_the_limit_of_ten() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        host("m5.large", "us-east-1a");
        ecs.api().registerTaskDefinition(r -> r.family("batch").networkMode(NetworkMode.BRIDGE)
                .placementConstraints(TaskDefinitionPlacementConstraint.builder().type("memberOf")
                        .expression("attribute:ecs.os-type == linux").build())
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/batch:1")
                        .cpu(128).memory(256).build()));
        List<PlacementConstraint> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(PlacementConstraint.builder().type(PlacementConstraintType.MEMBER_OF)
                    .expression("attribute:ecs.os-type == linux").build());
        }

        assertThatThrownBy(() -> ecs.api().runTask(b -> b.cluster("prod").taskDefinition("batch")
                .placementConstraints(ten)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("placementConstraints");
    }
}
