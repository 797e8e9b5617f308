package dev.fakeecs.dsl;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.dsl.scenario.Scenario;
import dev.fakeecs.fault.FaultHandle;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.EcsException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import static dev.fakeecs.dsl.Ecs.FARGATE;
import static dev.fakeecs.dsl.Ecs.load;
import static dev.fakeecs.dsl.Ecs.scenario;
import static dev.fakeecs.dsl.Ecs.serviceLoad;
import static dev.fakeecs.dsl.Ecs.targetCpu;
import static dev.fakeecs.dsl.Ecs.world;
import static dev.fakeecs.dsl.Faults.apiThrottling;
import static dev.fakeecs.dsl.Faults.azOutage;
import static dev.fakeecs.dsl.Faults.azPowerInterruption;
import static dev.fakeecs.dsl.Faults.regionOutage;
import static dev.fakeecs.dsl.Faults.terminateInstance;
import static dev.fakeecs.dsl.FoodDelivery.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultScenarioTest {

    private static final Instant EVENING = Instant.parse("2026-03-06T18:00:00Z");

    private static Instant at(String time) {
        return Instant.parse("2026-03-06T" + time + ":00Z");
    }

    @Test
    void a_scheduled_region_outage_fails_the_api_with_ServerException_during_the_window_and_not_after() {
        // given: "at 19:30 the region us-east-1 goes down for 20 minutes"
        // dsl-fault-scenario-START
        Scenario evening = scenario()
                .at(LocalTime.of(19, 30), regionOutage("us-east-1").lasting(Duration.ofMinutes(20)))
                .build();
        // dsl-fault-scenario-END
        try (FakeEcs ecs = world().seed(7).startingAt(EVENING).region("us-east-1")
                .cluster("food", c -> c.capacityProviders(FARGATE)).scenario(evening).start()) {
            // when
            ecs.clock().advanceTo(at("19:35"));
            // then
            assertThatThrownBy(() -> ecs.api().listClusters())
                    .isInstanceOfSatisfying(EcsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServerException");
                        assertThat(e.statusCode()).isEqualTo(503);
                    });
            // and when the 20 minutes are over
            ecs.clock().advanceTo(at("19:50"));
            assertThat(ecs.api().listClusters().clusterArns()).hasSize(1);
        }
    }

    @Test
    void a_fault_action_names_itself_on_the_timeline() {
        // given
        Scenario s = scenario()
                .at(LocalTime.of(19, 30), regionOutage("us-east-1").lasting(Duration.ofMinutes(20)))
                .after(Duration.ofMinutes(5), terminateInstance("food").inZone("us-east-1b").percentage(50))
                .build();
        try (FakeEcs ecs = world().startingAt(EVENING).region("us-east-1").start()) {
            // when
            s.scheduleOn(ecs);
            // then
            assertThat(ecs.clock().pendingEvents()).extracting(ScheduledEvent::description)
                    .contains("scenario: region outage us-east-1 for 20 min",
                            "scenario: terminate instance us-east-1b cluster food 50 %");
        }
    }

    @Test
    void a_fault_window_starts_the_fault_with_the_window_and_ends_it_with_the_window() {
        // given
        try (FakeEcs ecs = world().startingAt(EVENING).region("us-east-1")
                .scenario(scenario().window(LocalTime.of(19, 0), Duration.ofMinutes(10), azOutage("us-east-1a"))
                        .build())
                .start()) {
            FaultInjector faults = FaultInjector.of(ecs);
            // when
            ecs.clock().advanceTo(at("19:05"));
            // then
            assertThat(faults.active()).extracting(FaultHandle::type).containsExactly(FaultType.AZ_OUTAGE);
            assertThat(faults.active().get(0).spec().availabilityZone()).isEqualTo("us-east-1a");
            ecs.clock().advanceTo(at("19:10"));
            assertThat(faults.active()).isEmpty();
        }
    }

    @Test
    void an_az_power_interruption_lasts_thirty_minutes_as_in_fis() {
        try (FakeEcs ecs = world().startingAt(EVENING).region("us-east-1")
                .scenario(scenario().after(Duration.ofMinutes(1), azPowerInterruption("us-east-1c")).build())
                .start()) {
            ecs.clock().advance(Duration.ofMinutes(30));
            assertThat(FaultInjector.of(ecs).active()).singleElement()
                    .satisfies(f -> assertThat(f.type()).isEqualTo(FaultType.AZ_POWER_INTERRUPTION));
            ecs.clock().advance(Duration.ofMinutes(1));
            assertThat(FaultInjector.of(ecs).active()).isEmpty();
        }
    }

    @Test
    void api_throttling_fails_every_nth_call_of_the_operation_with_ThrottlingException() {
        // given
        try (FakeEcs ecs = world().startingAt(EVENING).region("us-east-1")
                .scenario(scenario().after(Duration.ofMinutes(1), apiThrottling("ListClusters").everyNth(2)).build())
                .start()) {
            ecs.clock().advance(Duration.ofMinutes(1));
            // when / then
            ecs.api().listClusters();
            assertThatThrownBy(() -> ecs.api().listClusters()).isInstanceOfSatisfying(EcsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException"));
            ecs.api().describeClusters();
        }
    }

    @Test
    void every_day_19_to_21_order_load_x10_multiplies_the_load_curve_only_in_the_window() {
        // given: order-service sees 60 rps all day
        // dsl-load-window-START
        Scenario dinner = scenario()
                .everyDay(LocalTime.of(19, 0), LocalTime.of(21, 0),
                        serviceLoad("food-delivery-prod", "order-service").times(10))
                .build();
        // dsl-load-window-END
        try (FakeEcs ecs = world().startingAt(EVENING).region("us-east-1")
                .cluster("food-delivery-prod", c -> c.capacityProviders(FARGATE))
                .service("order-service", s -> s.cluster("food-delivery-prod").taskDefinition(ORDERS).fargate().desiredCount(2)
                        .autoScaling(2, 20, targetCpu(60)).loadCurve(load(60), 50))
                .scenario(dinner).start()) {
            // when / then
            ecs.clock().advanceTo(at("19:30"));
            assertThat(rps(ecs)).isEqualTo(600);
            ecs.clock().advanceTo(at("21:30"));
            assertThat(rps(ecs)).isEqualTo(60);
            ecs.clock().advance(Duration.ofDays(1).minusHours(2));   // 19:30 the next day
            assertThat(rps(ecs)).isEqualTo(600);
        }
    }

    private static double rps(FakeEcs ecs) {
        ServiceLoad load = RegionEngine.of(ecs.defaultRegion()).serviceLoads().load("food-delivery-prod",
                "order-service");
        return load.load().requestsPerSecond(ecs.clock().instant());
    }

    @Test
    void a_fault_in_a_region_the_world_does_not_have_fails_at_start() {
        WorldSpec spec = world().region("us-east-1")
                .scenario(scenario().at(LocalTime.of(19, 30), regionOutage("eu-west-1")).build()).build();
        assertThatThrownBy(spec::start).isInstanceOf(InvalidSpecException.class)
                .hasMessage("fault REGION_OUTAGE: region = \"eu-west-1\": must be one of the world's regions [us-east-1]");
    }

    @Test
    void a_zone_the_region_does_not_have_fails_at_start() {
        WorldSpec spec = world().region("us-east-1", "us-east-1a", "us-east-1b")
                .scenario(scenario().at(LocalTime.of(19, 30), azOutage("us-east-1f")).build()).build();
        assertThatThrownBy(spec::start).hasMessage("fault AZ_OUTAGE: availabilityZone = \"us-east-1f\": must be one "
                + "of us-east-1's zones [us-east-1a, us-east-1b]");
    }

    @Test
    void a_one_off_fault_cannot_last() {
        assertThatThrownBy(() -> terminateInstance("food").lasting(Duration.ofMinutes(5)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("fault TERMINATE_INSTANCE: duration = PT5M: a TERMINATE_INSTANCE fault is a "
                        + "one-off event and does not last");
    }

    @Test
    void a_lasting_fault_needs_a_positive_duration() {
        assertThatThrownBy(() -> regionOutage("us-east-1").lasting(Duration.ZERO))
                .hasMessage("fault REGION_OUTAGE: duration = PT0S: must be positive");
    }

    @Test
    void a_region_must_look_like_one() {
        assertThatThrownBy(() -> regionOutage("US East")).hasMessage(
                "fault REGION_OUTAGE: region = \"US East\": must look like us-east-1");
    }

    @Test
    void a_zone_must_look_like_one() {
        assertThatThrownBy(() -> azOutage("us-east-1")).hasMessage(
                "fault AZ_OUTAGE: availabilityZone = \"us-east-1\": must look like us-east-1a");
    }

    @Test
    void a_percentage_is_between_1_and_100() {
        assertThatThrownBy(() -> terminateInstance("food").percentage(0)).hasMessage(
                "fault TERMINATE_INSTANCE: percentage = 0: must be between 1 and 100");
    }

    @Test
    void a_probability_is_between_0_and_1() {
        assertThatThrownBy(() -> apiThrottling("RunTask").withProbability(1.5)).hasMessage(
                "fault API_ERROR: probability = 1.5: must be between 0 and 1");
    }

    @Test
    void should_keep_an_api_latency_within_one_minute() {
        assertThatThrownBy(() -> dev.fakeecs.dsl.Faults.apiLatency(Duration.ofMinutes(2))).hasMessage(
                "fault API_LATENCY: latency = PT2M: must be at most one minute");
        assertThat(dev.fakeecs.dsl.Faults.apiLatency(Duration.ofMinutes(1))).isNotNull();
    }

    @Test
    void an_operation_is_an_ecs_operation_name() {
        assertThatThrownBy(() -> apiThrottling("run-task")).hasMessage(
                "fault API_ERROR: operation = \"run-task\": must be an ECS operation name such as RunTask");
    }

    @Test
    void an_every_day_window_needs_two_different_times() {
        assertThatThrownBy(() -> scenario().everyDay(LocalTime.of(19, 0), LocalTime.of(19, 0),
                serviceLoad("prod", "orders").times(10))).hasMessage("scenario: everyDay.to = 19:00: must differ "
                + "from from (19:00)");
    }

    @Test
    void a_load_factor_must_not_be_negative() {
        assertThatThrownBy(() -> serviceLoad("prod", "orders").times(-1)).hasMessage(
                "serviceLoad orders: times = -1.0: must be a finite number >= 0");
    }

    @Test
    void a_chaos_period_on_the_timeline_injects_its_faults_while_the_test_drives_time() {
        // given
        Scenario dinner = scenario()
                .at(LocalTime.of(19, 0), "dinner chaos", Faults.chaosMonkey("food", 6, Duration.ofHours(2)))
                .build();
        try (FakeEcs ecs = world().seed(9).startingAt(EVENING).region("us-east-1")
                .cluster("food", c -> c.capacityProviders(FARGATE).ec2Hosts("m5.large", 3)).scenario(dinner).start()) {
            // when
            ecs.clock().advanceTo(at("22:00"));
            // then
            var faults = dev.fakeecs.fault.FaultInjector.of(ecs).all();
            assertThat(faults).hasSize(12);
            assertThat(faults).allSatisfy(f -> assertThat(f.startedAt()).isBetween(at("19:00"), at("21:00")));
        }
    }

    @Test
    void a_chaos_period_needs_a_positive_rate() {
        assertThatThrownBy(() -> Faults.chaosMonkey("food", 0, Duration.ofHours(1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("chaos monkey: faultsPerHour = 0.0: must be positive");
    }
}
