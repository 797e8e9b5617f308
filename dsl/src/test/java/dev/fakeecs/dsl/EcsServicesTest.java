package dev.fakeecs.dsl;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import dev.fakeecs.internal.capacity.AutoScalingGroup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Service;

import java.time.Duration;
import java.time.LocalTime;

import static dev.fakeecs.dsl.Ecs.FARGATE;
import static dev.fakeecs.dsl.Ecs.FARGATE_SPOT;
import static dev.fakeecs.dsl.Ecs.capacityProvider;
import static dev.fakeecs.dsl.Ecs.load;
import static dev.fakeecs.dsl.Ecs.targetCpu;
import static dev.fakeecs.dsl.Ecs.world;
import static dev.fakeecs.dsl.FoodDelivery.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

class EcsServicesTest {

    private static WorldSpec seedExample() {
        // dsl-seed-world-START
        WorldSpec foodDelivery = world().seed(42).region("us-east-1")
                .cluster("food-delivery-prod", c -> c
                        .capacityProviders(FARGATE, FARGATE_SPOT)
                        .defaultStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4))
                        .ec2Hosts("g4dn.xlarge", 2, "us-east-1a", "us-east-1b"))
                .service("order-service", s -> s.cluster("food-delivery-prod")
                        .taskDefinition(ORDERS).desiredCount(2).autoScaling(2, 20, targetCpu(60))
                        .loadCurve(load(60).between(LocalTime.of(19, 0), LocalTime.of(21, 0), 600), 50))
                .build();
        // dsl-seed-world-END
        return foodDelivery;
    }

    private static Service describe(FakeEcs ecs, String name) {
        return ecs.api().describeServices(r -> r.cluster("food-delivery-prod").services(name)).services().get(0);
    }

    @Test
    void the_seed_example_starts_a_service_that_reaches_its_desired_count() {
        // given
        try (FakeEcs ecs = seedExample().start()) {
            // when
            ecs.clock().advance(Duration.ofMinutes(5));
            // then
            Service orders = describe(ecs, "order-service");
            assertThat(orders.desiredCount()).isEqualTo(2);
            assertThat(orders.runningCount()).isEqualTo(2);
            assertThat(orders.taskDefinition()).endsWith("task-definition/order-service:1");
            assertThat(orders.networkConfiguration().awsvpcConfiguration().subnets())
                    .containsExactly("subnet-us-east-1a", "subnet-us-east-1b", "subnet-us-east-1c");
        }
    }

    @Test
    void the_service_auto_scaling_and_load_curve_reach_the_engine() {
        try (FakeEcs ecs = seedExample().start()) {
            // the DSL's autoScaling(..) is Application Auto Scaling's scalable target and target tracking policy
            var aas = ecs.newApplicationAutoScalingClient();
            var target = aas.describeScalableTargets(r -> r.serviceNamespace("ecs")
                    .resourceIds("service/food-delivery-prod/order-service")).scalableTargets().get(0);
            assertThat(target.minCapacity()).isEqualTo(2);
            assertThat(target.maxCapacity()).isEqualTo(20);
            assertThat(aas.describeScalingPolicies(r -> r.serviceNamespace("ecs")
                    .resourceId("service/food-delivery-prod/order-service")).scalingPolicies())
                    .singleElement().satisfies(p -> {
                        assertThat(p.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(60.0);
                        assertThat(p.targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification()
                                .predefinedMetricTypeAsString()).isEqualTo("ECSServiceAverageCPUUtilization");
                    });
            assertThat(RegionEngine.of(ecs.defaultRegion()).serviceLoads()
                    .load("food-delivery-prod", "order-service").requestsPerTaskAtFullCpu()).isEqualTo(50);
        }
    }

    @Test
    void applying_a_changed_desired_count_mid_scenario_updates_the_service() {
        // given
        WorldSpec spec = seedExample();
        try (FakeEcs ecs = spec.start()) {
            ecs.clock().advance(Duration.ofMinutes(5));
            // when
            spec.toBuilder().service("order-service", s -> s.desiredCount(4)).applyTo(ecs);
            ecs.clock().advance(Duration.ofMinutes(5));
            // then
            Service orders = describe(ecs, "order-service");
            assertThat(orders.desiredCount()).isEqualTo(4);
            assertThat(orders.runningCount()).isEqualTo(4);
            assertThat(ecs.newApplicationAutoScalingClient().describeScalingPolicies(r -> r.serviceNamespace("ecs")
                    .resourceId("service/food-delivery-prod/order-service")).scalingPolicies()).hasSize(1);
        }
    }

    @Test
    void an_auto_scaling_group_cluster_gets_its_group_provider_and_hosts() {
        // given
        try (FakeEcs ecs = world().region("us-east-1")
                .cluster("gpu", c -> c
                        .autoScalingGroup("gpu-spot", g -> g.instanceType("g4dn.xlarge").spot().min(0).max(4)
                                .desired(2).zones("us-east-1a", "us-east-1b"))
                        .defaultStrategy(capacityProvider("gpu-spot").weight(1)))
                .start()) {
            // when
            ecs.clock().advance(Duration.ofMinutes(2));
            // then
            var state = RegionEngine.of(ecs.defaultRegion());
            AutoScalingGroup group = state.read(() -> state.capacityProviders().autoScalingGroups().find("gpu-spot"));
            assertThat(group.spot()).isTrue();
            assertThat(ecs.api().describeCapacityProviders(r -> r.capacityProviders("gpu-spot")).capacityProviders())
                    .hasSize(1);
            assertThat(state.read(() -> state.containerInstances().inCluster("gpu")))
                    .extracting(ci -> ci.capacityProviderName()).containsExactly("gpu-spot", "gpu-spot");
        }
    }

    @Test
    void the_same_declaration_gives_a_byte_identical_journal() {
        // given
        WorldSpec spec = seedExample();
        String first;
        String second;
        // when
        try (FakeEcs ecs = spec.start()) {
            ecs.clock().advance(Duration.ofHours(2));
            first = ecs.journal().toJsonLines();
        }
        try (FakeEcs ecs = spec.start()) {
            ecs.clock().advance(Duration.ofHours(2));
            second = ecs.journal().toJsonLines();
        }
        // then
        assertThat(second).isEqualTo(first).isNotEmpty();
    }
}
