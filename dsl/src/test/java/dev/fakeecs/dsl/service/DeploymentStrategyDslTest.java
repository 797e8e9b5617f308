package dev.fakeecs.dsl.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.deployment.HookInvocation;
import dev.fakeecs.dsl.Ecs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.dsl.cloudwatch.AlarmSpec;
import dev.fakeecs.dsl.json.EcsJson;
import dev.fakeecs.dsl.loadbalancing.ListenerRuleSpec;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.image.ImageBehavior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookAction;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deployment strategies, lifecycle hooks, listener rules, CloudWatch alarms and hook functions declared in the DSL,
 * validated, exported and imported as CLI JSON, and applied to a world whose deployments then really run them
 * (read back through the ECS, ELB and CloudWatch SDK clients in process).
 */
class DeploymentStrategyDslTest {

    static final String SMOKE = "arn:aws:lambda:us-east-1:123456789012:function:smoke";

    static TaskDefinitionSpec shop(String image) {
        return Ecs.taskDefinition("shop").fargate().cpu(256).memory(512)
                .container("app", c -> c.image(image).port(8080)).build();
    }

    /** Blue and green target groups, an ALB with a production rule (port 80) and a test rule (8080), a 5XX alarm. */
    static WorldSpec.Builder shopWorld(Consumer<ServiceSpec.Builder> service) {
        // dsl-deployments-START
        return Ecs.world().seed(11)
                .cluster("prod", c -> { })
                .image("shop:broken", ImageBehavior.DEFAULT.withTrafficHttpStatus(500))
                .targetGroup("shop-blue", tg -> tg.http(8080).ip())
                .targetGroup("shop-green", tg -> tg.http(8080).ip())
                .loadBalancer("shop-alb", lb -> lb.application()
                        .listener(80, "HTTP", l -> l.forwardTo("shop-blue")
                                .rule(1, r -> r.pathPattern("/*").forward("shop-blue", 100).forward("shop-green", 0)))
                        .listener(8080, "HTTP", l -> l.forwardTo("shop-blue")
                                .rule(1, r -> r.pathPattern("/*").forward("shop-blue", 100).forward("shop-green", 0))))
                .alarm("shop-5xx", a -> a.namespace("AWS/ApplicationELB").metric("HTTPCode_Target_5XX_Count")
                        .dimension("LoadBalancer", "shop-alb").statistic(Statistic.SUM).period(Duration.ofMinutes(1))
                        .evaluationPeriods(1).greaterThanOrEqualTo(1).treatMissingData("notBreaching"))
                .service("shop", s -> {
                    s.cluster("prod").taskDefinition(shop("shop:1")).desiredCount(2).fargate()
                            .behindLoadBalancer("shop-blue", "app", 8080, lb -> lb.alternateTargetGroup("shop-green")
                                    .productionListenerRule("shop-alb", 80, 1).testListenerRule("shop-alb", 8080, 1));
                    service.accept(s);
                });
        // dsl-deployments-END
    }

