package dev.fakeecs.docs;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The example README.md shows; it compiles and runs here so the README cannot rot. */
class ReadmeExampleTest {

    @Test
    void readme_example() {
        // readme-quick-start-START
        try (FakeEcs ecs = FakeEcs.builder().seed(42).region("us-east-1").build()) {
            EcsClient client = ecs.newClient();               // a real AWS SDK client, in process
            client.createCluster(r -> r.clusterName("food-delivery-prod"));
            client.registerTaskDefinition(r -> r.family("order-service")
                    .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC)
                    .cpu("512").memory("1024")
                    .containerDefinitions(c -> c.name("orders").image("acme/orders:1.0")));
            client.createService(r -> r.cluster("food-delivery-prod").serviceName("order-service")
                    .taskDefinition("order-service").desiredCount(2).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a"))));

            ecs.clock().advance(Duration.ofSeconds(90));       // virtual time: instant, deterministic

            Service orders = client.describeServices(r -> r.cluster("food-delivery-prod")
                    .services("order-service")).services().get(0);
            assertThat(orders.runningCount()).isEqualTo(2);    // Fargate tasks start in ~90 s
        }
        // readme-quick-start-END
    }
}
