package dev.fakeecs.loadbalancing;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.image.ImageBehavior;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load a service's load model offers reaches its load balancer: RequestCount, target 5XX and host counts per
 * minute, read through the public {@link EngineInspector} without internals.
 */
class ServiceLoadTrafficTest {

    private FakeEcs ecs;
    private EcsClient client;
    private ElasticLoadBalancingV2Client elb;
    private String targetGroupArn;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.builder().seed(21).build();
        client = ecs.newClient();
        elb = ecs.newLoadBalancingClient();
        String lb = elb.createLoadBalancer(r -> r.name("web-alb").subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                .loadBalancers().get(0).loadBalancerArn();
        targetGroupArn = elb.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(8080).vpcId("vpc-1")
                .targetType("ip")).targetGroups().get(0).targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(targetGroupArn)));
        client.createCluster(r -> r.clusterName("prod"));
        for (String image : List.of("web:v1", "web:broken")) {
            client.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image(image).essential(true)
                            .portMappings(p -> p.containerPort(8080))));
        }
        ecs.declareImage("web:broken", ImageBehavior.DEFAULT.withHttpStatus(500));
        client.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:1").desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-us-east-1a", "subnet-us-east-1b")))
                .loadBalancers(l -> l.targetGroupArn(targetGroupArn).containerName("app").containerPort(8080)));
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private String region() {
        return ecs.defaultRegion().name();
    }

    private void offer(double rps) {
        EngineSetup setup = EngineSetup.of(ecs);
        setup.registerScalableTarget(region(), "prod", "web", 2, 2, List.of());
        setup.setServiceLoad(region(), "prod", "web", new ServiceLoad(at -> rps, 50));
    }

    @Test
    void should_serve_the_service_load_curve_through_the_target_group() {
        // given
        ecs.clock().advance(Duration.ofMinutes(5));
        offer(20);

        // when
        ecs.clock().advance(Duration.ofMinutes(3));

        // then: 20 rps = 1200 requests a minute over two healthy targets, the same on the load balancer
        List<LoadBalancerMinute> tg = EngineInspector.of(ecs).targetGroupTraffic(region(), "web-tg");
        LoadBalancerMinute last = tg.get(tg.size() - 1);
        assertThat(last.requestCount()).isEqualTo(1200);
        assertThat(last.target5xxCount()).isZero();
        assertThat(last.healthyHostCount()).isEqualTo(2);
        List<LoadBalancerMinute> lb = EngineInspector.of(ecs).loadBalancerTraffic(region(), "web-alb", null);
        assertThat(lb.get(lb.size() - 1).requestCount()).isEqualTo(1200);
        assertThat(EngineInspector.of(ecs).loadBalancerTraffic(region(), "web-alb", targetGroupArn))
                .isEqualTo(tg);
        assertThat(tg.get(0).requestCount()).isZero();   // before the load was set
    }

    @Test
    void should_count_the_5xx_of_a_bad_revision_while_its_targets_serve() {
        // given
        ecs.clock().advance(Duration.ofMinutes(5));
        offer(10);
        Instant deployed = ecs.clock().instant();

        // when: the new revision answers 500 and replaces the old tasks first (minimum healthy 0 %), so the load
        // balancer fails open to its targets; the circuit breaker rolls it back
        client.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2")
                .deploymentConfiguration(d -> d.minimumHealthyPercent(0).maximumPercent(100)
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(30));

        // then: requests reached the broken targets, and the last minutes are clean again on revision 1
        List<LoadBalancerMinute> minutes = EngineInspector.of(ecs).targetGroupTraffic(region(), "web-tg");
        long bad = minutes.stream().filter(m -> !m.minute().isBefore(deployed))
                .mapToLong(LoadBalancerMinute::target5xxCount).sum();
        assertThat(bad).isPositive();
        LoadBalancerMinute last = minutes.get(minutes.size() - 1);
        assertThat(last.requestCount()).isEqualTo(600);
        assertThat(last.target5xxCount()).isZero();
        assertThat(client.describeServices(r -> r.cluster("prod").services("web")).services().get(0)
                .taskDefinition()).endsWith(":1");
    }

    @Test
    void should_know_no_traffic_of_unknown_load_balancers_or_target_groups() {
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(EngineInspector.of(ecs).targetGroupTraffic(region(), "nope")).isEmpty();
        assertThat(EngineInspector.of(ecs).loadBalancerTraffic(region(), "nope", null)).isEmpty();
        assertThat(EngineInspector.of(ecs).loadBalancerTraffic(region(), "web-alb", "nope")).isEmpty();
        assertThat(EngineInspector.of(ecs).loadBalancerTraffic(region(), "web-alb", null)).hasSize(2);
    }
}
