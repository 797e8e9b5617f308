package dev.fakeecs.internal.task;

import dev.fakeecs.FakeEcs;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;

/** Task definitions and networks the task tests share. */
final class TaskFixtures {

    static final NetworkConfiguration NETWORK = NetworkConfiguration.builder()
            .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-1", "subnet-2").build()).build();

    private TaskFixtures() {
    }

    static void registerFargate(FakeEcs ecs, String family, String image) {
        ecs.api().registerTaskDefinition(r -> r.family(family)
                .requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image(image)
                        .portMappings(PortMapping.builder().containerPort(8080).build()).build()));
    }

    static void registerFargateWithHealthCheck(FakeEcs ecs, String family, String image) {
        ecs.api().registerTaskDefinition(r -> r.family(family)
                .requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image(image)
                        .healthCheck(HealthCheck.builder().command("CMD-SHELL", "curl -f localhost:8080").build())
                        .build()));
    }

    static void registerEc2(FakeEcs ecs, String family, String image, int cpu, int memory, int hostPort) {
        ecs.api().registerTaskDefinition(r -> r.family(family)
                .networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image(image).cpu(cpu).memory(memory)
                        .portMappings(hostPort == 0 ? new PortMapping[0]
                                : new PortMapping[] {PortMapping.builder().containerPort(8080).hostPort(hostPort).build()})
                        .build()));
    }
}
