package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.NamespaceNotFoundException;

import static dev.fakeecs.internal.service.ServiceFixtures.createFargateService;
import static dev.fakeecs.internal.service.ServiceFixtures.fargateFamily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceConnectNamespacesTest {

    private final FakeEcs ecs = ServiceFixtures.world();

    @Test
    void should_list_the_services_that_joined_a_namespace_directly_or_through_the_cluster_default() {
        ecs.api().updateCluster(r -> r.cluster("prod").serviceConnectDefaults(d -> d.namespace("food.internal")));
        String td = fargateFamily(ecs, "app", "acme/app:1", false);
        createFargateService(ecs, "orders", td, 0, r -> r.serviceConnectConfiguration(c -> c.enabled(true)));
        createFargateService(ecs, "payments", td, 0, r -> r.serviceConnectConfiguration(c -> c.enabled(true)
                .namespace("arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-payments")));
        createFargateService(ecs, "loner", td, 0, r -> { });

        assertThat(ecs.api().listServicesByNamespace(r -> r.namespace("food.internal")).serviceArns())
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:service/prod/orders");
        assertThat(ecs.api().listServicesByNamespace(r -> r.namespace("ns-payments")).serviceArns())
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:service/prod/payments");
    }

    @Test
    void should_refuse_a_namespace_nothing_uses() {
        assertThatThrownBy(() -> ecs.api().listServicesByNamespace(r -> r.namespace("ghost.internal")))
                .isInstanceOf(NamespaceNotFoundException.class)
                .hasMessageContaining("The specified namespace wasn't found.");
    }
}
