package dev.fakeecs.internal.region;

import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.neighbour.RegionalService;
import dev.fakeecs.internal.engine.EngineContext;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.quota.Quotas;
import dev.fakeecs.timing.TimingModel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A simulated service beside ECS is one registration: every region builds its part after ECS, on the world's
 * clock and journal, and the part sees ECS only through what ECS publishes.
 */
class RegionalServiceTest {

    /** A toy neighbour: notes every task that reaches RUNNING, journalled like any engine change. */
    static final class RunningTasksWatcher {
        final RegionContext region;
        final EcsNeighbourhood ecs;
        final List<String> seen = new ArrayList<>();

        RunningTasksWatcher(RegionContext region, EcsNeighbourhood ecs) {
            this.region = region;
            this.ecs = ecs;
            ecs.addTaskListener((task, from, to) -> {
                if ("RUNNING".equals(to)) {
                    seen.add(task.arn() + "@" + region.now());
                    region.record(JournalEventType.TASK_STATE, task.arn(), "watcher", "saw RUNNING");
                }
            });
        }
    }

    static final RegionalService<RunningTasksWatcher> WATCHER = RunningTasksWatcher::new;

    private final EngineContext world = new EngineContext(7, "123456789012", Instant.parse("2026-01-01T00:00:00Z"),
            Quotas.seedDefaults(), TimingModel.defaults());
    private final RegionEngine east = new RegionEngine(world, "us-east-1",
            List.of("us-east-1a", "us-east-1b", "us-east-1c"), List.of(WATCHER));

    @Test
    void should_build_the_neighbour_in_the_region_and_let_it_follow_ecs_on_the_same_clock_and_journal() {
        // given
        EcsClient api = east.api();
        api.createCluster(r -> r.clusterName("prod"));
        api.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("acme/web:1")));
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("s"))));

        // when
        world.clock().advance(Duration.ofMinutes(3));

        // then
        RunningTasksWatcher watcher = east.service(WATCHER);
        assertThat(watcher.region.name()).isEqualTo("us-east-1");
        assertThat(watcher.seen).hasSize(2).allMatch(s -> s.endsWith("@2026-01-01T00:01:30Z"));
        assertThat(watcher.ecs.serviceTasks("prod", "web")).hasSize(2);
        assertThat(world.journal().entries()).filteredOn(e -> e.toString().contains("saw RUNNING")).hasSize(2);
    }

    @Test
    void should_refuse_a_service_the_region_does_not_host() {
        RegionalService<String> other = (region, ecs) -> "other";

        assertThatThrownBy(() -> east.service(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("us-east-1 does not host");
    }
}
