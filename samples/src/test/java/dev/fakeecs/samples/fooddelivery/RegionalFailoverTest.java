package dev.fakeecs.samples.fooddelivery;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dns.Endpoint;
import dev.fakeecs.dns.FailoverRecord;
import dev.fakeecs.dns.HealthCheck;
import dev.fakeecs.dns.Route53;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.registry.ImageRegistries;
import dev.fakeecs.traffic.AvailabilityReport;
import dev.fakeecs.traffic.FailoverPrediction;
import dev.fakeecs.traffic.LoadProfile;
import dev.fakeecs.traffic.TrafficModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.CLUSTER;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.ORDERS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.ORDER_REPOSITORY;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.PRIMARY;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.describe;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.tasks;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's gotcha "ECS is regional": us-east-1 fails during the dinner peak; Route 53 health
 * checks move api.food.example to a warm standby of order-service in us-west-2, which scales out,
 * and pulls a stale image because ECR replication has not caught up with the last push.
 */
class RegionalFailoverTest {

    private static final String STANDBY = "us-west-2";
    private static final Duration REPLICATION_LAG = Duration.ofMinutes(30);
    private static final Duration TTL = Duration.ofSeconds(10);
    private static final Instant HOTFIX = Instant.parse("2026-03-06T19:15:00Z");
    private static final Instant OUTAGE = Instant.parse("2026-03-06T19:30:00Z");
    private static final Instant TRAFFIC_FROM = Instant.parse("2026-03-06T19:00:00Z");
    private static final Instant TRAFFIC_TO = Instant.parse("2026-03-06T21:00:00Z");

    private final FakeEcs ecs = FoodDeliveryPlatform.startWithStandbyRegion(STANDBY);
    private final EcsClient east = ecs.region(PRIMARY).api();
    private final EcsClient west = ecs.region(STANDBY).api();
    private final ImageRegistries ecr = ImageRegistries.of(ecs);

    @AfterEach
    void close() {
        ecs.close();
    }

    private static List<String> digests(List<Task> tasks) {
        return tasks.stream().map(t -> t.containers().get(0).imageDigest()).distinct().toList();
    }

    @Test
    void a_regional_outage_fails_over_to_the_standby_which_serves_a_stale_image_and_99_5_percent_of_orders_get_through() {
        // given: ECR replicates us-east-1 to us-west-2 with a 30-minute lag; release 1 of prod is pushed
        ecr.replicate(PRIMARY, STANDBY, REPLICATION_LAG);
        String release1 = ecr.region(PRIMARY).push(ORDER_REPOSITORY, "prod");
        // the warm standby is deployed once the image has arrived there
        ecs.clock().advance(REPLICATION_LAG);
        assertThat(ecr.region(STANDBY).resolve(ORDER_REPOSITORY, "prod")).contains(release1);
        FoodDeliveryPlatform.warmStandby(STANDBY).applyTo(ecs);

        // Route 53: fast health checks (10 s, 3 failures) on both regions, a failover record with a 10 s TTL
        ecs.clock().advanceTo(TRAFFIC_FROM.minusSeconds(60));
        Instant checksFrom = ecs.clock().instant();
        Route53 dns = Route53.of(ecs);
        Endpoint primary = Endpoint.of(PRIMARY, CLUSTER, ORDERS);
        Endpoint standby = Endpoint.of(STANDBY, CLUSTER, ORDERS);
        FailoverRecord api = dns.failoverRecord("api.food.example", TTL,
                primary, dns.createHealthCheck(primary, HealthCheck.FAST_INTERVAL, 3),
                standby, dns.createHealthCheck(standby, HealthCheck.FAST_INTERVAL, 3));
        // the runbook: when DNS fails over, the standby scales to the peak size
        api.onFailover((from, to) -> {
            if (to.equals(standby)) {
                west.updateService(r -> r.cluster(CLUSTER).service(ORDERS).desiredCount(20));
            }
        });
        // at 19:15 a hotfix is pushed to prod and rolled out in us-east-1; it reaches us-west-2 at 19:45
        ecs.clock().scheduleAt(HOTFIX, "hotfix", () -> {
            ecr.region(PRIMARY).push(ORDER_REPOSITORY, "prod");
            east.updateService(r -> r.cluster(CLUSTER).service(ORDERS).forceNewDeployment(true));
        });
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.REGION_OUTAGE).region(PRIMARY)
                .at(Duration.between(ecs.clock().instant(), OUTAGE)).duration(Duration.ofMinutes(30)).build());
        LoadProfile dinner = LoadProfile.dinnerPeak(60, 600, LocalTime.of(19, 0), LocalTime.of(21, 0));
        ecs.clock().advanceTo(TRAFFIC_FROM);

        // when: two hours of dinner traffic through the outage (19:30-20:00)
        TrafficModel traffic = TrafficModel.start(ecs, api, dinner);
        ecs.clock().advanceTo(OUTAGE.minusSeconds(1));
        String release2 = ecr.region(PRIMARY).resolve(ORDER_REPOSITORY, "prod").orElseThrow();
        List<Task> eastTasks = tasks(east, ORDERS, "RUNNING");
        ecs.clock().advanceTo(OUTAGE.plus(Duration.ofMinutes(5)));
        List<Task> westTasks = tasks(west, ORDERS, "RUNNING");
        String replicationDuringOutage = ecr.replicationStatus(PRIMARY, ORDER_REPOSITORY, "prod", STANDBY);
        ecs.clock().advanceTo(TRAFFIC_TO.minusSeconds(1));   // the last second of the peak
        AvailabilityReport report = traffic.stop();

        // then: us-east-1 ran the hotfix when it went down
        assertThat(release2).isNotEqualTo(release1);
        assertThat(eastTasks).hasSize(20);
        assertThat(digests(eastTasks)).containsExactly(release2);
        // the standby scaled out to 20 during the outage, every task on the stale release 1
        assertThat(replicationDuringOutage).isEqualTo("IN_PROGRESS");
        assertThat(westTasks).hasSize(20);
        assertThat(digests(westTasks)).containsExactly(release1);
        assertThat(describe(west, ORDERS).runningCount()).isEqualTo(20);

        // failover as predicted: the checks fail at 19:30:00, :10 and :20; clients follow at the 19:30:20 refresh
        FailoverPrediction predicted = FailoverPrediction.of(OUTAGE, checksFrom, HealthCheck.FAST_INTERVAL, 3,
                TRAFFIC_FROM, TTL);
        assertThat(report.timeToFailover()).isEqualTo(predicted.outageWindow()).isEqualTo(Duration.ofSeconds(20));
        assertThat(report.outages()).singleElement().satisfies(o -> {
            assertThat(o.start()).isEqualTo(OUTAGE);
            assertThat(o.end()).isEqualTo(OUTAGE.plusSeconds(20));
        });
        // 20 s x 600 rps lost out of 2 h x 600 rps: 99.72 % of the dinner peak's requests got through
        assertThat(report.failed()).isEqualTo(predicted.lostRequests(dinner)).isEqualTo(12_000);
        assertThat(report.total()).isEqualTo(4_320_000);
        assertThat(report.availability()).isGreaterThanOrEqualTo(0.995).isEqualTo(4_308_000 / 4_320_000.0);
        assertThat(report.servedBy().get(standby)).isPositive();
        // and us-east-1 took the traffic back after it recovered
        assertThat(api.answer()).isEqualTo(primary);
    }
}
