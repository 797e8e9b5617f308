package dev.fakeecs.internal.taskdefinition;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.ResourceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Task definitions and assertions the task definition tests share. */
final class TaskDefinitionFixtures {

    private TaskDefinitionFixtures() {
    }

    /** A valid EC2 container: name, image, 256 MiB. */
    static ContainerDefinition container(String name) {
        return ContainerDefinition.builder().name(name).image("nginx:1.27").memory(256).build();
    }

    /** A one-container EC2 (bridge) registration of {@code family}. */
    static RegisterTaskDefinitionRequest simple(String family) {
        return RegisterTaskDefinitionRequest.builder().family(family).containerDefinitions(container("web")).build();
    }

    /** The food-delivery order-service: Fargate, 512 CPU / 1024 MiB, awsvpc, port 8080. */
    static RegisterTaskDefinitionRequest orderService() {
        return RegisterTaskDefinitionRequest.builder()
                .family("order-service")
                .requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC)
                .cpu("512").memory("1024")
                .executionRoleArn("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
                .containerDefinitions(c -> c.name("order-service")
                        .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/order-service:1.4.2")
                        .portMappings(p -> p.containerPort(8080)))
                .build();
    }

    /** The food-delivery restaurant-service: EC2, bridge, one GPU, static host port 80. */
    static RegisterTaskDefinitionRequest restaurantService() {
        return RegisterTaskDefinitionRequest.builder()
                .family("restaurant-service")
                .requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("restaurant-service")
                        .image("restaurant-service:2.0")
                        .cpu(1024).memory(4096)
                        .portMappings(p -> p.containerPort(8080).hostPort(80))
                        .resourceRequirements(r -> r.type(ResourceType.GPU).value("1")))
                .build();
    }

    /** The food-delivery ml-recommendation: EC2 Graviton (arm64). */
    static RegisterTaskDefinitionRequest mlRecommendation() {
        return RegisterTaskDefinitionRequest.builder()
                .family("ml-recommendation")
                .requiresCompatibilities(Compatibility.EC2)
                .runtimePlatform(p -> p.cpuArchitecture(CPUArchitecture.ARM64).operatingSystemFamily(OSFamily.LINUX))
                .containerDefinitions(c -> c.name("ml-recommendation")
                        .image("ml-recommendation:0.9-arm64")
                        .cpu(2048).memoryReservation(2048).memory(4096))
                .build();
    }

    /** Asserts that {@code call} fails with an ECS error of the given type, code and exact message. */
    static void assertEcsError(ThrowingCallable call, Class<? extends EcsException> type, String message) {
        EcsException e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s: %s", type.getSimpleName(), message).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(e.statusCode()).isEqualTo(400);
    }
}