    @Test
    void should_declare_the_strategy_hooks_and_advanced_configuration_in_the_create_service_request() {
        // given
        ServiceSpec spec = Ecs.service("shop").cluster("prod").taskDefinition(shop("shop:1")).desiredCount(2).fargate()
                .behindLoadBalancer("shop-blue", "app", 8080, lb -> lb.alternateTargetGroup("shop-green")
                        .productionListenerRule("shop-alb", 80, 1).testListenerRule("shop-alb", 8080, 0)
                        .role("arn:aws:iam::123456789012:role/lb"))
                .canary(10, Duration.ofMinutes(10)).bakeTime(Duration.ofMinutes(5))
                .alarms(true, "shop-5xx")
                .lifecycleHook(Ecs.lifecycleHook(SMOKE).stages(DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)
                        .timeout(Duration.ofMinutes(15), DeploymentLifecycleHookAction.CONTINUE).detail("suite", "smoke")
                        .build())
                .pauseAt(DeploymentLifecycleHookStage.POST_SCALE_UP)
                .build();

        // when
        CreateServiceRequest request = spec.toRequest(List.of("us-east-1a"), tg -> "arn:tg/" + tg, rule -> "arn:rule/" + rule);

        // then
        assertThat(spec.strategy()).isEqualTo(DeploymentStrategy.CANARY);
        assertThat(spec.bakeTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.alarmNames()).containsExactly("shop-5xx");
        assertThat(spec.rollsBackOnAlarm()).isTrue();
        assertThat(spec.lifecycleHooks()).hasSize(2);
        assertThat(spec.lifecycleHooks().get(0).timeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(spec.lifecycleHooks().get(1).functionArn()).isNull();
        assertThat(request.deploymentConfiguration().canaryConfiguration().canaryPercent()).isEqualTo(10.0);
        assertThat(request.deploymentConfiguration().canaryConfiguration().canaryBakeTimeInMinutes()).isEqualTo(10);
        assertThat(request.deploymentConfiguration().lifecycleHooks().get(0).hookDetails().asMap().get("suite")
                .asString()).isEqualTo("smoke");
        LoadBalancer lb = request.loadBalancers().get(0);
        assertThat(lb.targetGroupArn()).isEqualTo("arn:tg/shop-blue");
        assertThat(lb.advancedConfiguration().alternateTargetGroupArn()).isEqualTo("arn:tg/shop-green");
        assertThat(lb.advancedConfiguration().productionListenerRule()).isEqualTo("arn:rule/shop-alb:80:1");
        assertThat(lb.advancedConfiguration().testListenerRule()).isEqualTo("arn:rule/shop-alb:8080:default");
        assertThat(lb.advancedConfiguration().roleArn()).isEqualTo("arn:aws:iam::123456789012:role/lb");
        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        ServiceSpec read = ServiceSpec.from(spec.toRequest());
        assertThat(read.loadBalancers()).isEqualTo(spec.loadBalancers());
        assertThat(read.lifecycleHooks()).isEqualTo(spec.lifecycleHooks());
        assertThat(read.toRequest().deploymentConfiguration()).isEqualTo(spec.toRequest().deploymentConfiguration());
    }

    @Test
    void should_reject_invalid_strategy_settings_naming_the_field() {
        assertThatThrownBy(() -> Ecs.service("shop").taskDefinition("shop").blueGreen(Duration.ofSeconds(90)).build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("service shop: bakeTime = PT1M30S: must be whole minutes, 0 or more");
        assertThatThrownBy(() -> Ecs.service("shop").taskDefinition("shop").linear(2, Duration.ofMinutes(1))
                .behindLoadBalancer("a", "app", 80, lb -> lb.alternateTargetGroup("b").productionListenerRule("x:80:1"))
                .build())
                .hasMessage("service shop: deploymentConfiguration.linearConfiguration.stepPercent = 2.0: must be"
                        + " between 3 and 100");
        assertThatThrownBy(() -> Ecs.service("shop").taskDefinition("shop").canary(10, Duration.ofMinutes(1)).build())
                .hasMessage("service shop: deploymentConfiguration.strategy = CANARY: needs a load balancer"
                        + " (behindLoadBalancer) or Service Connect");
        assertThatThrownBy(() -> Ecs.service("shop").taskDefinition("shop").blueGreen(Duration.ZERO)
                .behindLoadBalancer("shop-blue", "app", 8080).build())
                .hasMessageStartingWith("service shop: loadBalancers[0] = \"shop-blue\": BLUE_GREEN needs an alternate"
                        + " target group and a production listener rule");
        assertThatThrownBy(() -> Ecs.service("shop").taskDefinition("shop").blueGreen(Duration.ZERO)
                .circuitBreaker(true, true).build())
                .hasMessageContaining("deploymentConfiguration.deploymentCircuitBreaker = \"enabled\": is only supported"
                        + " with the ROLLING strategy");
        assertThatThrownBy(() -> Ecs.pauseHook(DeploymentLifecycleHookStage.TEST_TRAFFIC_SHIFT).build())
                .hasMessage("lifecycleHook PAUSE: lifecycleStages = TEST_TRAFFIC_SHIFT: a PAUSE hook cannot run at the"
                        + " TEST_TRAFFIC_SHIFT stage");
        assertThatThrownBy(() -> Ecs.lifecycleHook("smoke").stages(DeploymentLifecycleHookStage.POST_SCALE_UP).build())
                .hasMessageContaining("hookTargetArn = \"smoke\": must be a Lambda function ARN");
        assertThatThrownBy(() -> Ecs.lifecycleHook(SMOKE).build())
                .hasMessageContaining("lifecycleStages = []: must contain at least one stage");
    }

    @Test
    void should_reject_a_world_whose_rules_or_alternate_group_are_not_declared() {
        assertThatThrownBy(() -> shopWorld(s -> s.blueGreen(Duration.ZERO)
                .behindLoadBalancer("shop-blue", "app", 8080, lb -> lb.alternateTargetGroup("shop-green")
                        .productionListenerRule("shop-alb", 80, 7))).build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("service shop: loadBalancers[0].advancedConfiguration.productionListenerRule"
                        + " = \"shop-alb:80:7\": names no declared listener rule in us-east-1");
        assertThatThrownBy(() -> shopWorld(s -> s.blueGreen(Duration.ZERO)
                .behindLoadBalancer("shop-blue", "app", 8080, lb -> lb.alternateTargetGroup("shop-purple")
                        .productionListenerRule("shop-alb", 80, 1))).build())
                .hasMessageStartingWith("service shop: loadBalancers[0].advancedConfiguration.alternateTargetGroup"
                        + " = \"shop-purple\": no target group of that name is declared in us-east-1");
        assertThatThrownBy(() -> Ecs.listenerRule("shop-alb", 80, 1).forward("a", 1).build())
                .hasMessage("rule 1 of listener 80 of shop-alb: conditions = \"none\": a rule needs a condition"
                        + " (pathPattern or hostHeader)");
        assertThatThrownBy(() -> Ecs.alarm("x").namespace("N").metric("M").statistic(Statistic.SUM)
                .period(Duration.ofSeconds(45)).evaluationPeriods(1).greaterThan(1).build())
                .hasMessage("alarm x: Period = 45: must be 10, 30 or a multiple of 60 seconds");
        assertThatThrownBy(() -> Ecs.alarm("x").namespace("N").metric("M").statistic(Statistic.SUM)
                .period(Duration.ofMinutes(1)).evaluationPeriods(2).datapointsToAlarm(3).greaterThan(1).build())
                .hasMessage("alarm x: DatapointsToAlarm = 3: must be between 1 and 2");
    }

    @Test
    void should_run_a_declared_blue_green_deployment_with_a_java_hook_through_the_declared_rules() {
        // given: a hook function bound in the declaration, watching POST_TEST_TRAFFIC_SHIFT
        List<Map<String, Object>> payloads = new ArrayList<>();
        WorldSpec v1 = shopWorld(s -> s.blueGreen(Duration.ofMinutes(2))
                .lifecycleHook(SMOKE, DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT))
                .hookFunction(SMOKE, payload -> {
                    payloads.add(payload);
                    return Map.of("hookStatus", "SUCCEEDED");
                }).build();
        try (FakeEcs ecs = v1.start()) {
            ecs.clock().advance(Duration.ofMinutes(20));
            EcsClient ecsClient = ecs.newClient();
            ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();
            String production = productionRule(ecsClient);
            assertThat(latest(ecsClient).statusAsString()).isEqualTo("SUCCESSFUL");
            Map<String, Integer> before = weights(elb, production);
            assertThat(before.values()).containsExactly(0, 100);   // the first deployment went to shop-green
            v1.applyTo(ecs);
            assertThat(weights(elb, production)).as("re-applying keeps the weights ECS set").isEqualTo(before);
            payloads.clear();

            // when: the next revision is declared and applied
            v1.toBuilder().service("shop", s -> s.taskDefinition(shop("shop:2"))).build().applyTo(ecs);
            ecs.clock().advance(Duration.ofMinutes(20));

            // then: the hook saw the test traffic stage, production moved to the other group, the rule is the declared one
            ServiceDeployment done = latest(ecsClient);
            assertThat(done.statusAsString()).isEqualTo("SUCCESSFUL");
            assertThat(done.targetServiceRevision().requestedProductionTrafficWeight()).isEqualTo(100.0);
            assertThat(payloads).extracting(p -> p.get("lifecycleStage")).containsOnly("POST_TEST_TRAFFIC_SHIFT");
            assertThat(ecs.lifecycleHooks().invocations()).extracting(HookInvocation::functionArn).contains(SMOKE);
            Map<String, Integer> after = weights(elb, production);
            assertThat(after.values()).containsExactlyInAnyOrder(0, 100);
            assertThat(after).isNotEqualTo(before);
            assertThat(elb.describeRules(r -> r.ruleArns(production)).rules().get(0).priority()).isEqualTo("1");
        }
    }

    @Test
    void should_roll_back_a_bad_canary_caught_by_the_declared_5xx_alarm() {
        // given
        // dsl-canary-START
        WorldSpec v1 = shopWorld(s -> s.canary(10, Duration.ofMinutes(10)).bakeTime(Duration.ofMinutes(5))
                .alarms(true, "shop-5xx").autoScaling(2, 2, Ecs.targetCpu(99)).loadCurve(Ecs.load(20), 50)).build();
        // dsl-canary-END
        try (FakeEcs ecs = v1.start()) {
            ecs.clock().advance(Duration.ofMinutes(30));
            EcsClient ecsClient = ecs.newClient();
            MetricAlarm alarm = ecs.newCloudWatchClient().describeAlarms(r -> r.alarmNames("shop-5xx"))
                    .metricAlarms().get(0);
            assertThat(alarm.dimensions().get(0).value()).startsWith("app/shop-alb/");

            // when: the broken image goes out as a canary
            v1.toBuilder().service("shop", s -> s.taskDefinition(shop("shop:broken"))).build().applyTo(ecs);
            ecs.clock().advance(Duration.ofMinutes(40));

            // then
            ServiceDeployment failed = latest(ecsClient);
            assertThat(failed.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
            assertThat(failed.alarms().triggeredAlarmNames()).containsExactly("shop-5xx");
        }
    }

    @Test
    void should_export_and_import_rules_alarms_and_strategies_as_cli_json(@TempDir Path dir) {
        // given
        WorldSpec world = shopWorld(s -> s.linear(25, Duration.ofMinutes(2)).alarms(false, "shop-5xx")
                .pauseAt(DeploymentLifecycleHookStage.POST_SCALE_UP)).build();

        // when
        List<Path> files = EcsJson.exportWorld(world, dir);
        WorldSpec read = EcsJson.importWorld(dir).build();

        // then
        assertThat(files).anySatisfy(f -> assertThat(f.toString()).endsWith("rules/shop-alb-80-1.json"))
                .anySatisfy(f -> assertThat(f.toString()).endsWith("cloudwatch/us-east-1/alarms/shop-5xx.json"));
        assertThat(read.alarms()).singleElement().satisfies(a -> {
            assertThat(a.toRequest()).isEqualTo(world.alarms().get(0).toRequest());
            assertThat(a.treatMissingData()).isEqualTo("notBreaching");
        });
        assertThat(read.loadBalancers().get(0).listeners().get(0).rules())
                .isEqualTo(world.loadBalancers().get(0).listeners().get(0).rules());
        ServiceSpec service = read.services().get(0);
        assertThat(service.strategy()).isEqualTo(DeploymentStrategy.LINEAR);
        assertThat(service.loadBalancers().get(0).advanced())
                .isEqualTo(world.services().get(0).loadBalancers().get(0).advanced());
        assertThat(service.lifecycleHooks()).isEqualTo(world.services().get(0).lifecycleHooks());
        assertThat(EcsJson.toJson(world.alarms().get(0))).contains("\"AlarmName\" : \"shop-5xx\"")
                .contains("\"TreatMissingData\" : \"notBreaching\"");
        ListenerRuleSpec rule = EcsJson.readListenerRule("""
                {"ListenerArn": "shop-alb:80", "Priority": 3,
                 "Conditions": [{"Field": "path-pattern", "Values": ["/api/*"]}],
                 "Actions": [{"Type": "forward", "ForwardConfig": {"TargetGroups": [
                   {"TargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/shop-blue/1", "Weight": 9},
                   {"TargetGroupArn": "shop-green", "Weight": 1}]}}]}""");
        assertThat(rule.ref()).isEqualTo("shop-alb:80:3");
        assertThat(rule.forward()).extracting(w -> w.targetGroup() + "=" + w.weight())
                .containsExactly("shop-blue=9", "shop-green=1");
        AlarmSpec alarm = EcsJson.readAlarm("""
                {"AlarmName": "cpu-high", "Namespace": "AWS/ECS", "MetricName": "CPUUtilization",
                 "Dimensions": [{"Name": "ClusterName", "Value": "prod"}, {"Name": "ServiceName", "Value": "shop"}],
                 "Statistic": "Average", "Period": 60, "EvaluationPeriods": 3, "Threshold": 80,
                 "ComparisonOperator": "GreaterThanThreshold"}""");
        assertThat(alarm.evaluationPeriods()).isEqualTo(3);
        assertThat(alarm.treatMissingData()).isEqualTo("missing");
    }

    private static ServiceDeployment latest(EcsClient client) {
        String arn = client.listServiceDeployments(r -> r.cluster("prod").service("shop")).serviceDeployments().get(0)
                .serviceDeploymentArn();
        return client.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
    }

    private static String productionRule(EcsClient client) {
        return client.describeServices(r -> r.cluster("prod").services("shop")).services().get(0).loadBalancers().get(0)
                .advancedConfiguration().productionListenerRule();
    }

    private static Map<String, Integer> weights(ElasticLoadBalancingV2Client elb, String ruleArn) {
        Rule rule = elb.describeRules(r -> r.ruleArns(ruleArn)).rules().get(0);
        Map<String, Integer> m = new LinkedHashMap<>();
        for (TargetGroupTuple t : rule.actions().get(0).forwardConfig().targetGroups()) {
            m.put(t.targetGroupArn(), t.weight());
        }
        return m;
    }
}
