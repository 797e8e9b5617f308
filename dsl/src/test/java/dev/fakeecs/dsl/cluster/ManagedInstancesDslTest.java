package dev.fakeecs.dsl.cluster;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.CapacityProviderType;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;

import static dev.fakeecs.dsl.Ecs.capacityProvider;
import static dev.fakeecs.dsl.Ecs.world;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedInstancesDslTest {

    @Test
    void a_cluster_declares_a_managed_instances_provider_a_daemon_and_a_default_strategy() {
        // given
        // dsl-managed-instances-START
        try (FakeEcs ecs = world().region("us-east-1")
                .cluster("prod", c -> c
                        .managedInstancesProvider("mi", p -> p.subnets("subnet-us-east-1a", "subnet-us-east-1b")
                                .vCpus(2, 8).memoryMiB(4096, 32768).scaleInAfterSeconds(600))
                        .daemon("log-router", d -> d.image("fluent-bit:3").cpu(256).memory(256)
                                .capacityProviders("mi"))
                        .defaultStrategy(capacityProvider("mi").weight(1)))
                .start()) {
            // dsl-managed-instances-END
            // when
            var api = ecs.api();
            String td = api.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.MANAGED_INSTANCES).cpu("512").memory("1024")
                    .containerDefinitions(x -> x.name("web").image("nginx"))).taskDefinition().taskDefinitionArn();
            api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(td).desiredCount(2)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a"))));
            ecs.clock().advance(Duration.ofMinutes(5));

            // then
            var provider = api.describeCapacityProviders(r -> r.capacityProviders("mi")).capacityProviders().get(0);
            assertThat(provider.type()).isEqualTo(CapacityProviderType.MANAGED_INSTANCES);
            assertThat(provider.managedInstancesProvider().infrastructureOptimization().scaleInAfter()).isEqualTo(600);
            var cluster = api.describeClusters(r -> r.clusters("prod")).clusters().get(0);
            assertThat(cluster.capacityProviders()).containsExactly("mi");
            assertThat(cluster.defaultCapacityProviderStrategy()).extracting(CapacityProviderStrategyItem::capacityProvider)
                    .containsExactly("mi");
            assertThat(api.listDaemons(r -> r.clusterArn("prod")).daemonSummariesList()).hasSize(1);
            assertThat(api.describeServices(r -> r.cluster("prod").services("web")).services().get(0).runningCount())
                    .isEqualTo(2);
            int instances = api.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns().size();
            assertThat(instances).isPositive();
            assertThat(api.listTasks(r -> r.cluster("prod")).taskArns()).hasSize(2 + instances);
        }
    }

    @Test
    void a_daemon_must_name_a_managed_instances_provider_of_its_cluster() {
        assertThatThrownBy(() -> ClusterSpec.builder("prod")
                .managedInstancesProvider("mi", p -> p.subnets("subnet-a"))
                .daemon("agent", d -> d.image("agent:1").capacityProviders("other"))
                .build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("daemons[0].capacityProviders");
        assertThatThrownBy(() -> ManagedInstancesProviderSpec.builder("mi").build())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("subnets");
        assertThatThrownBy(() -> ManagedInstancesProviderSpec.builder("mi").subnets("s").scaleInAfterSeconds(4000)
                .build()).isInstanceOf(InvalidSpecException.class).hasMessageContaining("scaleInAfterSeconds");
    }
}
