package dev.fakeecs.applicationautoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.internal.region.RegionEngine;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.SuspendedState;

/**
 * Same seed and same calls give the same journal, policy ARNs and alarm names included; suspending dynamic
 * scale-out holds the service, and resuming re-invokes the policy whose alarm is still in ALARM.
 */
class ApplicationAutoScalingDeterminismTest {

    private static final String DIMENSION = "ecs:service:DesiredCount";

    private static String run(long seed) {
        try (FakeEcs ecs = FakeEcs.builder().seed(seed).start(Instant.parse("2026-03-06T18:00:00Z")).build()) {
            ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();
            ScalableTargetsApiTest.service(ecs, "orders", 2);
            RegionEngine.of(ecs.defaultRegion()).serviceLoads().setLoad("prod", "orders", new ServiceLoad(at -> {
                LocalTime t = at.atZone(ZoneOffset.UTC).toLocalTime();
                return t.getHour() == 19 ? 500 : 50;
            }, 50));
            aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                    .scalableDimension(DIMENSION).minCapacity(2).maxCapacity(12));
            String arn = aas.putScalingPolicy(r -> r.policyName("cpu").serviceNamespace("ecs")
                    .resourceId("service/prod/orders").scalableDimension(DIMENSION).policyType("TargetTrackingScaling")
                    .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0).predefinedMetricSpecification(
                            m -> m.predefinedMetricType("ECSServiceAverageCPUUtilization")))).policyARN();
            ecs.clock().advanceTo(Instant.parse("2026-03-06T21:30:00Z"));
            return arn + "\n" + ecs.journal().toJsonLines();
        }
    }

    @Test
    void should_journal_the_same_with_the_same_seed() {
        String first = run(42);

        assertThat(run(42)).isEqualTo(first);
        assertThat(first).contains("\"action\":\"scale-out\"").contains("\"action\":\"scale-in\"");
        assertThat(run(43).lines().findFirst()).isNotEqualTo(first.lines().findFirst());
    }

    @Test
    void should_hold_scale_out_while_suspended_and_scale_on_resume() {
        try (FakeEcs ecs = FakeEcs.builder().seed(1).start(Instant.parse("2026-03-06T18:00:00Z")).build()) {
            ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();
            ScalableTargetsApiTest.service(ecs, "orders", 2);
            RegionEngine.of(ecs.defaultRegion()).serviceLoads().setLoad("prod", "orders",
                    new ServiceLoad(at -> 300, 50));
            aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                    .scalableDimension(DIMENSION).minCapacity(2).maxCapacity(12)
                    .suspendedState(SuspendedState.builder().dynamicScalingOutSuspended(true).build()));
            aas.putScalingPolicy(r -> r.policyName("cpu").serviceNamespace("ecs")
                    .resourceId("service/prod/orders").scalableDimension(DIMENSION).policyType("TargetTrackingScaling")
                    .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0).predefinedMetricSpecification(
                            m -> m.predefinedMetricType("ECSServiceAverageCPUUtilization"))));

            ecs.clock().advanceTo(Instant.parse("2026-03-06T18:10:00Z"));
            int suspended = desired(ecs);
            aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
                    .scalableDimension(DIMENSION).suspendedState(s -> s.dynamicScalingOutSuspended(false)));

            assertThat(suspended).isEqualTo(2);
            assertThat(desired(ecs)).isEqualTo(10); // ceil(2 x 300 % / 60)
        }
    }

    private static int desired(FakeEcs ecs) {
        return ecs.api().describeServices(r -> r.cluster("prod").services("orders")).services().get(0).desiredCount();
    }
}
