package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.region.RegionEngine;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityOptionType;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.CreateManagedInstancesProviderConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.List;

/** A world with a cluster {@code prod} and helpers to create Managed Instances providers and tasks. */
final class ManagedInstancesFixtures {

    static final String ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRole";
    static final String PROFILE = "arn:aws:iam::123456789012:instance-profile/ecsInstanceRole";

    private ManagedInstancesFixtures() {
    }

    static FakeEcs world() {
        FakeEcs ecs = FakeEcs.create();
        ecs.api().createCluster(r -> r.clusterName("prod"));
        return ecs;
    }

    static RegionEngine state(FakeEcs ecs) {
        return RegionEngine.of(ecs.defaultRegion());
    }

    static CreateManagedInstancesProviderConfiguration config(List<String> subnets, Integer scaleInAfter,
                                                              CapacityOptionType option) {
        // mi-config-START
        return CreateManagedInstancesProviderConfiguration.builder()
                .infrastructureRoleArn(ROLE)
                .instanceLaunchTemplate(t -> t.ec2InstanceProfileArn(PROFILE)
                        .networkConfiguration(n -> n.subnets(subnets).securityGroups("sg-1"))
                        .capacityOptionType(option)
                        .instanceRequirements(q -> q.vCpuCount(v -> v.min(2).max(8)).memoryMiB(m -> m.min(4096).max(32768))))
                .infrastructureOptimization(o -> o.scaleInAfter(scaleInAfter))
                .build();
        // mi-config-END
    }

    static void provider(EcsClient api, String name, List<String> subnets, Integer scaleInAfter, CapacityOptionType option) {
        api.createCapacityProvider(r -> r.name(name).cluster("prod")
                .managedInstancesProvider(config(subnets, scaleInAfter, option)));
    }

    static String taskDefinition(EcsClient api, int cpu, int memory) {
        return api.registerTaskDefinition(r -> r.family("mi-web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.MANAGED_INSTANCES).cpu(String.valueOf(cpu))
                .memory(String.valueOf(memory))
                .containerDefinitions(c -> c.name("web").image("nginx:latest").essential(true)))
                .taskDefinition().taskDefinitionArn();
    }

    static CapacityProviderStrategyItem strategy(String provider) {
        return CapacityProviderStrategyItem.builder().capacityProvider(provider).weight(1).build();
    }

    static List<Task> runTasks(EcsClient api, String provider, String taskDefinition, int count) {
        return api.runTask(r -> r.cluster("prod").taskDefinition(taskDefinition).count(count)
                .capacityProviderStrategy(strategy(provider))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a"))))
                .tasks();
    }

    static Task describe(EcsClient api, String taskArn) {
        return api.describeTasks(r -> r.cluster("prod").tasks(taskArn)).tasks().get(0);
    }
}
