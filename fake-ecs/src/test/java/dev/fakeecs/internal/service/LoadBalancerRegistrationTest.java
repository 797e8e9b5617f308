package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetHealth;
import dev.fakeecs.internal.task.SimulatedTask;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.fakeecs.internal.service.LoadBalancerFixtures.awsvpcFamily;
import static dev.fakeecs.internal.service.LoadBalancerFixtures.bridgeFamily;
import static dev.fakeecs.internal.service.LoadBalancerFixtures.eventsOldestFirst;
import static dev.fakeecs.internal.service.LoadBalancerFixtures.lb;
import static dev.fakeecs.internal.service.LoadBalancerFixtures.tasksOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Service tasks register their targets while ACTIVATING and drain them when they stop. */
class LoadBalancerRegistrationTest {

    private final FakeEcs ecs = ServiceFixtures.world();
    private final FakeTargetGroups elb = FakeTargetGroups.install(ecs);

    private SimulatedTask taskWithIp(String ip) {
        return RegionEngine.of(ecs.defaultRegion()).tasks().all().stream()
                .filter(t -> ip.equals(t.privateIp()) && !t.isStopped()).findFirst().orElseThrow();
    }

    @Test
    void should_register_a_task_ip_and_container_port_while_activating_and_count_it_healthy_once_its_target_is() {
        // given
        String tg = elb.add("web", "ip", 300);
        String td = awsvpcFamily(ecs, "web", "acme/web:1");
        List<String> statusAtRegistration = new ArrayList<>();
        elb.onRegister = target -> statusAtRegistration.add(taskWithIp(target.id()).lastStatus());

        // when
        ServiceFixtures.createFargateService(ecs, "web", td, 2, r -> r.loadBalancers(lb(tg, 8080)));
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        List<SimulatedTask> tasks = tasksOf(ecs, "web");
        assertThat(tasks).hasSize(2);
        assertThat(statusAtRegistration).containsExactly("ACTIVATING", "ACTIVATING");
        assertThat(elb.targets(tg)).containsOnlyKeys(tasks.stream().map(t -> new Target(t.privateIp(), 8080))
                .toList());
        assertThat(elb.count(tg, "healthy")).isEqualTo(2);
        for (SimulatedTask t : tasks) {
            assertThat(elb.calls).contains(t.startedAt() + " register " + tg + " " + t.privateIp() + ":8080");
        }
        List<String> events = eventsOldestFirst(ecs, "web");
        assertThat(events).containsSubsequence(events.stream().filter(m -> m.contains("has started 2 tasks"))
                        .findFirst().orElseThrow(),
                "(service web) registered 2 targets in (target-group " + tg + ")",
                "(service web) has reached a steady state.");
        Instant lastStart = tasks.stream().map(SimulatedTask::startedAt).max(Instant::compareTo).orElseThrow();
        ServiceEvent steady = ServiceFixtures.describe(ecs, "web").events().get(0);
        assertThat(steady.message()).isEqualTo("(service web) has reached a steady state.");
        assertThat(steady.createdAt()).as("healthy at the first passing probe, not 40 s after RUNNING")
                .isEqualTo(lastStart.plusSeconds(5));
    }

