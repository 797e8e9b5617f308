package dev.fakeecs.internal.taskdefinition;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.quota.Quotas;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LimitExceededException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.assertEcsError;
import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.container;
import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.orderService;
import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each RegisterTaskDefinition rule, broken by exactly one bad input. */
class RegistrationValidationTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(1).build();
    private final EcsClient api = ecs.api();

    private void rejects(RegisterTaskDefinitionRequest request, String message) {
        assertEcsError(() -> api.registerTaskDefinition(request), ClientException.class, message);
        assertThat(api.listTaskDefinitionFamilies(r -> { }).families()).isEmpty();
    }

    private static RegisterTaskDefinitionRequest withContainer(UnaryOperator<ContainerDefinition.Builder> change) {
        return simple("web").toBuilder().containerDefinitions(change.apply(container("web").toBuilder()).build()).build();
    }

    private static RegisterTaskDefinitionRequest fargate(UnaryOperator<RegisterTaskDefinitionRequest.Builder> change) {
        return change.apply(orderService().toBuilder()).build();
    }

    @Test
    void should_reject_pid_mode_host_on_fargate_and_accept_it_on_ec2() {
        rejects(fargate(b -> b.pidMode("host")), "Tasks using the Fargate launch type do not support pidMode 'host'. "
                + "The supported value for pidMode is 'task'.");

        assertThat(api.registerTaskDefinition(fargate(b -> b.pidMode("task"))).taskDefinition().pidModeAsString())
                .isEqualTo("task");
        assertThat(api.registerTaskDefinition(simple("ec2").toBuilder().pidMode("host").build()).taskDefinition()
                .pidModeAsString()).isEqualTo("host");
    }

    @Test
    void should_fill_in_the_root_directory_of_an_efs_volume_that_has_none() {
        var registered = api.registerTaskDefinition(simple("web").toBuilder().volumes(
                v -> v.name("data").efsVolumeConfiguration(e -> e.fileSystemId("fs-1234")),
                v -> v.name("logs").efsVolumeConfiguration(e -> e.fileSystemId("fs-1234").rootDirectory("/logs")))
                .build()).taskDefinition();

        var described = api.describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition();
        for (var td : List.of(registered, described)) {
            assertThat(td.volumes().get(0).efsVolumeConfiguration().rootDirectory()).isEqualTo("/");
            assertThat(td.volumes().get(1).efsVolumeConfiguration().rootDirectory()).isEqualTo("/logs");
        }
    }

    @Test
    void should_reject_a_missing_family() {
        rejects(simple("web").toBuilder().family(null).build(), "Family can not be blank.");
    }

    @Test
    void should_reject_a_family_with_invalid_characters() {
        rejects(simple("order service"), "Family contains invalid characters.");
    }

    @Test
    void should_reject_a_family_longer_than_255_characters() {
        rejects(simple("f".repeat(256)), "Family can not be longer than 255 characters.");
    }

    @Test
    void should_accept_a_family_of_exactly_255_letters_digits_hyphens_and_underscores() {
        String family = ("Ab9-_".repeat(51));

        assertThat(api.registerTaskDefinition(simple(family)).taskDefinition().family()).hasSize(255);
    }

    @Test
    void should_reject_an_empty_container_list() {
        rejects(RegisterTaskDefinitionRequest.builder().family("web").build(), "Container list cannot be empty.");
    }

    @Test
    void should_reject_more_containers_than_the_quota() {
        List<ContainerDefinition> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(container("c" + i));
        }

        rejects(simple("web").toBuilder().containerDefinitions(eleven).build(), "Too many containers.");
    }

    @Test
    void should_allow_as_many_containers_as_an_overridden_quota_and_no_more() {
        FakeEcs small = FakeEcs.builder().seed(1)
                .quotas(new QuotasWithContainers(2).quotas()).build();

        small.api().registerTaskDefinition(simple("web").toBuilder()
                .containerDefinitions(container("a"), container("b")).build());

        assertEcsError(() -> small.api().registerTaskDefinition(simple("web").toBuilder()
                        .containerDefinitions(container("a"), container("b"), container("c")).build()),
                ClientException.class, "Too many containers.");
    }

    @Test
    void should_reject_a_container_without_a_name() {
        rejects(withContainer(c -> c.name(null)), "Container.name should not be null or empty.");
    }

    @Test
    void should_reject_a_container_name_with_invalid_characters() {
        rejects(withContainer(c -> c.name("web server")), "Container.name contains invalid characters.");
    }

    @Test
    void should_reject_duplicate_container_names() {
        rejects(simple("web").toBuilder().containerDefinitions(container("web"), container("web")).build(),
                "Container names must be unique within a Task Definition.");
    }

    @Test
    void should_reject_a_container_without_an_image() {
        rejects(withContainer(c -> c.image(null)), "Container.image should not be null or empty.");
    }

    @Test
    void should_reject_a_container_without_memory_when_the_task_has_none() {
        rejects(withContainer(c -> c.memory(null)),
                "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified.");
    }

    @Test
    void should_accept_a_container_without_memory_when_the_task_has_memory() {
        var td = api.registerTaskDefinition(withContainer(c -> c.memory(null)).toBuilder().memory("512").build())
                .taskDefinition();

        assertThat(td.memory()).isEqualTo("512");
    }

    @Test
    void should_reject_a_memory_reservation_above_the_memory_limit() {
        rejects(withContainer(c -> c.memory(256).memoryReservation(512)),
                "Invalid setting for container 'web'. 'memoryReservation' must be less than or equal to 'memory'.");
    }

    @Test
    void should_reject_container_memory_below_6_mib() {
        rejects(withContainer(c -> c.memory(5)), "Invalid setting for container 'web'. 'memory' must be at least 6 MiB.");
    }

    @Test
    void should_reject_a_memory_reservation_below_6_mib() {
        rejects(withContainer(c -> c.memory(null).memoryReservation(4)),
                "Invalid setting for container 'web'. 'memoryReservation' must be at least 6 MiB.");
    }

    @Test
    void should_reject_a_task_definition_without_an_essential_container() {
        rejects(withContainer(c -> c.essential(false)), "Task definition doesn't have any essential container.");
    }

    @Test
    void should_reject_a_task_cpu_that_is_not_a_size() {
        rejects(simple("web").toBuilder().cpu("lots").build(), "Invalid 'cpu' setting for task.");
    }

    @Test
    void should_reject_a_task_memory_that_is_not_a_size() {
        rejects(simple("web").toBuilder().memory("2 TB").build(), "Invalid 'memory' setting for task.");
    }

    @Test
    void should_reject_a_container_memory_above_the_task_memory() {
        rejects(withContainer(c -> c.memory(1024)).toBuilder().memory("512").build(),
                "The 'memory' setting for container 'web' is greater than for the task.");
    }

    @Test
    void should_reject_container_cpu_summing_above_the_task_cpu() {
        rejects(withContainer(c -> c.cpu(2048)).toBuilder().cpu("1024").build(),
                "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.");
    }

    @Test
    void should_reject_memory_reservations_summing_above_the_task_memory() {
        rejects(simple("web").toBuilder().memory("512").containerDefinitions(
                        container("a").toBuilder().memory(null).memoryReservation(300).build(),
                        container("b").toBuilder().memory(null).memoryReservation(300).build()).build(),
                "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.");
    }

    @Test
    void should_reject_fargate_without_awsvpc() {
        rejects(fargate(b -> b.networkMode(NetworkMode.BRIDGE)), "Fargate only supports network mode \u2018awsvpc\u2019.");
    }

    @Test
    void should_reject_fargate_without_a_network_mode_because_the_default_is_bridge() {
        rejects(fargate(b -> b.networkMode((NetworkMode) null)), "Fargate only supports network mode \u2018awsvpc\u2019.");
    }

    @Test
    void should_reject_fargate_without_task_cpu() {
        rejects(fargate(b -> b.cpu(null)), "Fargate requires that 'cpu' be defined at the task level.");
    }

    @Test
    void should_reject_fargate_without_task_memory() {
        rejects(fargate(b -> b.memory(null)), "Fargate requires that 'memory' be defined at the task level.");
    }

    @Test
    void should_reject_a_fargate_size_outside_the_table() {
        rejects(fargate(b -> b.cpu("256").memory("4096")), "No Fargate configuration exists for given values.");
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

    @Test
    void should_reject_a_fargate_stop_timeout_above_120_seconds() {
        rejects(fargate(b -> b.containerDefinitions(orderService().containerDefinitions().get(0).toBuilder()
                        .stopTimeout(121).build())),
                "Invalid setting for container 'order-service'. stopTimeout must be between 2 and 120.");
    }

    @Test
    void should_reject_a_fargate_stop_timeout_below_2_seconds() {
        rejects(fargate(b -> b.containerDefinitions(orderService().containerDefinitions().get(0).toBuilder()
                        .stopTimeout(1).build())),
                "Invalid setting for container 'order-service'. stopTimeout must be between 2 and 120.");
    }

    @Test
    void should_accept_a_long_stop_timeout_on_ec2() {
        var td = api.registerTaskDefinition(withContainer(c -> c.stopTimeout(600))).taskDefinition();

        assertThat(td.containerDefinitions().get(0).stopTimeout()).isEqualTo(600);
    }

    @Test
    void should_reject_a_health_check_command_not_starting_with_cmd_or_cmd_shell() {
        rejects(withContainer(c -> c.healthCheck(h -> h.command("curl", "-f", "http://localhost/"))),
                "Invalid setting for container 'web'. healthCheck.command must start with CMD or CMD-SHELL.");
    }

    @Test
    void should_reject_an_empty_health_check_command() {
        rejects(withContainer(c -> c.healthCheck(h -> h.command(List.of()))),
                "Invalid setting for container 'web'. healthCheck.command must start with CMD or CMD-SHELL.");
    }

    @Test
    void should_reject_a_health_check_interval_below_5() {
        rejects(healthCheck(h -> h.interval(4)), "Invalid setting for container 'web'. healthCheck.interval must be between 5 and 300.");
    }

    @Test
    void should_reject_a_health_check_interval_above_300() {
        rejects(healthCheck(h -> h.interval(301)), "Invalid setting for container 'web'. healthCheck.interval must be between 5 and 300.");
    }

    @Test
    void should_reject_a_health_check_timeout_below_2() {
        rejects(healthCheck(h -> h.timeout(1)), "Invalid setting for container 'web'. healthCheck.timeout must be between 2 and 60.");
    }

    @Test
    void should_reject_a_health_check_timeout_above_60() {
        rejects(healthCheck(h -> h.timeout(61)), "Invalid setting for container 'web'. healthCheck.timeout must be between 2 and 60.");
    }

    @Test
    void should_reject_zero_health_check_retries() {
        rejects(healthCheck(h -> h.retries(0)), "Invalid setting for container 'web'. healthCheck.retries must be between 1 and 10.");
    }

    @Test
    void should_reject_more_than_10_health_check_retries() {
        rejects(healthCheck(h -> h.retries(11)), "Invalid setting for container 'web'. healthCheck.retries must be between 1 and 10.");
    }

    @Test
    void should_reject_a_negative_health_check_start_period() {
        rejects(healthCheck(h -> h.startPeriod(-1)),
                "Invalid setting for container 'web'. healthCheck.startPeriod must be between 0 and 300.");
    }

    @Test
    void should_reject_a_health_check_start_period_above_300() {
        rejects(healthCheck(h -> h.startPeriod(301)),
                "Invalid setting for container 'web'. healthCheck.startPeriod must be between 0 and 300.");
    }

    private static RegisterTaskDefinitionRequest healthCheck(
            UnaryOperator<software.amazon.awssdk.services.ecs.model.HealthCheck.Builder> change) {
        return withContainer(c -> c.healthCheck(change.apply(
                software.amazon.awssdk.services.ecs.model.HealthCheck.builder().command("CMD-SHELL", "exit 0")).build()));
    }

    @Test
    void should_reject_a_dependency_on_a_container_that_does_not_exist() {
        rejects(withContainer(c -> c.dependsOn(d -> d.containerName("db").condition(ContainerCondition.START))),
                "Invalid setting for container 'web'. dependsOn names container 'db', which is not in the task definition.");
    }

    @Test
    void should_reject_an_unknown_dependency_condition() {
        rejects(simple("web").toBuilder().containerDefinitions(
                        container("web").toBuilder().dependsOn(d -> d.containerName("init").condition("READY")).build(),
                        container("init").toBuilder().essential(false).build()).build(),
                "Invalid setting for container 'web'. dependsOn condition 'READY' is not one of START, COMPLETE, SUCCESS, HEALTHY.");
    }

    @Test
    void should_reject_a_success_dependency_on_an_essential_container() {
        rejects(simple("web").toBuilder().containerDefinitions(
                        container("web").toBuilder().dependsOn(d -> d.containerName("init")
                                .condition(ContainerCondition.SUCCESS)).build(),
                        container("init")).build(),
                "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
    }

    @Test
    void should_reject_a_complete_dependency_on_a_container_that_is_essential_by_default() {
        rejects(simple("web").toBuilder().containerDefinitions(
                        container("web").toBuilder().dependsOn(d -> d.containerName("init")
                                .condition(ContainerCondition.COMPLETE)).build(),
                        container("init").toBuilder().essential(null).build()).build(),
                "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
    }

    @Test
    void should_accept_every_condition_on_the_right_kind_of_dependency() {
        var td = api.registerTaskDefinition(simple("web").toBuilder().containerDefinitions(
                container("web").toBuilder().dependsOn(
                        d -> d.containerName("migrate").condition(ContainerCondition.SUCCESS),
                        d -> d.containerName("init").condition(ContainerCondition.COMPLETE),
                        d -> d.containerName("proxy").condition(ContainerCondition.HEALTHY),
                        d -> d.containerName("log").condition(ContainerCondition.START)).build(),
                container("migrate").toBuilder().essential(false).build(),
                container("init").toBuilder().essential(false).build(),
                container("proxy").toBuilder().healthCheck(h -> h.command("CMD", "true")).build(),
                container("log")).build()).taskDefinition();

        assertThat(td.containerDefinitions().get(0).dependsOn()).hasSize(4);
        assertThat(td.requiresAttributes()).extracting("name").contains("ecs.capability.container-ordering");
    }

    @Test
    void should_reject_an_awsvpc_host_port_different_from_the_container_port() {
        rejects(withContainer(c -> c.portMappings(p -> p.containerPort(8080).hostPort(80))).toBuilder()
                        .networkMode(NetworkMode.AWSVPC).build(),
                "When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
    }

    @Test
    void should_reject_a_host_mode_host_port_different_from_the_container_port() {
        rejects(withContainer(c -> c.portMappings(p -> p.containerPort(8080).hostPort(80))).toBuilder()
                        .networkMode(NetworkMode.HOST).build(),
                "When networkMode=host, the host ports and container ports in port mappings must match.");
    }

    @Test
    void should_accept_a_bridge_host_port_different_from_the_container_port() {
        var td = api.registerTaskDefinition(withContainer(c -> c.portMappings(p -> p.containerPort(8080).hostPort(80))))
                .taskDefinition();

        assertThat(td.containerDefinitions().get(0).portMappings().get(0).hostPort()).isEqualTo(80);
    }

    @Test
    void should_reject_ephemeral_storage_below_21_gib() {
        rejects(fargate(b -> b.ephemeralStorage(e -> e.sizeInGiB(20))),
                "Invalid 'ephemeralStorage.sizeInGiB' setting. The value must be between 21 and 200 GiB.");
    }

    @Test
    void should_reject_ephemeral_storage_above_200_gib() {
        rejects(fargate(b -> b.ephemeralStorage(e -> e.sizeInGiB(201))),
                "Invalid 'ephemeralStorage.sizeInGiB' setting. The value must be between 21 and 200 GiB.");
    }

    // Tag rules belong to dev.fakeecs.internal.tag; these check that registration applies them before storing anything.

    @Test
    void should_reject_more_than_50_tags() {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tags.add(Tag.builder().key("k" + i).value("v").build());
        }

        assertEcsError(() -> api.registerTaskDefinition(simple("web").toBuilder().tags(tags).build()),
                LimitExceededException.class, "The number of tags on the resource would exceed the limit of 50 tags.");
    }

    @Test
    void should_reject_a_tag_key_longer_than_128_characters() {
        assertEcsError(() -> api.registerTaskDefinition(simple("web").toBuilder()
                        .tags(t -> t.key("k".repeat(129)).value("v")).build()),
                InvalidParameterException.class,
                "Tag key exceeds the maximum length of 128 characters: tags.key " + "k".repeat(129));
    }

    @Test
    void should_reject_a_tag_value_longer_than_256_characters() {
        assertEcsError(() -> api.registerTaskDefinition(simple("web").toBuilder()
                        .tags(t -> t.key("team").value("v".repeat(257))).build()),
                InvalidParameterException.class,
                "Tag value exceeds the maximum length of 256 characters: tags.value of key team");
    }

    @Test
    void should_reject_a_tag_key_with_the_reserved_aws_prefix() {
        assertEcsError(() -> api.registerTaskDefinition(simple("web").toBuilder()
                        .tags(t -> t.key("AWS:owner").value("me")).build()),
                InvalidParameterException.class,
                "Tag keys and values that begin with 'aws:' are reserved for AWS use and can not be added, changed or removed.");
    }

    @Test
    void should_reject_fargate_requirements_only_when_fargate_is_required() {
        var td = api.registerTaskDefinition(orderService().toBuilder()
                .requiresCompatibilities(Compatibility.EC2).networkMode(NetworkMode.BRIDGE).build()).taskDefinition();

        assertThat(td.compatibilities()).containsExactly(Compatibility.EC2);
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

    /** Seed quotas with a different containers-per-task-definition figure (whatever other quotas exist). */
    private record QuotasWithContainers(int containers) {
        Quotas quotas() {
            try {
                Quotas q = Quotas.seedDefaults();
                var components = Quotas.class.getRecordComponents();
                Object[] values = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    values[i] = "containersPerTaskDefinition".equals(components[i].getName())
                            ? containers : components[i].getAccessor().invoke(q);
                }
                return Quotas.class.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
