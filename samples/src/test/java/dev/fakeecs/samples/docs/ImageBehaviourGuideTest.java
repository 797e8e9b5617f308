package dev.fakeecs.samples.docs;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.EcsSpecProvider;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.time.Duration;

import static dev.fakeecs.dsl.Ecs.FARGATE;
import static dev.fakeecs.dsl.Ecs.behavior;
import static dev.fakeecs.dsl.Ecs.taskDefinition;
import static dev.fakeecs.dsl.Ecs.world;
import static dev.fakeecs.junit.EcsAssertions.assertThat;

/** The snippets of docs/junit-guide.md on declaring image behaviour from Java. */
class ImageBehaviourGuideTest {

    @Test
    @EcsCluster(name = "prod", seed = 5)
    void a_crashing_release_is_rolled_back_by_the_circuit_breaker(FakeEcs ecs, EcsClusterHandle prod) {
        // images-declare-START
        // how containers of an image behave; undeclared images start at once, pass health checks, run forever
        ecs.declareImage("acme/orders:2", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(20), 1));   // crashes
        ecs.declareImage("acme/orders:slow", ImageBehavior.DEFAULT.withStartTime(Duration.ofSeconds(30))
                .healthyAfter(Duration.ofMinutes(2)));
        ecs.declareImage("acme/orders:oom", ImageBehavior.DEFAULT.exitAfter(Duration.ofMinutes(3), 137));
        // images-declare-END

        EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2, r -> r
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
        assertThat(orders).eventually(Duration.ofMinutes(5)).isSteady();
        String first = orders.describe().taskDefinition();
        String second = prod.api().registerTaskDefinition(r -> r.family("orders").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("acme/orders:2"))).taskDefinition().taskDefinitionArn();
        prod.api().updateService(r -> r.cluster("prod").service("orders").taskDefinition(second));

        // images-detect-rollback-START
        // a rolled-back deployment leaves Service.deployments(); the service events and the service deployments
        // (ListServiceDeployments / DescribeServiceDeployments, see deployments.md) keep it
        assertThat(orders).eventually(Duration.ofMinutes(30)).hasEvent("rolling back to deployment")
                .hasPrimaryDeployment().withRolloutState(DeploymentRolloutState.COMPLETED);
        assertThat(orders).deployment().wasRolledBack();
        // images-detect-rollback-END
        assertThat(orders.describe().taskDefinition()).isEqualTo(first);
        assertThat(orders.describe().events()).extracting(ServiceEvent::message)
                .anyMatch(m -> m.contains("rolling back to deployment"));
    }

    // images-spec-START
    static class SlowStartingOrders implements EcsSpecProvider {
        @Override
        public WorldSpec spec() {
            return world().seed(5)
                    .image("acme/orders:1", behavior().withStartTime(Duration.ofSeconds(30))
                            .healthyAfter(Duration.ofSeconds(60)))
                    .cluster("prod", c -> c.capacityProviders(FARGATE))
                    .service("orders", s -> s.cluster("prod").desiredCount(2).fargate()
                            .taskDefinition(taskDefinition("orders").fargate().cpu(256).memory(512)
                                    .container("app", a -> a.image("acme/orders:1")).build()))
                    .build();
        }
    }

    @Test
    @EcsCluster(spec = SlowStartingOrders.class)
    void orders_take_their_start_time(EcsClusterHandle prod) {
        EcsServiceHandle orders = prod.service("orders");
        assertThat(orders).eventually(Duration.ofMinutes(5)).hasRunningCount(2);
    }
    // images-spec-END

    @Test
    @EcsCluster(spec = SlowStartingOrders.class)
    void the_declared_start_time_delays_running(EcsClusterHandle prod) {
        prod.clock().advance(Duration.ofSeconds(100));   // a Fargate task runs after ~90 s; this image needs 30 s more
        assertThat(prod.service("orders")).hasRunningCount(0);
        prod.clock().advance(Duration.ofSeconds(60));
        assertThat(prod.service("orders")).hasRunningCount(2);
    }
}