    @Test
    void should_keep_a_deployment_in_progress_while_its_targets_are_not_healthy() {
        // given
        elb.manual();
        String tg = elb.add("web", "ip", 300);
        String td = awsvpcFamily(ecs, "web", "acme/web:1");
        ServiceFixtures.createFargateService(ecs, "web", td, 1, r -> r.loadBalancers(lb(tg, 8080)));

        // when
        ecs.clock().advance(Duration.ofMinutes(10));

        // then
        Service waiting = ServiceFixtures.describe(ecs, "web");
        assertThat(waiting.runningCount()).isEqualTo(1);
        assertThat(waiting.deployments().get(0).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(eventsOldestFirst(ecs, "web")).noneMatch(m -> m.contains("steady state"));

        Target target = elb.targets(tg).keySet().iterator().next();
        elb.set(tg, target, FakeTargetGroups.healthy());
        ecs.clock().advance(Duration.ZERO);
        assertThat(ServiceFixtures.describe(ecs, "web").deployments().get(0).rolloutStateAsString())
                .isEqualTo("COMPLETED");
        assertThat(eventsOldestFirst(ecs, "web")).last().isEqualTo("(service web) has reached a steady state.");
    }

    @Test
    void should_register_an_instance_and_host_port_for_a_bridge_task() {
        // given
        ecs.api().createCluster(r -> r.clusterName("prod"));
        SimulatedContainerInstance host = RegionEngine.of(ecs.defaultRegion()).containerInstances()
                .launchHost("prod", "m5.large", "us-east-1a", null);
        String tg = elb.add("classic", "instance", 300);
        String td = bridgeFamily(ecs, "classic", "acme/classic:1");

        // when
        ecs.api().createService(r -> r.cluster("prod").serviceName("classic").taskDefinition(td).desiredCount(2)
                .launchType(LaunchType.EC2).loadBalancers(lb(tg, 80)));
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        List<SimulatedTask> tasks = tasksOf(ecs, "classic");
        assertThat(tasks).hasSize(2);
        List<Target> expected = tasks.stream().map(t -> new Target(host.ec2InstanceId(),
                t.hostPortBindings().get("app").get(0))).toList();
        assertThat(expected.get(0).port()).isNotEqualTo(expected.get(1).port()).isGreaterThanOrEqualTo(32768);
        assertThat(elb.targets(tg)).containsOnlyKeys(expected);
        assertThat(elb.count(tg, "healthy")).isEqualTo(2);
        assertThat(ServiceFixtures.describe(ecs, "classic").deployments().get(0).rolloutStateAsString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void should_hold_a_stopping_task_in_deactivating_for_the_deregistration_delay_to_the_second() {
        // given
        String tg = elb.add("web", "ip", 120);
        String td = awsvpcFamily(ecs, "web", "acme/web:1");
        ServiceFixtures.createFargateService(ecs, "web", td, 1, r -> r.loadBalancers(lb(tg, 8080)));
        ecs.clock().advance(Duration.ofMinutes(3));
        SimulatedTask task = tasksOf(ecs, "web").get(0);
        String deployment = task.deploymentId();

        // when
        ecs.api().updateService(r -> r.cluster("prod").service("web").desiredCount(0));
        ecs.clock().advance(Duration.ZERO);
        Instant stop = ecs.clock().instant();

        // then
        assertThat(task.desiredStatus()).isEqualTo("STOPPED");
        assertThat(task.lastStatus()).isEqualTo("DEACTIVATING");
        assertThat(elb.targets(tg)).containsExactly(java.util.Map.entry(new Target(task.privateIp(), 8080),
                new TargetHealth("draining", "Target.DeregistrationInProgress", "Target deregistration is in progress")));
        List<String> events = eventsOldestFirst(ecs, "web");
        assertThat(events.subList(events.size() - 3, events.size())).containsExactly(
                "(service web) has stopped 1 running tasks: (task " + task.id() + ").",
                "(service web) deregistered 1 targets in (target-group " + tg + ")",
                "(service web, taskSet " + deployment + ") has begun draining connections on 1 tasks.");

        ecs.clock().advanceTo(stop.plusSeconds(119));
        assertThat(task.lastStatus()).isEqualTo("DEACTIVATING");
        ecs.clock().advanceTo(stop.plusSeconds(120));
        assertThat(task.lastStatus()).isEqualTo("DEPROVISIONING");
        assertThat(task.executionStoppedAt()).isEqualTo(stop.plusSeconds(120));
        assertThat(elb.targets(tg)).isEmpty();
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
    }

    @Test
    void should_wait_for_the_longest_deregistration_delay_of_several_target_groups() {
        // given
        String shortTg = elb.add("short", "ip", 30);
        String longTg = elb.add("long", "ip", 90);
        String td = awsvpcFamily(ecs, "web", "acme/web:1");
        ServiceFixtures.createFargateService(ecs, "web", td, 1,
                r -> r.loadBalancers(lb(shortTg, 8080), lb(longTg, 8080)));
        ecs.clock().advance(Duration.ofMinutes(3));
        SimulatedTask task = tasksOf(ecs, "web").get(0);

        // when
        ecs.api().stopTask(r -> r.cluster("prod").task(task.arn()));
        ecs.clock().advance(Duration.ZERO);
        Instant stop = ecs.clock().instant();

        // then
        assertThat(eventsOldestFirst(ecs, "web")).containsSubsequence(
                "(service web) deregistered 1 targets in (target-group " + shortTg + ")",
                "(service web) deregistered 1 targets in (target-group " + longTg + ")");
        ecs.clock().advanceTo(stop.plusSeconds(89));
        assertThat(task.lastStatus()).isEqualTo("DEACTIVATING");
        ecs.clock().advanceTo(stop.plusSeconds(90));
        assertThat(task.lastStatus()).isEqualTo("DEPROVISIONING");
    }

    @Test
    void should_deregister_without_waiting_when_the_host_is_lost() {
        // given
        ecs.api().createCluster(r -> r.clusterName("prod"));
        RegionEngine region = RegionEngine.of(ecs.defaultRegion());
        SimulatedContainerInstance host = region.containerInstances().launchHost("prod", "m5.large", "us-east-1a", null);
        String tg = elb.add("classic", "instance", 300);
        String td = bridgeFamily(ecs, "classic", "acme/classic:1");
        ecs.api().createService(r -> r.cluster("prod").serviceName("classic").taskDefinition(td).desiredCount(1)
                .launchType(LaunchType.EC2).loadBalancers(lb(tg, 80)));
        ecs.clock().advance(Duration.ofMinutes(3));
        SimulatedTask task = tasksOf(ecs, "classic").get(0);

        // when
        region.read(() -> {
            region.containerInstances().terminateHost(host);
            return null;
        });

        // then
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(elb.count(tg, "draining")).isEqualTo(1);
        assertThat(eventsOldestFirst(ecs, "classic")).last()
                .isEqualTo("(service classic) deregistered 1 targets in (target-group " + tg + ")");
        assertThat(eventsOldestFirst(ecs, "classic")).noneMatch(m -> m.contains("draining connections"));
    }
}
