package dev.fakeecs.internal.elbv2;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.fault.FaultHandle;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TARGET_HEALTH_FAILURE through the public fault injector, in a world as FakeEcs builds it (every region hosts
 * the load balancer; no ECS application answers at these targets, so without the fault probes time out).
 */
class TargetHealthFailureFaultTest {

    private final FakeEcs ecs = FakeEcs.create();
    private final LoadBalancing elb = RegionEngine.of(ecs.region("us-east-1")).service(LoadBalancing.SERVICE);

    @Test
    void should_fail_the_groups_probes_with_503_for_the_duration_then_let_them_answer_as_the_applications_do() {
        // given
        String lb = elb.createLoadBalancer(r -> r.name("web").subnets("subnet-a", "subnet-b")).loadBalancers().get(0)
                .loadBalancerArn();
        String tg = elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(80).vpcId("vpc-1").targetType("ip"))
                .targetGroups().get(0).targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(tg)));
        elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.1.7").port(80)));

        // when
        FaultHandle handle = FaultInjector.of(ecs).inject(FaultSpec.fromMap(Map.of("type", "TARGET_HEALTH_FAILURE",
                "targetGroup", "web", "durationSeconds", 60)));
        ecs.clock().advance(Duration.ofSeconds(35));

        // then
        var health = elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions().get(0)
                .targetHealth();
        assertThat(health.stateAsString()).isEqualTo("unhealthy");
        assertThat(health.description()).isEqualTo("Health checks failed with these codes: [503]");
        assertThat(ecs.journal().entries()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(JournalEventType.FAULT);
            assertThat(e.subject()).isEqualTo(tg);
        });
        assertThat(handle).isNotNull();

        // and when the fault ends (at 60) the next failures are the application's own (nothing answers: timeout)
        ecs.clock().advance(Duration.ofSeconds(35));
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions().get(0)
                .targetHealth().reasonAsString()).isEqualTo("Target.Timeout");
    }

    @Test
    void should_need_a_target_group() {
        assertThatThrownBy(() -> FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.TARGET_HEALTH_FAILURE).build()))
                .hasMessageContaining("TARGET_HEALTH_FAILURE needs targetGroup");
    }
}
