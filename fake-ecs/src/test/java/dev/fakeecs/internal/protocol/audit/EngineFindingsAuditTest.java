package dev.fakeecs.internal.protocol.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Engine behaviour the wire audit found to differ from ECS (kept out of the build; see the report). */
class EngineFindingsAuditTest {

    private final AuditWorld world = new AuditWorld();
    private final EcsClient client = world.client;

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void list_services_accepts_max_results_up_to_100() {
        // ECS API reference: ListServices maxResults "between 1 and 100", default 10
        assertThat(client.listServices(b -> b.cluster("prod").maxResults(100)).serviceArns()).hasSize(13);
        assertThat(client.listServices(b -> b.cluster("prod").maxResults(11)).serviceArns()).hasSize(11);
        assertThatThrownBy(() -> client.listServices(b -> b.cluster("prod").maxResults(101)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void list_services_by_namespace_accepts_max_results_up_to_100() {
        // ECS API reference: ListServicesByNamespace maxResults "between 1 and 100", default 10
        assertThat(client.listServicesByNamespace(b -> b.namespace("food.internal").maxResults(100)).serviceArns())
                .hasSize(12);
        assertThatThrownBy(() -> client.listServicesByNamespace(b -> b.namespace("food.internal").maxResults(101)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void list_service_deployments_returns_20_by_default() {
        // ECS API reference: ListServiceDeployments "returns up to 20 results and a nextToken value if applicable"
        var first = client.listServiceDeployments(b -> b.cluster("prod").service("web"));

        assertThat(first.serviceDeployments().size()).as("deployments on the default page").isEqualTo(20);
        assertThat(first.nextToken()).isNotNull();
    }

    @Test
    void a_token_from_one_listing_is_refused_by_another() {
        String servicesToken = client.listServices(b -> b.cluster("prod").maxResults(1)).nextToken();

        assertThatThrownBy(() -> client.listClusters(b -> b.nextToken(servicesToken)))
                .isInstanceOf(InvalidParameterException.class);
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
}
