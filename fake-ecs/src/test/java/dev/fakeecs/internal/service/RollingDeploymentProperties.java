package dev.fakeecs.internal.service;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.deployment.DeploymentLimits;
import dev.fakeecs.internal.task.SimulatedContainer;
import dev.fakeecs.internal.task.SimulatedTask;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random service configurations and random task crashes, after every single event of the
 * virtual clock: healthy tasks never drop below the floor except right after tasks failed by
 * themselves, tasks never exceed the ceiling, and a deployment of a good image always completes.
 */
class RollingDeploymentProperties {

    @Property(tries = 60)
    void rolling_deployments_stay_within_their_bounds_and_complete(
            @ForAll @IntRange(min = 1, max = 8) int desired,
            @ForAll("minimumPercents") int minPercent,
            @ForAll("maximumPercents") int maxPercent,
            @ForAll @IntRange(min = 0, max = 3) int crashes,
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        DeploymentLimits limits = DeploymentLimits.of(desired, DeploymentConfiguration.builder()
                .minimumHealthyPercent(minPercent).maximumPercent(maxPercent).build());
        Assume.that(limits.maximumTotal() > desired || limits.minimumHealthy() < desired);

        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        ecs.api().createCluster(r -> r.clusterName("prod"));
        String v1 = ServiceFixtures.fargateFamily(ecs, "app", "acme/app:1", false);
        String v2 = ServiceFixtures.fargateFamily(ecs, "app", "acme/app:2", false);
        ServiceFixtures.createFargateService(ecs, "app", v1, desired, r -> r.deploymentConfiguration(c -> c
                .minimumHealthyPercent(minPercent).maximumPercent(maxPercent)));
        ecs.clock().advance(Duration.ofMinutes(5));
        var services = RegionEngine.of(ecs.defaultRegion()).services();
        SimulatedService service = services.find("prod", "app");

        ecs.api().updateService(b -> b.cluster("prod").service("app").taskDefinition(v2));
        SplittableRandom chaos = new SplittableRandom(seed);
        Deque<Instant> failures = new ArrayDeque<>();
        for (int i = 0; i < crashes; i++) {
            Duration at = Duration.ofSeconds(chaos.nextInt(30, 600));
            ecs.clock().schedule(at, "crash a task", () -> {
                List<SimulatedTask> running = services.tasksOf(service).stream().filter(SimulatedTask::isRunning).toList();
                if (!running.isEmpty()) {
                    SimulatedTask victim = running.get(chaos.nextInt(running.size()));
                    SimulatedContainer c = victim.containers().get(0);
                    RegionEngine.of(ecs.defaultRegion()).tasks().lifecycle().containerExited(victim, c, 1, null);
                    failures.addLast(ecs.clock().instant());
                }
            });
        }

        boolean completed = ecs.clock().advanceUntil(() -> {
            Instant now = ecs.clock().instant();
            while (!failures.isEmpty() && failures.peekFirst().plus(Duration.ofMinutes(4)).isBefore(now)) {
                failures.removeFirst();
            }
            List<SimulatedTask> live = services.tasksOf(service);
            long healthy = live.stream().filter(t -> ServiceHealth.isHealthy(t, now)).count();
            assertThat(live.size()).as("tasks at %s", now).isLessThanOrEqualTo(limits.maximumTotal());
            assertThat(healthy + failures.size()).as("healthy tasks at %s", now)
                    .isGreaterThanOrEqualTo(limits.minimumHealthy());
            return service.deployments().size() == 1 && service.primary().isCompleted()
                    && service.primary().taskDefinition().taskDefinitionArn().equals(v2)
                    && live.size() == desired;
        }, Duration.ofHours(1));

        assertThat(completed).as("deployment of a good image completes").isTrue();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> minimumPercents() {
        return net.jqwik.api.Arbitraries.of(0, 25, 50, 75, 100);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> maximumPercents() {
        return net.jqwik.api.Arbitraries.of(100, 125, 150, 200);
    }
}
