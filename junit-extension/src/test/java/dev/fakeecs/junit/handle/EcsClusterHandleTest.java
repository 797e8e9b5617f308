package dev.fakeecs.junit.handle;

import dev.fakeecs.junit.EcsCluster;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.fakeecs.junit.EcsAssertions.assertThat;

/** The handles: SDK model objects from describe(), and fargateService's defaults. */
@EcsCluster(name = "prod", seed = 4)
class EcsClusterHandleTest {

    @Test
    void should_create_a_fargate_service_with_the_documented_defaults(EcsClusterHandle prod) {
        EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);

        Service service = orders.describe();
        TaskDefinition td = prod.api().describeTaskDefinition(r -> r.taskDefinition(service.taskDefinition()))
                .taskDefinition();
        assertThat(service.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(service.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly("subnet-fake-ecs");
        assertThat(td.family()).isEqualTo("orders");
        assertThat(td.cpu()).isEqualTo("256");
        assertThat(td.memory()).isEqualTo("512");
        assertThat(td.containerDefinitions()).extracting(ContainerDefinition::name).containsExactly("app");
    }

    @Test
    void should_keep_the_fargate_launch_type_when_the_request_is_customized(EcsClusterHandle prod) {
        EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2, r -> r.enableExecuteCommand(true));

        assertThat(orders.describe().launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(orders.describe().enableExecuteCommand()).isTrue();
        assertThat(orders).eventually(Duration.ofMinutes(3)).hasRunningCount(2);
        assertThat(orders).tasks().allRunningOn(Capacity.FARGATE);
    }

    @Test
    void should_document_the_fargate_service_defaults_in_the_class_javadoc() throws Exception {
        String source = Files.readString(Path.of("src/main/java/dev/fakeecs/junit/handle/EcsClusterHandle.java"));
        String classJavadoc = source.substring(source.indexOf("/**"), source.indexOf("public class EcsClusterHandle"));

        assertThat(classJavadoc).contains("256 CPU units and 512 MiB", "{@value #DEFAULT_CONTAINER}",
                "subnet {@code subnet-fake-ecs}", "every overload alike", "launch type stays FARGATE");
        assertThat(EcsClusterHandle.DEFAULT_CONTAINER).isEqualTo("app");
    }

    @Test
    void should_describe_with_the_sdk_model(EcsClusterHandle prod) {
        EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 1);
        prod.clock().advance(Duration.ofMinutes(3));
        EcsTaskHandle task = orders.tasks().get(0);

        assertThat(prod.describe().clusterArn()).isEqualTo(prod.arn());
        assertThat(prod.describe().runningTasksCount()).isEqualTo(1);
        assertThat(orders.arn()).isEqualTo(orders.describe().serviceArn());
        assertThat(task.describe().lastStatus()).isEqualTo("RUNNING");
        assertThat(orders.primaryDeployment().describe().rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(prod.service("payments").describe()).isNull();
        assertThat(prod.service("payments").exists()).isFalse();
        assertThat(new EcsClusterHandle(prod.ecs(), prod.region(), "dr").describe()).isNull();
    }

    @Test
    void should_launch_hosts_round_robin_over_the_zones(EcsClusterHandle prod) {
        var hosts = prod.launchHosts("c5.xlarge", 4);

        assertThat(hosts).extracting(EcsContainerInstanceHandle::availabilityZone)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1a");
        assertThat(prod.containerInstances()).extracting(EcsContainerInstanceHandle::arn)
                .containsExactlyElementsOf(hosts.stream().map(EcsContainerInstanceHandle::arn).toList());
        assertThat(hosts.get(0).describe().status()).isEqualTo("ACTIVE");
        assertThat(hosts.get(0).toString()).endsWith("(c5.xlarge, us-east-1a)");
        assertThat(hosts.get(0)).isActive().isInZone("us-east-1a");
    }
}
