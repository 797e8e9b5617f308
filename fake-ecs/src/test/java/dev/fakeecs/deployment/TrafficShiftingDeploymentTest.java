package dev.fakeecs.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.spi.EngineSetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * BLUE_GREEN, LINEAR and CANARY deployments behind an application load balancer, through the real ECS, ELB and
 * CloudWatch SDK clients in process: the green revision registers in the alternate target group, the production
 * listener rule's weights move step by step (read back through DescribeRules), the test rule sends green 100 %,
 * the target groups swap roles with each deployment, and a canary of an image answering 500 is caught by a 5XX
 * alarm and rolled back before it gets full traffic.
 */
class TrafficShiftingDeploymentTest {

    private FakeEcs ecs;
    private EcsClient client;
    private ElasticLoadBalancingV2Client elb;
    private CloudWatchClient cloudWatch;
    private String lbArn;
    private String blueTg;
    private String greenTg;
    private String productionRule;
    private String testRule;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.builder().seed(8).build();
        client = ecs.newClient();
        elb = ecs.newLoadBalancingClient();
        cloudWatch = ecs.newCloudWatchClient();
        lbArn = elb.createLoadBalancer(r -> r.name("shop-alb").subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                .loadBalancers().get(0).loadBalancerArn();
        blueTg = targetGroup("shop-blue");
        greenTg = targetGroup("shop-green");
        String prodListener = elb.createListener(r -> r.loadBalancerArn(lbArn).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("404"))))
                .listeners().get(0).listenerArn();
        String testListener = elb.createListener(r -> r.loadBalancerArn(lbArn).protocol("HTTP").port(8080)
                .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("404"))))
                .listeners().get(0).listenerArn();
        productionRule = rule(prodListener, 1);
        testRule = rule(testListener, 1);
        client.createCluster(r -> r.clusterName("prod"));
        for (String image : List.of("shop:1", "shop:2", "shop:broken")) {
            client.registerTaskDefinition(r -> r.family("shop").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image(image).essential(true)
                            .portMappings(p -> p.containerPort(8080))));
        }
        // a broken release: its health endpoint answers 200, its real requests 500
        ecs.declareImage("shop:broken", ImageBehavior.DEFAULT.withTrafficHttpStatus(500));
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private String targetGroup(String name) {
        return elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(8080).vpcId("vpc-1").targetType("ip"))
                .targetGroups().get(0).targetGroupArn();
    }

    private String rule(String listenerArn, int priority) {
        return elb.createRule(r -> r.listenerArn(listenerArn).priority(priority)
                .conditions(c -> c.field("path-pattern").values("/*"))
                .actions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(
                        TargetGroupTuple.builder().targetGroupArn(blueTg).weight(1).build(),
                        TargetGroupTuple.builder().targetGroupArn(greenTg).weight(0).build()))))
                .rules().get(0).ruleArn();
    }

    private void createService(Consumer<DeploymentConfiguration.Builder> config) {
        client.createService(r -> r.cluster("prod").serviceName("shop").taskDefinition("shop:1").desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a")))
                .loadBalancers(l -> l.targetGroupArn(blueTg).containerName("app").containerPort(8080)
                        .advancedConfiguration(a -> a.alternateTargetGroupArn(greenTg).productionListenerRule(productionRule)
                                .testListenerRule(testRule).roleArn("arn:aws:iam::000000000000:role/ecs-lb")))
                .deploymentConfiguration(config));
        ecs.clock().advance(Duration.ofMinutes(30));
    }

    /** The production rule's weights now, target group ARN to weight. */
    private Map<String, Integer> weights(String ruleArn) {
        Rule rule = elb.describeRules(r -> r.ruleArns(ruleArn)).rules().get(0);
        Map<String, Integer> m = new LinkedHashMap<>();
        for (TargetGroupTuple t : rule.actions().get(0).forwardConfig().targetGroups()) {
            m.put(t.targetGroupArn(), t.weight());
        }
        return m;
    }

    @Test
    void should_deploy_the_first_revision_into_the_alternate_group_and_swap_roles_with_each_deployment() {
        // given: the first deployment goes green in the alternate group and takes all production traffic
        createService(d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(2));
        assertThat(weights(productionRule)).containsEntry(blueTg, 0).containsEntry(greenTg, 100);
        assertThat(healthyTargets(greenTg)).isEqualTo(2);

        // when: the next deployment
        client.updateService(r -> r.cluster("prod").service("shop").taskDefinition("shop:2"));
        ecs.clock().advance(Duration.ofMinutes(20));

        // then: it lands in the other group, which now takes production
        assertThat(weights(productionRule)).containsEntry(blueTg, 100).containsEntry(greenTg, 0);
        assertThat(weights(testRule)).containsEntry(blueTg, 100).containsEntry(greenTg, 0);
        assertThat(healthyTargets(blueTg)).isEqualTo(2);
        assertThat(running()).hasSize(2).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith(":2"));
        assertThat(latest().statusAsString()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void should_move_production_traffic_in_linear_steps_visible_through_the_load_balancer_api() {
        // given
        createService(d -> d.strategy(DeploymentStrategy.LINEAR).bakeTimeInMinutes(1)
                .linearConfiguration(l -> l.stepPercent(25.0).stepBakeTimeInMinutes(2)));

        // when
        client.updateService(r -> r.cluster("prod").service("shop").taskDefinition("shop:2"));
        List<Integer> greenWeights = new ArrayList<>();
        for (int s = 0; s < 30 * 6; s++) {
            ecs.clock().advance(Duration.ofSeconds(10));
            Map<String, Integer> w = weights(productionRule);
            assertThat(w.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
            int green = w.get(blueTg);   // green is the service's own group in the second deployment
            if (greenWeights.isEmpty() || greenWeights.get(greenWeights.size() - 1) != green) {
                greenWeights.add(green);
            }
        }

        // then
        assertThat(greenWeights).containsExactly(0, 25, 50, 75, 100);
        assertThat(latest().statusAsString()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void should_catch_a_bad_canary_with_a_5xx_alarm_and_roll_back_before_full_traffic() {
        // given: an alarm on the target 5XX count of the load balancer
        String lbDimension = lbArn.substring(lbArn.indexOf("loadbalancer/") + "loadbalancer/".length());
        cloudWatch.putMetricAlarm(r -> r.alarmName("shop-5xx").namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count").dimensions(Dimension.builder().name("LoadBalancer")
                        .value(lbDimension).build())
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData("notBreaching"));
        createService(d -> d.strategy(DeploymentStrategy.CANARY).bakeTimeInMinutes(5)
                .canaryConfiguration(c -> c.canaryPercent(10.0).canaryBakeTimeInMinutes(10))
                .alarms(a -> a.alarmNames("shop-5xx").enable(true).rollback(true)));
        EngineSetup setup = EngineSetup.of(ecs);
        setup.registerScalableTarget("us-east-1", "prod", "shop", 2, 2, List.of());
        setup.setServiceLoad("us-east-1", "prod", "shop", new ServiceLoad(at -> 20.0, 50));
        String before = running().get(0).taskDefinitionArn();

        // when: the broken image is deployed as a canary
        client.updateService(r -> r.cluster("prod").service("shop").taskDefinition("shop:3"));
        int maxGreen = 0;
        for (int s = 0; s < 30 * 6; s++) {
            ecs.clock().advance(Duration.ofSeconds(10));
            maxGreen = Math.max(maxGreen, weights(productionRule).get(blueTg));
        }

        // then: it never got more than the canary's 10 %, and the old revision serves 100 % again
        assertThat(maxGreen).isEqualTo(10);
        ServiceDeployment failed = latest();
        assertThat(failed.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(failed.alarms().triggeredAlarmNames()).containsExactly("shop-5xx");
        assertThat(weights(productionRule)).containsEntry(greenTg, 100).containsEntry(blueTg, 0);
        assertThat(running()).hasSize(2).allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(before));
    }

    @Test
    void should_put_traffic_back_on_blue_when_a_linear_deployment_is_stopped_with_rollback() {
        // given: a LINEAR deployment half-way through its steps
        createService(d -> d.strategy(DeploymentStrategy.LINEAR).bakeTimeInMinutes(5)
                .linearConfiguration(l -> l.stepPercent(20.0).stepBakeTimeInMinutes(3)));
        String before = running().get(0).taskDefinitionArn();
        client.updateService(r -> r.cluster("prod").service("shop").taskDefinition("shop:2"));
        while (weights(productionRule).get(blueTg) < 40) {
            ecs.clock().advance(Duration.ofSeconds(10));
        }
        assertThat(latest().lifecycleStageAsString()).isEqualTo("PRODUCTION_TRAFFIC_SHIFT");
        assertThat(latest().targetServiceRevision().requestedProductionTrafficWeight()).isEqualTo(40.0);

        // when
        client.stopServiceDeployment(r -> r.serviceDeploymentArn(latest().serviceDeploymentArn())
                .stopType("ROLLBACK"));

        // then: production and test traffic back on blue at once, green drained, the old revision alone
        assertThat(weights(productionRule)).containsEntry(greenTg, 100).containsEntry(blueTg, 0);
        assertThat(weights(testRule)).containsEntry(greenTg, 100).containsEntry(blueTg, 0);
        ecs.clock().advance(Duration.ofMinutes(15));
        assertThat(latest().statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(running()).hasSize(2).allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(before));
        assertThat(weights(productionRule)).containsEntry(greenTg, 100);
    }

    @Test
    void should_refuse_a_blue_green_load_balancer_without_advanced_configuration() {
        assertThatThrownBy(() -> client.createService(r -> r.cluster("prod").serviceName("shop").taskDefinition("shop:1")
                .desiredCount(2).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a")))
                .loadBalancers(l -> l.targetGroupArn(blueTg).containerName("app").containerPort(8080))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("advancedConfiguration");
        assertThatThrownBy(() -> client.createService(r -> r.cluster("prod").serviceName("shop").taskDefinition("shop:1")
                .desiredCount(2).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a")))
                .loadBalancers(l -> l.targetGroupArn(blueTg).containerName("app").containerPort(8080)
                        .advancedConfiguration(a -> a.alternateTargetGroupArn(greenTg)
                                .productionListenerRule(productionRule + "-missing").roleArn("arn:aws:iam::1:role/r")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("productionListenerRule");
    }

    private int healthyTargets(String tg) {
        return (int) elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions().stream()
                .filter(t -> "healthy".equals(t.targetHealth().stateAsString())).count();
    }

    private ServiceDeployment latest() {
        String arn = client.listServiceDeployments(r -> r.cluster("prod").service("shop")).serviceDeployments().get(0)
                .serviceDeploymentArn();
        return client.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
    }

    private List<Task> running() {
        List<String> arns = client.listTasks(r -> r.cluster("prod").desiredStatus("RUNNING")).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return client.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks().stream()
                .filter(t -> "RUNNING".equals(t.lastStatus())).toList();
    }
}
