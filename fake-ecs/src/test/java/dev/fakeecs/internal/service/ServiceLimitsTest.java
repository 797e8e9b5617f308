package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.quota.Quotas;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.LimitExceededException;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.fakeecs.internal.service.ServiceFixtures.createFargateService;
import static dev.fakeecs.internal.service.ServiceFixtures.describe;
import static dev.fakeecs.internal.service.ServiceFixtures.fargateFamily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceLimitsTest {

    private final FakeEcs ecs = ServiceFixtures.world();

    private List<Instant> launches(String service) {
        return ecs.journal().ofType(JournalEventType.TASK_PLACED).stream()
                .filter(e -> ("service:" + service).equals(e.detail("group"))).map(e -> e.time()).toList();
    }

    @Test
    void should_back_off_tasks_that_keep_failing_to_start_and_reset_on_a_new_revision() {
        ecs.declareImage("acme/broken:1", ImageBehavior.DEFAULT.failingToPull());
        String broken = fargateFamily(ecs, "app", "acme/broken:1", false);
        createFargateService(ecs, "app", broken, 1, r -> { });

        ecs.clock().advance(Duration.ofHours(1));

        List<Instant> attempts = launches("app");
        assertThat(attempts.size()).isBetween(8, 20);
        Duration firstGap = Duration.between(attempts.get(0), attempts.get(1));
        Duration lastGap = Duration.between(attempts.get(attempts.size() - 2), attempts.get(attempts.size() - 1));
        assertThat(lastGap).isGreaterThan(firstGap.multipliedBy(4));
        assertThat(lastGap).isLessThanOrEqualTo(ServiceScheduler.MAX_BACKOFF.plusMinutes(2));
        assertThat(describe(ecs, "app").events()).extracting(ServiceEvent::message)
                .contains("(service app) is unable to consistently start tasks successfully.");

        String fixed = fargateFamily(ecs, "app", "acme/fixed:1", false);
        Instant update = ecs.clock().instant();
        ecs.api().updateService(b -> b.cluster("prod").service("app").taskDefinition(fixed));
        ecs.clock().advance(Duration.ofSeconds(1));

        assertThat(launches("app").get(launches("app").size() - 1)).isEqualTo(update);
    }

    @Test
    void should_keep_at_most_100_events() {
        ecs.declareImage("acme/crash:1", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(50), 1));
        String crash = fargateFamily(ecs, "app", "acme/crash:1", false);
        createFargateService(ecs, "app", crash, 1, r -> { });

        ecs.clock().advance(Duration.ofHours(8));

        assertThat(describe(ecs, "app").events()).hasSize(100);
    }

    @Test
    void should_start_a_new_deployment_when_forced() {
        String td = fargateFamily(ecs, "app", "acme/app:1", false);
        createFargateService(ecs, "app", td, 2, r -> { });
        ecs.clock().advance(Duration.ofMinutes(5));
        String first = describe(ecs, "app").deployments().get(0).id();

        ecs.api().updateService(b -> b.cluster("prod").service("app").forceNewDeployment(true));
        ecs.clock().advance(Duration.ofMinutes(10));

        var service = describe(ecs, "app");
        assertThat(service.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isNotEqualTo(first);
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        });
        assertThat(service.runningCount()).isEqualTo(2);
    }

    @Test
    void should_enforce_the_services_per_cluster_quota() {
        FakeEcs small = FakeEcs.builder().quotas(Quotas.seedDefaults().withServicesPerCluster(2)).build();
        small.api().createCluster(r -> r.clusterName("prod"));
        String td = fargateFamily(small, "app", "acme/app:1", false);
        createFargateService(small, "a", td, 0, r -> { });
        createFargateService(small, "b", td, 0, r -> { });

        assertThatThrownBy(() -> createFargateService(small, "c", td, 0, r -> { }))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("The maximum number of services (2)");
    }
}
