package dev.fakeecs.traffic;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dns.Endpoint;
import dev.fakeecs.dns.FailoverRecord;
import dev.fakeecs.dns.HealthCheck;
import dev.fakeecs.dns.Route53;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** us-east-1 primary, us-west-2 standby; us-east-1 goes down at 19:30 in the middle of the dinner peak. */
class RegionalFailoverTest {

    private static final Instant DAY = Instant.parse("2026-03-06T18:00:00Z");
    private static final Instant OUTAGE = Instant.parse("2026-03-06T19:30:00Z");
    private static final Duration TTL = Duration.ofSeconds(10);

    private final FakeEcs ecs = FakeEcs.builder().seed(1930).start(DAY).region("us-east-1").region("us-west-2").build();

    private static void ordersService(EcsClient api, int desired) {
        api.createCluster(r -> r.clusterName("food").capacityProviders("FARGATE"));
        String td = api.registerTaskDefinition(r -> r.family("orders").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/orders:1").build()))
                .taskDefinition().taskDefinitionArn();
        api.createService(r -> r.cluster("food").serviceName("orders").taskDefinition(td).desiredCount(desired)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(
                        AwsVpcConfiguration.builder().subnets("subnet-a").build())));
    }

    private int running(String region) {
        return ecs.region(region).api().describeServices(b -> b.cluster("food").services("orders")).services().get(0)
                .runningCount();
    }

    @Test
    void should_fail_over_to_the_standby_within_interval_times_threshold_plus_ttl_and_lose_what_the_model_predicts() {
        // given: both regions serve orders; fast health checks (10 s x 3); a 10 s TTL
        ordersService(ecs.region("us-east-1").api(), 4);
        ordersService(ecs.region("us-west-2").api(), 2);
        ecs.clock().advance(Duration.ofMinutes(10));
        Instant checksFrom = ecs.clock().instant();
        Route53 dns = Route53.of(ecs);
        Endpoint east = Endpoint.of("us-east-1", "food", "orders");
        Endpoint west = Endpoint.of("us-west-2", "food", "orders");
        HealthCheck eastCheck = dns.createHealthCheck(east, HealthCheck.FAST_INTERVAL, 3);
        FailoverRecord api = dns.failoverRecord("api.food.example", TTL, east, eastCheck,
                west, dns.createHealthCheck(west, HealthCheck.FAST_INTERVAL, 3));
        api.onFailover((from, to) -> {
            if (to.equals(west)) {   // the standby scales out for the dinner peak
                ecs.region("us-west-2").api().updateService(b -> b.cluster("food").service("orders").desiredCount(6));
            }
        });
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.REGION_OUTAGE).region("us-east-1")
                .at(Duration.between(ecs.clock().instant(), OUTAGE)).duration(Duration.ofMinutes(30)).build());
        LoadProfile dinner = LoadProfile.dinnerPeak(200, 1000, LocalTime.of(18, 30), LocalTime.of(21, 0));
        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:00:00Z"));
        Instant trafficFrom = ecs.clock().instant();

        // when
        TrafficModel traffic = TrafficModel.start(ecs, api, dinner);
        ecs.clock().advanceTo(OUTAGE.plusSeconds(5));
        assertThatThrownBy(() -> ecs.region("us-east-1").api().listServices(b -> b.cluster("food")))
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        ecs.clock().advanceTo(OUTAGE.plus(Duration.ofMinutes(5)));
        int standbyDuringOutage = running("us-west-2");
        ecs.clock().advanceTo(Instant.parse("2026-03-06T20:30:00Z"));
        AvailabilityReport report = traffic.stop();

        // then: failover within interval x threshold + TTL
        FailoverPrediction predicted = FailoverPrediction.of(OUTAGE, checksFrom, HealthCheck.FAST_INTERVAL, 3,
                trafficFrom, TTL);
        assertThat(predicted.detectedAt()).isEqualTo(OUTAGE.plusSeconds(20));
        assertThat(report.timeToFailover()).isEqualTo(predicted.outageWindow())
                .isLessThanOrEqualTo(HealthCheck.FAST_INTERVAL.multipliedBy(3).plus(TTL));
        assertThat(report.outages()).singleElement().satisfies(o -> {
            assertThat(o.start()).isEqualTo(OUTAGE);
            assertThat(o.end()).isEqualTo(predicted.clientsSwitchAt());
        });
        // the requests lost are exactly the predicted ones
        assertThat(report.failed()).isEqualTo(predicted.lostRequests(dinner)).isEqualTo(20_000);
        assertThat(report.availability()).isGreaterThanOrEqualTo(0.995);
        // the standby served and scaled out; us-east-1 took traffic back after it recovered
        assertThat(standbyDuringOutage).isEqualTo(6);
        assertThat(report.servedBy().get(west)).isGreaterThan(0);
        assertThat(api.answer()).isEqualTo(east);
        assertThat(running("us-east-1")).isEqualTo(4);
        assertThat(ecs.journal().ofType(JournalEventType.DNS)).extracting(e -> e.detail("answer"))
                .containsSubsequence(west.toString(), east.toString());
    }

    @Test
    void should_follow_route53_failover_rules() {
        ordersService(ecs.region("us-east-1").api(), 1);
        ordersService(ecs.region("us-west-2").api(), 1);
        ecs.clock().advance(Duration.ofMinutes(5));
        Route53 dns = Route53.of(ecs);
        Endpoint east = Endpoint.of("us-east-1", "food", "orders");
        Endpoint west = Endpoint.of("us-west-2", "food", "orders");
        FailoverRecord withChecks = dns.failoverRecord("a.example", TTL, east, dns.createHealthCheck(east),
                west, dns.createHealthCheck(west));
        FailoverRecord uncheckedSecondary = dns.failoverRecord("b.example", TTL, east, dns.createHealthCheck(east),
                west, null);

        // both regions down: the primary is answered regardless; a secondary without a check is always used
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.REGION_OUTAGE).region("us-east-1").build());
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.REGION_OUTAGE).region("us-west-2").build());
        ecs.clock().advance(Duration.ofSeconds(89));
        assertThat(withChecks.answer()).isEqualTo(east);
        ecs.clock().advance(Duration.ofSeconds(1));   // third failed 30 s check
        assertThat(withChecks.answer()).isEqualTo(east);
        assertThat(uncheckedSecondary.answer()).isEqualTo(west);
        assertThatThrownBy(() -> dns.createHealthCheck(east, Duration.ofSeconds(15), 3))
                .hasMessageContaining("10 or 30 seconds");
    }
}
