package dev.fakeecs.internal.service;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.capacity.AutoScalingGroup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A service on an Auto Scaling group capacity provider that starts with no hosts. */
class CapacityProviderServiceTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(31).build();

    @Test
    void should_keep_waiting_tasks_as_themselves_until_managed_scaling_brings_hosts() {
        // given a cluster whose only capacity is an empty Auto Scaling group with managed scaling
        var cps = RegionEngine.of(ecs.defaultRegion()).capacityProviders();
        ecs.api().createCluster(r -> r.clusterName("prod"));
        AutoScalingGroup asg = cps.autoScalingGroups().createGroup("web", "m5.large", 0, 10, 0,
                List.of("us-east-1a", "us-east-1b"), false);
        ecs.api().createCapacityProvider(r -> r.name("web-cp").autoScalingGroupProvider(p -> p
                .autoScalingGroupArn(asg.arn()).managedScaling(s -> s.status(ManagedScalingStatus.ENABLED)
                        .targetCapacity(100))));
        ecs.api().putClusterCapacityProviders(r -> r.cluster("prod").capacityProviders("web-cp")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("web-cp")
                        .weight(1).build()));
        ecs.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").cpu(1024)
                        .memory(3000).build()));

        // when a service of three tasks is created
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(3));
        ecs.clock().advance(Duration.ofSeconds(1));
        List<String> waiting = ecs.api().listTasks(b -> b.cluster("prod").serviceName("web")).taskArns();
        Service before = ecs.api().describeServices(b -> b.cluster("prod").services("web")).services().get(0);
        ecs.clock().advance(Duration.ofMinutes(10));

        // then the same three tasks waited in PROVISIONING and now run on the hosts managed scaling launched
        assertThat(waiting).hasSize(3);
        assertThat(before.pendingCount()).isEqualTo(3);
        List<String> all = ecs.api().listTasks(b -> b.cluster("prod").serviceName("web")).taskArns();
        assertThat(all).containsExactlyInAnyOrderElementsOf(waiting);
        List<Task> tasks = ecs.api().describeTasks(b -> b.cluster("prod").tasks(all)).tasks();
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("RUNNING");
            assertThat(t.capacityProviderName()).isEqualTo("web-cp");
            assertThat(t.containerInstanceArn()).isNotNull();
        });
        assertThat(ecs.api().listTasks(b -> b.cluster("prod").desiredStatus("STOPPED")).taskArns()).isEmpty();
        assertThat(asg.inService()).hasSize(2);
        Service after = ecs.api().describeServices(b -> b.cluster("prod").services("web")).services().get(0);
        assertThat(after.runningCount()).isEqualTo(3);
        assertThat(after.pendingCount()).isZero();
    }
}
