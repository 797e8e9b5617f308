package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.internal.deployment.DeploymentLimits;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.task.SimulatedTask;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random services behind a target group (health checked through the applications ECS runs, with a random
 * deregistration delay) rolling to a new revision whose application answers 503 for a random time after it starts
 * (a grace period covering it), while random targets fail their health checks: no task that
 * counted as healthy is stopped while the service would fall below its healthy floor counting only healthy
 * targets, tasks never exceed the ceiling, and the deployment completes.
 */
class LoadBalancedRollingDeploymentProperties {

    @Property(tries = 40)
    void no_healthy_task_is_stopped_below_the_floor_counting_only_healthy_targets(
            @ForAll @IntRange(min = 1, max = 6) int desired,
            @ForAll("minimumPercents") int minPercent,
            @ForAll("maximumPercents") int maxPercent,
            @ForAll @IntRange(min = 0, max = 300) int deregistrationDelay,
            @ForAll @IntRange(min = 0, max = 3) int targetFailures,
            @ForAll @IntRange(min = 0, max = 120) int healthyAfter,
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        DeploymentLimits limits = DeploymentLimits.of(desired, DeploymentConfiguration.builder()
                .minimumHealthyPercent(minPercent).maximumPercent(maxPercent).build());
        Assume.that(limits.maximumTotal() > desired || limits.minimumHealthy() < desired);

        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.declareImage("acme/app:2", ImageBehavior.DEFAULT.healthyAfter(Duration.ofSeconds(healthyAfter)));
        FakeTargetGroups elb = FakeTargetGroups.install(ecs).interval(10);
        String tg = elb.add("app", "ip", deregistrationDelay);
        String v1 = LoadBalancerFixtures.awsvpcFamily(ecs, "app", "acme/app:1");
        String v2 = LoadBalancerFixtures.awsvpcFamily(ecs, "app", "acme/app:2");
        ServiceFixtures.createFargateService(ecs, "app", v1, desired, r -> r
                .loadBalancers(LoadBalancerFixtures.lb(tg, 8080)).healthCheckGracePeriodSeconds(healthyAfter + 60)
                .deploymentConfiguration(c -> c.minimumHealthyPercent(minPercent).maximumPercent(maxPercent)));
        ecs.clock().advance(Duration.ofMinutes(5));
        RegionEngine region = RegionEngine.of(ecs.defaultRegion());
        SimulatedService service = region.services().find("prod", "app");

        List<String> violations = new ArrayList<>();
        region.tasks().addListener((task, from, to) -> {
            if (!"DEACTIVATING".equals(to) || !"app".equals(task.serviceName())) {
                return;
            }
            boolean wasHealthy = task.targetsHealthy();   // not yet deregistered: the health it was stopped with
            Instant now = ecs.clock().instant();
            long healthy = region.services().tasksOf(service).stream()
                    .filter(t -> t.isRunning() && t.targetsHealthy()).count();   // only healthy targets count
            if (wasHealthy && healthy < limits.minimumHealthy()) {
                violations.add(now + " stopped healthy " + task.id() + " (" + task.stoppedReason() + ") leaving "
                        + healthy + " healthy, floor " + limits.minimumHealthy());
            }
        });

        ecs.api().updateService(b -> b.cluster("prod").service("app").taskDefinition(v2));
        SplittableRandom chaos = new SplittableRandom(seed);
        for (int i = 0; i < targetFailures; i++) {
            ecs.clock().schedule(Duration.ofSeconds(chaos.nextInt(10, 600)), "fail a target", () -> {
                List<SimulatedTask> running = region.services().tasksOf(service).stream()
                        .filter(t -> t.isRunning() && t.targetsHealthy()).toList();
                if (!running.isEmpty()) {
                    SimulatedTask victim = running.get(chaos.nextInt(running.size()));
                    elb.set(tg, new Target(victim.privateIp(), 8080), FakeTargetGroups.unhealthy(500));
                }
            });
        }

        boolean completed = ecs.clock().advanceUntil(() -> {
            List<SimulatedTask> live = region.services().tasksOf(service);
            assertThat(live.size()).as("tasks at %s", ecs.clock().instant())
                    .isLessThanOrEqualTo(limits.maximumTotal());
            return service.deployments().size() == 1 && service.primary().isCompleted()
                    && service.primary().taskDefinition().taskDefinitionArn().equals(v2)
                    && live.size() == desired && live.stream().allMatch(SimulatedTask::targetsHealthy);
        }, Duration.ofHours(2));

        assertThat(violations).isEmpty();
        assertThat(completed).as("deployment behind a target group completes").isTrue();
    }

    @Provide
    Arbitrary<Integer> minimumPercents() {
        return Arbitraries.of(0, 25, 50, 75, 100);
    }

    @Provide
    Arbitrary<Integer> maximumPercents() {
        return Arbitraries.of(100, 125, 150, 200);
    }
}
