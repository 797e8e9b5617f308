package dev.fakeecs.internal.capacity;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.containerinstance.ErrorText;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityProviderStrategiesTest {

    private FakeEcs ecs;
    private CapacityProviderStrategies strategies;
    private SimulatedCluster cluster;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.create();
        EcsClient api = ecs.api();
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        strategies = RegionEngine.of(ecs.defaultRegion()).capacityProviders().strategies();
        cluster = RegionEngine.of(ecs.defaultRegion()).clusters().resolve("prod");
    }

    private static CapacityProviderStrategyItem item(String provider, Integer base, Integer weight) {
        return CapacityProviderStrategyItem.builder().capacityProvider(provider).base(base).weight(weight).build();
    }

    private static final List<CapacityProviderStrategyItem> SEED = List.of(item("FARGATE", 2, 1),
            item("FARGATE_SPOT", null, 4));

    @Test
    void should_split_the_seed_example_into_4_fargate_and_8_spot() {
        assertThat(strategies.split(SEED, 12, Map.of()))
                .containsExactly(Map.entry("FARGATE", 4), Map.entry("FARGATE_SPOT", 8));
    }

    @Test
    void should_give_leftover_tasks_by_largest_remainder() {
        // 11 tasks: base 2, then 9 split 1:4 = 1.8 : 7.2 -> the 0.8 remainder wins the leftover task
        assertThat(strategies.split(SEED, 11, Map.of()))
                .containsExactly(Map.entry("FARGATE", 4), Map.entry("FARGATE_SPOT", 7));
        // equal weights, 3 tasks: 1.5 : 1.5 -> tie goes to the first listed
        assertThat(strategies.split(List.of(item("FARGATE", null, 1), item("FARGATE_SPOT", null, 1)), 3, Map.of()))
                .containsExactly(Map.entry("FARGATE", 2), Map.entry("FARGATE_SPOT", 1));
    }

    @Test
    void should_fill_the_base_before_weights() {
        assertThat(strategies.split(SEED, 1, Map.of()))
                .containsExactly(Map.entry("FARGATE", 1), Map.entry("FARGATE_SPOT", 0));
        assertThat(strategies.split(SEED, 2, Map.of()))
                .containsExactly(Map.entry("FARGATE", 2), Map.entry("FARGATE_SPOT", 0));
    }

    @Test
    void should_give_a_single_provider_everything_whatever_its_weight() {
        assertThat(strategies.split(List.of(item("FARGATE_SPOT", null, 0)), 5, Map.of()))
                .containsExactly(Map.entry("FARGATE_SPOT", 5));
    }

    @Test
    void should_take_already_running_tasks_into_account() {
        // given 2 on FARGATE (the base) already; when 10 more come, then the totals are 4 : 8
        assertThat(strategies.split(SEED, 10, Map.of("FARGATE", 2)))
                .containsExactly(Map.entry("FARGATE", 2), Map.entry("FARGATE_SPOT", 8));
        // a provider above its share gets nothing; the count still adds up
        assertThat(strategies.split(SEED, 2, Map.of("FARGATE", 10)))
                .containsExactly(Map.entry("FARGATE", 0), Map.entry("FARGATE_SPOT", 2));
    }

    @Test
    void should_launch_one_at_a_time_toward_the_same_totals() {
        Map<String, Integer> current = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String next = strategies.nextProvider(SEED, current);
            order.add(next);
            current.merge(next, 1, Integer::sum);
        }
        assertThat(order.subList(0, 2)).containsExactly("FARGATE", "FARGATE");
        assertThat(current).containsEntry("FARGATE", 4).containsEntry("FARGATE_SPOT", 8);
    }

    @Test
    void should_accept_a_valid_strategy() {
        strategies.validate(SEED, cluster);
    }

    @Test
    void should_reject_two_bases() {
        assertThatThrownBy(() -> strategies.validate(List.of(item("FARGATE", 1, 1), item("FARGATE_SPOT", 1, 1)),
                cluster)).isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("Only one capacity provider in a capacity provider strategy can have a base defined.");
    }

    @Test
    void should_reject_all_zero_weights() {
        assertThatThrownBy(() -> strategies.validate(List.of(item("FARGATE", 0, 0), item("FARGATE_SPOT", 0, 0)),
                cluster)).isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("At least one capacity provider in a capacity provider strategy must have a weight "
                        + "greater than zero.");
    }

    @Test
    void should_check_weight_and_base_ranges() {
        assertThatThrownBy(() -> strategies.validate(List.of(item("FARGATE", null, 1001)), cluster))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("capacityProviderStrategy.weight must be between 0 and 1000: FARGATE has 1001.");
        assertThatThrownBy(() -> strategies.validate(List.of(item("FARGATE", 100_001, 1)), cluster))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("capacityProviderStrategy.base must be between 0 and 100000: FARGATE has 100001.");
    }

    @Test
    void should_reject_more_than_20_items() {
        List<CapacityProviderStrategyItem> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(item("cp" + i, null, 1));
        }
        assertThatThrownBy(() -> strategies.validate(many, cluster)).isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("capacityProviderStrategy can contain at most 20 capacity providers.");
    }

    @Test
    void should_reject_providers_not_associated_with_the_cluster() {
        ecs.api().createCluster(r -> r.clusterName("bare"));
        SimulatedCluster bare = RegionEngine.of(ecs.defaultRegion()).clusters().resolve("bare");
        assertThatThrownBy(() -> strategies.validate(SEED, bare)).isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo(CapacityProviderStrategies.NOT_ASSOCIATED);
    }

    @Test
    void should_reject_a_mix_of_fargate_and_auto_scaling_group_providers() {
        CapacityProviders cps = RegionEngine.of(ecs.defaultRegion()).capacityProviders();
        AutoScalingGroup asg = cps.autoScalingGroups().createGroup("web", "m5.large", 0, 4, 0, List.of(), false);
        ecs.api().createCapacityProvider(r -> r.name("web-cp").autoScalingGroupProvider(p -> p
                .autoScalingGroupArn(asg.arn())));
        assertThatThrownBy(() -> strategies.validate(List.of(item("FARGATE", null, 1), item("web-cp", null, 1)),
                cluster)).isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("A capacity provider strategy cannot contain a mix of capacity providers using Auto "
                        + "Scaling groups and Fargate providers. Specify one or the other and try again.");
    }

    @Test
    void should_reject_a_launch_type_with_a_strategy() {
        assertThatThrownBy(() -> CapacityProviderStrategies.rejectLaunchTypeWithStrategy("FARGATE", SEED))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("Specifying both a launch type and capacity provider strategy is not supported. Remove "
                        + "one and try again.");
        CapacityProviderStrategies.rejectLaunchTypeWithStrategy(null, SEED);
        CapacityProviderStrategies.rejectLaunchTypeWithStrategy("EC2", List.of());
    }
}
