package dev.fakeecs.traffic;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.LoadModel;
import dev.fakeecs.autoscaling.ScalingMetric;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import dev.fakeecs.dns.Endpoint;
import dev.fakeecs.dns.FailoverRecord;
import dev.fakeecs.dns.HealthCheck;
import dev.fakeecs.dns.Route53;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.spi.EngineSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traffic a failover record sends is the load of the service it reaches: when us-east-1 goes down, the standby
 * in us-west-2 gets the requests, its CPU rises and its own target tracking scales it out, with no load scripted for
 * it; the primary's load comes back with the traffic, and stopping the traffic gives the services their loads back.
 */
class FailoverLoadTest {

    private static final Instant DAY = Instant.parse("2026-03-06T18:00:00Z");
    private static final Instant OUTAGE = Instant.parse("2026-03-06T19:30:00Z");

    private final FakeEcs ecs = FakeEcs.builder().seed(77).start(DAY).region("us-east-1").region("us-west-2").build();
    private final EngineSetup setup = EngineSetup.of(ecs);

    @AfterEach
    void close() {
        ecs.close();
    }

    private static void orders(EcsClient api, int desired) {
        api.createCluster(r -> r.clusterName("food").capacityProviders("FARGATE"));
        api.registerTaskDefinition(r -> r.family("orders").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/orders:1").build()));
        api.createService(r -> r.cluster("food").serviceName("orders").taskDefinition("orders").desiredCount(desired)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(
                        AwsVpcConfiguration.builder().subnets("subnet-a").build())));
    }

    private int desired(String region) {
        return ecs.region(region).api().describeServices(b -> b.cluster("food").services("orders")).services().get(0)
                .desiredCount();
    }

    private double cpu(String region) {
        return setup.scalingMetric(region, "food", "orders", ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION);
    }

    @Test
    void the_standby_scales_out_on_the_traffic_dns_sends_it() {
        // given: a primary of 10 tasks, a warm standby of 2, both tracking 60 % CPU; 300 requests a second
        orders(ecs.region("us-east-1").api(), 10);
        orders(ecs.region("us-west-2").api(), 2);
        setup.registerScalableTarget("us-east-1", "food", "orders", 2, 20, List.of(TargetTrackingPolicy.cpu(60)));
        setup.registerScalableTarget("us-west-2", "food", "orders", 2, 20, List.of(TargetTrackingPolicy.cpu(60)));
        ServiceLoad standbyOwn = new ServiceLoad(LoadModel.constant(5), 50);
        setup.setServiceLoad("us-west-2", "food", "orders", standbyOwn);
        ecs.clock().advance(Duration.ofMinutes(10));
        Route53 dns = Route53.of(ecs);
        Endpoint east = Endpoint.of("us-east-1", "food", "orders");
        Endpoint west = Endpoint.of("us-west-2", "food", "orders");
        FailoverRecord record = dns.failoverRecord("api.food.example", Duration.ofSeconds(10),
                east, dns.createHealthCheck(east, HealthCheck.FAST_INTERVAL, 3),
                west, dns.createHealthCheck(west, HealthCheck.FAST_INTERVAL, 3));
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.REGION_OUTAGE).region("us-east-1")
                .at(Duration.between(ecs.clock().instant(), OUTAGE)).duration(Duration.ofMinutes(30)).build());

        // when: 300 rps through the record from 19:00
        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:00:00Z"));
        TrafficModel traffic = TrafficModel.start(ecs, record, LoadProfile.constant(300));
        ecs.clock().advanceTo(OUTAGE.minusSeconds(1));

        // then: before the outage the primary carries it (300 / (10 x 50) = 60 %), the standby nothing
        assertThat(cpu("us-east-1")).isEqualTo(60.0);
        assertThat(cpu("us-west-2")).isEqualTo(0.0);
        assertThat(desired("us-west-2")).isEqualTo(2);

        // when: the region fails and DNS moves the clients to us-west-2 (19:30:20)
        ecs.clock().advanceTo(OUTAGE.plus(Duration.ofMinutes(10)));

        // then: the standby's CPU follows the traffic and its own target tracking scales it out: ceil(2 x 300 % / 60)
        assertThat(record.answer()).isEqualTo(west);
        assertThat(desired("us-west-2")).isEqualTo(10);
        assertThat(cpu("us-west-2")).isEqualTo(60.0);

        // when: the traffic stops, the services have their own loads again
        traffic.stop();
        assertThat(setup.serviceLoad("us-west-2", "food", "orders")).containsSame(standbyOwn);
        assertThat(setup.serviceLoad("us-east-1", "food", "orders")).isEmpty();
    }
}
