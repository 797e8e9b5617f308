package dev.fakeecs.dsl;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dev.fakeecs.dsl.Ecs.FARGATE;
import static dev.fakeecs.dsl.Ecs.FARGATE_SPOT;
import static dev.fakeecs.dsl.Ecs.taskDefinition;
import static dev.fakeecs.dsl.Ecs.world;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17: a placement strategy on a Fargate service fails when the world is built, naming the service and the fix. */
class FargatePlacementTest {

    private static final TaskDefinitionSpec ORDERS = taskDefinition("orders").fargate().cpu(256).memory(512)
            .container("app", c -> c.image("acme/orders:1")).build();
    private static final TaskDefinitionSpec LEGACY = taskDefinition("legacy").ec2().bridge()
            .container("app", c -> c.image("acme/legacy:1").memory(256)).build();

    @Test
    @DisplayName("spreadAcrossZones() on a FARGATE service fails at build() naming the service and what to do")
    void spread_on_a_fargate_launch_type_fails_at_build() {
        WorldSpec.Builder world = world().cluster("prod", c -> c.capacityProviders(FARGATE))
                .service("orders", s -> s.cluster("prod").taskDefinition(ORDERS).desiredCount(2).fargate()
                        .spreadAcrossZones());

        assertThatThrownBy(world::build)
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("service orders (cluster prod): placementStrategy = "
                        + "\"[spread(attribute:ecs.availability-zone)]\": the service runs on Fargate (it has launch"
                        + " type FARGATE)")
                .hasMessageContaining("Placement strategies are not supported with FARGATE launch type.")
                .hasMessageContaining("Remove spreadAcrossZones(), spread(..), binpack(..) and randomPlacement()"
                        + " from service orders, or run it on EC2 capacity");
    }

    @Test
    void a_placement_strategy_under_a_fargate_capacity_provider_strategy_fails() {
        WorldSpec.Builder world = world().cluster("prod", c -> c.capacityProviders(FARGATE, FARGATE_SPOT))
                .service("batch", s -> s.cluster("prod").taskDefinition(ORDERS).desiredCount(2)
                        .capacityProviderStrategy(FARGATE_SPOT.weight(1)).binpack("memory"));

        assertThatThrownBy(world::build).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("service batch (cluster prod)")
                .hasMessageContaining("its capacity provider strategy uses Fargate");
    }

    @Test
    void a_service_on_a_cluster_whose_default_strategy_is_fargate_is_checked_too() {
        WorldSpec.Builder world = world().cluster("prod", c -> c.capacityProviders(FARGATE)
                        .defaultStrategy(FARGATE.weight(1)))
                .service("orders", s -> s.cluster("prod").taskDefinition(ORDERS).desiredCount(1).spreadAcrossZones());

        assertThatThrownBy(world::build).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("service orders (cluster prod)")
                .hasMessageContaining("takes cluster prod's default strategy, which uses Fargate");
    }

    @Test
    void an_ec2_service_keeps_its_spread_strategy() {
        WorldSpec spec = world().cluster("prod", c -> c.ec2Hosts("c5.xlarge", 2, "us-east-1a", "us-east-1b"))
                .service("legacy", s -> s.cluster("prod").taskDefinition(LEGACY).desiredCount(2).ec2()
                        .spreadAcrossZones())
                .build();

        try (FakeEcs ecs = spec.start()) {
            assertThat(ecs.api().describeServices(r -> r.cluster("prod").services("legacy")).services().get(0)
                    .placementStrategy()).hasSize(1);
        }
    }

    @Test
    void an_error_ecs_answers_while_the_world_starts_names_the_service() {
        WorldSpec spec = world().cluster("prod", c -> c.capacityProviders(FARGATE))
                .service("orders", s -> s.cluster("nowhere").taskDefinition(ORDERS).desiredCount(1).fargate())
                .build();

        assertThatThrownBy(spec::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("service orders (cluster nowhere, us-east-1): ECS rejected CreateService with"
                        + " ClusterNotFoundException: ");
    }
}
