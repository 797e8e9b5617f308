package dev.fakeecs.internal.cluster;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.task.TaskFixturesAccess;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClusterContainsContainerInstancesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ResourceInUseException;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Clusters: creation and names, the include options, task and service counters and statistics,
 * deletion and its refusals, capacity providers, settings and regions.
 */
class ClustersTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(5).build();

    private void fargateService(String cluster, String name, CapacityProviderStrategyItem... strategy) {
        ecs.api().registerTaskDefinition(r -> r.family(name).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/" + name + ":1").build()));
        ecs.api().createService(r -> r.cluster(cluster).serviceName(name).taskDefinition(name).desiredCount(0)
                .capacityProviderStrategy(strategy)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a"))));
    }

    @Test
    void should_create_the_seed_cluster_with_fargate_providers_and_default_strategy() {
        var cluster = ecs.api().createCluster(r -> r.clusterName("production")
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1).base(2).build(),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(4).build()))
                .cluster();

        assertThat(cluster.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/production");
        assertThat(cluster.status()).isEqualTo("ACTIVE");
        assertThat(cluster.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(cluster.defaultCapacityProviderStrategy()).hasSize(2);
        assertThat(cluster.defaultCapacityProviderStrategy().get(0).base()).isEqualTo(2);
        assertThat(ecs.api().listClusters().clusterArns()).containsExactly(cluster.clusterArn());
    }

    @Test
    void should_describe_with_every_include() {
        ecs.api().createCluster(r -> r.clusterName("production").tags(Tag.builder().key("team").value("food").build()));

        DescribeClustersResponse r = ecs.api().describeClusters(b -> b.clusters("production")
                .include(ClusterField.ATTACHMENTS, ClusterField.CONFIGURATIONS, ClusterField.SETTINGS,
                        ClusterField.STATISTICS, ClusterField.TAGS));

        var c = r.clusters().get(0);
        assertThat(c.settings()).singleElement().satisfies(s -> {
            assertThat(s.nameAsString()).isEqualTo("containerInsights");
            assertThat(s.value()).isEqualTo("disabled");
        });
        assertThat(c.tags()).containsExactly(Tag.builder().key("team").value("food").build());
        assertThat(c.statistics()).extracting(KeyValuePair::name).containsExactly("runningEC2TasksCount",
                "runningFargateTasksCount", "pendingEC2TasksCount", "pendingFargateTasksCount",
                "activeEC2ServiceCount", "activeFargateServiceCount", "drainingEC2ServiceCount",
                "drainingFargateServiceCount");
        assertThat(c.statistics()).extracting(KeyValuePair::value).containsOnly("0");
        assertThat(c.attachmentsStatus()).isEqualTo("UPDATE_COMPLETE");
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
    void should_count_running_and_pending_tasks_by_launch_type() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixturesAccess.runFargate(ecs, "prod", 3);

        var pending = ecs.api().describeClusters(b -> b.clusters("prod").include(ClusterField.STATISTICS))
                .clusters().get(0);
        ecs.clock().advance(Duration.ofMinutes(2));
        var running = ecs.api().describeClusters(b -> b.clusters("prod").include(ClusterField.STATISTICS))
                .clusters().get(0);

        assertThat(pending.pendingTasksCount()).isEqualTo(3);
        assertThat(pending.runningTasksCount()).isZero();
        assertThat(running.runningTasksCount()).isEqualTo(3);
        assertThat(running.statistics()).contains(KeyValuePair.builder().name("runningFargateTasksCount").value("3")
                .build());
    }

    @Test
    void should_count_a_running_task_told_to_stop_as_running_until_it_leaves_running() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        TaskFixturesAccess.runFargate(ecs, "prod", 1);
        ecs.clock().advance(Duration.ofMinutes(2));
        var task = RegionEngine.of(ecs.defaultRegion()).tasks().activeInCluster("prod").get(0);

        RegionEngine.of(ecs.defaultRegion()).tasks().lifecycle().stopAfter(task, "SpotInterruption",
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
        RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "m5.large", "us-east-1a", null);
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
    void should_report_missing_clusters_as_failures_with_the_full_arn() {
        DescribeClustersResponse r = ecs.api().describeClusters(b -> b.clusters("ghost"));

        assertThat(r.clusters()).isEmpty();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/ghost");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void should_make_a_deleted_cluster_inactive_but_still_describable() {
        ecs.api().createCluster(r -> r.clusterName("temp"));

        ecs.api().deleteCluster(r -> r.cluster("temp"));

        assertThat(ecs.api().describeClusters(b -> b.clusters("temp")).clusters().get(0).status()).isEqualTo("INACTIVE");
        assertThat(ecs.api().listClusters().clusterArns()).isEmpty();
        assertThatThrownBy(() -> ecs.api().deleteCluster(r -> r.cluster("temp")))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void should_refuse_to_delete_a_cluster_with_instances_or_tasks() {
        ecs.api().createCluster(r -> r.clusterName("busy"));
        RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("busy", "m5.large", "us-east-1a", null);
        assertThatThrownBy(() -> ecs.api().deleteCluster(r -> r.cluster("busy")))
                .isInstanceOf(ClusterContainsContainerInstancesException.class)
                .hasMessageContaining("The Cluster cannot be deleted while Container Instances are active or draining.");

        ecs.api().createCluster(r -> r.clusterName("tasks"));
        TaskFixturesAccess.runFargate(ecs, "tasks", 1);
        assertThatThrownBy(() -> ecs.api().deleteCluster(r -> r.cluster("tasks")))
                .isInstanceOf(ClusterContainsTasksException.class)
                .hasMessageContaining("The Cluster cannot be deleted while Tasks are active.");
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
    void should_mean_the_default_cluster_when_none_is_named() {
        assertThatThrownBy(() -> ecs.api().listTasks(b -> { })).isInstanceOf(ClusterNotFoundException.class);

        ecs.api().createCluster(b -> { });

        assertThat(ecs.api().describeClusters(b -> { }).clusters().get(0).clusterName()).isEqualTo("default");
        assertThat(ecs.api().listTasks(b -> { }).taskArns()).isEmpty();
    }

    @Test
    void should_update_container_insights() {
        ecs.api().createCluster(r -> r.clusterName("prod"));

        var c = ecs.api().updateClusterSettings(r -> r.cluster("prod")
                .settings(s -> s.name("containerInsights").value("enhanced"))).cluster();

        assertThat(c.settings()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo("enhanced"));
        assertThatThrownBy(() -> ecs.api().updateClusterSettings(r -> r.cluster("prod")
                .settings(s -> s.name("containerInsights").value("loud"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("settings.value");
    }

    @Test
    void should_refuse_a_default_strategy_naming_a_provider_the_cluster_lacks() {
        assertThatThrownBy(() -> ecs.api().createCluster(r -> r.clusterName("x").capacityProviders("FARGATE")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder()
                        .capacityProvider("FARGATE_SPOT").weight(1).build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("not associated with the cluster");
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

    @Test
    void should_refuse_invalid_cluster_names() {
        assertThatThrownBy(() -> ecs.api().createCluster(r -> r.clusterName("bad name!")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("clusterName");
    }

    @Test
    void should_keep_regions_apart() {
        FakeEcs two = FakeEcs.builder().region("us-east-1").region("us-west-2").build();
        two.region("us-east-1").api().createCluster(r -> r.clusterName("prod"));

        assertThat(two.region("us-west-2").api().listClusters().clusterArns()).isEmpty();
        assertThat(two.region("us-east-1").api().listClusters().clusterArns())
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
    }
}
