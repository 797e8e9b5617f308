package dev.fakeecs.dsl.cluster;

import dev.fakeecs.dsl.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.ManagedTerminationProtection;

import java.util.List;

import static dev.fakeecs.dsl.Ecs.FARGATE;
import static dev.fakeecs.dsl.Ecs.FARGATE_SPOT;
import static dev.fakeecs.dsl.Ecs.capacityProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSpecTest {

    @Test
    void the_seed_strategy_reads_in_one_line_and_builds_the_create_cluster_request() {
        // given
        ClusterSpec spec = ClusterSpec.builder("production")
                .containerInsights("enhanced")
                .capacityProviders(FARGATE, FARGATE_SPOT)
                .defaultStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4))
                .tag("env", "prod")
                .build();
        // when
        CreateClusterRequest request = spec.toRequest();
        // then
        assertThat(request.clusterName()).isEqualTo("production");
        assertThat(request.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(request.defaultCapacityProviderStrategy()).containsExactly(
                CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").weight(1).base(2).build(),
                CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(4).build());
        assertThat(request.settings().get(0).value()).isEqualTo("enhanced");
        assertThat(request.tags().get(0).key()).isEqualTo("env");
    }

    @Test
    void strategy_items_print_like_the_cli() {
        assertThat(FARGATE.base(2).weight(1)).hasToString("capacityProvider=FARGATE,weight=1,base=2");
    }

    @Test
    void ec2_hosts_spread_count_over_the_listed_zones() {
        // given
        HostGroup group = ClusterSpec.builder("c").ec2Hosts("g4dn.xlarge", 3, "us-east-1a", "us-east-1b").build()
                .hostGroups().get(0);
        // when / then
        assertThat(group.placements(List.of("us-east-1a", "us-east-1b", "us-east-1c")))
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1a");
    }

    @Test
    void ec2_hosts_per_zone_launch_count_in_each_zone_and_no_zones_means_all() {
        // given
        HostGroup group = ClusterSpec.builder("c").ec2HostsPerZone("m5.large", 2).build().hostGroups().get(0);
        // when / then
        assertThat(group.placements(List.of("a", "b"))).containsExactly("a", "a", "b", "b");
    }

    @Test
    void to_builder_makes_a_variant_and_leaves_the_original_alone() {
        // given
        ClusterSpec base = ClusterSpec.builder("prod").capacityProviders(FARGATE).build();
        // when
        ClusterSpec variant = base.toBuilder().capacityProviders(FARGATE, FARGATE_SPOT).spotDraining(true).build();
        // then
        assertThat(base.capacityProviders()).containsExactly("FARGATE");
        assertThat(base.spotDraining()).isNull();
        assertThat(variant.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(variant.spotDraining()).isTrue();
    }

    @Test
    void an_auto_scaling_group_joins_the_cluster_providers_and_builds_its_capacity_provider_request() {
        // given
        ClusterSpec spec = ClusterSpec.builder("gpu")
                .autoScalingGroup("gpu-spot", g -> g.instanceType("g4dn.xlarge").spot().min(0).max(6).desired(2)
                        .managedScaling(90).managedTerminationProtection(true))
                .defaultStrategy(capacityProvider("gpu-spot").weight(1))
                .build();
        AutoScalingGroupSpec asg = spec.autoScalingGroups().get(0);
        // when
        CreateCapacityProviderRequest request = asg.toRequest("arn:aws:autoscaling:us-east-1:123456789012:"
                + "autoScalingGroup:1:autoScalingGroupName/gpu-spot");
        // then
        assertThat(spec.capacityProviders()).containsExactly("gpu-spot");
        assertThat(asg.spot()).isTrue();
        assertThat(asg.initialHosts().count()).isEqualTo(2);
        assertThat(request.name()).isEqualTo("gpu-spot");
        assertThat(request.autoScalingGroupProvider().managedScaling().status()).isEqualTo(ManagedScalingStatus.ENABLED);
        assertThat(request.autoScalingGroupProvider().managedScaling().targetCapacity()).isEqualTo(90);
        assertThat(request.autoScalingGroupProvider().managedTerminationProtection())
                .isEqualTo(ManagedTerminationProtection.ENABLED);
    }

    // ------------------------------------------------------------------ rules

    private static void rejects(ClusterSpec.Builder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(InvalidSpecException.class).hasMessage(message);
    }

    @Test
    void a_weight_above_1000_is_rejected() {
        rejects(ClusterSpec.builder("c").capacityProviders(FARGATE).defaultStrategy(FARGATE.weight(1001)),
                "cluster c: defaultStrategy[0].weight = 1001: must be between 0 and 1000");
    }

    @Test
    void a_base_above_100000_is_rejected() {
        rejects(ClusterSpec.builder("c").capacityProviders(FARGATE).defaultStrategy(FARGATE.base(100_001).weight(1)),
                "cluster c: defaultStrategy[0].base = 100001: must be between 0 and 100000");
    }

    @Test
    void a_second_base_is_rejected() {
        rejects(ClusterSpec.builder("c").capacityProviders(FARGATE, FARGATE_SPOT)
                        .defaultStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.base(1).weight(4)),
                "cluster c: defaultStrategy[1].base = 1: only one capacity provider in a strategy can have a base, "
                        + "and FARGATE already has one");
    }

    @Test
    void a_strategy_without_any_weight_is_rejected() {
        rejects(ClusterSpec.builder("c").capacityProviders(FARGATE).defaultStrategy(FARGATE.base(2)),
                "cluster c: defaultStrategy = [capacityProvider=FARGATE,base=2]: at least one capacity provider in a "
                        + "strategy must have a weight greater than 0");
    }

    @Test
    void a_provider_twice_in_a_strategy_is_rejected() {
        rejects(ClusterSpec.builder("c").capacityProviders(FARGATE).defaultStrategy(FARGATE.weight(1), FARGATE.weight(2)),
                "cluster c: defaultStrategy[1].capacityProvider = \"FARGATE\": a capacity provider may appear only "
                        + "once in a strategy");
    }

    @Test
    void mixing_fargate_and_auto_scaling_group_providers_is_rejected() {
        rejects(ClusterSpec.builder("c").capacityProviders("FARGATE", "asg")
                        .defaultStrategy(FARGATE.weight(1), capacityProvider("asg").weight(1)),
                "cluster c: defaultStrategy = [capacityProvider=FARGATE,weight=1, capacityProvider=asg,weight=1]: "
                        + "a strategy cannot mix FARGATE / FARGATE_SPOT with Auto Scaling group capacity providers");
    }

    @Test
    void a_strategy_naming_a_provider_the_cluster_lacks_is_rejected() {
        rejects(ClusterSpec.builder("c").capacityProviders(FARGATE).defaultStrategy(FARGATE_SPOT.weight(1)),
                "cluster c: defaultStrategy[0].capacityProvider = \"FARGATE_SPOT\": must be one of the cluster's "
                        + "capacity providers [FARGATE]");
    }

    @Test
    void duplicate_capacity_providers_are_rejected() {
        rejects(ClusterSpec.builder("c").capacityProviders(FARGATE, FARGATE),
                "cluster c: capacityProviders = [FARGATE, FARGATE]: must not contain duplicates");
    }

    @Test
    void an_unknown_container_insights_value_is_rejected() {
        rejects(ClusterSpec.builder("c").containerInsights("on"),
                "cluster c: settings.containerInsights = \"on\": must be one of enabled, disabled, enhanced");
    }

    @Test
    void an_invalid_cluster_name_is_rejected() {
        rejects(ClusterSpec.builder("my cluster"),
                "cluster my cluster: clusterName = \"my cluster\": must be 1-255 letters, digits, hyphens or underscores");
    }

    @Test
    void an_unknown_instance_type_is_rejected() {
        rejects(ClusterSpec.builder("c").ec2Hosts("z9.huge", 1),
                "cluster c: ec2Hosts[0].instanceType = \"z9.huge\": must be an EC2 instance type fake-ecs knows "
                        + "(see dev.fakeecs.spi.EngineSetup.instanceTypes())");
    }

    @Test
    void a_host_group_of_zero_hosts_is_rejected() {
        rejects(ClusterSpec.builder("c").ec2Hosts("m5.large", 0), "cluster c: ec2Hosts[0].count = 0: must be at least 1");
    }

    @Test
    void an_auto_scaling_group_with_max_below_min_is_rejected() {
        assertThatThrownBy(() -> AutoScalingGroupSpec.builder("asg").min(3).max(2).build())
                .hasMessage("autoScalingGroup asg: max = 2: must be at least min (3)");
    }

    @Test
    void an_auto_scaling_group_with_desired_outside_its_limits_is_rejected() {
        assertThatThrownBy(() -> AutoScalingGroupSpec.builder("asg").min(1).max(2).desired(5).build())
                .hasMessage("autoScalingGroup asg: desired = 5: must be between min (1) and max (2)");
    }

    @Test
    void a_managed_scaling_target_above_100_is_rejected() {
        assertThatThrownBy(() -> AutoScalingGroupSpec.builder("asg").managedScaling(120).build())
                .hasMessage("autoScalingGroup asg: managedScaling.targetCapacity = 120: must be between 1 and 100");
    }

    @Test
    void managed_termination_protection_without_managed_scaling_is_rejected() {
        assertThatThrownBy(() -> AutoScalingGroupSpec.builder("asg").noManagedScaling()
                .managedTerminationProtection(true).build())
                .hasMessage("autoScalingGroup asg: managedTerminationProtection = true: requires managed scaling to "
                        + "be enabled");
    }

    @Test
    void an_auto_scaling_group_name_with_a_reserved_prefix_is_rejected() {
        assertThatThrownBy(() -> AutoScalingGroupSpec.builder("ecs-gpu").build())
                .hasMessageStartingWith("autoScalingGroup ecs-gpu: name = \"ecs-gpu\": must be 1-255");
    }
}
