package dev.fakeecs.samples.quotas;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LimitExceededException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed's "limits to be aware of" — 10,000 tasks per cluster, 2,000 services per cluster,
 * 1,000 task definitions per family — reached for real; the next request fails as ECS fails it.
 */
class SeedQuotasTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(10).build();
    private final EcsClient api = ecs.api();

    private void registerOrders() {
        api.registerTaskDefinition(r -> r.family("orders").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("acme/orders:1")));
    }

    @Test
    void the_10001st_task_in_a_cluster_is_refused() {
        api.createCluster(r -> r.clusterName("food-delivery-prod"));
        registerOrders();
        for (int call = 0; call < 1_000; call++) {
            api.runTask(r -> r.cluster("food-delivery-prod").taskDefinition("orders").count(10)
                    .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v
                            .subnets("subnet-a"))));
        }
        assertThat(api.listTasks(r -> r.cluster("food-delivery-prod")).taskArns()).hasSize(100);

        assertThatThrownBy(() -> api.runTask(r -> r.cluster("food-delivery-prod").taskDefinition("orders")
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v
                        .subnets("subnet-a")))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("The maximum number of tasks (10000)");
    }

    @Test
    void the_2001st_service_in_a_cluster_is_refused() {
        api.createCluster(r -> r.clusterName("food-delivery-prod"));
        registerOrders();
        for (int i = 0; i < 2_000; i++) {
            String name = "svc-" + i;
            api.createService(r -> r.cluster("food-delivery-prod").serviceName(name).taskDefinition("orders")
                    .desiredCount(0).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a"))));
        }

        assertThatThrownBy(() -> api.createService(r -> r.cluster("food-delivery-prod").serviceName("one-too-many")
                .taskDefinition("orders").desiredCount(0).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a")))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("The maximum number of services (2000)");
    }

    @Test
    void the_1001st_revision_of_a_family_is_refused() {
        for (int i = 0; i < 1_000; i++) {
            registerOrders();
        }
        assertThat(api.describeTaskDefinition(r -> r.taskDefinition("orders")).taskDefinition().revision())
                .isEqualTo(1_000);

        assertThatThrownBy(this::registerOrders).isInstanceOf(LimitExceededException.class);
    }
}
