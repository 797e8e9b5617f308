package dev.fakeecs.dsl.storage;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.LaunchType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static dev.fakeecs.dsl.Ecs.taskDefinition;
import static dev.fakeecs.dsl.Ecs.world;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskStorageTest {

    private static final String EFS_ID = "fs-0a1b2c3d4e5f60718";
    private static final TaskDefinitionSpec MENUS = taskDefinition("menu-service")
            .fargate().cpu(256).memory(512)
            .bindVolume("shared").efsVolume("menus", EFS_ID)
            .container("app", c -> c.image("acme/menus:1").mount("shared", "/shared").mount("menus", "/mnt/efs"))
            .container("sidecar", c -> c.image("acme/sync:1").essential(false).mount("shared", "/data"))
            .build();

    private FakeEcs ecs;
    private TaskStorage storage;

    @BeforeEach
    void startWorld() {
        ecs = world().startingAt("2026-03-01T18:00:00Z")
                .cluster("prod", c -> c.capacityProviders("FARGATE"))
                .taskDefinition(MENUS).start();
        storage = TaskStorage.attach(ecs);
    }

    @AfterEach
    void closeWorld() {
        ecs.close();
    }

    private String runTask() {
        String arn = ecs.api().runTask(r -> r.cluster("prod").taskDefinition("menu-service")
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-us-east-1a"))))
                .tasks().get(0).taskArn();
        ecs.clock().advance(Duration.ofMinutes(3));
        return arn;
    }

    private void stop(String arn) {
        ecs.api().stopTask(r -> r.cluster("prod").task(arn));
        ecs.clock().advance(Duration.ofMinutes(3));
    }

    @Test
    void a_fargate_task_gets_20_gib_of_ephemeral_storage_with_virtual_file_times() throws IOException {
        // given
        String arn = runTask();
        // when
        TaskFiles files = storage.forTask(arn);
        Path log = files.container("app").path("/var/log/app.log");
        Files.writeString(log, "started");
        // then
        assertThat(files.capacityBytes()).isEqualTo(20L << 30);
        assertThat(Files.getLastModifiedTime(log).toInstant()).isEqualTo(ecs.clock().instant());
        assertThat(ecs.clock().instant()).isEqualTo(Instant.parse("2026-03-01T18:03:00Z"));
    }

    @Test
    void a_bind_mount_is_shared_between_the_containers_of_one_task() throws IOException {
        // given
        String arn = runTask();
        TaskFiles files = storage.forTask(arn);
        // when
        Files.writeString(files.container("app").path("/shared/menu.json"), "{\"items\":3}");
        // then
        assertThat(Files.readString(files.container("sidecar").path("/data/menu.json"))).isEqualTo("{\"items\":3}");
        assertThat(Files.exists(files.container("sidecar").path("/shared/menu.json"))).isFalse();
    }

    @Test
    void ephemeral_data_is_lost_when_the_task_stops_and_efs_data_is_kept() throws IOException {
        // given
        String first = runTask();
        ContainerFiles app = storage.forTask(first).container("app");
        Files.writeString(app.path("/tmp/cache"), "warm");
        Files.writeString(app.path("/mnt/efs/orders.csv"), "order-1");
        // when
        stop(first);
        String second = runTask();
        // then
        assertThat(storage.isDropped(first)).isTrue();
        assertThatThrownBy(() -> storage.forTask(first)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was dropped when the task stopped");
        assertThatThrownBy(() -> app.path("/tmp/cache")).isInstanceOf(IllegalStateException.class);
        ContainerFiles next = storage.forTask(second).container("app");
        assertThat(Files.exists(next.path("/tmp/cache"))).isFalse();
        assertThat(Files.readString(next.path("/mnt/efs/orders.csv"))).isEqualTo("order-1");
        assertThat(Files.readString(storage.efs(EFS_ID).getPath("/orders.csv"))).isEqualTo("order-1");
    }

    @Test
    void two_running_tasks_share_an_efs_volume_but_not_their_ephemeral_storage() throws IOException {
        String a = runTask();
        String b = runTask();
        Files.writeString(storage.forTask(a).container("app").path("/mnt/efs/x"), "from a");
        Files.writeString(storage.forTask(a).container("app").path("/shared/y"), "from a");
        assertThat(Files.readString(storage.forTask(b).container("app").path("/mnt/efs/x"))).isEqualTo("from a");
        assertThat(Files.exists(storage.forTask(b).container("app").path("/shared/y"))).isFalse();
    }

    @Test
    void a_container_behaviour_writes_files_when_its_task_starts_running() throws IOException {
        // given
        storage.whenRunning("acme/menus", files -> {
            try {
                Files.writeString(files.path("/mnt/efs/boot.log"), files.task().taskArn() + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // when
        String a = runTask();
        String b = runTask();
        // then
        assertThat(Files.readAllLines(storage.efs(EFS_ID).getPath("/boot.log"))).containsExactly(a, b);
    }

    @Test
    void an_unknown_task_is_named() {
        assertThatThrownBy(() -> storage.forTask("arn:aws:ecs:us-east-1:123456789012:task/prod/nope"))
                .hasMessage("no region of this world knows task arn:aws:ecs:us-east-1:123456789012:task/prod/nope");
    }

    @Test
    void an_unknown_container_is_named_with_the_task_containers() {
        String arn = runTask();
        assertThatThrownBy(() -> storage.forTask(arn).container("db"))
                .hasMessageEndingWith("has no container db; its containers: [app, sidecar]");
    }
}
