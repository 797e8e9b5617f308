package dev.fakeecs.internal.task;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.ContainerInstance;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fidelity audit of the task lifecycle and RunTask/StartTask/ListTasks against
 * the ECS developer guide and API reference (rules the fake picks are in docs/fidelity.md).
 */
class TaskFidelityAuditTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(11).build();

    private Task describe(String arn) {
        return ecs.api().describeTasks(b -> b.cluster("prod").tasks(arn).include(TaskField.TAGS)).tasks().get(0);
    }

    private ContainerInstance host(String type, String zone) {
        return ecs.defaultRegion().engine().containerInstances().launchHost("prod", type, zone, null);
    }

    private String runFargate(String family) {
        return ecs.api().runTask(r -> r.cluster("prod").taskDefinition(family).launchType(LaunchType.FARGATE)
                .networkConfiguration(TaskFixtures.NETWORK)).tasks().get(0).taskArn();
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
    void should_propagate_task_definition_tags_when_run_task_asks_for_it() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(
                        software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .tags(Tag.builder().key("team").value("orders").build(),
                        Tag.builder().key("env").value("td").build())
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").build()));

        String propagated = ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web")
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK)
                .propagateTags(PropagateTags.TASK_DEFINITION)
                .tags(Tag.builder().key("env").value("prod").build())).tasks().get(0).taskArn();
        String plain = ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web")
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK)).tasks().get(0).taskArn();

        assertThat(describe(propagated).tags()).extracting(Tag::key, Tag::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("team", "orders"), org.assertj.core.groups.Tuple.tuple("env", "prod"));
        assertThat(describe(plain).tags()).as("no propagateTags: task definition tags are not copied").isEmpty();
    }

    @Test
    void should_refuse_invalid_run_task_tags_before_any_task_exists() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");

        assertThatThrownBy(() -> ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web")
                .launchType(LaunchType.FARGATE).networkConfiguration(TaskFixtures.NETWORK)
                .tags(Tag.builder().key("aws:reserved").value("x").build())))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(ecs.defaultRegion().engine().tasks().all()).isEmpty();
    }

    @Test
    void should_honour_the_task_definition_member_of_constraints_in_run_task() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        host("m5.large", "us-east-1a");
        ContainerInstance c5 = host("c5.large", "us-east-1b");
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

    @Test
    void should_bind_dynamic_bridge_ports_to_distinct_ephemeral_host_ports() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ContainerInstance ci = host("m5.large", "us-east-1a");
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

    @Test
    void should_charge_memory_reservation_rather_than_the_hard_limit() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ContainerInstance ci = host("m5.large", "us-east-1a");
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
        ContainerInstance small = host("t3.micro", "us-east-1a");
        TaskFixtures.registerEc2(ecs, "big", "acme/big:1", 256, 4096, 0);

        var r = ecs.api().startTask(b -> b.cluster("prod").taskDefinition("big").containerInstances(small.id()));

        assertThat(r.tasks()).isEmpty();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("RESOURCE:MEMORY");
            assertThat(f.arn()).isEqualTo(small.arn());
        });
    }

    @Test
    void should_increment_version_when_the_desired_status_changes() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "web", "acme/web:1");
        String arn = runFargate("web");
        ecs.clock().advance(Duration.ofSeconds(90));
        dev.fakeecs.internal.task.Task task = ecs.defaultRegion().engine().tasks().find(arn);
        long running = describe(arn).version();

        ecs.defaultRegion().engine().tasks().lifecycle().stopAfter(task, "SpotInterruption",
                "Your Spot Task was interrupted.", Duration.ofSeconds(120));

        Task interrupted = describe(arn);
        assertThat(interrupted.lastStatus()).isEqualTo("RUNNING");
        assertThat(interrupted.desiredStatus()).isEqualTo("STOPPED");
        assertThat(interrupted.version()).isGreaterThan(running);
    }

    @Test
    void should_stop_a_task_that_fails_to_pull_with_the_container_reason_and_journal_each_state() {
        ecs.declareImage("acme/missing:9", ImageBehavior.DEFAULT.failingToPull());
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixtures.registerFargate(ecs, "broken", "acme/missing:9");
        String arn = runFargate("broken");

        ecs.clock().advance(Duration.ofMinutes(3));

        Task task = describe(arn);
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.desiredStatus()).isEqualTo("STOPPED");
        assertThat(task.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(task.containers().get(0).lastStatus()).isEqualTo("STOPPED");
        assertThat(task.containers().get(0).reason()).isEqualTo(task.stoppedReason());
        assertThat(task.stoppedAt()).isNotNull();
        assertThat(ecs.api().listTasks(r -> r.cluster("prod").desiredStatus(DesiredStatus.STOPPED)).taskArns())
                .containsExactly(arn);
        List<String> path = new ArrayList<>();
        for (JournalEntry e : ecs.journal().entries()) {
            if (arn.equals(e.subject()) && e.detail("to") != null && e.type() == dev.fakeecs.journal.JournalEventType.TASK_STATE) {
                path.add(e.detail("to"));
            }
        }
        assertThat(path).containsExactly("PENDING", "DEPROVISIONING", "STOPPED");
    }

    @Test
    void should_derive_task_health_from_essential_containers_only() {
        ecs.declareImage("acme/sick-sidecar:1", ImageBehavior.DEFAULT.unhealthy());
        ecs.api().createCluster(r -> r.clusterName("prod"));
        software.amazon.awssdk.services.ecs.model.HealthCheck check = software.amazon.awssdk.services.ecs.model
                .HealthCheck.builder().command("CMD-SHELL", "true").build();
        ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(
                        software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(
                        ContainerDefinition.builder().name("app").image("acme/web:1").healthCheck(check).build(),
                        ContainerDefinition.builder().name("sidecar").image("acme/sick-sidecar:1").essential(false)
                                .healthCheck(check).build(),
                        ContainerDefinition.builder().name("logs").image("acme/logs:1").essential(false).build()));

        String arn = runFargate("web");
        ecs.clock().advance(Duration.ofMinutes(5));

        Task task = describe(arn);
        assertThat(task.containers()).filteredOn(c -> c.name().equals("sidecar")).singleElement()
                .satisfies(c -> assertThat(c.healthStatusAsString()).isEqualTo("UNHEALTHY"));
        assertThat(task.containers()).filteredOn(c -> c.name().equals("logs")).singleElement()
                .satisfies(c -> assertThat(c.healthStatusAsString()).isEqualTo("UNKNOWN"));
        assertThat(task.healthStatusAsString()).isEqualTo("HEALTHY");
    }

    @Test
    void should_stop_the_other_containers_when_an_essential_one_exits_but_not_for_a_non_essential_one() {
        ecs.declareImage("acme/oneshot:1", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(30), 0));
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(
                        software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(
                        ContainerDefinition.builder().name("app").image("acme/web:1").build(),
                        ContainerDefinition.builder().name("init").image("acme/oneshot:1").essential(false).build()));
        String arn = runFargate("web");

        ecs.clock().advance(Duration.ofMinutes(3));

        Task task = describe(arn);
        assertThat(task.lastStatus()).isEqualTo("RUNNING");
        assertThat(task.containers()).filteredOn(c -> c.name().equals("init")).singleElement()
                .satisfies(c -> assertThat(c.exitCode()).isZero());
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
    void should_leave_tasks_orphaned_running_when_their_host_is_deregistered_by_force() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ContainerInstance ci = host("m5.large", "us-east-1a");
        TaskFixtures.registerEc2(ecs, "web", "acme/web:1", 128, 256, 0);
        String arn = ecs.api().runTask(b -> b.cluster("prod").taskDefinition("web")).tasks().get(0).taskArn();
        ecs.clock().advance(Duration.ofMinutes(2));

        ecs.api().deregisterContainerInstance(b -> b.cluster("prod").containerInstance(ci.arn()).force(true));
        ecs.clock().advance(Duration.ofMinutes(10));

        Task task = describe(arn);
        assertThat(task.lastStatus()).isEqualTo("RUNNING");
        assertThat(task.stopCode()).isNull();
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
        var asg = small.defaultRegion().engine().capacityProviders().autoScalingGroups()
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
    void should_accept_only_valid_member_of_constraints_in_a_task_definition() {
        assertThatThrownBy(() -> ecs.api().registerTaskDefinition(r -> r.family("batch")
                .placementConstraints(TaskDefinitionPlacementConstraint.builder().type("distinctInstance").build())
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/batch:1")
                        .memory(256).build())))
                .isInstanceOf(software.amazon.awssdk.services.ecs.model.ClientException.class)
                .hasMessageContaining("placementConstraints[0].type");
        assertThatThrownBy(() -> ecs.api().registerTaskDefinition(r -> r.family("batch")
                .placementConstraints(TaskDefinitionPlacementConstraint.builder().type("memberOf")
                        .expression("attribute:ecs.instance-type ==").build())
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/batch:1")
                        .memory(256).build())))
                .isInstanceOf(software.amazon.awssdk.awscore.exception.AwsServiceException.class);
    }

    @Test
    void should_refuse_a_fargate_windows_task_below_one_vcpu() {
        assertThatThrownBy(() -> ecs.api().registerTaskDefinition(r -> r.family("win")
                .requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                .runtimePlatform(p -> p.operatingSystemFamily("WINDOWS_SERVER_2022_CORE"))
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/win:1").build())))
                .isInstanceOf(software.amazon.awssdk.services.ecs.model.ClientException.class)
                .hasMessageStartingWith("No Fargate configuration exists for given values.");
        ecs.api().registerTaskDefinition(r -> r.family("win")
                .requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("1024").memory("2048")
                .runtimePlatform(p -> p.operatingSystemFamily("WINDOWS_SERVER_2022_CORE"))
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/win:1").build()));
    }
}
