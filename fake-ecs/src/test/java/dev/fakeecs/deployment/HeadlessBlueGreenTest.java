package dev.fakeecs.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.FakeEcs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A BLUE_GREEN service without a load balancer (ECS only swaps revisions) and its lifecycle hooks, through the
 * real ECS SDK client in process: the stages in order, green scaled up fully beside blue, blue stopped only at
 * CLEAN_UP after the bake time, Java hook functions receiving ECS's payload, IN_PROGRESS re-invoked every 30 s,
 * FAILED rolling back, PAUSE hooks answered by ContinueServiceDeployment.
 */
class HeadlessBlueGreenTest {

    private static final String SMOKE = "arn:aws:lambda:us-east-1:000000000000:function:smoke";

    private FakeEcs ecs;
    private EcsClient client;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.builder().seed(5).build();
        client = ecs.newClient();
        client.createCluster(r -> r.clusterName("prod"));
        for (String image : List.of("api:1", "api:2")) {
            client.registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image(image).essential(true)));
        }
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private void createService(DeploymentLifecycleHook... hooks) {
        client.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api:1").desiredCount(3)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(5)
                        .lifecycleHooks(hooks)));
        ecs.clock().advance(Duration.ofMinutes(10));
    }

    private static DeploymentLifecycleHook lambda(String arn, DeploymentLifecycleHookStage... stages) {
        return DeploymentLifecycleHook.builder().hookTargetArn(arn).lifecycleStages(stages)
                .hookDetails(Document.mapBuilder().putString("suite", "smoke").build()).build();
    }

    @Test
    void should_run_every_stage_in_order_and_keep_blue_until_clean_up() {
        // given
        createService();
        assertThat(latest().statusAsString()).isEqualTo("SUCCESSFUL");

        // when
        client.updateService(r -> r.cluster("prod").service("api").taskDefinition("api:2"));
        List<String> stages = new ArrayList<>();
        int maxRunning = 0;
        for (int i = 0; i < 20 * 60; i += 10) {
            ecs.clock().advance(Duration.ofSeconds(10));
            String stage = latest().lifecycleStageAsString();
            if (stage != null && (stages.isEmpty() || !stages.get(stages.size() - 1).equals(stage))) {
                stages.add(stage);
            }
            maxRunning = Math.max(maxRunning, running().size());
        }

        // then
        assertThat(stages).containsSubsequence("SCALE_UP", "BAKE_TIME", "CLEAN_UP");
        assertThat(stages).isSubsetOf("PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT",
                "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME",
                "CLEAN_UP");
        assertThat(maxRunning).isEqualTo(6);   // green at full scale beside blue
        assertThat(latest().statusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(running()).hasSize(3).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith(":2"));
        assertThat(latest().targetServiceRevision().requestedProductionTrafficWeight()).isEqualTo(100.0);
    }

    @Test
    void should_hand_hook_functions_the_payload_ecs_sends_and_reinvoke_in_progress_ones() {
        // given: a Java hook answering IN_PROGRESS twice, then SUCCEEDED
        List<Map<String, Object>> payloads = new ArrayList<>();
        ecs.lifecycleHooks().function(SMOKE, payload -> {
            payloads.add(payload);
            return payloads.size() < 3 ? Map.of("hookStatus", "IN_PROGRESS", "hookDetails", Map.of("n", payloads.size()))
                    : Map.of("hookStatus", "SUCCEEDED");
        });
        createService(lambda(SMOKE, DeploymentLifecycleHookStage.POST_SCALE_UP));
        payloads.clear();

        // when
        client.updateService(r -> r.cluster("prod").service("api").taskDefinition("api:2"));
        ecs.clock().advance(Duration.ofMinutes(20));

        // then
        assertThat(payloads).hasSize(3);
        Map<String, Object> first = payloads.get(0);
        assertThat(first.get("lifecycleStage")).isEqualTo("POST_SCALE_UP");
        assertThat((String) first.get("resourceArn")).startsWith("arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/api/");
        assertThat(first.get("hookDetails")).isEqualTo(Map.of("suite", "smoke"));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) first.get("executionDetails");
        assertThat((String) details.get("targetServiceRevisionArn"))
                .startsWith("arn:aws:ecs:us-east-1:123456789012:service-revision/prod/api/");
        assertThat(details).containsKeys("serviceArn", "testTrafficWeights", "productionTrafficWeights");
        assertThat(payloads.get(1).get("hookDetails")).isEqualTo(Map.of("n", 1));
        List<HookInvocation> calls = ecs.lifecycleHooks().invocations();
        HookInvocation a = calls.get(calls.size() - 3);
        HookInvocation b = calls.get(calls.size() - 2);
        assertThat(Duration.between(a.at(), b.at())).isEqualTo(Duration.ofSeconds(30));
        assertThat(latest().statusAsString()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void should_roll_back_when_a_hook_fails() {
        // given
        createService(lambda(SMOKE, DeploymentLifecycleHookStage.POST_SCALE_UP));
        String blueTaskDefinition = running().get(0).taskDefinitionArn();
        ecs.lifecycleHooks().answer(SMOKE, "FAILED", Duration.ofSeconds(20));

        // when
        client.updateService(r -> r.cluster("prod").service("api").taskDefinition("api:2"));
        ecs.clock().advance(Duration.ofMinutes(15));

        // then
        ServiceDeployment failed = latest();
        assertThat(failed.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(failed.rollback().reason()).contains("lifecycle hook " + SMOKE + " failed at POST_SCALE_UP.");
        assertThat(running()).hasSize(3).allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(blueTaskDefinition));
    }

    @Test
    void should_wait_on_a_pause_hook_until_continue_service_deployment() {
        // given
        createService(DeploymentLifecycleHook.builder().targetType("PAUSE")
                .lifecycleStages(DeploymentLifecycleHookStage.POST_SCALE_UP).build());
        client.updateService(r -> r.cluster("prod").service("api").taskDefinition("api:2"));
        ecs.clock().advance(Duration.ofMinutes(30));

        // then: it waits, the hook awaiting action
        ServiceDeployment waiting = latest();
        assertThat(waiting.lifecycleStageAsString()).isEqualTo("POST_SCALE_UP");
        assertThat(waiting.statusAsString()).isEqualTo("IN_PROGRESS");
        assertThat(waiting.lifecycleHookDetails()).singleElement().satisfies(h -> {
            assertThat(h.statusAsString()).isEqualTo("AWAITING_ACTION");
            assertThat(h.hookId()).matches("ecs-pause-[A-Za-z0-9_-]{43}");
            assertThat(h.timeoutActionAsString()).isEqualTo("ROLLBACK");
        });
        assertThat(running()).hasSize(6);

        // when
        String hookId = waiting.lifecycleHookDetails().get(0).hookId();
        assertThatThrownBy(() -> client.continueServiceDeployment(r -> r.serviceDeploymentArn(waiting.serviceDeploymentArn())
                .hookId("ecs-pause-unknown"))).isInstanceOf(InvalidParameterException.class);
        client.continueServiceDeployment(r -> r.serviceDeploymentArn(waiting.serviceDeploymentArn()).hookId(hookId));
        ecs.clock().advance(Duration.ofMinutes(15));

        // then
        assertThat(latest().statusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(running()).hasSize(3).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith(":2"));
    }

    @Test
    void should_run_pre_and_post_scale_up_hooks_of_a_rolling_deployment() {
        // given: a ROLLING service whose POST_SCALE_UP gate answers IN_PROGRESS until the test lets it pass
        client.createService(r -> r.cluster("prod").serviceName("roll").taskDefinition("api:1").desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.lifecycleHooks(lambda(SMOKE, DeploymentLifecycleHookStage.PRE_SCALE_UP,
                        DeploymentLifecycleHookStage.POST_SCALE_UP))));
        ecs.clock().advance(Duration.ofMinutes(10));
        ecs.lifecycleHooks().clear();
        ecs.lifecycleHooks().answer(SMOKE, "IN_PROGRESS", Duration.ZERO);

        // when
        client.updateService(r -> r.cluster("prod").service("roll").taskDefinition("api:2"));

        // then: the gate answers IN_PROGRESS at PRE_SCALE_UP, so no task of the new revision starts yet
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(ecs.lifecycleHooks().invocations()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.lifecycleStage()).isEqualTo("PRE_SCALE_UP"));
        assertThat(running("roll")).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith(":1"));

        // when: the gate passes; the rollout runs, and the POST_SCALE_UP hook runs once the new revision is up
        ecs.lifecycleHooks().answer(SMOKE, "SUCCEEDED", Duration.ZERO);
        ecs.clock().advance(Duration.ofMinutes(15));

        // then
        assertThat(ecs.lifecycleHooks().invocations()).extracting(HookInvocation::lifecycleStage)
                .contains("PRE_SCALE_UP", "POST_SCALE_UP");
        String arn = client.listServiceDeployments(r -> r.cluster("prod").service("roll")).serviceDeployments().get(0)
                .serviceDeploymentArn();
        ServiceDeployment d = client.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments()
                .get(0);
        assertThat(d.statusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(d.lifecycleStage()).isNull();
        assertThat(running("roll")).hasSize(2).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith(":2"));
    }

    @Test
    void should_refuse_invalid_strategy_settings_naming_the_field() {
        assertThatThrownBy(() -> client.createService(r -> r.cluster("prod").serviceName("bad").taskDefinition("api:1")
                .desiredCount(1).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(1441))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("bakeTimeInMinutes");
        assertThatThrownBy(() -> client.createService(r -> r.cluster("prod").serviceName("bad").taskDefinition("api:1")
                .desiredCount(1).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.LINEAR))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("requires a load balancer");
        assertThatThrownBy(() -> client.createService(r -> r.cluster("prod").serviceName("bad").taskDefinition("api:1")
                .desiredCount(1).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN)
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true)))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("deploymentCircuitBreaker");
        assertThatThrownBy(() -> client.createService(r -> r.cluster("prod").serviceName("bad").taskDefinition("api:1")
                .desiredCount(1).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN)
                        .lifecycleHooks(h -> h.lifecycleStages(DeploymentLifecycleHookStage.POST_SCALE_UP)))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("hookTargetArn");
    }

    private ServiceDeployment latest() {
        String arn = client.listServiceDeployments(r -> r.cluster("prod").service("api")).serviceDeployments().get(0)
                .serviceDeploymentArn();
        return client.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
    }

    private List<Task> running() {
        return running("api");
    }

    private List<Task> running(String service) {
        List<String> arns = client.listTasks(r -> r.cluster("prod").serviceName(service).desiredStatus("RUNNING"))
                .taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return client.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks().stream()
                .filter(t -> "RUNNING".equals(t.lastStatus())).toList();
    }
}
