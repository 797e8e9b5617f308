package dev.fakeecs.dsl;

import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.dns.HealthCheck;
import dev.fakeecs.dsl.dns.FailoverHandle;
import dev.fakeecs.traffic.AvailabilityReport;
import dev.fakeecs.traffic.FailoverPrediction;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import static dev.fakeecs.dsl.Ecs.FARGATE;
import static dev.fakeecs.dsl.Ecs.failover;
import static dev.fakeecs.dsl.Ecs.load;
import static dev.fakeecs.dsl.Ecs.scenario;
import static dev.fakeecs.dsl.Ecs.service;
import static dev.fakeecs.dsl.Ecs.taskDefinition;
import static dev.fakeecs.dsl.Ecs.world;
import static dev.fakeecs.dsl.Faults.regionOutage;
import static dev.fakeecs.dsl.FoodDelivery.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DnsFailoverTest {

    private static final Instant OUTAGE = Instant.parse("2026-03-06T19:30:00Z");

    private static WorldSpec.Builder twoRegions() {
        return world().seed(1930).startingAt("2026-03-06T19:00:00Z").region("us-east-1").region("us-west-2")
                .cluster("food-delivery-prod", c -> c.capacityProviders(FARGATE))
                .cluster(Ecs.cluster("food-delivery-dr").region("us-west-2").capacityProviders(FARGATE).build())
                .service("order-service", s -> s.cluster("food-delivery-prod").taskDefinition(ORDERS).fargate().desiredCount(2))
                .service(service("order-service").region("us-west-2").cluster("food-delivery-dr")
                        .taskDefinition(ORDERS).fargate().desiredCount(2).build());
    }

    private static WorldSpec failoverWorld() {
        // dsl-dns-failover-START
        TaskDefinitionSpec orders = taskDefinition("order-service").fargate().cpu(512).memory(1024)
                .container("app", c -> c.image("acme/orders:1.4").port(8080)
                        .healthCheck("curl -f http://localhost:8080/health || exit 1"))
                .build();
        WorldSpec world = world().seed(1930).startingAt("2026-03-06T19:00:00Z")
                .region("us-east-1").region("us-west-2")
                .cluster("food-delivery-prod", c -> c.capacityProviders(FARGATE))
                .cluster("food-delivery-dr", c -> c.region("us-west-2").capacityProviders(FARGATE))
                .service("order-service", s -> s.cluster("food-delivery-prod").taskDefinition(orders).fargate()
                        .desiredCount(2))
                .service(service("order-service").region("us-west-2").cluster("food-delivery-dr")
                        .taskDefinition(orders).fargate().desiredCount(2).build())
                .dnsFailover("api.food.example", d -> d
                        .primary("us-east-1", "food-delivery-prod", "order-service")
                        .secondary("us-west-2", "food-delivery-dr", "order-service")
                        .healthCheck(Duration.ofSeconds(10), 3)
                        .ttl(Duration.ofSeconds(10))
                        .traffic(load(100).between(LocalTime.of(19, 0), LocalTime.of(21, 0), 1000)))
                .scenario(scenario()
                        .at(LocalTime.of(19, 30), regionOutage("us-east-1").lasting(Duration.ofMinutes(20)))
                        .build())
                .build();
        // dsl-dns-failover-END
        return world;
    }

    @Test
    void a_region_outage_fails_over_to_the_secondary_and_loses_only_the_predicted_requests() {
        // given
        try (FakeEcs ecs = failoverWorld().start()) {
            FailoverHandle api = failover(ecs, "api.food.example");
            // when
            ecs.clock().advanceTo(OUTAGE.plusSeconds(60));
            // then: clients are on the secondary during the outage
            assertThat(api.isLive()).isTrue();
            assertThat(api.answer()).isEqualTo(api.spec().secondary());
            // and when the region is back
            ecs.clock().advanceTo(Instant.parse("2026-03-06T20:30:00Z"));
            AvailabilityReport report = api.report();
            FailoverPrediction predicted = FailoverPrediction.of(OUTAGE, api.liveSince(), HealthCheck.FAST_INTERVAL, 3,
                    api.liveSince(), Duration.ofSeconds(10));
            assertThat(report.failed()).isEqualTo(predicted.lostRequests(api.spec().traffic())).isPositive();
            assertThat(report.timeToFailover()).isEqualTo(predicted.outageWindow())
                    .isLessThanOrEqualTo(Duration.ofSeconds(40));
            assertThat(report.availability()).isGreaterThan(0.99);
            assertThat(report.servedBy()).containsKeys(api.spec().primary(), api.spec().secondary());
            assertThat(api.answer()).isEqualTo(api.spec().primary());
        }
    }

    @Test
    void the_record_goes_live_once_the_primary_has_a_healthy_task_so_the_first_start_is_no_outage() {
        // given
        try (FakeEcs ecs = twoRegions().dnsFailover("api.food.example", d -> d
                .primary("us-east-1", "food-delivery-prod", "order-service")
                .secondary("us-west-2", "food-delivery-dr", "order-service")
                .traffic(load(50))).start()) {
            FailoverHandle api = failover(ecs, "api.food.example");
            // then: nothing is live, nothing is sent, while the first tasks start
            assertThat(api.isLive()).isFalse();
            assertThat(api.report().total()).isZero();
            assertThatThrownBy(api::record).hasMessageStartingWith("DNS failover api.food.example is not live yet");
            // when
            ecs.clock().advance(Duration.ofMinutes(10));
            // then
            assertThat(api.isLive()).isTrue();
            assertThat(api.report().failed()).isZero();
            assertThat(api.report().availability()).isEqualTo(1.0);
            assertThat(api.healthChecks()).extracting(HealthCheck::interval)
                    .containsExactly(HealthCheck.STANDARD_INTERVAL, HealthCheck.STANDARD_INTERVAL);
            assertThat(api.record().ttl()).isEqualTo(Duration.ofSeconds(60));
        }
    }

    @Test
    void applying_the_same_record_again_keeps_its_traffic() {
        WorldSpec spec = failoverWorld();
        try (FakeEcs ecs = spec.start()) {
            ecs.clock().advance(Duration.ofMinutes(10));
            long before = failover(ecs, "api.food.example").report().served();
            spec.applyTo(ecs);
            assertThat(failover(ecs, "api.food.example").report().served()).isEqualTo(before).isPositive();
        }
    }

    @Test
    void an_undeclared_record_is_named_with_the_declared_ones() {
        try (FakeEcs ecs = failoverWorld().start()) {
            assertThatThrownBy(() -> failover(ecs, "www.food.example")).hasMessage(
                    "No DNS failover www.food.example is declared on this world; declared: [api.food.example]");
        }
    }

    @Test
    void a_health_check_interval_is_10_or_30_seconds() {
        assertThatThrownBy(() -> world().dnsFailover("api.food.example",
                d -> d.healthCheck(Duration.ofSeconds(15), 3))).isInstanceOf(InvalidSpecException.class)
                .hasMessage("dnsFailover api.food.example: healthCheck.interval = PT15S: Route 53 probes every 10 or "
                        + "30 seconds");
    }

    @Test
    void a_failure_threshold_is_between_1_and_10() {
        assertThatThrownBy(() -> world().dnsFailover("api.food.example",
                d -> d.healthCheck(Duration.ofSeconds(30), 11)))
                .hasMessage("dnsFailover api.food.example: healthCheck.failureThreshold = 11: must be between 1 and 10");
    }

    @Test
    void a_record_needs_a_secondary() {
        assertThatThrownBy(() -> world().dnsFailover("api.food.example",
                d -> d.primary("us-east-1", "prod", "orders"))).hasMessage(
                "dnsFailover api.food.example: secondary = null: is required: secondary(region, cluster, service)");
    }

    @Test
    void a_record_name_is_a_dns_name() {
        assertThatThrownBy(() -> world().dnsFailover("API food", d -> { })).hasMessage(
                "dnsFailover API food: name = \"API food\": must be a lowercase DNS name such as api.food.example");
    }

    @Test
    void a_ttl_is_not_negative() {
        assertThatThrownBy(() -> world().dnsFailover("api.food.example", d -> d.ttl(Duration.ofSeconds(-1))))
                .hasMessage("dnsFailover api.food.example: ttl = PT-1S: must be whole seconds from 0 to 2147483647");
    }

    @Test
    void an_endpoint_region_must_be_a_region_of_the_world() {
        assertThatThrownBy(() -> world().region("us-east-1").dnsFailover("api.food.example", d -> d
                .primary("us-east-1", "prod", "orders").secondary("eu-west-1", "dr", "orders")).build())
                .hasMessage("dnsFailover api.food.example: secondary.region = \"eu-west-1\": must be one of the "
                        + "world's regions [us-east-1]");
    }
}
