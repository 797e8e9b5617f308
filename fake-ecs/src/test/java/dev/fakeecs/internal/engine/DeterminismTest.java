package dev.fakeecs.internal.engine;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.timing.TimingModel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Same seed and same calls give a byte-identical journal; another seed gives another one. */
class DeterminismTest {

    private static String busyScenario(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).timing(TimingModel.defaults().withJitter(0.2)).build();
        ecs.declareImage("acme/crashy:1", ImageBehavior.DEFAULT.exitAfter(Duration.ofMinutes(3), 1));
        ecs.api().createCluster(r -> r.clusterName("busy").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").base(1).weight(1).build(),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(3).build()));
        for (String az : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
            for (String type : List.of("m5.large", "c5.xlarge")) {
                RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("busy", type, az, null);
            }
        }
        ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").build()));
        ecs.api().registerTaskDefinition(r -> r.family("crashy").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/crashy:1").cpu(256)
                        .memory(256).build()));
        NetworkConfiguration net = NetworkConfiguration.builder()
                .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-a").build()).build();
        for (int round = 0; round < 5; round++) {
            ecs.api().runTask(r -> r.cluster("busy").taskDefinition("web").count(10).networkConfiguration(net));
            ecs.api().runTask(r -> r.cluster("busy").taskDefinition("crashy").count(4).launchType(LaunchType.EC2)
                    .placementStrategy(PlacementStrategy.builder().type(PlacementStrategyType.RANDOM).build()));
            ecs.clock().advance(Duration.ofSeconds(45));
            List<String> running = ecs.api().listTasks(r -> r.cluster("busy").family("web")).taskArns();
            ecs.api().stopTask(r -> r.cluster("busy").task(running.get(0)));
        }
        ecs.clock().advance(Duration.ofMinutes(30));
        return ecs.journal().toJsonLines();
    }

    @Test
    void should_write_the_same_journal_byte_for_byte_for_the_same_seed() {
        String first = busyScenario(2026);
        String second = busyScenario(2026);

        assertThat(first.lines().count()).isGreaterThan(400);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void should_write_a_different_journal_for_another_seed() {
        assertThat(busyScenario(1)).isNotEqualTo(busyScenario(2));
    }
}
