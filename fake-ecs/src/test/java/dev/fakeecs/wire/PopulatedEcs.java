package dev.fakeecs.wire;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.capacity.AutoScalingGroup;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.region.RegionEngine;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A fake ECS populated the way clients see it, mostly through the SDK client ({@link FakeEcs#newClient()};
 * EC2 hosts and Auto Scaling groups, which have no ECS API, through the engine): several clusters, three
 * EC2 hosts, Fargate tasks, services in a Service Connect namespace, a service with several deployments,
 * task definition revisions and Auto Scaling group capacity providers. The clock starts on a
 * non-whole second so timestamps carry milliseconds.
 */
final class PopulatedEcs implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String PREFIX = "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":";
    static final Instant START = Instant.parse("2026-01-01T00:00:00.250Z");
    static final Consumer<NetworkConfiguration.Builder> NET = n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a"));

    final FakeEcs ecs;
    final EcsClient client;
    final List<SimulatedContainerInstance> hosts = new ArrayList<>();
    final List<String> taskArns = new ArrayList<>();
    final List<String> extraClusters = new ArrayList<>();
    final List<String> services = new ArrayList<>();
    final List<String> capacityProviders = new ArrayList<>();

    PopulatedEcs() {
        ecs = FakeEcs.builder().seed(77).start(START).build();
        client = ecs.newClient();
        client.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT")
                .serviceConnectDefaults(d -> d.namespace("food.internal"))
                .tags(t -> t.key("team").value("orders")));
        for (int i = 0; i < 4; i++) {
            String name = "extra-" + i;
            client.createCluster(r -> r.clusterName(name));
            extraClusters.add(name);
        }
        for (int i = 0; i < 3; i++) {
            String family = "fam-" + i;
            client.registerTaskDefinition(r -> r.family(family).containerDefinitions(c -> c.name("app")
                    .image("acme/app:1").memory(128)));
        }
        for (int revision = 0; revision < 3; revision++) {
            client.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("web").image("acme/web:1"))
                    .tags(t -> t.key("tier").value("front")));
        }
        RegionEngine state = RegionEngine.of(ecs.defaultRegion());
        for (String zone : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
            hosts.add(state.read(() -> state.containerInstances().launchHost("prod", "m5.large", zone, null)));
        }
        for (int i = 0; i < 3; i++) {
            String name = "asg-cp-" + i;
            AutoScalingGroup asg = state.read(() -> state.capacityProviders().autoScalingGroups()
                    .createGroup(name, "m5.large", 0, 4, 0, List.of("us-east-1a"), false));
            client.createCapacityProvider(r -> r.name(name).autoScalingGroupProvider(p -> p
                    .autoScalingGroupArn(asg.arn()).managedScaling(s -> s.status(ManagedScalingStatus.ENABLED)
                            .targetCapacity(100))).tags(t -> t.key("pool").value(name)));
            capacityProviders.add(name);
        }
        for (int i = 0; i < 12; i++) {
            String name = "svc-" + i;
            client.createService(r -> r.cluster("prod").serviceName(name).taskDefinition("web").desiredCount(0)
                    .launchType(LaunchType.FARGATE).networkConfiguration(NET)
                    .serviceConnectConfiguration(c -> c.enabled(true)));
            services.add(name);
        }
        client.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(NET).tags(t -> t.key("app").value("web"))
                .propagateTags("SERVICE"));
        services.add("web");
        ecs.clock().advance(Duration.ofMillis(120_125));
        for (int i = 0; i < 22; i++) {
            client.updateService(r -> r.cluster("prod").service("web").forceNewDeployment(true));
            ecs.clock().advance(Duration.ofMillis(150_333));
        }
        for (Task task : client.runTask(r -> r.cluster("prod").taskDefinition("web").count(5)
                .launchType(LaunchType.FARGATE).networkConfiguration(NET).tags(t -> t.key("job").value("batch")))
                .tasks()) {
            taskArns.add(task.taskArn());
        }
        ecs.clock().advance(Duration.ofMillis(95_750));
    }

    String clusterArn(String name) {
        return PREFIX + "cluster/" + name;
    }

    @Override
    public void close() {
        ecs.close();
    }
}
