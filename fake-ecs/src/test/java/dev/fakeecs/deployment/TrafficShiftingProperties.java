package dev.fakeecs.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.FakeEcs;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Properties of traffic-shifting deployments under random alarm flips and hook answers: the production rule's
 * weights always sum to 100; no production traffic reaches the green target group before its POST_SCALE_UP and
 * POST_TEST_TRAFFIC_SHIFT hooks passed; every rollback ends with the old revision serving 100 % on its own tasks.
 */
class TrafficShiftingProperties {

    private static final String GATE = "arn:aws:lambda:us-east-1:000000000000:function:gate";

    @Provide
    Arbitrary<String> strategies() {
        return Arbitraries.of("BLUE_GREEN", "LINEAR", "CANARY");
    }

    @Provide
    Arbitrary<List<String>> answers() {
        return Arbitraries.of("SUCCEEDED", "SUCCEEDED", "IN_PROGRESS", "FAILED").list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 25)
    void traffic_stays_consistent(@ForAll("strategies") String strategy, @ForAll("answers") List<String> answers,
                                  @ForAll @IntRange(min = -1, max = 40) int alarmAtMinute, @ForAll long seed) {
        try (FakeEcs ecs = FakeEcs.builder().seed(seed).build()) {
            EcsClient client = ecs.newClient();
            ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();
            CloudWatchClient cw = ecs.newCloudWatchClient();
            String lb = elb.createLoadBalancer(r -> r.name("p-alb").subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                    .loadBalancers().get(0).loadBalancerArn();
            String tgA = elb.createTargetGroup(r -> r.name("p-a").protocol("HTTP").port(8080).vpcId("v").targetType("ip"))
                    .targetGroups().get(0).targetGroupArn();
            String tgB = elb.createTargetGroup(r -> r.name("p-b").protocol("HTTP").port(8080).vpcId("v").targetType("ip"))
                    .targetGroups().get(0).targetGroupArn();
            String listener = elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                    .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("404"))))
                    .listeners().get(0).listenerArn();
            String rule = elb.createRule(r -> r.listenerArn(listener).priority(1)
                    .conditions(c -> c.field("path-pattern").values("/*"))
                    .actions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(
                            TargetGroupTuple.builder().targetGroupArn(tgA).weight(1).build(),
                            TargetGroupTuple.builder().targetGroupArn(tgB).weight(0).build()))))
                    .rules().get(0).ruleArn();
            cw.putMetricAlarm(r -> r.alarmName("p-alarm").namespace("P").metricName("M").statistic(Statistic.SUM)
                    .period(60).evaluationPeriods(1).threshold(1.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
            client.createCluster(r -> r.clusterName("prod"));
            for (String image : List.of("p:1", "p:2")) {
                client.registerTaskDefinition(r -> r.family("p").networkMode(NetworkMode.AWSVPC)
                        .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                        .containerDefinitions(c -> c.name("app").image(image).essential(true)
                                .portMappings(p -> p.containerPort(8080))));
            }
            client.createService(r -> r.cluster("prod").serviceName("p").taskDefinition("p:1").desiredCount(2)
                    .launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a")))
                    .loadBalancers(l -> l.targetGroupArn(tgA).containerName("app").containerPort(8080)
                            .advancedConfiguration(a -> a.alternateTargetGroupArn(tgB).productionListenerRule(rule)
                                    .roleArn("arn:aws:iam::000000000000:role/r")))
                    .deploymentConfiguration(d -> d.strategy(strategy).bakeTimeInMinutes(3)
                            .linearConfiguration(l -> l.stepPercent(20.0).stepBakeTimeInMinutes(1))
                            .canaryConfiguration(c -> c.canaryPercent(15.0).canaryBakeTimeInMinutes(2))
                            .alarms(a -> a.alarmNames("p-alarm").enable(true).rollback(true))
                            .lifecycleHooks(h -> h.hookTargetArn(GATE).lifecycleStages(
                                    DeploymentLifecycleHookStage.POST_SCALE_UP,
                                    DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT,
                                    DeploymentLifecycleHookStage.PRODUCTION_TRAFFIC_SHIFT))));
            ecs.clock().advance(Duration.ofMinutes(30));
            // the first deployment went green in tgB and took production
            Map<String, Integer> initial = weights(elb, rule);
            assertThat(initial).containsEntry(tgB, 100);

            int[] call = {0};
            ecs.lifecycleHooks().clear();   // only the second deployment's invocations count
            ecs.lifecycleHooks().function(GATE, payload -> Map.of("hookStatus",
                    answers.get(Math.min(call[0]++, answers.size() - 1))));
            client.updateService(r -> r.cluster("prod").service("p").taskDefinition("p:2"));
            boolean everPassedGates = false;
            for (int s = 0; s < 6 * 60; s++) {
                if (s == alarmAtMinute * 6) {
                    cw.setAlarmState(r -> r.alarmName("p-alarm").stateValue(StateValue.ALARM).stateReason("flip"));
                }
                ecs.clock().advance(Duration.ofSeconds(10));
                Map<String, Integer> w = weights(elb, rule);
                int sum = w.values().stream().mapToInt(Integer::intValue).sum();
                assertThat(sum).isIn(100, 1000);
                List<HookInvocation> calls = ecs.lifecycleHooks().invocations();
                boolean gatesPassed = passed(calls, "POST_SCALE_UP") && passed(calls, "POST_TEST_TRAFFIC_SHIFT");
                everPassedGates |= gatesPassed;
                if (w.get(tgA) > 0) {   // green (tgA in the second deployment) gets production traffic
                    assertThat(everPassedGates).as("production traffic before the hooks passed").isTrue();
                }
            }
            String arn = client.listServiceDeployments(r -> r.cluster("prod").service("p")).serviceDeployments()
                    .get(0).serviceDeploymentArn();
            ServiceDeployment d = client.describeServiceDeployments(r -> r.serviceDeploymentArns(arn))
                    .serviceDeployments().get(0);
            if (d.statusAsString().startsWith("ROLLBACK")) {
                assertThat(d.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
                assertThat(weights(elb, rule)).containsEntry(tgB, 100).containsEntry(tgA, 0);
                List<String> taskArns = client.listTasks(r -> r.cluster("prod").desiredStatus("RUNNING")).taskArns();
                assertThat(client.describeTasks(r -> r.cluster("prod").tasks(taskArns)).tasks())
                        .allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith(":1"));
            } else {
                assertThat(d.statusAsString()).isIn("SUCCESSFUL", "IN_PROGRESS");
            }
        }
    }

    private static boolean passed(List<HookInvocation> calls, String stage) {
        return calls.stream().anyMatch(c -> stage.equals(c.lifecycleStage()) && "SUCCEEDED".equals(c.hookStatus()));
    }

    private static Map<String, Integer> weights(ElasticLoadBalancingV2Client elb, String rule) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (TargetGroupTuple t : elb.describeRules(r -> r.ruleArns(rule)).rules().get(0).actions().get(0)
                .forwardConfig().targetGroups()) {
            m.put(t.targetGroupArn(), t.weight());
        }
        return m;
    }
}
