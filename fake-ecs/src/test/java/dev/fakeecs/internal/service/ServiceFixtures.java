package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;

import java.util.function.Consumer;

/** Worlds, task definitions and services the service tests share. */
final class ServiceFixtures {

    static final NetworkConfiguration NETWORK = NetworkConfiguration.builder()
            .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-1").build()).build();

    private ServiceFixtures() {
    }

    static FakeEcs world() {
        FakeEcs ecs = FakeEcs.builder().seed(11).build();
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        return ecs;
    }

    /** Registers family {@code family} running {@code image} on Fargate; returns the revision ARN. */
    static String fargateFamily(FakeEcs ecs, String family, String image, boolean healthCheck) {
        ContainerDefinition.Builder c = ContainerDefinition.builder().name("app").image(image);
        if (healthCheck) {
            c.healthCheck(HealthCheck.builder().command("CMD-SHELL", "true").interval(10).build());
        }
        return ecs.api().registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512").containerDefinitions(c.build()))
                .taskDefinition().taskDefinitionArn();
    }

    static void createFargateService(FakeEcs ecs, String name, String taskDefinition, int desired,
                                     Consumer<CreateServiceRequest.Builder> more) {
        ecs.api().createService(r -> {
            r.cluster("prod").serviceName(name).taskDefinition(taskDefinition).desiredCount(desired)
                    .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK);
            more.accept(r);
        });
    }

    static Service describe(FakeEcs ecs, String name) {
        DescribeServicesResponse r = ecs.api().describeServices(b -> b.cluster("prod").services(name));
        return r.services().get(0);
    }
}
