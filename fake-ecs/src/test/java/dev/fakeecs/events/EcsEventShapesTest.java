package dev.fakeecs.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.internal.region.RegionEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each ECS event's exact shape against the examples in AWS's documentation (test resources
 * {@code events/aws-examples}): every field of the example is present with the same JSON type, the envelope has
 * exactly AWS's fields in AWS's order, {@code time} has no milliseconds and detail timestamps have them.
 */
class EcsEventShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeEcs ecs = FakeEcs.builder().seed(21).build();
    private final EcsClient api = ecs.api();

    @AfterEach
    void close() {
        ecs.close();
    }

    private void fargateFamily(String family, String image) {
        api.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image(image).build()));
    }

    private void fargateService(String name, String taskDefinition, int desired) {
        api.createService(r -> r.cluster("prod").serviceName(name).taskDefinition(taskDefinition).desiredCount(desired)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
    }

    private static JsonNode example(String name) throws IOException {
        try (InputStream in = EcsEventShapesTest.class.getResourceAsStream("/events/aws-examples/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** Paths in {@code example} that {@code actual} lacks or has with another JSON type (arrays: first elements). */
    private static List<String> shapeDifferences(JsonNode example, JsonNode actual, String path) {
        List<String> out = new ArrayList<>();
        if (actual == null || actual.isMissingNode()) {
            out.add(path + " missing");
            return out;
        }
        if (example.getNodeType() != actual.getNodeType()) {
            out.add(path + " is " + actual.getNodeType() + ", AWS has " + example.getNodeType());
            return out;
        }
        if (example.isObject()) {
            for (Iterator<String> it = example.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                out.addAll(shapeDifferences(example.get(field), actual.get(field), path + "." + field));
            }
        } else if (example.isArray() && example.size() > 0 && actual.size() > 0) {
            out.addAll(shapeDifferences(example.get(0), actual.get(0), path + "[0]"));
        }
        return out;
    }

    private static JsonNode json(EcsEvent event) throws IOException {
        return JSON.readTree(event.toJson());
    }

    private static void assertEnvelope(EcsEvent event, JsonNode json) {
        assertThat(json.fieldNames()).toIterable().containsExactly("version", "id", "detail-type", "source", "account",
                "time", "region", "resources", "detail");
        assertThat(json.get("version").asText()).isEqualTo("0");
        assertThat(json.get("source").asText()).isEqualTo("aws.ecs");
        assertThat(json.get("account").asText()).isEqualTo("123456789012");
        assertThat(json.get("region").asText()).isEqualTo("us-east-1");
        assertThat(json.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(json.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(json.get("detail-type").asText()).isEqualTo(event.detailType());
    }

    @Test
    void should_render_a_task_state_change_like_aws_example() throws IOException {
        // given
        api.createCluster(r -> r.clusterName("prod"));
        fargateFamily("web", "acme/web:1");
        fargateService("web", "web", 1);

        // when
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        List<EcsEvent> changes = ecs.events().ofType(EcsEvent.TASK_STATE_CHANGE);
        EcsEvent running = changes.stream().filter(e -> "RUNNING".equals(e.detailText("lastStatus"))).findFirst()
                .orElseThrow();
        JsonNode json = json(running);
        assertEnvelope(running, json);
        assertThat(shapeDifferences(example("task-state-change.json"), json, "")).isEmpty();
        JsonNode detail = json.get("detail");
        assertThat(json.get("resources")).hasSize(1);
        assertThat(json.get("resources").get(0).asText()).isEqualTo(detail.get("taskArn").asText());
        assertThat(detail.get("attachments").get(0).get("type").asText()).isEqualTo("eni");
        assertThat(detail.get("createdAt").asText()).matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(detail.get("group").asText()).isEqualTo("service:web");
        assertThat(detail.has("stopCode")).isFalse();
        assertThat(detail.has("tags")).isFalse();
        // the first event is the task's creation (PROVISIONING), versions count up from 1
        assertThat(changes.get(0).detailText("lastStatus")).isEqualTo("PROVISIONING");
        assertThat(changes).extracting(e -> e.detail().get("version")).startsWith(1, 2, 3);
    }

    @Test
    void should_render_a_container_instance_state_change_like_aws_example() throws IOException {
        // given
        api.createCluster(r -> r.clusterName("prod"));

        // when
        RegionEngine.of(ecs.defaultRegion()).capacityProviders().autoScalingGroups()
                .createGroup("hosts", "m5.large", 0, 10, 1, List.of(), false).clusterName("prod");
        ecs.clock().advance(Duration.ofMinutes(2));

        // then
        EcsEvent registered = ecs.events().ofType(EcsEvent.CONTAINER_INSTANCE_STATE_CHANGE).get(0);
        JsonNode json = json(registered);
        assertEnvelope(registered, json);
        assertThat(shapeDifferences(example("container-instance-state-change.json"), json, "")).isEmpty();
        assertThat(registered.detail()).containsEntry("status", "ACTIVE").containsEntry("agentConnected", true);
        assertThat(json.get("resources").get(0).asText()).isEqualTo(json.get("detail").get("containerInstanceArn")
                .asText());
    }

    @Test
    void should_render_steady_state_and_deployment_in_progress_like_aws_examples() throws IOException {
        // given
        api.createCluster(r -> r.clusterName("prod"));
        fargateFamily("web", "acme/web:1");

        // when
        fargateService("web", "web", 1);
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        String serviceArn = "arn:aws:ecs:us-east-1:123456789012:service/prod/web";
        EcsEvent steady = ecs.events().ofType(EcsEvent.SERVICE_ACTION).stream()
                .filter(e -> "SERVICE_STEADY_STATE".equals(e.detailText("eventName"))).findFirst().orElseThrow();
        JsonNode steadyJson = json(steady);
        assertEnvelope(steady, steadyJson);
        assertThat(shapeDifferences(example("service-action.json"), steadyJson, "")).isEmpty();
        assertThat(steady.detail()).containsOnlyKeys("eventType", "eventName", "clusterArn", "createdAt")
                .containsEntry("eventType", "INFO")
                .containsEntry("clusterArn", "arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        assertThat(steady.resources()).containsExactly(serviceArn);

        List<EcsEvent> deployments = ecs.events().ofType(EcsEvent.DEPLOYMENT_STATE_CHANGE);
        assertThat(deployments).extracting(e -> e.detailText("eventName"))
                .containsExactly("SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_COMPLETED");
        EcsEvent inProgress = deployments.get(0);
        String id = inProgress.detailText("deploymentId");
        assertThat(id).startsWith("ecs-svc/");
        assertThat(shapeDifferences(example("deployment-state-change.json"), json(inProgress), "")).isEmpty();
        assertThat(inProgress.detail()).containsEntry("eventType", "INFO")
                .containsEntry("reason", "ECS deployment " + id + " in progress.");
        assertThat(deployments.get(1).detail()).containsEntry("reason", "ECS deployment " + id + " completed.");
        assertThat(ecs.events().ofType(EcsEvent.SERVICE_ACTION)).extracting(e -> e.detailText("eventName"))
                .contains("SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_COMPLETED", "SERVICE_STEADY_STATE");
    }

    @Test
    void should_report_a_circuit_breaker_failure_and_the_rollback_like_aws() throws IOException {
        // given
        api.createCluster(r -> r.clusterName("prod"));
        fargateFamily("web", "acme/web:1");
        fargateFamily("web", "acme/web:broken");
        ecs.declareImage("acme/web:broken", ImageBehavior.DEFAULT.failingToPull());
        fargateService("web", "web:1", 2);
        ecs.clock().advance(Duration.ofMinutes(5));
        long mark = ecs.events().mark();

        // when
        api.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
        ecs.clock().advance(Duration.ofMinutes(30));

        // then
        List<EcsEvent> deployments = ecs.events().since(mark, EcsEvent.DEPLOYMENT_STATE_CHANGE);
        assertThat(deployments).extracting(e -> e.detailText("eventName")).containsSubsequence(
                "SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_FAILED", "SERVICE_DEPLOYMENT_IN_PROGRESS",
                "SERVICE_DEPLOYMENT_COMPLETED");
        EcsEvent failed = deployments.stream().filter(e -> "SERVICE_DEPLOYMENT_FAILED".equals(e.detailText("eventName")))
                .findFirst().orElseThrow();
        assertThat(shapeDifferences(example("deployment-state-change-failed.json"), json(failed), "")).isEmpty();
        assertThat(failed.detail()).containsEntry("eventType", "ERROR")
                .containsEntry("reason", "ECS deployment circuit breaker: task failed to start.");
        EcsEvent rollback = deployments.get(deployments.indexOf(failed) + 1);
        assertThat(rollback.detailText("reason"))
                .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId "
                        + rollback.detailText("deploymentId") + ".");
        assertThat(ecs.events().since(mark, EcsEvent.SERVICE_ACTION)).extracting(e -> e.detailText("eventName"))
                .contains("SERVICE_TASK_START_IMPAIRED");
        assertThat(ecs.events().since(mark, EcsEvent.SERVICE_ACTION))
                .filteredOn(e -> "SERVICE_TASK_START_IMPAIRED".equals(e.detailText("eventName")))
                .allSatisfy(e -> assertThat(e.detail()).containsEntry("eventType", "WARN"));
    }

    @Test
    void should_report_a_placement_failure_with_the_resource_and_the_closest_container_instance() throws IOException {
        // given: one m5.large host (2048 CPU units) and a task that needs more
        api.createCluster(r -> r.clusterName("prod"));
        RegionEngine.of(ecs.defaultRegion()).capacityProviders().autoScalingGroups()
                .createGroup("hosts", "m5.large", 0, 10, 1, List.of(), false).clusterName("prod");
        ecs.clock().advance(Duration.ofMinutes(2));
        api.registerTaskDefinition(r -> r.family("big").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/big:1").cpu(4096)
                        .memory(512).build()));

        // when
        api.createService(r -> r.cluster("prod").serviceName("big").taskDefinition("big").desiredCount(1)
                .launchType(LaunchType.EC2));
        ecs.clock().advance(Duration.ofMinutes(1));

        // then
        EcsEvent failure = ecs.events().ofType(EcsEvent.SERVICE_ACTION).stream()
                .filter(e -> "SERVICE_TASK_PLACEMENT_FAILURE".equals(e.detailText("eventName"))).findFirst()
                .orElseThrow();
        assertThat(shapeDifferences(example("service-action-placement-failure.json"), json(failure), "")).isEmpty();
        String host = api.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns().get(0);
        assertThat(failure.detail()).containsEntry("eventType", "ERROR").containsEntry("reason", "RESOURCE:CPU")
                .containsEntry("containerInstanceArns", List.of(host));
    }

    @Test
    void should_announce_a_pause_hook_awaiting_action_and_its_success() {
        // given
        api.createCluster(r -> r.clusterName("prod"));
        fargateFamily("api", "api:1");
        fargateFamily("api", "api:2");
        api.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api:1").desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(1)
                        .lifecycleHooks(DeploymentLifecycleHook.builder().targetType("PAUSE")
                                .lifecycleStages(DeploymentLifecycleHookStage.POST_SCALE_UP).build())));
        ecs.clock().advance(Duration.ofMinutes(10));
        long mark = ecs.events().mark();

        // when
        api.updateService(r -> r.cluster("prod").service("api").taskDefinition("api:2"));
        ecs.clock().advance(Duration.ofMinutes(10));

        // then
        EcsEvent awaiting = ecs.events().since(mark, EcsEvent.HOOK_STATE_CHANGE).get(0);
        assertThat(awaiting.detail()).containsKeys("serviceDeploymentArn", "hookId", "lifecycleStage", "expiresAt")
                .containsEntry("eventType", "INFO").containsEntry("eventName", "HOOK_AWAITING_ACTION")
                .containsEntry("lifecycleStage", "POST_SCALE_UP");
        assertThat(awaiting.detailText("hookId")).startsWith("ecs-pause-");
        assertThat(ecs.events().since(mark, EcsEvent.DEPLOYMENT_STATE_CHANGE)).extracting(e -> e.detailText("eventName"))
                .containsExactly("SERVICE_DEPLOYMENT_IN_PROGRESS");

        // when
        api.continueServiceDeployment(r -> r.serviceDeploymentArn(awaiting.detailText("serviceDeploymentArn"))
                .hookId(awaiting.detailText("hookId")));
        ecs.clock().advance(Duration.ofMinutes(15));

        // then
        assertThat(ecs.events().since(mark, EcsEvent.HOOK_STATE_CHANGE)).extracting(e -> e.detailText("eventName"))
                .containsExactly("HOOK_AWAITING_ACTION", "HOOK_SUCCEEDED");
        assertThat(ecs.events().since(mark, EcsEvent.DEPLOYMENT_STATE_CHANGE)).extracting(e -> e.detailText("eventName"))
                .containsExactly("SERVICE_DEPLOYMENT_IN_PROGRESS", "SERVICE_DEPLOYMENT_COMPLETED");
    }
}
