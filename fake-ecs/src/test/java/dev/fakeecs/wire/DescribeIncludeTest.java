package dev.fakeecs.wire;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceField;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code include} options of the Describe* operations: optional parts (tags, statistics, settings,
 * configurations, attachments, health) appear only when asked for.
 */
class DescribeIncludeTest {

    private static PopulatedEcs world;
    private static EcsClient client;

    @BeforeAll
    static void populate() {
        world = new PopulatedEcs();
        client = world.client;
        client.putClusterCapacityProviders(b -> b.cluster("extra-0").capacityProviders("asg-cp-0")
                .defaultCapacityProviderStrategy(s -> s.capacityProvider("asg-cp-0").weight(1)));
        client.updateClusterSettings(b -> b.cluster("prod").settings(s -> s.name("containerInsights").value("enabled")));
        client.tagResource(b -> b.resourceArn(world.hosts.get(0).arn()).tags(Tag.builder().key("rack").value("r1").build()));
    }

    @AfterAll
    static void close() {
        world.close();
    }

    private static Cluster cluster(String name, ClusterField... include) {
        return client.describeClusters(b -> b.clusters(name).include(include)).clusters().get(0);
    }

    @Test
    void describe_clusters_without_include_leaves_the_optional_parts_out() {
        Cluster c = cluster("prod");

        assertThat(c.hasTags()).as("tags").isFalse();
        assertThat(c.hasStatistics()).as("statistics").isFalse();
        assertThat(c.hasSettings()).as("settings").isFalse();
        assertThat(c.hasAttachments()).as("attachments").isFalse();
        assertThat(c.configuration()).as("configuration").isNull();
        assertThat(c.registeredContainerInstancesCount()).isEqualTo(3);
        assertThat(c.runningTasksCount()).isEqualTo(6);
        assertThat(c.activeServicesCount()).isEqualTo(13);
    }

    @Test
    void describe_clusters_includes_tags() {
        assertThat(cluster("prod", ClusterField.TAGS).tags()).containsExactly(Tag.builder().key("team").value("orders").build());
    }

    @Test
    void describe_clusters_includes_statistics_as_string_values() {
        Map<String, String> stats = cluster("prod", ClusterField.STATISTICS).statistics().stream()
                .collect(Collectors.toMap(KeyValuePair::name, KeyValuePair::value));

        assertThat(stats).containsKeys("runningEC2TasksCount", "runningFargateTasksCount", "pendingEC2TasksCount",
                "pendingFargateTasksCount", "activeEC2ServiceCount", "activeFargateServiceCount",
                "drainingEC2ServiceCount", "drainingFargateServiceCount");
        assertThat(stats.get("runningFargateTasksCount")).isEqualTo("6");
        assertThat(stats.get("runningEC2TasksCount")).isEqualTo("0");
        assertThat(stats.get("activeFargateServiceCount")).isEqualTo("13");
    }

    @Test
    void describe_clusters_includes_settings() {
        assertThat(cluster("prod", ClusterField.SETTINGS).settings())
                .anySatisfy(s -> {
                    assertThat(s.nameAsString()).isEqualTo("containerInsights");
                    assertThat(s.value()).isEqualTo("enabled");
                });
    }

    @Test
    void describe_clusters_includes_configurations() {
        client.updateCluster(b -> b.cluster("extra-1").configuration(c -> c.executeCommandConfiguration(
                e -> e.logging("DEFAULT"))));

        Cluster c = cluster("extra-1", ClusterField.CONFIGURATIONS);

        assertThat(c.configuration()).isNotNull();
        assertThat(c.configuration().executeCommandConfiguration().loggingAsString()).isEqualTo("DEFAULT");
    }

    @Test
    void describe_clusters_includes_attachments_status() {
        // what the attachments are: describe_clusters_attachments_list_the_auto_scaling_group_providers_scaling_policies
        Cluster c = cluster("extra-0", ClusterField.ATTACHMENTS);

        assertThat(c.hasAttachments()).isTrue();
        assertThat(c.attachmentsStatus()).isIn("UPDATE_IN_PROGRESS", "UPDATE_COMPLETE", "UPDATE_FAILED");
    }

