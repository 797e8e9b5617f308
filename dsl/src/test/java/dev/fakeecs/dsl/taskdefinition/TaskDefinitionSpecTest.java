package dev.fakeecs.dsl.taskdefinition;

import dev.fakeecs.dsl.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.ResourceType;

import static dev.fakeecs.dsl.Ecs.container;
import static dev.fakeecs.dsl.Ecs.healthCheck;
import static dev.fakeecs.dsl.Ecs.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskDefinitionSpecTest {

    @Test
    void a_fargate_task_definition_reads_like_register_task_definition() {
        // given
        TaskDefinitionSpec spec = taskDefinition("order-service")
                .fargate().cpu(512).memory(1024).x86_64()
                .executionRole("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
                .taskRole("arn:aws:iam::123456789012:role/orders")
                .ephemeralStorage(30)
                .container("app", c -> c.image("acme/orders:1.4").cpu(448).memory(896).memoryReservation(512)
                        .port(8080).env("PROFILE", "prod").stopTimeout(30)
                        .dependsOn("envoy", "HEALTHY")
                        .healthCheck("curl -f http://localhost:8080/health || exit 1"))
                .container("envoy", c -> c.image("envoyproxy/envoy:v1.29").cpu(64).memoryReservation(128)
                        .essential(false).healthCheck(healthCheck("curl -f localhost:9901/ready").interval(10)
                                .retries(5).startPeriod(30)))
                .tag("team", "orders")
                .build();
        // when
        RegisterTaskDefinitionRequest r = spec.toRequest();
        // then
        assertThat(r.family()).isEqualTo("order-service");
        assertThat(r.requiresCompatibilities()).containsExactly(Compatibility.FARGATE);
        assertThat(r.networkMode()).isEqualTo(NetworkMode.AWSVPC);
        assertThat(r.cpu()).isEqualTo("512");
        assertThat(r.memory()).isEqualTo("1024");
        assertThat(r.ephemeralStorage().sizeInGiB()).isEqualTo(30);
        assertThat(r.runtimePlatform().cpuArchitecture()).isEqualTo(CPUArchitecture.X86_64);
        ContainerDefinition app = r.containerDefinitions().get(0);
        assertThat(app.portMappings().get(0).containerPort()).isEqualTo(8080);
        assertThat(app.environment().get(0).value()).isEqualTo("prod");
        assertThat(app.dependsOn().get(0).containerName()).isEqualTo("envoy");
        assertThat(app.healthCheck().command()).containsExactly("CMD-SHELL",
                "curl -f http://localhost:8080/health || exit 1");
        assertThat(app.healthCheck().interval()).isEqualTo(30);
        assertThat(app.healthCheck().timeout()).isEqualTo(5);
        assertThat(app.healthCheck().retries()).isEqualTo(3);
        assertThat(app.stopTimeout()).isEqualTo(30);
        ContainerDefinition envoy = r.containerDefinitions().get(1);
        assertThat(envoy.essential()).isFalse();
        assertThat(envoy.healthCheck().interval()).isEqualTo(10);
        assertThat(envoy.healthCheck().startPeriod()).isEqualTo(30);
        assertThat(r.tags().get(0).value()).isEqualTo("orders");
    }

    @Test
    void an_ec2_gpu_task_definition_with_bind_and_efs_volumes() {
        // given / when
        TaskDefinitionSpec spec = taskDefinition("restaurant-service").ec2().bridge()
                .bindVolume("scratch").efsVolume("menus", "fs-0a1b2c3d4e5f60718")
                .container("app", c -> c.image("acme/restaurants:3").memory(8192).gpu(1).port(8080, 0)
                        .mount("scratch", "/scratch").mount("menus", "/srv/menus", true))
                .build();
        // then
        RegisterTaskDefinitionRequest r = spec.toRequest();
        assertThat(r.requiresCompatibilities()).containsExactly(Compatibility.EC2);
        assertThat(r.containerDefinitions().get(0).resourceRequirements().get(0).type()).isEqualTo(ResourceType.GPU);
        assertThat(spec.container("app").gpus()).isEqualTo(1);
        assertThat(Volumes.kindOf(spec.volume("scratch"))).isEqualTo(Volumes.Kind.BIND);
        assertThat(Volumes.kindOf(spec.volume("menus"))).isEqualTo(Volumes.Kind.EFS);
        assertThat(r.containerDefinitions().get(0).mountPoints().get(1).readOnly()).isTrue();
    }

    @Test
    void an_arm64_task_definition_declares_its_runtime_platform() {
        TaskDefinitionSpec spec = taskDefinition("ml-recommendation").ec2().awsvpc().arm64().cpu(2048).memory(4096)
                .container("model", c -> c.image("acme/ml:arm64")).build();
        assertThat(spec.toRequest().runtimePlatform().cpuArchitecture()).isEqualTo(CPUArchitecture.ARM64);
    }

    @Test
    void a_variant_edits_one_container_and_keeps_the_rest() {
        // given
        TaskDefinitionSpec base = taskDefinition("web").fargate().cpu(256).memory(512)
                .container("app", c -> c.image("web:1").port(80))
                .container(container("sidecar").image("side:1").essential(false).memoryReservation(64).build())
                .build();
        // when
        TaskDefinitionSpec v2 = base.toBuilder().container("app", c -> c.image("web:2")).build();
        // then
        assertThat(base.container("app").image()).isEqualTo("web:1");
        assertThat(v2.container("app").image()).isEqualTo("web:2");
        assertThat(v2.container("app").toSdk().portMappings()).hasSize(1);
        assertThat(v2.containers()).extracting(ContainerSpec::name).containsExactly("app", "sidecar");
        assertThat(v2.toBuilder().withoutContainer("sidecar").build().containers()).hasSize(1);
    }

    @Test
    void the_fargate_ephemeral_storage_defaults_to_20_gib_and_cpu_accepts_vcpu_strings() {
        TaskDefinitionSpec spec = taskDefinition("t").fargate().cpu("0.5 vCPU").memory("1 GB")
                .container("a", c -> c.image("a")).build();
        assertThat(spec.ephemeralStorageGiB()).isEqualTo(20);
        assertThat(spec.cpu()).isEqualTo(512);
        assertThat(spec.memory()).isEqualTo(1024);
    }

    // ------------------------------------------------------------------ rules

    private static void rejects(TaskDefinitionSpec.Builder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(InvalidSpecException.class).hasMessage(message);
    }

    private static TaskDefinitionSpec.Builder fargate(int cpu, int memory) {
        return taskDefinition("t").fargate().cpu(cpu).memory(memory).container("app", c -> c.image("app:1"));
    }

    @Test
    void a_memory_outside_the_fargate_size_table_is_rejected_with_the_allowed_values() {
        rejects(fargate(256, 4096), "taskDefinition t: memory = 4096: Fargate cpu 256 runs with memory "
                + "[512, 1024, 2048] MiB (No Fargate configuration exists for given values.)");
    }

    @Test
    void a_cpu_fargate_does_not_offer_is_rejected() {
        rejects(fargate(300, 1024), "taskDefinition t: cpu = 300: Fargate offers cpu [256, 512, 1024, 2048, 4096, "
                + "8192, 16384] (No Fargate configuration exists for given values.)");
    }

    @Test
    void fargate_without_task_memory_is_rejected() {
        rejects(taskDefinition("t").fargate().cpu(256).container("a", c -> c.image("a")),
                "taskDefinition t: memory = null: Fargate requires memory at the task level");
    }

    @Test
    void fargate_with_bridge_networking_is_rejected() {
        rejects(taskDefinition("t").bridge().fargate().cpu(256).memory(512).container("a", c -> c.image("a")),
                "taskDefinition t: networkMode = \"bridge\": Fargate only supports network mode awsvpc");
    }

    @Test
    void a_gpu_on_fargate_is_rejected() {
        rejects(fargate(1024, 2048).container("app", c -> c.gpu(1)),
                "taskDefinition t: containerDefinitions[0].resourceRequirements.GPU = 1: Fargate does not offer "
                        + "GPUs; use EC2 (requiresCompatibilities EC2)");
    }

    @Test
    void a_host_volume_on_fargate_is_rejected() {
        rejects(fargate(256, 512).hostVolume("logs", "/var/log"),
                "taskDefinition t: volumes[0].host.sourcePath = \"/var/log\": Fargate does not allow host path volumes");
    }

    @Test
    void fargate_ephemeral_storage_below_21_gib_is_rejected() {
        rejects(fargate(256, 512).ephemeralStorage(10),
                "taskDefinition t: ephemeralStorage.sizeInGiB = 10: must be between 21 and 200");
    }

    @Test
    void duplicate_container_names_are_rejected() {
        // given: the DSL replaces a container of the same name, so duplicates can only be imported
        RegisterTaskDefinitionRequest imported = RegisterTaskDefinitionRequest.builder().family("t")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("a").memory(128).build(),
                        ContainerDefinition.builder().name("app").image("b").memory(128).build())
                .build();
        // when / then
        assertThatThrownBy(() -> TaskDefinitionSpec.from(imported))
                .hasMessage("taskDefinition t: containerDefinitions[1].name = \"app\": container names must be unique "
                        + "within a task definition");
    }

    @Test
    void a_task_definition_without_an_essential_container_is_rejected() {
        rejects(taskDefinition("t").fargate().cpu(256).memory(512).container("a", c -> c.image("a").essential(false)),
                "taskDefinition t: containerDefinitions[*].essential = false: at least one container must be essential");
    }

    @Test
    void a_task_definition_without_containers_is_rejected() {
        rejects(taskDefinition("t").fargate().cpu(256).memory(512),
                "taskDefinition t: containerDefinitions = []: a task definition needs at least one container");
    }

    @Test
    void a_dependency_on_an_unknown_container_is_rejected() {
        rejects(fargate(256, 512).container("app", c -> c.dependsOn("db", "START")),
                "taskDefinition t: containerDefinitions[0].dependsOn[0].containerName = \"db\": must name a container "
                        + "of this task definition [app]");
    }

    @Test
    void a_mount_of_an_undeclared_volume_is_rejected() {
        rejects(fargate(256, 512).container("app", c -> c.mount("data", "/data")),
                "taskDefinition t: containerDefinitions[0].mountPoints[0].sourceVolume = \"data\": must name a volume "
                        + "of this task definition []");
    }

    @Test
    void an_ec2_container_without_memory_when_the_task_has_none_is_rejected() {
        rejects(taskDefinition("t").ec2().container("app", c -> c.image("a")),
                "taskDefinition t: containerDefinitions[0].memory = null: container app needs memory or "
                        + "memoryReservation when the task has no memory");
    }

    @Test
    void a_container_memory_above_the_task_memory_is_rejected() {
        rejects(fargate(256, 512).container("app", c -> c.memory(1024)),
                "taskDefinition t: containerDefinitions[0].memory = 1024: must not exceed the task memory (512)");
    }

    @Test
    void container_cpu_above_the_task_cpu_is_rejected() {
        rejects(fargate(256, 512).container("app", c -> c.cpu(512)),
                "taskDefinition t: containerDefinitions[*].cpu = 512: the sum of container cpu must not exceed the "
                        + "task cpu (256)");
    }

    @Test
    void an_invalid_family_is_rejected() {
        rejects(taskDefinition("orders:1").container("a", c -> c.image("a").memory(128)),
                "taskDefinition orders:1: family = \"orders:1\": must be 1-255 letters, digits, hyphens or underscores");
    }

    @Test
    void an_unreadable_task_cpu_is_rejected() {
        rejects(taskDefinition("t").cpu("lots").container("a", c -> c.image("a").memory(128)),
                "taskDefinition t: cpu = \"lots\": must be CPU units such as 512 or '0.5 vCPU'");
    }

    @Test
    void a_container_without_image_is_rejected() {
        assertThatThrownBy(() -> container("app").build())
                .hasMessage("container app: image = null: is required and must not be blank");
    }

    @Test
    void a_memory_reservation_above_memory_is_rejected() {
        assertThatThrownBy(() -> container("app").image("a").memory(256).memoryReservation(512).build())
                .hasMessage("container app: memoryReservation = 512: must be less than or equal to memory (256)");
    }

    @Test
    void a_stop_timeout_above_120_seconds_is_rejected() {
        assertThatThrownBy(() -> container("app").image("a").stopTimeout(300).build())
                .hasMessage("container app: stopTimeout = 300: must be between 2 and 120");
    }

    @Test
    void a_port_above_65535_is_rejected() {
        assertThatThrownBy(() -> container("app").image("a").port(70000).build())
                .hasMessage("container app: portMappings[0].containerPort = 70000: must be between 1 and 65535");
    }

    @Test
    void an_unknown_dependency_condition_is_rejected() {
        assertThatThrownBy(() -> container("app").image("a").dependsOn("db", "READY").build())
                .hasMessage("container app: dependsOn[0].condition = \"READY\": must be one of START, COMPLETE, "
                        + "SUCCESS, HEALTHY");
    }

    @Test
    void a_container_depending_on_itself_is_rejected() {
        assertThatThrownBy(() -> container("app").image("a").dependsOn("app", "START").build())
                .hasMessage("container app: dependsOn[0].containerName = \"app\": a container cannot depend on itself");
    }

    @Test
    void a_health_check_interval_below_5_seconds_is_rejected() {
        assertThatThrownBy(() -> healthCheck("true").interval(1))
                .hasMessage("healthCheck: interval = 1: must be between 5 and 300");
    }

    @Test
    void an_imported_health_check_with_too_many_retries_names_the_container() {
        assertThatThrownBy(() -> ContainerSpec.from(ContainerDefinition.builder().name("app").image("a")
                .healthCheck(h -> h.command("CMD-SHELL", "true").retries(20)).build()))
                .hasMessage("container app: healthCheck.retries = 20: must be between 1 and 10");
    }

    @Test
    void a_zero_gpu_count_is_rejected() {
        assertThatThrownBy(() -> container("app").image("a").gpu(0).build())
                .hasMessage("container app: resourceRequirements.GPU = \"0\": must be a whole number of GPUs, at least 1");
    }

    @Test
    void an_efs_volume_with_a_malformed_file_system_id_is_rejected() {
        assertThatThrownBy(() -> Volumes.efs("data", "efs-1"))
                .hasMessage("volume data: efsVolumeConfiguration.fileSystemId = \"efs-1\": must look like "
                        + "fs-0123456789abcdef0");
    }
}
