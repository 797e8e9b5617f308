package dev.fakeecs.loadbalancing;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.spi.EngineInspector;
import dev.fakeecs.spi.EngineSetup;
import dev.fakeecs.spi.LoadBalancerMinute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production traffic follows listener rules: a listener's requests take its lowest-priority forward rule, split by
 * that rule's weights, so rewriting the weights (as a canary deployment does) moves the traffic; a test listener
 * forwarding 100 % to the green group does not carry the blue group's load, even when it was created first.
 */
class ListenerRuleTrafficTest {

    private FakeEcs ecs;
    private EcsClient client;
    private ElasticLoadBalancingV2Client elb;
    private String alb;
    private String blue;
    private String green;
    private String productionRule;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.builder().seed(29).build();
        client = ecs.newClient();
        elb = ecs.newLoadBalancingClient();
        alb = elb.createLoadBalancer(r -> r.name("web-alb").subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                .loadBalancers().get(0).loadBalancerArn();
        blue = elb.createTargetGroup(r -> r.name("web-blue").protocol("HTTP").port(8080).vpcId("vpc-1")
                .targetType("ip")).targetGroups().get(0).targetGroupArn();
        green = elb.createTargetGroup(r -> r.name("web-green").protocol("HTTP").port(8080).vpcId("vpc-1")
                .targetType("ip")).targetGroups().get(0).targetGroupArn();
        // the test listener first: its rule names blue too (weight 0), as ECS's test rule does after the test shift
        String testListener = elb.createListener(r -> r.loadBalancerArn(alb).protocol("HTTP").port(8080)
                .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("404"))))
                .listeners().get(0).listenerArn();
        elb.createRule(r -> r.listenerArn(testListener).priority(1)
                .conditions(c -> c.field("path-pattern").values("/*"))
                .actions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(tuple(blue, 0), tuple(green, 1)))));
        // production: the default forwards to blue, a fixed-response rule comes first, the forward rule is priority 10
        String production = elb.createListener(r -> r.loadBalancerArn(alb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(blue))).listeners().get(0).listenerArn();
        elb.createRule(r -> r.listenerArn(production).priority(5)
                .conditions(c -> c.field("path-pattern").values("/maintenance"))
                .actions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("503"))));
        productionRule = elb.createRule(r -> r.listenerArn(production).priority(10)
                .conditions(c -> c.field("path-pattern").values("/*"))
                .actions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(tuple(blue, 1), tuple(green, 0)))))
                .rules().get(0).ruleArn();
        client.createCluster(r -> r.clusterName("prod"));
        client.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("web:v1").essential(true)
                        .portMappings(p -> p.containerPort(8080))));
        service("web-blue", blue);
        service("web-green", green);
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private static TargetGroupTuple tuple(String arn, int weight) {
        return TargetGroupTuple.builder().targetGroupArn(arn).weight(weight).build();
    }

    private void service(String name, String targetGroupArn) {
        client.createService(r -> r.cluster("prod").serviceName(name).taskDefinition("web:1").desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-us-east-1a", "subnet-us-east-1b")))
                .loadBalancers(l -> l.targetGroupArn(targetGroupArn).containerName("app").containerPort(8080)));
    }

    private String region() {
        return ecs.defaultRegion().name();
    }

    /** Only the blue service has a load model: 20 requests a second, 1200 a minute. */
    private void offerToBlue() {
        EngineSetup setup = EngineSetup.of(ecs);
        setup.registerScalableTarget(region(), "prod", "web-blue", 2, 2, List.of());
        setup.setServiceLoad(region(), "prod", "web-blue", new ServiceLoad(at -> 20, 50));
    }

    private long lastMinute(String targetGroupArn) {
        List<LoadBalancerMinute> minutes = EngineInspector.of(ecs).loadBalancerTraffic(region(), "web-alb",
                targetGroupArn);
        return minutes.get(minutes.size() - 1).requestCount();
    }

    private void forwardWeights(Map<String, Integer> weights) {
        RegionEngine region = RegionEngine.of(ecs.defaultRegion());
        region.read(() -> {
            region.service(LoadBalancing.SERVICE).targetGroups().forwardWeights(productionRule, weights);
            return null;
        });
    }

    @Test
    void should_send_the_production_load_through_the_forward_rule_not_the_test_listener() {
        // given
        ecs.clock().advance(Duration.ofMinutes(5));
        offerToBlue();

        // when
        ecs.clock().advance(Duration.ofMinutes(3));

        // then: all of blue's load, once, to blue (weights 1 / 0); the test listener carried nothing of it
        assertThat(lastMinute(blue)).isEqualTo(1200);
        assertThat(lastMinute(green)).isZero();
        assertThat(lastMinute(null)).isEqualTo(1200);
    }

    @Test
    void should_split_the_traffic_90_10_after_the_weights_change() {
        // given
        ecs.clock().advance(Duration.ofMinutes(5));
        offerToBlue();
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(lastMinute(blue)).isEqualTo(1200);

        // when: a canary step of 10 %
        forwardWeights(Map.of(blue, 900, green, 100));
        ecs.clock().advance(Duration.ofMinutes(2));

        // then
        assertThat(lastMinute(blue)).isEqualTo(1080);
        assertThat(lastMinute(green)).isEqualTo(120);
        assertThat(lastMinute(null)).isEqualTo(1200);
        List<LoadBalancerMinute> greenMinutes = EngineInspector.of(ecs).targetGroupTraffic(region(), "web-green");
        assertThat(greenMinutes.get(greenMinutes.size() - 1).target5xxCount()).isZero();
        assertThat(greenMinutes.get(greenMinutes.size() - 1).healthyHostCount()).isEqualTo(2);

        // and when: all of it to green
        forwardWeights(Map.of(blue, 0, green, 1));
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(lastMinute(blue)).isZero();
        assertThat(lastMinute(green)).isEqualTo(1200);
    }

    @Test
    void should_route_a_set_request_rate_through_each_listeners_forward_rule() {
        // given: 10 requests a second through each listener, whatever the services offer
        ecs.clock().advance(Duration.ofMinutes(5));
        RegionEngine.of(ecs.defaultRegion()).service(LoadBalancing.SERVICE).metrics().requestRate(alb, 10);
        forwardWeights(Map.of(blue, 3, green, 1));

        // when
        ecs.clock().advance(Duration.ofMinutes(2));

        // then: production 600 split 3:1, the test listener's 600 all to green
        assertThat(lastMinute(blue)).isEqualTo(450);
        assertThat(lastMinute(green)).isEqualTo(150 + 600);
        assertThat(lastMinute(null)).isEqualTo(1200);
    }
}
