package dev.fakeecs.dsl;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.image.ImageBehavior;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.fakeecs.dsl.Ecs.FARGATE;
import static dev.fakeecs.dsl.Ecs.FARGATE_SPOT;
import static dev.fakeecs.dsl.Ecs.scenario;
import static dev.fakeecs.dsl.Ecs.world;
import static dev.fakeecs.dsl.FoodDelivery.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcsWorldTest {

    private static WorldSpec.Builder foodDelivery() {
        return world().seed(42).startingAt("2026-03-01T18:00:00Z").account("111122223333").region("us-east-1")
                .cluster("food-delivery-prod", c -> c
                        .containerInsights(true)
                        .capacityProviders(FARGATE, FARGATE_SPOT)
                        .defaultStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4))
                        .ec2Hosts("g4dn.xlarge", 2, "us-east-1a", "us-east-1b")
                        .spotDraining(true))
                .taskDefinition(ORDERS);
    }

    @Test
    void start_builds_a_world_with_the_declared_seed_account_start_and_regions() {
        // given / when
        try (FakeEcs ecs = world().seed(7).account("111122223333").startingAt("2026-03-01T18:00:00Z")
                .region("us-east-1").region("us-west-2", "us-west-2a", "us-west-2b").start()) {
            // then
            assertThat(ecs.seed()).isEqualTo(7);
            assertThat(ecs.accountId()).isEqualTo("111122223333");
            assertThat(ecs.clock().instant()).isEqualTo(Instant.parse("2026-03-01T18:00:00Z"));
            assertThat(ecs.region("us-west-2").availabilityZones()).containsExactly("us-west-2a", "us-west-2b");
            assertThat(ecs.defaultRegion().name()).isEqualTo("us-east-1");
        }
    }

    @Test
    void start_creates_the_cluster_with_its_providers_strategy_settings_hosts_and_spot_draining() {
        // given / when
        try (FakeEcs ecs = foodDelivery().start()) {
            // then
            var state = RegionEngine.of(ecs.defaultRegion());
            SimulatedCluster cluster = state.read(() -> state.clusters().find("food-delivery-prod"));
            assertThat(cluster.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
            assertThat(cluster.defaultStrategy()).containsExactly(
                    CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").base(2).weight(1).build(),
                    CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(4).build());
            assertThat(cluster.spotInstanceDraining()).isTrue();
            assertThat(cluster.settings()).anyMatch(s -> "enabled".equals(s.value()));
            List<SimulatedContainerInstance> hosts = state.read(() -> state.containerInstances().inCluster("food-delivery-prod"));
            assertThat(hosts).extracting(SimulatedContainerInstance::availabilityZone).containsExactly("us-east-1a", "us-east-1b");
            assertThat(hosts).allMatch(h -> h.instanceType().name().equals("g4dn.xlarge"));
        }
    }

    @Test
    void start_registers_the_declared_task_definitions_in_every_region() {
        // given / when
        try (FakeEcs ecs = foodDelivery().region("eu-west-1").start()) {
            // then
            for (String region : List.of("us-east-1", "eu-west-1")) {
                TaskDefinition td = ecs.region(region).api()
                        .describeTaskDefinition(r -> r.taskDefinition("order-service")).taskDefinition();
                assertThat(td.revision()).isEqualTo(1);
                assertThat(td.cpu()).isEqualTo("512");
            }
        }
    }

    @Test
    void start_declares_image_behaviour() {
        // given
        ImageBehavior crashing = ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(5), 1);
        // when
        try (FakeEcs ecs = world().image("acme/orders:bad", crashing).start()) {
            // then
            assertThat(ecs.engine().images().behaviorOf("acme/orders:bad")).isEqualTo(crashing);
        }
    }

    @Test
    void applying_the_same_world_twice_adds_no_revision_and_no_hosts() {
        // given
        WorldSpec spec = foodDelivery().build();
        try (FakeEcs ecs = spec.start()) {
            // when
            spec.applyTo(ecs);
            // then
            var state = RegionEngine.of(ecs.defaultRegion());
            assertThat(ecs.api().describeTaskDefinition(r -> r.taskDefinition("order-service")).taskDefinition()
                    .revision()).isEqualTo(1);
            assertThat(state.read(() -> state.containerInstances().inCluster("food-delivery-prod"))).hasSize(2);
        }
    }

    @Test
    void applying_a_variant_mid_scenario_registers_a_new_revision_and_launches_the_extra_hosts() {
        // given
        WorldSpec spec = foodDelivery().build();
        try (FakeEcs ecs = spec.start()) {
            ecs.clock().advance(Duration.ofMinutes(5));
            // when
            spec.toBuilder()
                    .taskDefinition(ORDERS.toBuilder().container("app", c -> c.image("acme/orders:1.5")).build())
                    .cluster("food-delivery-prod", c -> c.ec2Hosts("m5.large", 1, "us-east-1c"))
                    .applyTo(ecs);
            // then
            TaskDefinition td = ecs.api().describeTaskDefinition(r -> r.taskDefinition("order-service"))
                    .taskDefinition();
            assertThat(td.revision()).isEqualTo(2);
            assertThat(td.containerDefinitions().get(0).image()).isEqualTo("acme/orders:1.5");
            var state = RegionEngine.of(ecs.defaultRegion());
            assertThat(state.read(() -> state.containerInstances().inCluster("food-delivery-prod")))
                    .extracting(h -> h.instanceType().name()).containsExactly("g4dn.xlarge", "g4dn.xlarge", "m5.large");
        }
    }

    @Test
    void a_world_schedules_its_scenarios_when_it_starts() {
        // given
        AtomicReference<Instant> ranAt = new AtomicReference<>();
        // when
        try (FakeEcs ecs = world().startingAt("2026-03-01T18:00:00Z")
                .scenario(scenario().at(LocalTime.of(19, 30), "dinner", e -> ranAt.set(e.clock().instant())).build())
                .start()) {
            ecs.clock().advance(Duration.ofHours(2));
            // then
            assertThat(ranAt.get()).isEqualTo(Instant.parse("2026-03-01T19:30:00Z"));
        }
    }

    @Test
    void a_cluster_in_an_undeclared_region_is_rejected_naming_the_regions() {
        assertThatThrownBy(() -> world().region("us-east-1").cluster("prod", c -> c.region("eu-west-1")).build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("cluster prod: region = \"eu-west-1\": must be one of the world's regions [us-east-1]");
    }

    @Test
    void an_account_that_is_not_12_digits_is_rejected() {
        assertThatThrownBy(() -> world().account("12345").build())
                .hasMessage("world: account = \"12345\": must be 12 digits");
    }

    @Test
    void two_services_with_different_task_definitions_of_one_family_are_rejected() {
        assertThatThrownBy(() -> world()
                .service("a", s -> s.taskDefinition(ORDERS))
                .service("b", s -> s.taskDefinition(ORDERS.toBuilder().cpu(1024).memory(2048).build()))
                .build())
                .hasMessageStartingWith("service b: taskDefinition = \"order-service\": another declaration uses");
    }

    @Test
    void clusters_of_the_same_name_can_live_in_two_regions() {
        // given / when
        WorldSpec spec = world().region("us-east-1").region("us-west-2")
                .cluster("prod", c -> c.capacityProviders(FARGATE))
                .cluster(Ecs.cluster("prod").region("us-west-2").capacityProviders(FARGATE).build())
                .build();
        // then
        assertThat(spec.clusters()).extracting(c -> spec.regionOf(c.region())).containsExactly("us-east-1", "us-west-2");
    }

    @Test
    void the_same_service_name_can_be_declared_in_two_regions_without_one_replacing_the_other() {
        // given / when
        WorldSpec spec = world().region("us-east-1").region("us-west-2")
                .cluster("prod", c -> c.capacityProviders(FARGATE))
                .cluster("prod", c -> c.region("us-west-2").capacityProviders(FARGATE))
                .service("orders", s -> s.cluster("prod").taskDefinition(FoodDelivery.ORDERS).desiredCount(2))
                .service("us-west-2", "orders", s -> s.cluster("prod").taskDefinition(FoodDelivery.ORDERS)
                        .desiredCount(1))
                .service("us-east-1", "orders", s -> s.desiredCount(3))
                .build();
        // then
        assertThat(spec.clusters()).hasSize(2);
        assertThat(spec.services()).extracting(s -> spec.regionOf(s.region()) + ":" + s.desiredCount())
                .containsExactlyInAnyOrder("us-east-1:3", "us-west-2:1");
    }
}
