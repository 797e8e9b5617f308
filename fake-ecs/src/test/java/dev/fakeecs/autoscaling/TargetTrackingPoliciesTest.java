package dev.fakeecs.autoscaling;

import dev.fakeecs.spi.EngineSetup;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several target tracking policies on one service: scale out when any policy asks, scale in only when
 * every policy with scale-in enabled agrees; never below the minimum, not again within the cooldown.
 */
class TargetTrackingPoliciesTest {

    private final FakeEcs ecs = FakeEcs.builder().seed(31).build();
    private final EngineSetup setup = EngineSetup.of(ecs);
    private final String region = ecs.defaultRegion().name();
    private final Instant t0 = FakeEcs.DEFAULT_START;

    /** A 10-task Fargate service; each task serves 50 requests per second at 100 % CPU. */
    private void service(int desired, LoadModel load) {
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.api().registerTaskDefinition(r -> r.family("api").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("api").image("acme/api:1").build()));
        ecs.api().createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api")
                .desiredCount(desired).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-a")
                        .build())));
        ecs.clock().advance(Duration.ofMinutes(3));
        setup.setServiceLoad(region, "prod", "api", new ServiceLoad(load, 50));
    }

    private int desired() {
        return ecs.api().describeServices(b -> b.cluster("prod").services("api")).services().get(0).desiredCount();
    }

    private List<JournalEntry> actions() {
        return ecs.journal().ofType(JournalEventType.SCALING).stream().filter(e -> e.detail("action") != null)
                .toList();
    }

    @Test
    void should_scale_out_when_any_policy_is_above_target() {
        // given: CPU 10 % (wants in), memory 32.5 % against a 20 % target (wants out)
        service(10, LoadModel.constant(50));
        setup.registerScalableTarget(region, "prod", "api", 1, 20, List.of(TargetTrackingPolicy.cpu(60),
                TargetTrackingPolicy.memory(20)));

        // when
        ecs.clock().advance(Duration.ofMinutes(5));

        // then: ceil(10 x 32.5 / 20)
        assertThat(desired()).isEqualTo(17);
    }

    @Test
    void should_not_scale_in_unless_every_policy_agrees() {
        // given: CPU 10 % (wants in), memory 32.5 % within 90-100 % of its 35 % target (holds)
        service(10, LoadModel.constant(50));
        setup.registerScalableTarget(region, "prod", "api", 1, 20, List.of(TargetTrackingPolicy.cpu(60),
                TargetTrackingPolicy.memory(35)));

        // when
        ecs.clock().advance(Duration.ofHours(1));

        // then
        assertThat(desired()).isEqualTo(10);
        assertThat(actions()).isEmpty();
    }

    @Test
    void should_let_a_policy_with_scale_in_disabled_have_no_say_in_scale_in() {
        // given: CPU 10 % wants in; the memory policy (32.5 % against 45 %) has scale-in disabled
        service(10, LoadModel.constant(50));
        setup.registerScalableTarget(region, "prod", "api", 1, 20, List.of(TargetTrackingPolicy.cpu(60),
                TargetTrackingPolicy.memory(45).withScaleInDisabled()));

        // when
        ecs.clock().advance(Duration.ofHours(2));

        // then: down in Application Auto Scaling's steps of 10 % of the running tasks to ceil(n x (100 / n) / 60)
        assertThat(desired()).isEqualTo(2);
        assertThat(actions()).extracting(e -> e.detail("from") + "->" + e.detail("to")).startsWith("10->9", "9->8");
    }

    @Test
    void should_not_scale_in_below_the_minimum_capacity() {
        // given
        service(10, LoadModel.constant(50));
        setup.registerScalableTarget(region, "prod", "api", 4, 20, List.of(TargetTrackingPolicy.cpu(60)));

        // when
        ecs.clock().advance(Duration.ofHours(1));

        // then
        assertThat(desired()).isEqualTo(4);
    }

    @Test
    void should_wait_for_the_scale_in_cooldown_before_scaling_in_again() {
        // given: 20 % CPU wants 10 -> 4, which Application Auto Scaling takes in steps of 10 % of the running tasks
        service(10, LoadModel.constant(100));
        setup.registerScalableTarget(region, "prod", "api", 1, 20, List.of(TargetTrackingPolicy.cpu(60)
                .withCooldowns(TargetTrackingPolicy.DEFAULT_COOLDOWN, Duration.ofMinutes(90))));

        // when
        ecs.clock().advance(Duration.ofHours(3));

        // then
        assertThat(actions()).extracting(e -> e.detail("from") + "->" + e.detail("to")).containsExactly("10->9",
                "9->8");
        Duration gap = Duration.between(actions().get(0).time(), actions().get(1).time());
        // the cooldown, then the next minute's re-invocation of the alarm still in ALARM (at :30)
        assertThat(gap).isBetween(Duration.ofMinutes(90), Duration.ofMinutes(91));
    }
}
