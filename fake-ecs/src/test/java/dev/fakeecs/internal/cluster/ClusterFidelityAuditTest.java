package dev.fakeecs.internal.cluster;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.task.TaskFixturesAccess;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ResourceInUseException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fidelity audit of clusters against the ECS developer guide and API reference (rules the fake picks are in docs/fidelity.md):
 * counters, statistics, DeleteCluster and PutClusterCapacityProviders refusals.
 */
class ClusterFidelityAuditTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(31).build();

    private void fargateService(String cluster, String name, CapacityProviderStrategyItem... strategy) {
        ecs.api().registerTaskDefinition(r -> r.family(name).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/" + name + ":1").build()));
        ecs.api().createService(r -> r.cluster(cluster).serviceName(name).taskDefinition(name).desiredCount(0)
                .capacityProviderStrategy(strategy)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a"))));
    }

    @Test
    void should_count_a_running_task_told_to_stop_as_running_until_it_leaves_running() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixturesAccess.runFargate(ecs, "prod", 1);
        ecs.clock().advance(Duration.ofMinutes(2));
        var task = ecs.defaultRegion().engine().tasks().activeInCluster("prod").get(0);

        ecs.defaultRegion().engine().tasks().lifecycle().stopAfter(task, "SpotInterruption",
                "Your Spot Task was interrupted.", Duration.ofSeconds(120));

        var cluster = ecs.api().describeClusters(b -> b.clusters("prod").include(ClusterField.STATISTICS))
                .clusters().get(0);
        assertThat(cluster.runningTasksCount()).isEqualTo(1);
        assertThat(cluster.statistics()).contains(KeyValuePair.builder().name("runningFargateTasksCount").value("1")
                .build());
    }

    @Test
    void should_report_statistics_as_strings_for_ec2_tasks() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.defaultRegion().engine().containerInstances().launchHost("prod", "m5.large", "us-east-1a", null);
        ecs.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").cpu(128)
                        .memory(256).build()));
        ecs.api().runTask(r -> r.cluster("prod").taskDefinition("web").count(2));

        var pending = ecs.api().describeClusters(b -> b.clusters("prod").include(ClusterField.STATISTICS))
                .clusters().get(0);

        assertThat(pending.statistics()).contains(
                KeyValuePair.builder().name("pendingEC2TasksCount").value("2").build(),
                KeyValuePair.builder().name("runningEC2TasksCount").value("0").build());
        assertThat(pending.registeredContainerInstancesCount()).isEqualTo(1);
    }

    @Test
    void should_leave_out_the_optional_parts_unless_included() {
        ecs.api().createCluster(r -> r.clusterName("prod"));

        var cluster = ecs.api().describeClusters(b -> b.clusters("prod")).clusters().get(0);

        assertThat(cluster.hasStatistics()).isFalse();
        assertThat(cluster.hasSettings()).isFalse();
        assertThat(cluster.hasTags()).isFalse();
        assertThat(cluster.hasAttachments()).isFalse();
    }

    @Test
    void should_refuse_to_delete_a_cluster_with_an_active_service() {
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE"));
        fargateService("prod", "web", CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1)
                .build());

        assertThatThrownBy(() -> ecs.api().deleteCluster(r -> r.cluster("prod")))
                .isInstanceOf(ClusterContainsServicesException.class)
                .hasMessageStartingWith("The Cluster cannot be deleted while Services are active.");
    }

    @Test
    void should_refuse_to_remove_a_capacity_provider_a_service_uses() {
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        fargateService("prod", "web", CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT")
                .weight(1).build());

        assertThatThrownBy(() -> ecs.api().putClusterCapacityProviders(r -> r.cluster("prod")
                .capacityProviders("FARGATE").defaultCapacityProviderStrategy(java.util.List.of())))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("The specified capacity provider is in use and cannot be removed.");
        ecs.api().putClusterCapacityProviders(r -> r.cluster("prod").capacityProviders("FARGATE_SPOT")
                .defaultCapacityProviderStrategy(java.util.List.of()));
    }
}
