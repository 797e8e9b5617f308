package dev.fakeecs.fault;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.capacity.AutoScalingGroup;
import dev.fakeecs.internal.region.RegionEngine;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.List;

/** Worlds, hosts and services the fault tests share. */
final class FaultFixtures {

    static final NetworkConfiguration NETWORK = NetworkConfiguration.builder()
            .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-1").build()).build();

    private FaultFixtures() {
    }

    /** Seed 5, us-east-1, cluster "prod" with FARGATE and FARGATE_SPOT. */
    static FakeEcs world() {
        FakeEcs ecs = FakeEcs.builder().seed(5).build();
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        return ecs;
    }

    static RegionEngine state(FakeEcs ecs) {
        return RegionEngine.of(ecs.defaultRegion());
    }

    /** An Auto Scaling group of {@code count} m5.large hosts over the three zones, registering with "prod". */
    static AutoScalingGroup hosts(FakeEcs ecs, int count, boolean spot) {
        return state(ecs).capacityProviders().autoScalingGroups()
                .createGroup(spot ? "spot-hosts" : "hosts", "m5.large", 0, 10, count, List.of(), spot)
                .clusterName("prod");
    }

    /** A bridge-mode EC2 family of 256 CPU units / 512 MiB. */
    static String ec2Family(FakeEcs ecs, String family) {
        return ecs.api().registerTaskDefinition(r -> r.family(family).networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/" + family + ":1")
                        .cpu(256).memory(512).build())).taskDefinition().taskDefinitionArn();
    }

    static String fargateFamily(FakeEcs ecs, String family, String image, boolean healthCheck) {
        ContainerDefinition.Builder c = ContainerDefinition.builder().name("app").image(image);
        if (healthCheck) {
            c.healthCheck(HealthCheck.builder().command("CMD-SHELL", "true").interval(10).build());
        }
        return ecs.api().registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512").containerDefinitions(c.build()))
                .taskDefinition().taskDefinitionArn();
    }

    static void ec2Service(FakeEcs ecs, String name, String td, int desired) {
        ecs.api().createService(r -> r.cluster("prod").serviceName(name).taskDefinition(td).desiredCount(desired)
                .launchType(LaunchType.EC2));
    }

    static void fargateService(FakeEcs ecs, String name, String td, int desired) {
        ecs.api().createService(r -> r.cluster("prod").serviceName(name).taskDefinition(td).desiredCount(desired)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK));
    }

    static void fargateSpotService(FakeEcs ecs, String name, String td, int desired) {
        ecs.api().createService(r -> r.cluster("prod").serviceName(name).taskDefinition(td).desiredCount(desired)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT")
                        .weight(1).build())
                .networkConfiguration(NETWORK));
    }

    /** The service's tasks with that desired status, described. */
    static List<Task> tasks(FakeEcs ecs, String service, String desiredStatus) {
        List<String> arns = ecs.api().listTasks(b -> b.cluster("prod").serviceName(service)
                .desiredStatus(desiredStatus)).taskArns();
        return arns.isEmpty() ? List.of() : ecs.api().describeTasks(b -> b.cluster("prod").tasks(arns)).tasks();
    }

    static Task task(FakeEcs ecs, String arn) {
        return ecs.api().describeTasks(b -> b.cluster("prod").tasks(arn)).tasks().get(0);
    }

    static int running(FakeEcs ecs, String service) {
        return ecs.api().describeServices(b -> b.cluster("prod").services(service)).services().get(0).runningCount();
    }

    static List<String> events(FakeEcs ecs, String service) {
        return ecs.api().describeServices(b -> b.cluster("prod").services(service)).services().get(0).events()
                .stream().map(e -> e.message()).toList();
    }
}
