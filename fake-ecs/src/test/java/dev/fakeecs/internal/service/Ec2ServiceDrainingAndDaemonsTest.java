package dev.fakeecs.internal.service;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * EC2 services on hosts that change: tasks leave a DRAINING instance within minimumHealthyPercent and
 * maximumPercent, DAEMON services follow their hosts, and scale-in picks the fullest zone first.
 */
class Ec2ServiceDrainingAndDaemonsTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(29).build();

    Ec2ServiceDrainingAndDaemonsTest() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1")
                        .cpu(256).memory(256).build()));
    }

    private SimulatedContainerInstance host(String az) {
        return RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "m5.large", az, null);
    }

    private void service(String name, int desired, int min, int max) {
        ecs.api().createService(r -> r.cluster("prod").serviceName(name).taskDefinition("web").desiredCount(desired)
                .launchType(LaunchType.EC2).deploymentConfiguration(c -> c.minimumHealthyPercent(min)
                        .maximumPercent(max)));
    }

    private List<Task> tasks(String service, String desiredStatus) {
        List<String> arns = ecs.api().listTasks(b -> b.cluster("prod").serviceName(service)
                .desiredStatus(desiredStatus)).taskArns();
        return arns.isEmpty() ? List.of() : ecs.api().describeTasks(b -> b.cluster("prod").tasks(arns)).tasks();
    }

    private void drain(SimulatedContainerInstance instance) {
        ecs.api().updateContainerInstancesState(r -> r.cluster("prod").containerInstances(instance.arn())
                .status(ContainerInstanceStatus.DRAINING));
    }

    private Map<String, Long> perInstance(String service) {
        return tasks(service, "RUNNING").stream().collect(Collectors.groupingBy(Task::containerInstanceArn,
                Collectors.counting()));
    }

    // ---- DRAINING ------------------------------------------------------------------------------

    @Test
    void should_stop_tasks_on_a_draining_instance_before_replacements_when_minimum_is_below_100() {
        // given
        SimulatedContainerInstance a = host("us-east-1a");
        service("web", 2, 50, 100);
        ecs.clock().advance(Duration.ofMinutes(2));
        SimulatedContainerInstance b = host("us-east-1b");

        // when
        drain(a);
        ecs.clock().advance(Duration.ZERO);

        // then: one task may stop at once (2 - 1 >= ceil(1)); the ceiling of 2 keeps the replacement waiting
        assertThat(tasks("web", "STOPPED")).singleElement().satisfies(t -> {
            assertThat(t.containerInstanceArn()).isEqualTo(a.arn());
            assertThat(t.stoppedReason()).contains("container instance is in DRAINING state");
        });
        ecs.clock().advance(Duration.ofMinutes(5));
        assertThat(perInstance("web")).containsOnly(Map.entry(b.arn(), 2L));
    }

    @Test
    void should_start_replacements_before_stopping_draining_tasks_when_minimum_is_100() {
        // given
        SimulatedContainerInstance a = host("us-east-1a");
        service("web", 2, 100, 200);
        ecs.clock().advance(Duration.ofMinutes(2));
        SimulatedContainerInstance b = host("us-east-1b");

        // when
        drain(a);
        ecs.clock().advance(Duration.ofSeconds(59));

        // then: replacements run at +20 s, count as healthy at +60 s
        assertThat(tasks("web", "STOPPED")).isEmpty();
        assertThat(perInstance("web")).containsOnly(Map.entry(a.arn(), 2L), Map.entry(b.arn(), 2L));
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(perInstance("web")).containsOnly(Map.entry(b.arn(), 2L));
    }

    @Test
    void should_make_no_progress_draining_when_minimum_and_maximum_are_both_100() {
        // given
        SimulatedContainerInstance a = host("us-east-1a");
        service("web", 2, 100, 100);
        ecs.clock().advance(Duration.ofMinutes(2));
        host("us-east-1b");

        // when
        drain(a);
        ecs.clock().advance(Duration.ofMinutes(30));

        // then
        assertThat(tasks("web", "STOPPED")).isEmpty();
        assertThat(perInstance("web")).containsOnly(Map.entry(a.arn(), 2L));
    }

    @Test
    void should_place_nothing_on_a_draining_instance() {
        // given
        SimulatedContainerInstance a = host("us-east-1a");
        drain(a);

        // when
        service("web", 1, 100, 200);
        ecs.clock().advance(Duration.ofMinutes(2));

        // then
        assertThat(tasks("web", "RUNNING")).isEmpty();
        assertThat(ecs.api().describeServices(b -> b.cluster("prod").services("web")).services().get(0).events()
                .get(0).message()).startsWith("(service web) was unable to place a task because no container "
                + "instance met all of its requirements.");
    }

    // ---- DAEMON --------------------------------------------------------------------------------

    private void daemon(Consumer<software.amazon.awssdk.services.ecs.model.CreateServiceRequest.Builder> more) {
        ecs.api().createService(r -> {
            r.cluster("prod").serviceName("agent").taskDefinition("web").schedulingStrategy(SchedulingStrategy.DAEMON);
            more.accept(r);
        });
    }

    @Test
    void should_refuse_a_daemon_service_on_fargate_or_with_a_desired_count() {
        assertThatThrownBy(() -> daemon(r -> r.launchType(LaunchType.FARGATE)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> daemon(r -> r.launchType(LaunchType.EC2).desiredCount(2)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> daemon(r -> r.launchType(LaunchType.EC2)
                .deploymentConfiguration(c -> c.maximumPercent(200))))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void should_default_a_daemon_deployment_configuration_to_minimum_0_and_maximum_100() {
        // when
        daemon(r -> r.launchType(LaunchType.EC2));

        // then
        Service agent = ecs.api().describeServices(b -> b.cluster("prod").services("agent")).services().get(0);
        assertThat(agent.deploymentConfiguration().minimumHealthyPercent()).isZero();
        assertThat(agent.deploymentConfiguration().maximumPercent()).isEqualTo(100);
    }

    @Test
    void should_stop_the_daemon_task_of_an_instance_that_becomes_draining_and_not_replace_it() {
        // given
        SimulatedContainerInstance a = host("us-east-1a");
        host("us-east-1b");
        daemon(r -> r.launchType(LaunchType.EC2));
        ecs.clock().advance(Duration.ofMinutes(2));

        // when
        drain(a);
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        assertThat(tasks("agent", "RUNNING")).singleElement()
                .satisfies(t -> assertThat(t.containerInstanceArn()).isNotEqualTo(a.arn()));
        assertThat(tasks("agent", "STOPPED")).singleElement()
                .satisfies(t -> assertThat(t.containerInstanceArn()).isEqualTo(a.arn()));
        assertThat(ecs.api().describeServices(b -> b.cluster("prod").services("agent")).services().get(0)
                .desiredCount()).isEqualTo(1);
    }

    // ---- scale-in order -------------------------------------------------------------------------

    @Test
    void should_scale_in_from_the_most_loaded_zone_then_the_most_loaded_instance() {
        // given: zone a has a1 and a2 with one task each; zone b has b1 with two
        SimulatedContainerInstance a1 = host("us-east-1a");
        SimulatedContainerInstance a2 = host("us-east-1a");
        SimulatedContainerInstance b1 = host("us-east-1b");
        service("web", 4, 100, 200);
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(perInstance("web")).containsOnly(Map.entry(a1.arn(), 1L), Map.entry(a2.arn(), 1L),
                Map.entry(b1.arn(), 2L));

        // when: zones tie at 2, so the instance with the most tasks loses one
        ecs.api().updateService(b -> b.cluster("prod").service("web").desiredCount(3));
        ecs.clock().advance(Duration.ofMinutes(1));

        // then
        assertThat(perInstance("web")).containsOnly(Map.entry(a1.arn(), 1L), Map.entry(a2.arn(), 1L),
                Map.entry(b1.arn(), 1L));

        // when: zone a now has the most
        ecs.api().updateService(b -> b.cluster("prod").service("web").desiredCount(2));
        ecs.clock().advance(Duration.ofMinutes(1));

        // then
        assertThat(tasks("web", "RUNNING")).extracting(Task::availabilityZone)
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
    }
}
