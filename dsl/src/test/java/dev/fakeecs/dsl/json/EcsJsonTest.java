package dev.fakeecs.dsl.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.dsl.service.ServiceSpec;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.fakeecs.dsl.Ecs.FARGATE;
import static dev.fakeecs.dsl.Ecs.taskDefinition;
import static dev.fakeecs.dsl.Ecs.world;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcsJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());

    @AfterEach
    void closeFileSystem() throws IOException {
        fs.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EcsJsonTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode tree(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-service", "restaurant-service", "ml-recommendation", "user-service",
            "payment-service", "notification-service"})
    void each_seed_task_definition_round_trips_through_the_dsl_unchanged(String family) throws IOException {
        // given
        String original = resource("food-delivery/" + family + ".json");
        // when
        TaskDefinitionSpec spec = EcsJson.readTaskDefinitionResource("food-delivery/" + family + ".json");
        // then
        assertThat(spec.family()).isEqualTo(family);
        assertThat(tree(EcsJson.toJson(spec))).isEqualTo(tree(original));
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-service", "restaurant-service"})
    void each_seed_service_round_trips_through_the_dsl_unchanged(String name) throws IOException {
        String original = resource("food-delivery/services/" + name + ".json");
        ServiceSpec spec = EcsJson.readServiceResource("food-delivery/services/" + name + ".json");
        assertThat(spec.serviceName()).isEqualTo(name);
        assertThat(tree(EcsJson.toJson(spec))).isEqualTo(tree(original));
    }

    @Test
    void the_seed_task_definitions_are_what_the_seed_describes() {
        TaskDefinitionSpec orders = EcsJson.readTaskDefinitionResource("food-delivery/order-service.json");
        TaskDefinitionSpec restaurants = EcsJson.readTaskDefinitionResource("food-delivery/restaurant-service.json");
        TaskDefinitionSpec ml = EcsJson.readTaskDefinitionResource("food-delivery/ml-recommendation.json");
        assertThat(orders.requiresFargate()).isTrue();
        assertThat(orders.cpu()).isEqualTo(512);
        assertThat(orders.memory()).isEqualTo(1024);
        assertThat(orders.networkMode().toString()).isEqualTo("awsvpc");
        assertThat(restaurants.container("app").gpus()).isEqualTo(1);
        assertThat(ml.toRequest().runtimePlatform().cpuArchitectureAsString()).isEqualTo("ARM64");
    }

    @Test
    void describe_task_definition_output_reads_as_the_registrable_definition() throws IOException {
        // given
        TaskDefinitionSpec spec = EcsJson.readTaskDefinitionResource("food-delivery/order-service-described.json");
        // when
        JsonNode json = tree(EcsJson.toJson(spec));
        // then: read-only members are gone, tags are kept
        assertThat(spec.family()).isEqualTo("order-service");
        assertThat(json.has("revision")).isFalse();
        assertThat(json.has("taskDefinitionArn")).isFalse();
        assertThat(json.has("requiresAttributes")).isFalse();
        assertThat(json.has("compatibilities")).isFalse();
        assertThat(json.get("tags").get(0).get("value").asText()).isEqualTo("orders");
        assertThat(json.get("containerDefinitions").get(0).get("portMappings").get(0).get("hostPort").asInt())
                .isEqualTo(8080);
    }

    @Test
    void a_task_definition_file_on_any_path_is_read_and_written() throws IOException {
        // given
        Path file = fs.getPath("/repo/ecs/user-service.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, resource("food-delivery/user-service.json"));
        // when
        TaskDefinitionSpec spec = EcsJson.readTaskDefinition(file);
        Path out = fs.getPath("/out/user-service.json");
        EcsJson.writeTaskDefinition(spec.toBuilder().cpu(512).memory(1024).build(), out);
        // then
        assertThat(EcsJson.readTaskDefinition(out).cpu()).isEqualTo(512);
    }

    @Test
    void a_declared_world_exports_to_cli_json_and_imports_back_equal() {
        // given
        TaskDefinitionSpec orders = taskDefinition("order-service").fargate().cpu(512).memory(1024)
                .container("app", c -> c.image("acme/orders:1").port(8080)).build();
        WorldSpec declared = world().region("us-east-1")
                .taskDefinition(EcsJson.readTaskDefinitionResource("food-delivery/payment-service.json"))
                .service("order-service", s -> s.cluster("prod").taskDefinition(orders).desiredCount(2)
                        .capacityProviderStrategy(FARGATE.weight(1)))
                .build();
        Path dir = fs.getPath("/export");
        // when
        List<Path> files = EcsJson.exportWorld(declared, dir);
        WorldSpec imported = EcsJson.importWorld(dir).build();
        // then
        assertThat(files).extracting(Path::toString).containsExactly("/export/task-definitions/payment-service.json",
                "/export/task-definitions/order-service.json", "/export/services/us-east-1/order-service.json");
        assertThat(imported.taskDefinitions()).containsExactlyInAnyOrderElementsOf(declared.allTaskDefinitions());
        ServiceSpec service = imported.services().get(0);
        assertThat(service.region()).isEqualTo("us-east-1");
        assertThat(service.toRequest()).isEqualTo(declared.services().get(0).toRequest(List.of("us-east-1a",
                "us-east-1b", "us-east-1c")));
        // and exporting the import again writes the same bytes
        Path again = fs.getPath("/again");
        EcsJson.exportWorld(imported, again);
        assertThat(read(again.resolve("services/us-east-1/order-service.json")))
                .isEqualTo(read(dir.resolve("services/us-east-1/order-service.json")));
    }

    @Test
    void the_registered_task_definitions_of_a_running_world_export_as_register_input() throws IOException {
        // given
        TaskDefinitionSpec notifications = EcsJson.readTaskDefinitionResource("food-delivery/notification-service.json");
        try (FakeEcs ecs = world().taskDefinition(notifications).start()) {
            // when
            List<Path> files = EcsJson.exportRegisteredTaskDefinitions(ecs, fs.getPath("/running"));
            // then
            assertThat(files).extracting(Path::toString)
                    .containsExactly("/running/us-east-1/task-definitions/notification-service.json");
            TaskDefinitionSpec back = EcsJson.readTaskDefinition(files.get(0));
            assertThat(back.family()).isEqualTo("notification-service");
            assertThat(back.container("app").image()).isEqualTo(notifications.container("app").image());
        }
    }

    @Test
    void malformed_json_is_reported_plainly() {
        assertThatThrownBy(() -> EcsJson.readTaskDefinition("{\"family\": "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not valid JSON");
    }

    @Test
    void a_member_of_the_wrong_type_is_reported_with_its_path() {
        assertThatThrownBy(() -> EcsJson.readTaskDefinition(
                "{\"family\":\"x\",\"containerDefinitions\":[{\"name\":\"a\",\"image\":\"a\",\"memory\":\"lots\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RegisterTaskDefinitionRequest JSON")
                .hasMessageContaining("containerDefinitions[0].memory");
    }

    @Test
    void imported_json_is_validated_like_the_dsl() {
        assertThatThrownBy(() -> EcsJson.readTaskDefinition("{\"family\":\"x\",\"requiresCompatibilities\":[\"FARGATE\"],"
                + "\"networkMode\":\"awsvpc\",\"cpu\":\"256\",\"memory\":\"4096\","
                + "\"containerDefinitions\":[{\"name\":\"a\",\"image\":\"a\"}]}"))
                .hasMessageStartingWith("taskDefinition x: memory = 4096: Fargate cpu 256 runs with memory");
    }

    @Test
    void a_missing_classpath_resource_is_named() {
        assertThatThrownBy(() -> EcsJson.readTaskDefinitionResource("nope.json"))
                .hasMessage("no classpath resource nope.json");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
