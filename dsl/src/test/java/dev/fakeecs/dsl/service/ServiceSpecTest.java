package dev.fakeecs.dsl.service;

import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static dev.fakeecs.dsl.Ecs.FARGATE;
import static dev.fakeecs.dsl.Ecs.FARGATE_SPOT;
import static dev.fakeecs.dsl.Ecs.load;
import static dev.fakeecs.dsl.Ecs.service;
import static dev.fakeecs.dsl.Ecs.taskDefinition;
import static dev.fakeecs.dsl.Ecs.targetCpu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceSpecTest {

    private static final TaskDefinitionSpec ORDERS = taskDefinition("order-service").fargate().cpu(512).memory(1024)
            .container("app", c -> c.image("acme/orders:1")).build();
    private static final TaskDefinitionSpec BRIDGED = taskDefinition("legacy").ec2().bridge()
            .container("app", c -> c.image("legacy:1").memory(256)).build();
    private static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

    @Test
    void a_service_reads_like_create_service() {
        // given
        ServiceSpec spec = service("order-service").cluster("food-delivery-prod").taskDefinition(ORDERS)
                .desiredCount(2)
                .capacityProviderStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4))
                .spreadAcrossZones().binpack("memory").distinctInstance().memberOf("attribute:ecs.cpu-architecture == x86_64")
                .deployment(50, 200).circuitBreaker(true, true)
                .healthCheckGracePeriod(Duration.ofSeconds(60))
                .securityGroups("sg-1").enableExecuteCommand(true).tag("team", "orders")
                .build();
        // when
        CreateServiceRequest r = spec.toRequest(ZONES);
        // then
        assertThat(r.serviceName()).isEqualTo("order-service");
        assertThat(r.cluster()).isEqualTo("food-delivery-prod");
        assertThat(r.taskDefinition()).isEqualTo("order-service");
        assertThat(r.desiredCount()).isEqualTo(2);
        assertThat(r.capacityProviderStrategy()).hasSize(2);
        assertThat(r.placementStrategy()).extracting(s -> s.type())
                .containsExactly(PlacementStrategyType.SPREAD, PlacementStrategyType.BINPACK);
        assertThat(r.placementConstraints()).extracting(c -> c.type())
                .containsExactly(PlacementConstraintType.DISTINCT_INSTANCE, PlacementConstraintType.MEMBER_OF);
        assertThat(r.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(50);
        assertThat(r.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        assertThat(r.deploymentConfiguration().deploymentCircuitBreaker().rollback()).isTrue();
        assertThat(r.healthCheckGracePeriodSeconds()).isEqualTo(60);
        assertThat(r.networkConfiguration().awsvpcConfiguration().securityGroups()).containsExactly("sg-1");
        assertThat(spec.taskDefinitionSpec()).isSameAs(ORDERS);
    }

    @Test
    void an_awsvpc_service_without_subnets_gets_one_subnet_per_zone() {
        // given
        ServiceSpec spec = service("orders").taskDefinition(ORDERS).desiredCount(1).build();
        // when
        CreateServiceRequest r = spec.toRequest(ZONES);
        // then
        assertThat(r.networkConfiguration().awsvpcConfiguration().subnets())
                .containsExactly("subnet-us-east-1a", "subnet-us-east-1b", "subnet-us-east-1c");
        assertThat(spec.toRequest().networkConfiguration()).isNull();
    }

    @Test
    void a_fargate_launch_type_by_family_name_also_gets_default_subnets() {
        CreateServiceRequest r = service("orders").taskDefinition("order-service:3").fargate().build().toRequest(ZONES);
        assertThat(r.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(r.networkConfiguration().awsvpcConfiguration().subnets()).hasSize(3);
    }

    @Test
    void a_bridge_service_gets_no_network_configuration() {
        CreateServiceRequest r = service("legacy").taskDefinition(BRIDGED).ec2().desiredCount(1).build().toRequest(ZONES);
        assertThat(r.networkConfiguration()).isNull();
    }

    @Test
    void declared_subnets_win_over_the_default() {
        CreateServiceRequest r = service("orders").taskDefinition(ORDERS).subnets("subnet-abc").build().toRequest(ZONES);
        assertThat(r.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly("subnet-abc");
    }

    @Test
    void auto_scaling_and_a_load_curve_are_kept_for_the_engine() {
        // given / when
        ServiceSpec spec = service("orders").taskDefinition(ORDERS).desiredCount(2)
                .autoScaling(2, 20, targetCpu(60))
                .loadCurve(load(100).between(LocalTime.of(19, 0), LocalTime.of(21, 0), 1000), 50)
                .build();
        // then
        assertThat(spec.autoScaling()).isEqualTo(AutoScalingSpec.of(2, 20, ScalingPolicy.targetCpu(60)));
        assertThat(spec.loadCurve().baseline()).isEqualTo(100);
        assertThat(spec.requestsPerTaskAtFullCpu()).isEqualTo(50);
    }

    @Test
    void to_builder_makes_a_variant() {
        ServiceSpec base = service("orders").taskDefinition(ORDERS).desiredCount(2).build();
        ServiceSpec scaled = base.toBuilder().desiredCount(10).build();
        assertThat(base.desiredCount()).isEqualTo(2);
        assertThat(scaled.desiredCount()).isEqualTo(10);
        assertThat(scaled.taskDefinitionSpec()).isSameAs(ORDERS);
    }

    // ------------------------------------------------------------------ rules

    private static void rejects(ServiceSpec.Builder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(InvalidSpecException.class).hasMessage(message);
    }

    private static ServiceSpec.Builder orders() {
        return service("orders").taskDefinition(ORDERS);
    }

    @Test
    void a_negative_desired_count_is_rejected() {
        rejects(orders().desiredCount(-1), "service orders: desiredCount = -1: must be at least 0");
    }

    @Test
    void a_service_without_task_definition_is_rejected() {
        rejects(service("orders"), "service orders: taskDefinition = null: is required and must not be blank");
    }

    @Test
    void a_launch_type_together_with_a_strategy_is_rejected() {
        rejects(orders().fargate().capacityProviderStrategy(FARGATE.weight(1)),
                "service orders: launchType = \"FARGATE\": a service takes a launch type or a capacity provider "
                        + "strategy, not both");
    }

    @Test
    void a_service_strategy_breaking_a_strategy_rule_is_rejected() {
        rejects(orders().capacityProviderStrategy(FARGATE.weight(1), FARGATE_SPOT.weight(-1)),
                "service orders: capacityProviderStrategy[1].weight = -1: must be between 0 and 1000");
    }

    @Test
    void a_minimum_healthy_percent_above_100_is_rejected() {
        rejects(orders().deployment(150, 200),
                "service orders: deploymentConfiguration.minimumHealthyPercent = 150: must be between 0 and 100");
    }

    @Test
    void a_maximum_percent_below_100_is_rejected() {
        rejects(orders().deployment(0, 50),
                "service orders: deploymentConfiguration.maximumPercent = 50: must be at least 100");
    }

    @Test
    void binpack_on_anything_but_cpu_or_memory_is_rejected() {
        rejects(orders().binpack("disk"),
                "service orders: placementStrategy[0].field = \"disk\": binpack takes cpu or memory");
    }

    @Test
    void a_daemon_service_with_a_desired_count_is_rejected() {
        rejects(orders().daemon().desiredCount(2),
                "service orders: desiredCount = 2: a DAEMON service runs one task per instance and takes no desiredCount");
    }

    @Test
    void a_desired_count_outside_the_auto_scaling_range_is_rejected() {
        rejects(orders().desiredCount(30).autoScaling(2, 20, targetCpu(60)),
                "service orders: desiredCount = 30: must be between autoScaling min (2) and max (20)");
    }

    @Test
    void a_negative_grace_period_is_rejected() {
        rejects(orders().healthCheckGracePeriodSeconds(-5),
                "service orders: healthCheckGracePeriodSeconds = -5: must be at least 0");
    }

    @Test
    void an_invalid_service_name_is_rejected() {
        rejects(service("order service").taskDefinition(ORDERS),
                "service order service: serviceName = \"order service\": must be 1-255 letters, digits, hyphens or "
                        + "underscores");
    }

    @Test
    void auto_scaling_with_max_below_min_is_rejected() {
        assertThatThrownBy(() -> AutoScalingSpec.of(5, 2, targetCpu(60)))
                .hasMessage("autoScaling: max = 2: must be at least min (5)");
    }

    @Test
    void auto_scaling_without_a_policy_is_rejected() {
        assertThatThrownBy(() -> AutoScalingSpec.of(1, 2))
                .hasMessage("autoScaling: policies = []: needs at least one scaling policy");
    }

    @Test
    void a_cpu_target_above_100_percent_is_rejected() {
        assertThatThrownBy(() -> targetCpu(150)).hasMessage("scalingPolicy ECSServiceAverageCPUUtilization: "
                + "targetValue = 150.0: must be a utilisation percentage above 0 and at most 100");
    }
}
