package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetHealth;
import dev.fakeecs.internal.task.SimulatedTask;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.fakeecs.internal.service.LoadBalancerFixtures.awsvpcFamily;
import static dev.fakeecs.internal.service.LoadBalancerFixtures.eventsOldestFirst;
import static dev.fakeecs.internal.service.LoadBalancerFixtures.lb;
import static dev.fakeecs.internal.service.LoadBalancerFixtures.tasksOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Load balancer health shapes deployments: counting, draining, replacing failed targets, the circuit breaker. */
class LoadBalancerHealthTest {

    private final FakeEcs ecs = ServiceFixtures.world();
    private final FakeTargetGroups elb = FakeTargetGroups.install(ecs);

    private List<SimulatedTask> live(String service) {
        return tasksOf(ecs, service).stream().filter(t -> !t.isStoppingOrStopped()).toList();
    }

    private void makeInitialTargetsHealthy(String tg) {
        for (Map.Entry<Target, TargetHealth> e : elb.targets(tg).entrySet()) {
            if ("initial".equals(e.getValue().state())) {
                elb.set(tg, e.getKey(), FakeTargetGroups.healthy());
            }
        }
        ecs.clock().advance(Duration.ZERO);
    }

    private Target targetOf(SimulatedTask task) {
        return new Target(task.privateIp(), 8080);
    }

