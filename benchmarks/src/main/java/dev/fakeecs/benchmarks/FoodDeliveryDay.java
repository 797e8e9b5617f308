package dev.fakeecs.benchmarks;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.LoadModel;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import dev.fakeecs.fault.ChaosMonkey;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The seed's food-delivery world for one virtual day: six services on Fargate, Fargate Spot and
 * EC2 (GPU and Graviton) hosts, order-service auto scaled 2–20 on a dinner-peak load curve, and
 * a chaos monkey injecting faults all day.
 */
final class FoodDeliveryDay {

    private static final NetworkConfiguration NET = NetworkConfiguration.builder()
            .awsvpcConfiguration(v -> v.subnets("subnet-a")).build();

    private FoodDeliveryDay() {
    }

    static FakeEcs world(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).start(Instant.parse("2026-03-06T00:00:00Z")).build();
        EcsClient api = ecs.api();
        var state = RegionEngine.of(ecs.defaultRegion());
        api.createCluster(r -> r.clusterName("food-delivery-prod").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").base(2).weight(1).build(),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(4).build()));
        state.read(() -> {
            state.capacityProviders().autoScalingGroups().createGroup("gpu-pool", "g4dn.xlarge", 5, 8, 6, List.of(),
                    false).clusterName("food-delivery-prod");
            state.capacityProviders().autoScalingGroups().createGroup("graviton-pool", "m6g.large", 2, 4, 2,
                    List.of(), false).clusterName("food-delivery-prod");
            return null;
        });
        for (String family : List.of("user-service", "order-service", "payment-service", "notification-service")) {
            api.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                    .containerDefinitions(ContainerDefinition.builder().name("app").image("food/" + family + ":1")
                            .build()));
        }
        api.registerTaskDefinition(r -> r.family("restaurant-service").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("food/restaurants:1").cpu(1024)
                        .memory(4096).resourceRequirements(q -> q.type("GPU").value("1")).build()));
        api.registerTaskDefinition(r -> r.family("ml-recommendation").networkMode(NetworkMode.BRIDGE)
                .runtimePlatform(p -> p.cpuArchitecture("ARM64").operatingSystemFamily("LINUX"))
                .containerDefinitions(ContainerDefinition.builder().name("app").image("food/ml:1").cpu(512)
                        .memory(1024).build()));
        ecs.clock().advance(Duration.ofMinutes(2));
        fargate(api, "user-service", 3);
        fargate(api, "order-service", 2);
        fargate(api, "payment-service", 2);
        fargate(api, "notification-service", 1);
        ec2(api, "restaurant-service", 5);
        ec2(api, "ml-recommendation", 2);
        dev.fakeecs.spi.EngineSetup setup = dev.fakeecs.spi.EngineSetup.of(ecs);
        setup.registerScalableTarget(ecs.defaultRegion().name(), "food-delivery-prod", "order-service", 2, 20,
                java.util.List.of(TargetTrackingPolicy.cpu(60)));
        LoadModel dinner = at -> {
            LocalTime t = at.atZone(ZoneOffset.UTC).toLocalTime();
            return !t.isBefore(LocalTime.of(19, 0)) && t.isBefore(LocalTime.of(21, 0)) ? 600 : 60;
        };
        setup.setServiceLoad(ecs.defaultRegion().name(), "food-delivery-prod", "order-service",
                new ServiceLoad(dinner, 50));
        return ecs;
    }

    private static void fargate(EcsClient api, String name, int desired) {
        api.createService(r -> r.cluster("food-delivery-prod").serviceName(name).taskDefinition(name)
                .desiredCount(desired).networkConfiguration(NET));
    }

    private static void ec2(EcsClient api, String name, int desired) {
        api.createService(r -> r.cluster("food-delivery-prod").serviceName(name).taskDefinition(name)
                .desiredCount(desired).launchType(LaunchType.EC2));
    }

    /** Runs one virtual day with {@code faultsPerHour} faults from the chaos monkey; returns journal size. */
    static int runDay(long seed, double faultsPerHour) {
        FakeEcs ecs = world(seed);
        ChaosMonkey.builder(ecs).cluster("food-delivery-prod").faultsPerHour(faultsPerHour)
                .maxFaultDuration(Duration.ofMinutes(10)).build().run(Duration.ofHours(24));
        return ecs.journal().size();
    }
}
