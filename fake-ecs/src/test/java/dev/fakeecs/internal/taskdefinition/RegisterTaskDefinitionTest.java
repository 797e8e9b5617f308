package dev.fakeecs.internal.taskdefinition;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.LimitExceededException;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.assertEcsError;
import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.mlRecommendation;
import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.orderService;
import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.restaurantService;
import static dev.fakeecs.internal.taskdefinition.TaskDefinitionFixtures.simple;
import static org.assertj.core.api.Assertions.assertThat;

class RegisterTaskDefinitionTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(1).build();
    private final EcsClient api = ecs.api();

    @Test
    void should_register_the_first_revision_of_a_family_as_active() {
        // when
        TaskDefinition td = api.registerTaskDefinition(simple("web")).taskDefinition();

        // then
        assertThat(td.taskDefinitionArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
        assertThat(td.family()).isEqualTo("web");
        assertThat(td.revision()).isEqualTo(1);
        assertThat(td.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(td.registeredAt()).isEqualTo(FakeEcs.DEFAULT_START);
        assertThat(td.registeredBy()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(td.deregisteredAt()).isNull();
    }

    @Test
    void should_number_revisions_per_family_from_1() {
        // given
        api.registerTaskDefinition(simple("web"));
        api.registerTaskDefinition(simple("worker"));

        // when
        ecs.clock().advance(Duration.ofMinutes(5));
        TaskDefinition second = api.registerTaskDefinition(simple("web")).taskDefinition();

        // then
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.taskDefinitionArn()).endsWith(":task-definition/web:2");
        assertThat(second.registeredAt()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
        assertThat(api.describeTaskDefinition(r -> r.taskDefinition("worker")).taskDefinition().revision()).isEqualTo(1);
    }

    @Test
    void should_fill_in_the_defaults_ecs_fills_in() {
        // when
        TaskDefinition td = api.registerTaskDefinition(simple("web").toBuilder().containerDefinitions(
                ContainerDefinition.builder().name("web").image("nginx:1.27").memory(256)
                        .portMappings(p -> p.containerPort(80))
                        .healthCheck(h -> h.command("CMD-SHELL", "curl -f http://localhost/ || exit 1"))
                        .build()).build()).taskDefinition();

        // then
        ContainerDefinition web = td.containerDefinitions().get(0);
        assertThat(td.networkMode()).isEqualTo(NetworkMode.BRIDGE);
        assertThat(td.compatibilities()).containsExactly(Compatibility.EC2);
        assertThat(td.hasRequiresCompatibilities()).isFalse();
        assertThat(td.volumes()).isEmpty();
        assertThat(td.hasVolumes()).isTrue();
        assertThat(web.essential()).isTrue();
        assertThat(web.cpu()).isZero();
        assertThat(web.hasEnvironment()).isTrue();
        assertThat(web.hasMountPoints()).isTrue();
        assertThat(web.hasVolumesFrom()).isTrue();
        assertThat(web.portMappings()).containsExactly(
                PortMapping.builder().containerPort(80).protocol(TransportProtocol.TCP).build());
        assertThat(web.healthCheck()).isEqualTo(HealthCheck.builder()
                .command("CMD-SHELL", "curl -f http://localhost/ || exit 1").interval(30).timeout(5).retries(3).build());
    }

    @Test
    void should_keep_what_the_request_set_instead_of_the_defaults() {
        // when
        TaskDefinition td = api.registerTaskDefinition(simple("web").toBuilder().containerDefinitions(
                ContainerDefinition.builder().name("web").image("nginx:1.27").memory(256).essential(true).cpu(128)
                        .healthCheck(h -> h.command("CMD", "true").interval(10).timeout(2).retries(5).startPeriod(60))
                        .build()).build()).taskDefinition();

        // then
        ContainerDefinition web = td.containerDefinitions().get(0);
        assertThat(web.cpu()).isEqualTo(128);
        assertThat(web.healthCheck()).isEqualTo(HealthCheck.builder()
                .command("CMD", "true").interval(10).timeout(2).retries(5).startPeriod(60).build());
    }

    @Test
    void should_register_the_fargate_order_service() {
        // when
        TaskDefinition td = api.registerTaskDefinition(orderService()).taskDefinition();

        // then
        assertThat(td.networkMode()).isEqualTo(NetworkMode.AWSVPC);
        assertThat(td.cpu()).isEqualTo("512");
        assertThat(td.memory()).isEqualTo("1024");
        assertThat(td.requiresCompatibilities()).containsExactly(Compatibility.FARGATE);
        assertThat(td.compatibilities()).containsExactly(Compatibility.EC2, Compatibility.FARGATE);
        assertThat(td.containerDefinitions().get(0).portMappings()).containsExactly(
                PortMapping.builder().containerPort(8080).hostPort(8080).protocol(TransportProtocol.TCP).build());
        assertThat(td.requiresAttributes()).extracting(Attribute::name).containsExactly(
                "com.amazonaws.ecs.capability.docker-remote-api.1.18",
                "ecs.capability.task-eni",
                "ecs.capability.execution-role-ecr-pull");
        assertThat(TaskResources.isFargateCompatible(td)).isTrue();
        assertThat(TaskResources.usesAwsvpc(td)).isTrue();
        assertThat(TaskResources.cpuUnits(td)).isEqualTo(512);
        assertThat(TaskResources.memoryMiB(td)).isEqualTo(1024);
        assertThat(TaskResources.tcpHostPorts(td)).isEmpty();
    }

    @Test
    void should_register_the_gpu_restaurant_service_for_ec2_only() {
        // when
        TaskDefinition td = api.registerTaskDefinition(restaurantService()).taskDefinition();

        // then
        assertThat(td.networkMode()).isEqualTo(NetworkMode.BRIDGE);
        assertThat(td.requiresCompatibilities()).containsExactly(Compatibility.EC2);
        assertThat(td.compatibilities()).containsExactly(Compatibility.EC2);
        assertThat(TaskResources.gpuCount(td)).isEqualTo(1);
        assertThat(TaskResources.cpuUnits(td)).isEqualTo(1024);
        assertThat(TaskResources.memoryMiB(td)).isEqualTo(4096);
        assertThat(TaskResources.tcpHostPorts(td)).containsExactly(80);
        assertThat(TaskResources.isFargateCompatible(td)).isFalse();
    }

    @Test
    void should_register_the_arm64_ml_recommendation_requiring_the_arm64_attribute() {
        // when
        TaskDefinition td = api.registerTaskDefinition(mlRecommendation()).taskDefinition();

        // then
        assertThat(td.runtimePlatform().cpuArchitectureAsString()).isEqualTo("ARM64");
        assertThat(td.requiresAttributes()).contains(
                Attribute.builder().name("ecs.cpu-architecture").value("arm64").build(),
                Attribute.builder().name("com.amazonaws.ecs.capability.docker-remote-api.1.21").build());
        assertThat(TaskResources.memoryMiB(td)).isEqualTo(2048);
        assertThat(TaskResources.cpuUnits(td)).isEqualTo(2048);
    }

    @Test
    void should_normalise_vcpu_and_gb_sizes_to_plain_numbers() {
        // when
        TaskDefinition td = api.registerTaskDefinition(orderService().toBuilder().cpu("0.5 vCPU").memory("1 GB").build())
                .taskDefinition();

        // then
        assertThat(td.cpu()).isEqualTo("512");
        assertThat(td.memory()).isEqualTo("1024");
        assertThat(td.compatibilities()).contains(Compatibility.FARGATE);
    }

    @Test
    void should_mark_an_awsvpc_task_definition_with_a_fargate_size_as_fargate_compatible_without_asking() {
        // when
        TaskDefinition td = api.registerTaskDefinition(orderService().toBuilder()
                .requiresCompatibilities((List<Compatibility>) null).build()).taskDefinition();

        // then
        assertThat(td.hasRequiresCompatibilities()).isFalse();
        assertThat(td.compatibilities()).containsExactly(Compatibility.EC2, Compatibility.FARGATE);
    }

    @Test
    void should_derive_capability_attributes_from_roles_health_checks_and_awslogs() {
        // when
        TaskDefinition td = api.registerTaskDefinition(simple("web").toBuilder()
                .taskRoleArn("arn:aws:iam::123456789012:role/web")
                .executionRoleArn("arn:aws:iam::123456789012:role/exec")
                .containerDefinitions(c -> c.name("web").image("nginx:1.27").memory(256)
                        .healthCheck(h -> h.command("CMD", "true"))
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)))
                .build()).taskDefinition();

        // then
        assertThat(td.requiresAttributes()).extracting(Attribute::name).containsExactly(
                "com.amazonaws.ecs.capability.task-iam-role",
                "ecs.capability.container-health-check",
                "com.amazonaws.ecs.capability.docker-remote-api.1.24",
                "com.amazonaws.ecs.capability.logging-driver.awslogs",
                "com.amazonaws.ecs.capability.docker-remote-api.1.19",
                "ecs.capability.execution-role-awslogs");
    }

    @Test
    void should_return_the_tags_it_was_registered_with() {
        // when
        var response = api.registerTaskDefinition(simple("web").toBuilder()
                .tags(t -> t.key("team").value("orders")).build());

        // then
        assertThat(response.tags()).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("team");
            assertThat(t.value()).isEqualTo("orders");
        });
    }

    @Test
    void should_refuse_a_revision_beyond_the_quota_even_when_earlier_ones_are_deregistered() {
        // given
        FakeEcs small = FakeEcs.builder().seed(1)
                .quotas(dev.fakeecs.quota.Quotas.seedDefaults().withRevisionsPerFamily(2)).build();
        small.api().registerTaskDefinition(simple("web"));
        small.api().registerTaskDefinition(simple("web"));
        small.api().deregisterTaskDefinition(r -> r.taskDefinition("web:1"));

        // when / then
        assertEcsError(() -> small.api().registerTaskDefinition(simple("web")), LimitExceededException.class,
                "The maximum number of revisions (2) for task definition family 'web' has been reached.");
        assertThat(small.api().registerTaskDefinition(simple("other")).taskDefinition().revision()).isEqualTo(1);
    }

    @Test
    void should_journal_each_registration() {
        // given
        long mark = ecs.journal().mark();

        // when
        api.registerTaskDefinition(simple("web"));

        // then
        List<JournalEntry> entries = ecs.journal().since(mark, JournalEventType.TASK_DEFINITION);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
            assertThat(e.details()).containsExactly(
                    java.util.Map.entry("family", "web"), java.util.Map.entry("revision", "1"),
                    java.util.Map.entry("status", "ACTIVE"));
        });
    }

    @Test
    void should_keep_task_definitions_of_one_region_out_of_another() {
        // given
        FakeEcs two = FakeEcs.builder().seed(1).region("us-east-1").region("eu-west-1").build();
        two.region("us-east-1").api().registerTaskDefinition(simple("web"));

        // when / then
        assertThat(two.region("eu-west-1").api().listTaskDefinitionFamilies(r -> { }).families()).isEmpty();
        assertThat(two.region("eu-west-1").api().registerTaskDefinition(simple("web")).taskDefinition()
                .taskDefinitionArn()).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1");
    }
}
