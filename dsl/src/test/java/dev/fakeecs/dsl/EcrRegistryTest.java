package dev.fakeecs.dsl;

import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.registry.ImageRegistries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.fakeecs.dsl.Ecs.pushImage;
import static dev.fakeecs.dsl.Ecs.scenario;
import static dev.fakeecs.dsl.Ecs.world;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcrRegistryTest {

    private static WorldSpec.Builder replicatedWorld() {
        // dsl-ecr-registry-START
        return world().seed(11).region("us-east-1").region("us-west-2")
                .ecrRegistry("us-east-1", r -> r
                        .replicateTo("us-west-2", Duration.ofMinutes(20))
                        .push("acme/orders", "latest"))
                .scenario(scenario().after(Duration.ofHours(1), pushImage("us-east-1", "acme/orders", "latest"))
                        .build());
        // dsl-ecr-registry-END
    }

    private static Optional<String> latest(FakeEcs ecs, String region) {
        return ImageRegistries.of(ecs).region(region).resolve("acme/orders", "latest");
    }

    @Test
    void replication_lag_gives_the_old_digest_before_the_lag_and_the_new_one_after() {
        // given
        try (FakeEcs ecs = replicatedWorld().start()) {
            String v1 = latest(ecs, "us-east-1").orElseThrow();
            // then: the first push has not arrived in us-west-2 yet, and has 20 minutes later
            assertThat(latest(ecs, "us-west-2")).isEmpty();
            ecs.clock().advance(Duration.ofMinutes(20));
            assertThat(latest(ecs, "us-west-2")).contains(v1);

            // when: the scenario pushes a new :latest after an hour
            ecs.clock().advance(Duration.ofMinutes(40));
            String v2 = latest(ecs, "us-east-1").orElseThrow();
            assertThat(v2).isNotEqualTo(v1);

            // then: us-west-2 still gives the old digest until the lag has passed
            ecs.clock().advance(Duration.ofMinutes(19));
            assertThat(latest(ecs, "us-west-2")).contains(v1);
            ecs.clock().advance(Duration.ofMinutes(1));
            assertThat(latest(ecs, "us-west-2")).contains(v2);
        }
    }

    @Test
    void applying_the_same_registry_again_neither_pushes_nor_adds_a_rule() {
        // given
        WorldSpec spec = replicatedWorld().build();
        try (FakeEcs ecs = spec.start()) {
            String v1 = latest(ecs, "us-east-1").orElseThrow();
            // when
            spec.applyTo(ecs);
            ecs.clock().advance(Duration.ofMinutes(20));
            // then: one digest, replicated once
            assertThat(latest(ecs, "us-east-1")).contains(v1);
            assertThat(ecs.journal().toJsonLines().lines().filter(l -> l.contains("replication started"))).hasSize(1);
        }
    }

    @Test
    void an_applied_replication_lag_cannot_change() {
        WorldSpec spec = replicatedWorld().build();
        try (FakeEcs ecs = spec.start()) {
            WorldSpec.Builder changed = spec.toBuilder()
                    .ecrRegistry("us-east-1", r -> r.replicateTo("us-west-2", Duration.ofMinutes(5)));
            assertThatThrownBy(() -> changed.applyTo(ecs)).hasMessage("ecrRegistry us-east-1: "
                    + "replicateTo[us-west-2].lag = PT5M: this world already replicates there with lag PT20M; "
                    + "an applied replication rule cannot change");
        }
    }

    @Test
    void a_registry_does_not_replicate_to_itself() {
        assertThatThrownBy(() -> world().ecrRegistry("us-east-1", r -> r.replicateTo("us-east-1", Duration.ZERO)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("ecrRegistry us-east-1: replicateTo = \"us-east-1\": must be another region than the "
                        + "registry's own");
    }

    @Test
    void a_replication_lag_is_not_negative() {
        assertThatThrownBy(() -> world().ecrRegistry("us-east-1",
                r -> r.replicateTo("us-west-2", Duration.ofMinutes(-1))))
                .hasMessage("ecrRegistry us-east-1: replicateTo[us-west-2].lag = PT-1M: must not be negative");
    }

    @Test
    void a_repository_name_follows_the_ecr_rule() {
        assertThatThrownBy(() -> world().ecrRegistry("us-east-1", r -> r.repository("Acme/Orders")))
                .hasMessage("ecrRegistry us-east-1: repository = \"Acme/Orders\": must be 2-256 lowercase letters, "
                        + "digits and . _ - / separators (like acme/orders)");
    }

    @Test
    void a_tag_follows_the_ecr_rule() {
        assertThatThrownBy(() -> world().ecrRegistry("us-east-1", r -> r.push("acme/orders", "-bad")))
                .hasMessage("ecrRegistry us-east-1: push(acme/orders).tag = \"-bad\": must be 1-128 letters, digits, "
                        + "_ . - and not start with . or -");
    }

    @Test
    void a_replication_destination_must_be_a_region_of_the_world() {
        assertThatThrownBy(() -> world().region("us-east-1")
                .ecrRegistry("us-east-1", r -> r.replicateTo("eu-west-1", Duration.ofMinutes(1))).build())
                .hasMessage("ecrRegistry us-east-1: replicateTo = \"eu-west-1\": must be one of the world's regions "
                        + "[us-east-1]");
    }
}
