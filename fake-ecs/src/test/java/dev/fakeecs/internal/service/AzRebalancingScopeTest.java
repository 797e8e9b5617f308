package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.region.RegionEngine;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** AZ rebalancing never churns: it applies only where ECS applies it and only counts zones the service can use. */
class AzRebalancingScopeTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(5).build();

    private void ec2Cluster() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        for (String az : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
            RegionEngine.of(ecs.defaultRegion()).containerInstances().launchHost("prod", "m5.large", az, null);
        }
        ecs.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1")
                        .cpu(256).memory(256).build()));
    }

    private int tasksEverStarted(String service) {
        int running = ecs.api().listTasks(b -> b.cluster("prod").serviceName(service)).taskArns().size();
        int stopped = ecs.api().listTasks(b -> b.cluster("prod").serviceName(service)
                .desiredStatus(DesiredStatus.STOPPED)).taskArns().size();
        return running + stopped;
    }

    private List<String> messages(String service) {
        return ecs.api().describeServices(b -> b.cluster("prod").services(service)).services().get(0).events()
                .stream().map(ServiceEvent::message).toList();
    }

    @Test
    void should_not_churn_a_service_pinned_to_one_zone_by_a_member_of_constraint() {
        ec2Cluster();
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(3)
                .launchType(LaunchType.EC2).placementConstraints(PlacementConstraint.builder()
                        .type(PlacementConstraintType.MEMBER_OF)
                        .expression("attribute:ecs.availability-zone == us-east-1b").build()));

        ecs.clock().advance(Duration.ofMinutes(30));

        assertThat(tasksEverStarted("web")).isEqualTo(3);
        assertThat(messages("web")).noneMatch(m -> m.contains("AZ balanced"));
    }

    @Test
    void should_not_rebalance_a_service_whose_first_strategy_is_binpack() {
        ec2Cluster();
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(3)
                .launchType(LaunchType.EC2).placementStrategy(PlacementStrategy.builder()
                        .type(PlacementStrategyType.BINPACK).field("memory").build()));

        ecs.clock().advance(Duration.ofMinutes(30));

        assertThat(tasksEverStarted("web")).isEqualTo(3);
        assertThat(messages("web")).noneMatch(m -> m.contains("AZ balanced"));
    }

    @Test
    void should_count_only_the_zones_a_fargate_service_subnets_allow() {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ServiceFixtures.fargateFamily(ecs, "web", "acme/web:1", false);
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(3)
                .launchType(LaunchType.FARGATE).networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-us-east-1b").build())
                        .build()));

        ecs.clock().advance(Duration.ofMinutes(30));

        assertThat(tasksEverStarted("web")).isEqualTo(3);
        assertThat(messages("web")).noneMatch(m -> m.contains("AZ balanced"));
    }

    @Test
    void should_still_rebalance_a_service_spread_across_zones() {
        ec2Cluster();
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(3)
                .launchType(LaunchType.EC2).placementStrategy(PlacementStrategy.builder()
                        .type(PlacementStrategyType.SPREAD).field("attribute:ecs.availability-zone").build(),
                        PlacementStrategy.builder().type(PlacementStrategyType.BINPACK).field("memory").build()));
        ecs.clock().advance(Duration.ofMinutes(3));

        assertThat(AzRebalancer.appliesTo(RegionEngine.of(ecs.defaultRegion()).services().find("prod", "web")))
                .isTrue();
    }
}
