package dev.fakeecs.samples.fooddelivery;

import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.ALB;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.CLUSTER;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.USERS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.USERS_TG;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.describe;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.deployment.HookInvocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * user-service releases blue/green: the new revision comes up beside the old one in an alternate target group,
 * the test listener (port 9090) sends it all test traffic, and a real Java hook handler ({@link SmokeTestHook},
 * the same class that would run as the Lambda function) checks it before production traffic moves. The test reads
 * what the handler saw: ECS's payload, the test traffic already on green, production still on blue.
 */
class BlueGreenReleaseTest {

    private static final String SMOKE_TEST = "arn:aws:lambda:us-east-1:123456789012:function:user-service-smoke-test";

    private final FakeEcs ecs = FoodDeliveryPlatform.start();
    private final ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();

    @AfterEach
    void close() {
        ecs.close();
    }

    @Test
    void the_smoke_test_hook_checks_green_on_test_traffic_before_production_moves() {
        // given: user-service behind port 8080 with an alternate target group and a test listener on port 9090
        ecs.clock().advance(Duration.ofMinutes(30));
        TargetGroup blue = elb.describeTargetGroups(r -> r.names(USERS_TG)).targetGroups().get(0);
        String green = elb.createTargetGroup(r -> r.name("users-tg-green").protocol("HTTP").port(8080)
                .vpcId(blue.vpcId()).targetType("ip").healthCheckPath("/health")).targetGroups().get(0)
                .targetGroupArn();
        String lbArn = elb.describeLoadBalancers(r -> r.names(ALB)).loadBalancers().get(0).loadBalancerArn();
        Listener port8080 = elb.describeListeners(r -> r.loadBalancerArn(lbArn)).listeners().stream()
                .filter(l -> l.port() == 8080).findFirst().orElseThrow();
        TargetGroupTuple[] both = {TargetGroupTuple.builder().targetGroupArn(blue.targetGroupArn()).weight(1).build(),
                TargetGroupTuple.builder().targetGroupArn(green).weight(0).build()};
        elb.modifyListener(r -> r.listenerArn(port8080.listenerArn())
                .defaultActions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(both))));
        String productionRule = elb.describeRules(r -> r.listenerArn(port8080.listenerArn())).rules().stream()
                .filter(rule -> rule.isDefault()).findFirst().orElseThrow().ruleArn();
        String testListener = elb.createListener(r -> r.loadBalancerArn(lbArn).protocol("HTTP").port(9090)
                .defaultActions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(both))))
                .listeners().get(0).listenerArn();
        String testRule = elb.describeRules(r -> r.listenerArn(testListener)).rules().get(0).ruleArn();
        SmokeTestHook hook = new SmokeTestHook(elb, testRule);
        ecs.lifecycleHooks().function(SMOKE_TEST, hook);

        // when: user-service moves to blue/green with the hook at POST_TEST_TRAFFIC_SHIFT (this release runs it)
        ecs.api().updateService(r -> r.cluster(CLUSTER).service(USERS)
                .loadBalancers(l -> l.targetGroupArn(blue.targetGroupArn()).containerName("app").containerPort(8080)
                        .advancedConfiguration(a -> a.alternateTargetGroupArn(green).productionListenerRule(productionRule)
                                .testListenerRule(testRule)
                                .roleArn("arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(5)
                        .lifecycleHooks(h -> h.hookTargetArn(SMOKE_TEST)
                                .roleArn("arn:aws:iam::123456789012:role/ecsLambdaHookRole")
                                .lifecycleStages(DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)
                                .hookDetails(Document.mapBuilder().putNumber("minHealthy", 3)
                                        .putNumber("maxAttempts", 10).build()))));
        ecs.clock().advance(Duration.ofMinutes(30));

        // then: the handler ran with ECS's payload while test traffic was on green and production still on blue
        List<HookInvocation> calls = ecs.lifecycleHooks().invocations();
        assertThat(calls).isNotEmpty().allSatisfy(c -> assertThat(c.lifecycleStage()).isEqualTo("POST_TEST_TRAFFIC_SHIFT"));
        assertThat(calls.get(calls.size() - 1).hookStatus()).as(calls.get(calls.size() - 1).error()).isEqualTo("SUCCEEDED");
        Map<String, Object> payload = calls.get(0).payload();
        assertThat(payload.get("hookDetails")).isEqualTo(Map.of("minHealthy", 3, "maxAttempts", 10));
        assertThat((String) payload.get("resourceArn")).contains(":service-deployment/" + CLUSTER + "/" + USERS + "/");
        ServiceDeployment release = latestDeployment();
        assertThat(release.statusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(release.targetServiceRevision().requestedProductionTrafficWeight()).isEqualTo(100.0);
        // green took over production; the old revision's tasks are gone
        TargetGroupTuple greenWeight = elb.describeRules(r -> r.ruleArns(productionRule)).rules().get(0).actions().get(0)
                .forwardConfig().targetGroups().stream().filter(t -> t.targetGroupArn().equals(green)).findFirst()
                .orElseThrow();
        assertThat(greenWeight.weight()).isEqualTo(100);
        assertThat(tasks(ecs, USERS, "RUNNING")).hasSize(3);
        assertThat(describe(ecs, USERS).deployments()).hasSize(1);
    }

    private ServiceDeployment latestDeployment() {
        String arn = ecs.api().listServiceDeployments(r -> r.cluster(CLUSTER).service(USERS)).serviceDeployments()
                .get(0).serviceDeploymentArn();
        return ecs.api().describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
    }
}
