package dev.fakeecs.internal.capacity;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.containerinstance.HostFixtures;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManagedScalingTest {

    private static final Instant T0 = FakeEcs.DEFAULT_START;

    private FakeEcs ecs;
    private EcsClient api;
    private CapacityProviders cps;
    private ContainerInstances hosts;
    private AutoScalingGroup asg;
    private final List<CapacityDemand.TaskNeed> waiting = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.create();
        api = ecs.api();
        cps = RegionEngine.of(ecs.defaultRegion()).capacityProviders();
        hosts = RegionEngine.of(ecs.defaultRegion()).containerInstances();
        api.createCluster(r -> r.clusterName("prod"));
        asg = cps.autoScalingGroups().createGroup("web", "m5.large", 0, 10, 0,
                List.of("us-east-1a", "us-east-1b"), false);
        cps.demand(provider -> provider.equals("web-cp") ? List.copyOf(waiting) : List.of());
    }

    private void provider(int minStep, int maxStep) {
        api.createCapacityProvider(r -> r.name("web-cp").autoScalingGroupProvider(p -> p
                .autoScalingGroupArn(asg.arn()).managedScaling(s -> s.status(ManagedScalingStatus.ENABLED)
                        .targetCapacity(100).minimumScalingStepSize(minStep).maximumScalingStepSize(maxStep)
                        .instanceWarmupPeriod(300))));
        api.putClusterCapacityProviders(r -> r.cluster("prod").capacityProviders("web-cp")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("web-cp")
                        .weight(1).build()));
    }

    private void threeTasksWaiting() {
        // 1 vCPU, 3000 MiB each: two fit on an m5.large (2048 units, 7680 MiB), so three need two hosts
        for (int i = 0; i < 3; i++) {
            waiting.add(new CapacityDemand.TaskNeed(1024, 3000));
        }
    }

    @Test
    void should_launch_hosts_for_provisioning_tasks_and_register_them_after_boot() {
        // given
        provider(1, 10_000);
        threeTasksWaiting();

        // when the first evaluation runs, a minute after creation
        ecs.clock().advance(Duration.ofSeconds(60));

        // then desired goes to 2 (reservation 200: no hosts yet), nothing registered yet
        assertThat(asg.desired()).isEqualTo(2);
        assertThat(asg.booting()).isEqualTo(2);
        assertThat(hosts.inCluster("prod")).isEmpty();
        JournalEntry decision = ecs.journal().ofType(JournalEventType.CAPACITY_PROVIDER).stream()
                .filter(e -> e.detail("capacityProviderReservation") != null).findFirst().orElseThrow();
        assertThat(decision.time()).isEqualTo(T0.plusSeconds(60));
        assertThat(decision.details()).containsEntry("capacityProviderReservation", "200")
                .containsEntry("instancesNeeded", "2").containsEntry("instancesRunning", "0")
                .containsEntry("desired", "2");

        // when the 60 s boot is over
        ecs.clock().advance(Duration.ofSeconds(59));
        assertThat(hosts.inCluster("prod")).isEmpty();
        ecs.clock().advance(Duration.ofSeconds(1));

        // then both hosts are registered, one per zone, tagged with the provider
        List<SimulatedContainerInstance> registered = hosts.inCluster("prod");
        assertThat(registered).hasSize(2);
        assertThat(registered).extracting(SimulatedContainerInstance::availabilityZone)
                .containsExactly("us-east-1a", "us-east-1b");
        assertThat(registered).allSatisfy(ci -> {
            assertThat(ci.capacityProviderName()).isEqualTo("web-cp");
            assertThat(ci.registeredAt()).isEqualTo(T0.plusSeconds(120));
            assertThat(ci.instanceType().name()).isEqualTo("m5.large");
        });
        assertThat(asg.inService()).containsExactlyElementsOf(registered);
        assertThat(asg.booting()).isZero();
    }

    @Test
    void should_scale_in_idle_hosts_only_after_warm_up_and_fifteen_low_minutes() {
        // given two hosts up at T0+120 s
        provider(1, 10_000);
        threeTasksWaiting();
        ecs.clock().advance(Duration.ofSeconds(120));
        assertThat(hosts.countRegistered("prod")).isEqualTo(2);

        // when the demand disappears (the hosts stay idle)
        waiting.clear();

        // then the metric is first low at the T0+180 s evaluation; warm-up ends at T0+360 s;
        // scale-in comes after fifteen low minutes, at T0+180 s + 900 s
        ecs.clock().advanceTo(T0.plusSeconds(1079));
        assertThat(hosts.countRegistered("prod")).isEqualTo(2);
        assertThat(asg.desired()).isEqualTo(2);
        ecs.clock().advanceTo(T0.plusSeconds(1080));
        assertThat(asg.desired()).isZero();
        assertThat(hosts.countRegistered("prod")).isZero();
        assertThat(hosts.allInCluster("prod")).extracting(SimulatedContainerInstance::status)
                .containsExactly("INACTIVE", "INACTIVE");
        assertThat(ecs.journal().ofType(JournalEventType.AUTO_SCALING_GROUP).stream()
                .filter(e -> e.detail("terminated") != null).map(JournalEntry::time))
                .containsExactly(T0.plusSeconds(1080), T0.plusSeconds(1080));
    }

    @Test
    void should_keep_busy_hosts_needed() {
        provider(1, 10_000);
        threeTasksWaiting();
        ecs.clock().advance(Duration.ofSeconds(120));
        waiting.clear();
        // one host gets a task: one host is needed, so desired settles at 1 after the scale-in delay
        SimulatedContainerInstance busy = hosts.inCluster("prod").get(0);
        busy.reserve(HostFixtures.task("prod"));

        ecs.clock().advanceTo(T0.plusSeconds(1080));

        assertThat(asg.desired()).isEqualTo(1);
        assertThat(hosts.inCluster("prod")).containsExactly(busy);
    }

    @Test
    void should_respect_the_minimum_step_size() {
        provider(3, 10_000);
        threeTasksWaiting();

        ecs.clock().advance(Duration.ofSeconds(60));

        assertThat(asg.desired()).isEqualTo(3);
    }

    @Test
    void should_respect_the_maximum_step_size() {
        provider(1, 1);
        threeTasksWaiting();

        ecs.clock().advance(Duration.ofSeconds(60));
        assertThat(asg.desired()).isEqualTo(1);
        ecs.clock().advance(Duration.ofSeconds(60));
        assertThat(asg.desired()).isEqualTo(2);
        ecs.clock().advance(Duration.ofSeconds(60));

        assertThat(hosts.inCluster("prod")).extracting(SimulatedContainerInstance::registeredAt)
                .containsExactly(T0.plusSeconds(120), T0.plusSeconds(180));
    }

    @Test
    void should_stop_evaluating_when_managed_scaling_is_disabled() {
        provider(1, 10_000);
        api.updateCapacityProvider(r -> r.name("web-cp").autoScalingGroupProvider(p -> p
                .managedScaling(s -> s.status(ManagedScalingStatus.DISABLED))));
        threeTasksWaiting();

        ecs.clock().advance(Duration.ofMinutes(5));

        assertThat(asg.desired()).isZero();
    }

    @Test
    void should_launch_user_set_desired_capacity_round_robin_and_replace_terminated_hosts() {
        AutoScalingGroup plain = cps.autoScalingGroups().createGroup("plain", "c7g.large", 0, 5, 3, List.of(), true)
                .clusterName("prod");
        ecs.clock().advance(Duration.ofSeconds(60));

        assertThat(hosts.inCluster("prod")).extracting(SimulatedContainerInstance::availabilityZone)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(hosts.inCluster("prod")).allSatisfy(ci -> {
            assertThat(ci.spot()).isTrue();
            assertThat(ci.attributes()).containsEntry("ecs.cpu-architecture", "arm64");
        });

        plain.terminate(plain.inService().get(0), "spot interruption");
        assertThat(hosts.countRegistered("prod")).isEqualTo(2);
        ecs.clock().advance(Duration.ofSeconds(60));
        assertThat(hosts.countRegistered("prod")).isEqualTo(3);
    }
}