    @Test
    void describe_clusters_attachments_list_the_auto_scaling_group_providers_scaling_policies() {
        // ECS: a cluster using an Auto Scaling group capacity provider with managed scaling shows an
        // attachment {type: "as_policy", status: "CREATED", details: [capacityProviderName, scalingPolicyName]}
        client.putClusterCapacityProviders(b -> b.cluster("extra-0").capacityProviders("asg-cp-0")
                .defaultCapacityProviderStrategy(s -> s.capacityProvider("asg-cp-0").weight(1)));

        Cluster c = client.describeClusters(b -> b.clusters("extra-0").include(ClusterField.ATTACHMENTS)).clusters().get(0);

        assertThat(c.attachments()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("as_policy");
            assertThat(a.details()).anySatisfy(d -> {
                assertThat(d.name()).isEqualTo("capacityProviderName");
                assertThat(d.value()).isEqualTo("asg-cp-0");
            });
        });
    }

    @Test
    void describe_clusters_includes_everything_at_once() {
        Cluster c = cluster("prod", ClusterField.ATTACHMENTS, ClusterField.CONFIGURATIONS, ClusterField.SETTINGS,
                ClusterField.STATISTICS, ClusterField.TAGS);

        assertThat(c.hasTags()).isTrue();
        assertThat(c.hasStatistics()).isTrue();
        assertThat(c.hasSettings()).isTrue();
    }

    @Test
    void describe_container_instances_includes_tags_and_health() {
        String arn = world.hosts.get(0).arn();

        ContainerInstance plain = client.describeContainerInstances(b -> b.cluster("prod").containerInstances(arn))
                .containerInstances().get(0);
        ContainerInstance full = client.describeContainerInstances(b -> b.cluster("prod").containerInstances(arn)
                .include(ContainerInstanceField.TAGS, ContainerInstanceField.CONTAINER_INSTANCE_HEALTH))
                .containerInstances().get(0);

        assertThat(plain.hasTags()).isFalse();
        assertThat(plain.healthStatus()).isNull();
        assertThat(full.tags()).containsExactly(Tag.builder().key("rack").value("r1").build());
        assertThat(full.healthStatus()).isNotNull();
        assertThat(full.healthStatus().overallStatusAsString()).isIn("OK", "IMPAIRED", "INSUFFICIENT_DATA", "INITIALIZING");
    }

    @Test
    void describe_services_includes_tags() {
        var plain = client.describeServices(b -> b.cluster("prod").services("web")).services().get(0);
        var tagged = client.describeServices(b -> b.cluster("prod").services("web").include(ServiceField.TAGS))
                .services().get(0);

        assertThat(plain.hasTags()).isFalse();
        assertThat(tagged.tags()).containsExactly(Tag.builder().key("app").value("web").build());
    }

    @Test
    void describe_tasks_includes_tags() {
        String task = world.taskArns.get(0);

        var plain = client.describeTasks(b -> b.cluster("prod").tasks(task)).tasks().get(0);
        var tagged = client.describeTasks(b -> b.cluster("prod").tasks(task).include(TaskField.TAGS)).tasks().get(0);

        assertThat(plain.hasTags()).isFalse();
        assertThat(tagged.tags()).contains(Tag.builder().key("job").value("batch").build());
    }

    @Test
    void describe_task_definition_includes_tags() {
        var plain = client.describeTaskDefinition(b -> b.taskDefinition("web"));
        var tagged = client.describeTaskDefinition(b -> b.taskDefinition("web").include(TaskDefinitionField.TAGS));

        assertThat(plain.hasTags()).isFalse();
        assertThat(tagged.tags()).containsExactly(Tag.builder().key("tier").value("front").build());
    }

    @Test
    void describe_capacity_providers_includes_tags() {
        var plain = client.describeCapacityProviders(b -> b.capacityProviders("asg-cp-1")).capacityProviders().get(0);
        var tagged = client.describeCapacityProviders(b -> b.capacityProviders("asg-cp-1")
                .include(CapacityProviderField.TAGS)).capacityProviders().get(0);

        assertThat(plain.hasTags()).isFalse();
        assertThat(tagged.tags()).containsExactly(Tag.builder().key("pool").value("asg-cp-1").build());
    }
}
