package dev.fakeecs.wire;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Failure;

import java.util.List;

import static dev.fakeecs.wire.PopulatedEcs.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every Describe* operation reports what it cannot find in {@code failures} with reason MISSING and
 * the full long-format ARN, next to what it did find.
 */
class DescribeFailuresTest {

    private static final String GHOST_ID = "0123456789abcdef0123456789abcdef";
    private static PopulatedEcs world;
    private static EcsClient client;

    @BeforeAll
    static void populate() {
        world = new PopulatedEcs();
        client = world.client;
    }

    @AfterAll
    static void close() {
        world.close();
    }

    private static void assertMissing(List<Failure> failures, String... arns) {
        assertThat(failures).extracting(Failure::arn, Failure::reason)
                .containsExactlyInAnyOrder(java.util.Arrays.stream(arns).map(a -> tuple(a, "MISSING"))
                        .toArray(org.assertj.core.groups.Tuple[]::new));
    }

    @Test
    void describe_clusters_reports_a_missing_name_and_a_missing_arn() {
        var r = client.describeClusters(b -> b.clusters("prod", "ghost", PREFIX + "cluster/phantom"));

        assertThat(r.clusters()).extracting(c -> c.clusterName()).containsExactly("prod");
        assertMissing(r.failures(), PREFIX + "cluster/ghost", PREFIX + "cluster/phantom");
    }

    @Test
    void describe_services_reports_a_missing_name_with_the_short_arn_and_echoes_a_missing_arn() {
        var r = client.describeServices(b -> b.cluster("prod").services("web", "ghost",
                PREFIX + "service/prod/phantom"));

        assertThat(r.services()).extracting(s -> s.serviceName()).containsExactly("web");
        assertMissing(r.failures(), PREFIX + "service/ghost", PREFIX + "service/prod/phantom");
    }

    @Test
    void describe_services_of_an_unknown_cluster_is_cluster_not_found() {
        assertThatThrownBy(() -> client.describeServices(b -> b.cluster("ghost").services("web")))
                .isInstanceOf(ClusterNotFoundException.class).hasMessageStartingWith("Cluster not found.");
    }

    @Test
    void describe_tasks_reports_a_missing_task_id_and_arn_with_the_long_arn() {
        String known = world.taskArns.get(0);
        String otherId = "fedcba9876543210fedcba9876543210";

        var r = client.describeTasks(b -> b.cluster("prod").tasks(known, GHOST_ID, PREFIX + "task/prod/" + otherId));

        assertThat(r.tasks()).extracting(t -> t.taskArn()).containsExactly(known);
        assertMissing(r.failures(), PREFIX + "task/prod/" + GHOST_ID, PREFIX + "task/prod/" + otherId);
    }

    @Test
    void describe_container_instances_reports_a_missing_instance_with_the_long_arn() {
        String known = world.hosts.get(0).arn();

        var r = client.describeContainerInstances(b -> b.cluster("prod").containerInstances(known, GHOST_ID));

        assertThat(r.containerInstances()).extracting(c -> c.containerInstanceArn()).containsExactly(known);
        assertMissing(r.failures(), PREFIX + "container-instance/prod/" + GHOST_ID);
    }

    @Test
    void describe_capacity_providers_reports_a_missing_provider_with_its_arn() {
        var r = client.describeCapacityProviders(b -> b.capacityProviders("FARGATE", "asg-cp-0", "ghost-cp"));

        assertThat(r.capacityProviders()).extracting(c -> c.name()).containsExactlyInAnyOrder("FARGATE", "asg-cp-0");
        assertMissing(r.failures(), PREFIX + "capacity-provider/ghost-cp");
    }

    @Test
    void describe_task_sets_reports_a_missing_task_set_with_the_long_arn() {
        client.createService(b -> b.cluster("prod").serviceName("ext").desiredCount(0)
                .deploymentController(d -> d.type("EXTERNAL")));
        String id = "ecs-svc/1234567890123456789";

        var r = client.describeTaskSets(b -> b.cluster("prod").service("ext").taskSets(id));

        assertThat(r.taskSets()).isEmpty();
        assertMissing(r.failures(), PREFIX + "task-set/prod/ext/" + id);
    }

    @Test
    void describe_service_deployments_reports_a_missing_deployment_by_its_arn() {
        String ghost = PREFIX + "service-deployment/prod/web/AAAAAAAAAAAAAAAAAAAAAA";
        String known = client.listServiceDeployments(b -> b.cluster("prod").service("web")).serviceDeployments()
                .get(0).serviceDeploymentArn();

        var r = client.describeServiceDeployments(b -> b.serviceDeploymentArns(known, ghost));

        assertThat(r.serviceDeployments()).extracting(d -> d.serviceDeploymentArn()).containsExactly(known);
        assertMissing(r.failures(), ghost);
    }

    @Test
    void describe_service_revisions_reports_a_missing_revision_by_its_arn() {
        String ghost = PREFIX + "service-revision/prod/web/1234567890123456789";

        var r = client.describeServiceRevisions(b -> b.serviceRevisionArns(ghost));

        assertThat(r.serviceRevisions()).isEmpty();
        assertMissing(r.failures(), ghost);
    }

    @Test
    void describe_task_definition_of_an_unknown_family_is_a_client_exception() {
        assertThatThrownBy(() -> client.describeTaskDefinition(b -> b.taskDefinition("ghost")))
                .isInstanceOf(ClientException.class)
                .hasMessageStartingWith("Unable to describe task definition.");
        assertThatThrownBy(() -> client.describeTaskDefinition(b -> b.taskDefinition("web:99")))
                .isInstanceOf(ClientException.class)
                .hasMessageStartingWith("Unable to describe task definition.");
    }
}