    @Test
    void should_stop_old_tasks_of_a_rolling_deployment_only_as_new_targets_turn_healthy_and_let_them_drain() {
        // given: two tasks behind a target group with a 300 s deregistration delay, health set by hand
        elb.manual();
        String tg = elb.add("web", "ip", 300);
        String v1 = awsvpcFamily(ecs, "web", "acme/web:1");
        String v2 = awsvpcFamily(ecs, "web", "acme/web:2");
        ServiceFixtures.createFargateService(ecs, "web", v1, 2, r -> r.loadBalancers(lb(tg, 8080)));
        ecs.clock().advance(Duration.ofMinutes(3));
        makeInitialTargetsHealthy(tg);
        List<SimulatedTask> old = live("web");

        // when: the new revision's tasks run but their targets are still initial
        ecs.api().updateService(r -> r.cluster("prod").service("web").taskDefinition(v2));
        ecs.clock().advance(Duration.ofMinutes(10));

        // then: nothing old stops, the floor (2) counting only healthy targets would break
        assertThat(live("web")).hasSize(4).containsAll(old);
        assertThat(ServiceFixtures.describe(ecs, "web").deployments()).hasSize(2);

        // when: one new target turns healthy
        SimulatedTask first = live("web").stream().filter(t -> !old.contains(t)).findFirst().orElseThrow();
        elb.set(tg, targetOf(first), FakeTargetGroups.healthy());
        ecs.clock().advance(Duration.ZERO);
        Instant stop = ecs.clock().instant();

        // then: exactly one old task stops and drains for the delay
        List<SimulatedTask> stopping = old.stream().filter(SimulatedTask::isStoppingOrStopped).toList();
        assertThat(stopping).hasSize(1);
        assertThat(stopping.get(0).lastStatus()).isEqualTo("DEACTIVATING");
        assertThat(stopping.get(0).stoppedReason()).startsWith("Scaling activity initiated by (deployment ecs-svc/");
        assertThat(elb.health(tg, targetOf(stopping.get(0))).state()).isEqualTo("draining");

        // when: the second new target turns healthy
        makeInitialTargetsHealthy(tg);

        // then: the rollout completes while the old tasks drain; they stop 300 s after their stop
        Service done = ServiceFixtures.describe(ecs, "web");
        assertThat(done.deployments()).singleElement()
                .satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
        assertThat(old).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("DEACTIVATING"));
        ecs.clock().advanceTo(stop.plusSeconds(299));
        assertThat(stopping.get(0).lastStatus()).isEqualTo("DEACTIVATING");
        ecs.clock().advanceTo(stop.plusSeconds(300));
        assertThat(stopping.get(0).lastStatus()).isEqualTo("DEPROVISIONING");
        List<String> events = eventsOldestFirst(ecs, "web");
        assertThat(events).containsSubsequence(
                "(service web) has stopped 1 running tasks: (task " + stopping.get(0).id() + ").",
                "(service web) deregistered 1 targets in (target-group " + tg + ")",
                "(service web, taskSet " + stopping.get(0).deploymentId() + ") has begun draining connections on 1 "
                        + "tasks.");
    }

    @Test
    void should_start_a_replacement_first_and_stop_a_task_whose_target_turned_unhealthy_once_it_is_healthy() {
        // given
        elb.manual();
        String tg = elb.add("web", "ip", 60);
        String v1 = awsvpcFamily(ecs, "web", "acme/web:1");
        ServiceFixtures.createFargateService(ecs, "web", v1, 2, r -> r.loadBalancers(lb(tg, 8080)));
        ecs.clock().advance(Duration.ofMinutes(3));
        makeInitialTargetsHealthy(tg);
        SimulatedTask sick = live("web").get(0);

        // when
        elb.set(tg, targetOf(sick), FakeTargetGroups.unhealthy(500));
        ecs.clock().advance(Duration.ofMinutes(3));

        // then: the replacement runs beside it (maximumPercent 200) and the sick task is still there
        assertThat(live("web")).hasSize(3).contains(sick);
        assertThat(eventsOldestFirst(ecs, "web")).contains("(service web) (task " + sick.id() + ") (port 8080) is "
                + "unhealthy in (target-group " + tg + ") due to (reason Health checks failed with these codes: [500])");

        // when: the replacement's target turns healthy
        makeInitialTargetsHealthy(tg);

        // then
        assertThat(sick.desiredStatus()).isEqualTo("STOPPED");
        assertThat(sick.stopCode()).isEqualTo("ServiceSchedulerInitiated");
        assertThat(sick.stoppedReason()).isEqualTo("Task failed ELB health checks in (target-group " + tg + ")");
        List<String> events = eventsOldestFirst(ecs, "web");
        assertThat(events.subList(events.size() - 5, events.size())).containsExactly(
                "(service web) (task " + sick.id() + ") failed ELB health checks in (target-group " + tg + ").",
                "(service web) has stopped 1 running tasks: (task " + sick.id() + ").",
                "(service web) deregistered 1 targets in (target-group " + tg + ")",
                "(service web, taskSet " + sick.deploymentId() + ") has begun draining connections on 1 tasks.",
                "(service web) has reached a steady state.");
        assertThat(live("web")).hasSize(2).doesNotContain(sick);
    }

    @Test
    void should_keep_a_failed_task_whose_target_recovers_before_its_replacement_is_healthy() {
        // given
        elb.manual();
        String tg = elb.add("web", "ip", 0);
        String v1 = awsvpcFamily(ecs, "web", "acme/web:1");
        ServiceFixtures.createFargateService(ecs, "web", v1, 2, r -> r.loadBalancers(lb(tg, 8080)));
        ecs.clock().advance(Duration.ofMinutes(3));
        makeInitialTargetsHealthy(tg);
        SimulatedTask wobbly = live("web").get(0);
        elb.set(tg, targetOf(wobbly), FakeTargetGroups.unhealthy(503));
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(live("web")).hasSize(3);

        // when: its target is healthy again, then the replacement's too
        elb.set(tg, targetOf(wobbly), FakeTargetGroups.healthy());
        ecs.clock().advance(Duration.ZERO);
        makeInitialTargetsHealthy(tg);

        // then: nothing failed ELB health checks; the extra task is scaled in
        assertThat(eventsOldestFirst(ecs, "web")).noneMatch(m -> m.contains("failed ELB health checks"));
        assertThat(live("web")).hasSize(2);
        assertThat(tasksOf(ecs, "web").stream().filter(SimulatedTask::isStoppingOrStopped))
                .singleElement().satisfies(t -> assertThat(t.stoppedReason()).startsWith("Scaling activity"));
    }

    @Test
    void should_register_new_tasks_in_the_new_target_group_when_update_service_changes_it() {
        // given
        String blue = elb.add("blue", "ip", 10);
        String green = elb.add("green", "ip", 10);
        String v1 = awsvpcFamily(ecs, "web", "acme/web:1");
        ServiceFixtures.createFargateService(ecs, "web", v1, 1, r -> r.loadBalancers(lb(blue, 8080)));
        ecs.clock().advance(Duration.ofMinutes(3));

        // when
        ecs.api().updateService(r -> r.cluster("prod").service("web").loadBalancers(lb(green, 8080)));
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        assertThat(elb.targets(blue)).isEmpty();
        assertThat(elb.targets(green)).containsOnlyKeys(targetOf(live("web").get(0)));
        assertThat(ServiceFixtures.describe(ecs, "web").deployments()).singleElement()
                .satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
    }

    @Test
    void should_name_the_instance_and_stop_a_daemon_task_whose_instance_target_fails_at_once() {
        // given
        ecs.api().createCluster(r -> r.clusterName("prod"));
        var host = dev.fakeecs.internal.region.RegionEngine.of(ecs.defaultRegion()).containerInstances()
                .launchHost("prod", "m5.large", "us-east-1a", null);
        ecs.declareImage("acme/agent:1", ImageBehavior.DEFAULT.withHttpStatus(502));
        String tg = elb.add("agent", "instance", 0);
        String td = LoadBalancerFixtures.bridgeFamily(ecs, "agent", "acme/agent:1");

        // when
        ecs.api().createService(r -> r.cluster("prod").serviceName("agent").taskDefinition(td)
                .schedulingStrategy(software.amazon.awssdk.services.ecs.model.SchedulingStrategy.DAEMON)
                .launchType(software.amazon.awssdk.services.ecs.model.LaunchType.EC2).loadBalancers(lb(tg, 80)));
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        SimulatedTask first = tasksOf(ecs, "agent").get(0);
        int port = first.hostPortBindings().get("app").get(0);
        assertThat(eventsOldestFirst(ecs, "agent")).containsSubsequence(
                "(service agent) (task " + first.id() + ") (instance " + host.ec2InstanceId() + ") (port " + port
                        + ") is unhealthy in (target-group " + tg + ") due to (reason Health checks failed with these "
                        + "codes: [502])",
                "(service agent) (task " + first.id() + ") failed ELB health checks in (target-group " + tg + ").",
                "(service agent) has stopped 1 running tasks: (task " + first.id() + ").");
        assertThat(first.stoppedReason()).isEqualTo("Task failed ELB health checks in (target-group " + tg + ")");
        assertThat(tasksOf(ecs, "agent")).as("the daemon replaces it").hasSizeGreaterThan(1);
    }

    @Test
    void should_stop_one_unhealthy_task_at_a_time_when_maximum_percent_leaves_no_headroom() {
        // given
        elb.manual();
        String tg = elb.add("web", "ip", 0);
        String v1 = awsvpcFamily(ecs, "web", "acme/web:1");
        ServiceFixtures.createFargateService(ecs, "web", v1, 2, r -> r.loadBalancers(lb(tg, 8080))
                .deploymentConfiguration(c -> c.minimumHealthyPercent(50).maximumPercent(100)));
        ecs.clock().advance(Duration.ofMinutes(3));
        makeInitialTargetsHealthy(tg);
        List<SimulatedTask> both = live("web");

        // when: both targets fail at once
        elb.set(tg, targetOf(both.get(0)), FakeTargetGroups.unhealthy(502));
        elb.set(tg, targetOf(both.get(1)), FakeTargetGroups.unhealthy(502));
        ecs.clock().advance(Duration.ZERO);

        // then: one stops, its replacement starts; the other waits for the replacement
        assertThat(both.stream().filter(SimulatedTask::isStoppingOrStopped)).hasSize(1);
        assertThat(live("web")).hasSize(2);
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(both.stream().filter(SimulatedTask::isStoppingOrStopped)).as("the replacement is not healthy yet")
                .hasSize(1);
        makeInitialTargetsHealthy(tg);
        assertThat(both).allSatisfy(t -> assertThat(t.stoppedReason())
                .isEqualTo("Task failed ELB health checks in (target-group " + tg + ")"));
    }

    @Test
    void should_ignore_unhealthy_targets_during_the_health_check_grace_period() {
        // given: an application that answers 500; health checks probe every 30 s from 5 s after registration
        ecs.declareImage("acme/web:bad", ImageBehavior.DEFAULT.withHttpStatus(500));
        String tg = elb.add("web", "ip", 0);
        String bad = awsvpcFamily(ecs, "web", "acme/web:bad");

        // when
        ServiceFixtures.createFargateService(ecs, "web", bad, 1, r -> r.loadBalancers(lb(tg, 8080))
                .healthCheckGracePeriodSeconds(120));
        ecs.clock().advance(Duration.ofMinutes(4));

        // then: unhealthy 35 s after start, acted on only when the grace period ends
        SimulatedTask task = tasksOf(ecs, "web").get(0);
        ServiceEvent unhealthy = ServiceFixtures.describe(ecs, "web").events().stream()
                .filter(e -> e.message().contains("is unhealthy in")).reduce((a, b) -> b).orElseThrow();
        assertThat(unhealthy.message()).isEqualTo("(service web) (task " + task.id() + ") (port 8080) is unhealthy "
                + "in (target-group " + tg + ") due to (reason Health checks failed with these codes: [500])");
        assertThat(unhealthy.createdAt()).isEqualTo(task.startedAt().plusSeconds(120));
    }

    @Test
    void should_catch_a_bad_image_with_elb_health_checks_and_roll_back_with_the_circuit_breaker() {
        // given: a healthy service behind a target group, with the circuit breaker and rollback on
        ecs.declareImage("acme/web:2", ImageBehavior.DEFAULT.withHttpStatus(500));
        String tg = elb.add("web", "ip", 30);
        String v1 = awsvpcFamily(ecs, "web", "acme/web:1");
        String v2 = awsvpcFamily(ecs, "web", "acme/web:2");
        ServiceFixtures.createFargateService(ecs, "web", v1, 2, r -> r.loadBalancers(lb(tg, 8080))
                .deploymentConfiguration(c -> c.deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(3));
        String good = ServiceFixtures.describe(ecs, "web").deployments().get(0).id();

        // when: the new image answers 500
        ecs.api().updateService(r -> r.cluster("prod").service("web").taskDefinition(v2));
        boolean rolledBack = ecs.clock().advanceUntil(() -> {
            Service s = ServiceFixtures.describe(ecs, "web");
            return s.deployments().size() == 1 && s.deployments().get(0).id().equals(good)
                    && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString());
        }, Duration.ofHours(1));

        // then
        assertThat(rolledBack).isTrue();
        List<SimulatedTask> failed = tasksOf(ecs, "web").stream()
                .filter(t -> t.taskDefinition().taskDefinitionArn().equals(v2)).toList();
        assertThat(failed).hasSizeGreaterThanOrEqualTo(3).allSatisfy(t -> {
            assertThat(t.desiredStatus()).isEqualTo("STOPPED");
            assertThat(t.stopCode()).isEqualTo("ServiceSchedulerInitiated");
            assertThat(t.healthyAt()).isNull();
        });
        assertThat(failed.stream().filter(t -> ("Task failed ELB health checks in (target-group " + tg + ")")
                .equals(t.stoppedReason()))).hasSizeGreaterThanOrEqualTo(3);
        List<String> events = eventsOldestFirst(ecs, "web");
        SimulatedTask firstFailed = failed.get(0);
        assertThat(events).contains(
                "(service web) (task " + firstFailed.id() + ") (port 8080) is unhealthy in (target-group " + tg
                        + ") due to (reason Health checks failed with these codes: [500])",
                "(service web) (task " + firstFailed.id() + ") failed ELB health checks in (target-group " + tg + ").");
        assertThat(events).anyMatch(m -> m.endsWith("deployment failed: tasks failed to start."));
        assertThat(events).contains("(service web) rolling back to deployment " + good + ".");
        Deployment primary = ServiceFixtures.describe(ecs, "web").deployments().get(0);
        assertThat(primary.taskDefinition()).isEqualTo(v1);
        assertThat(live("web")).hasSize(2).allSatisfy(t -> assertThat(t.targetsHealthy()).isTrue());
    }
}
