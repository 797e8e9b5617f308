package dev.fakeecs.fault;

import dev.fakeecs.fault.Invariants;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.task.SimulatedTask;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One virtual hour of seeded chaos over the food-delivery world. */
class ChaosSoakTest {

    /** The food-delivery world: EC2 hosts (On-Demand and Spot), Fargate and Fargate Spot services. */
    private static FakeEcs foodDelivery(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        RegionEngine state = RegionEngine.of(ecs.defaultRegion());
        api.createCluster(r -> r.clusterName("food-delivery").capacityProviders("FARGATE", "FARGATE_SPOT"));
        state.clusters().find("food-delivery").spotInstanceDraining(true);
        state.capacityProviders().autoScalingGroups().createGroup("kitchen-hosts", "m5.large", 0, 10, 4, List.of(),
                false).clusterName("food-delivery");
        state.capacityProviders().autoScalingGroups().createGroup("spot-hosts", "m5.large", 0, 10, 2, List.of(),
                true).clusterName("food-delivery");
        api.registerTaskDefinition(r -> r.family("orders").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("food/orders:1")
                        .healthCheck(HealthCheck.builder().command("CMD-SHELL", "true").interval(10).build()).build()));
        api.registerTaskDefinition(r -> r.family("couriers").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("food/couriers:1").build()));
        api.registerTaskDefinition(r -> r.family("kitchen").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("food/kitchen:1")
                        .cpu(512).memory(1024).build()));
        ecs.clock().advance(Duration.ofSeconds(60));
        api.createService(r -> r.cluster("food-delivery").serviceName("orders").taskDefinition("orders")
                .desiredCount(4).launchType(LaunchType.FARGATE).networkConfiguration(FaultFixtures.NETWORK));
        api.createService(r -> r.cluster("food-delivery").serviceName("couriers").taskDefinition("couriers")
                .desiredCount(3).networkConfiguration(FaultFixtures.NETWORK).capacityProviderStrategy(
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(1).build()));
        api.createService(r -> r.cluster("food-delivery").serviceName("kitchen").taskDefinition("kitchen")
                .desiredCount(6).launchType(LaunchType.EC2));
        ecs.clock().advance(Duration.ofMinutes(3));
        return ecs;
    }

    private static ChaosMonkey.Report soak(FakeEcs ecs) {
        // faults-monkey-START
        return ChaosMonkey.builder(ecs).cluster("food-delivery").faultsPerHour(40)
                .maxFaultDuration(Duration.ofMinutes(8)).build().run(Duration.ofHours(1));
        // faults-monkey-END
    }

    @Test
    void should_hold_the_invariants_through_an_hour_of_chaos_and_replay_the_same_journal() {
        // given
        FakeEcs first = foodDelivery(2026);
        FakeEcs second = foodDelivery(2026);

        // when
        ChaosMonkey.Report report = soak(first);
        soak(second);

        // then
        assertThat(report.faults()).hasSize(40);
        assertThat(report.faults()).extracting(FaultHandle::type).hasSizeGreaterThan(0)
                .contains(FaultType.TERMINATE_INSTANCE, FaultType.AZ_OUTAGE);
        assertThat(report.eventsChecked()).isGreaterThan(500);
        assertThat(first.journal().ofType(dev.fakeecs.journal.JournalEventType.FAULT)).extracting(e -> e.detail("effect"))
                .contains("terminated", "stopped", "zone unavailable");
        assertThat(report.to()).isEqualTo(report.from().plus(Duration.ofHours(1)));
        assertThat(Invariants.check(first)).isEmpty();
        assertThat(first.journal().toJsonLines()).isEqualTo(second.journal().toJsonLines());
        assertThat(foodDelivery(7).journal().size()).isPositive();
    }

    @Test
    void should_name_the_seed_when_an_invariant_breaks() {
        // given: a world whose bookkeeping is broken on purpose
        FakeEcs ecs = foodDelivery(99);
        SimulatedContainerInstance host = RegionEngine.of(ecs.defaultRegion()).containerInstances().inCluster("food-delivery").get(0);
        SimulatedTask task = SimulatedTask.placedOn(host).get(0);
        host.release(task);

        // then
        assertThatThrownBy(() -> soak(ecs)).isInstanceOfSatisfying(InvariantViolation.class, v -> {
            assertThat(v.seed()).isEqualTo(99);
            assertThat(v.getMessage()).contains("seed 99").contains("is not among the tasks of its instance");
        });
    }
}
