package dev.fakeecs.samples.fooddelivery;

import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.ALB;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.CLUSTER;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.ORDERS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.ORDERS_TG;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.describe;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Chaos sample: order-service releases as a CANARY (10 % of production traffic for 10 minutes, then all of it),
 * watched by a CloudWatch alarm on the ALB's target 5XX count. A release whose health endpoint is fine but whose
 * real requests fail (HTTP 500) passes every load balancer health check, takes its 10 %, sets the alarm off with
 * the 5XX answers of the Friday-evening traffic, and ECS rolls it back before it ever gets full traffic: the
 * production listener's weights go back to the old revision, which serves 100 % again.
 */
class CanaryReleaseTest {

    private final FakeEcs ecs = FoodDeliveryPlatform.start();
    private final ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();
    private final CloudWatchClient cloudWatch = ecs.newCloudWatchClient();

    @AfterEach
    void close() {
        ecs.close();
    }

    @Test
    void a_canary_answering_500_is_caught_by_the_5xx_alarm_and_rolled_back_before_full_traffic() {
        // given: order-service settled behind the ALB's port-80 listener, which now forwards to orders-tg and an
        // alternate orders-tg-green (weights 1 / 0), with an alarm on the load balancer's target 5XX count
        ecs.clock().advance(Duration.ofMinutes(30));
        TargetGroup blue = targetGroup(ORDERS_TG);
        String green = elb.createTargetGroup(r -> r.name("orders-tg-green").protocol("HTTP").port(8080)
                .vpcId(blue.vpcId()).targetType("ip").healthCheckPath("/health")).targetGroups().get(0)
                .targetGroupArn();
        Listener port80 = listener(80);
        elb.modifyListener(r -> r.listenerArn(port80.listenerArn()).defaultActions(a -> a.type("forward")
                .forwardConfig(f -> f.targetGroups(
                        TargetGroupTuple.builder().targetGroupArn(blue.targetGroupArn()).weight(1).build(),
                        TargetGroupTuple.builder().targetGroupArn(green).weight(0).build()))));
        String productionRule = elb.describeRules(r -> r.listenerArn(port80.listenerArn())).rules().stream()
                .filter(rule -> rule.isDefault()).findFirst().orElseThrow().ruleArn();
        String lbArn = port80.loadBalancerArn();
        cloudWatch.putMetricAlarm(r -> r.alarmName("orders-5xx").namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count")
                .dimensions(Dimension.builder().name("LoadBalancer")
                        .value(lbArn.substring(lbArn.indexOf("loadbalancer/") + "loadbalancer/".length())).build())
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(10.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData("notBreaching"));
        // canary releases from now on; this update itself releases the current image the new way
        ecs.api().updateService(r -> r.cluster(CLUSTER).service(ORDERS)
                .loadBalancers(l -> l.targetGroupArn(blue.targetGroupArn()).containerName("app").containerPort(8080)
                        .advancedConfiguration(a -> a.alternateTargetGroupArn(green).productionListenerRule(productionRule)
                                .roleArn("arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.CANARY).bakeTimeInMinutes(10)
                        .canaryConfiguration(c -> c.canaryPercent(10.0).canaryBakeTimeInMinutes(10))
                        .alarms(a -> a.alarmNames("orders-5xx").enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(40));
        assertThat(latestDeployment().statusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(weights(productionRule)).containsEntry(green, 100);
        String stable = describe(ecs, ORDERS).taskDefinition();

        // when: the broken release goes out as a canary, into orders-tg this time (the groups swap roles)
        ecs.declareImage("acme/order-service:broken", ImageBehavior.DEFAULT.withTrafficHttpStatus(500));
        String broken = register("acme/order-service:broken");
        ecs.api().updateService(r -> r.cluster(CLUSTER).service(ORDERS).taskDefinition(broken));
        int mostTrafficOnBroken = 0;
        for (int s = 0; s < 40 * 6; s++) {
            ecs.clock().advance(Duration.ofSeconds(10));
            mostTrafficOnBroken = Math.max(mostTrafficOnBroken, weights(productionRule).get(blue.targetGroupArn()));
        }

        // then: it never got more than its 10 %, the alarm caught it, and the old revision serves everything again
        ServiceDeployment canary = latestDeployment();
        assertThat(mostTrafficOnBroken).isEqualTo(10);
        assertThat(canary.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(canary.alarms().triggeredAlarmNames()).containsExactly("orders-5xx");
        assertThat(canary.rollback().reason()).contains("alarm(s) orders-5xx in ALARM state");
        assertThat(weights(productionRule)).containsEntry(green, 100).containsEntry(blue.targetGroupArn(), 0);
        assertThat(describe(ecs, ORDERS).taskDefinition()).isEqualTo(stable);
        assertThat(tasks(ecs, ORDERS, "RUNNING")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(stable));
        assertThat(describe(ecs, ORDERS).events()).anyMatch(e -> e.message().contains("rolling back to deployment"));
    }

    private TargetGroup targetGroup(String name) {
        return elb.describeTargetGroups(r -> r.names(name)).targetGroups().get(0);
    }

    private Listener listener(int port) {
        String lbArn = elb.describeLoadBalancers(r -> r.names(ALB)).loadBalancers().get(0).loadBalancerArn();
        return elb.describeListeners(r -> r.loadBalancerArn(lbArn)).listeners().stream()
                .filter(l -> l.port() == port).findFirst().orElseThrow();
    }

    private Map<String, Integer> weights(String ruleArn) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (TargetGroupTuple t : elb.describeRules(r -> r.ruleArns(ruleArn)).rules().get(0).actions().get(0)
                .forwardConfig().targetGroups()) {
            m.put(t.targetGroupArn(), t.weight());
        }
        return m;
    }

    private ServiceDeployment latestDeployment() {
        String arn = ecs.api().listServiceDeployments(r -> r.cluster(CLUSTER).service(ORDERS)).serviceDeployments()
                .get(0).serviceDeploymentArn();
        return ecs.api().describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
    }

    /** A new revision of order-service's task definition running {@code image}. */
    private String register(String image) {
        TaskDefinition current = ecs.api().describeTaskDefinition(r -> r.taskDefinition(
                describe(ecs, ORDERS).taskDefinition())).taskDefinition();
        ContainerDefinition app = current.containerDefinitions().get(0).toBuilder().image(image).build();
        return ecs.api().registerTaskDefinition(r -> r.family(current.family()).networkMode(current.networkMode())
                .requiresCompatibilitiesWithStrings(current.requiresCompatibilitiesAsStrings()).cpu(current.cpu())
                .memory(current.memory()).executionRoleArn(current.executionRoleArn()).containerDefinitions(app))
                .taskDefinition().taskDefinitionArn();
    }
}
