package dev.fakeecs.junit.loadbalancing;

import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import dev.fakeecs.junit.handle.EcsTargetGroupHandle;
import dev.fakeecs.spi.LoadBalancerMinute;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static dev.fakeecs.junit.EcsAssertions.assertThatThrownBy;
import static dev.fakeecs.junit.EcsAssertions.within;
import static java.time.Duration.ofMinutes;

/** The traffic a service's load curve sends through its load balancer, asserted on its target group. */
@EcsCluster(spec = WebUnderLoad.class, reportOnFailure = false)
class LoadBalancerTrafficTest {

    @Test
    void should_serve_the_load_curve_through_the_target_group(EcsClusterHandle prod) {
        // given
        EcsTargetGroupHandle web = prod.targetGroup("web-tg");
        assertThat(web).eventually(within(ofMinutes(5))).hasHealthyTargets(2);
        Instant healthy = prod.ecs().clock().instant();

        // then: 20 requests a second, 1200 a minute, none answered with a 5XX
        assertThat(web).since(healthy).eventually(within(ofMinutes(3))).hasServedAtLeast(2400).hasNoTarget5xx()
                .hasNoElb5xx().hasServedRequests();
        List<LoadBalancerMinute> minutes = web.traffic();
        LoadBalancerMinute last = minutes.get(minutes.size() - 1);
        assertThat(last.requestCount()).isEqualTo(1200);
        assertThat(last.healthyHostCount()).isEqualTo(2);
        assertThat(last.unHealthyHostCount()).isZero();
        assertThat(last.targetResponseTime()).isPositive();
    }

    @Test
    void should_count_the_5xx_of_a_bad_image_while_its_targets_serve_and_none_after_the_rollback(
            EcsClusterHandle prod) {
        // given: steady on the good revision
        EcsTargetGroupHandle web = prod.targetGroup("web-tg");
        EcsServiceHandle service = prod.service("web");
        assertThat(web).eventually(within(ofMinutes(5))).hasHealthyTargets(2);
        assertThat(service).eventually(within(ofMinutes(10))).isSteady();
        Instant steady = prod.ecs().clock().instant();
        assertThat(web).eventually(within(ofMinutes(2))).hasServedRequests().since(steady).hasTarget5xxCount(0);
        Instant deployed = prod.ecs().clock().instant();

        // when: a revision whose application answers 500 replaces the old tasks (minimum healthy 0 %)
        TaskDefinition current = prod.api().describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition();
        ContainerDefinition broken = current.containerDefinitions().get(0).toBuilder().image("acme/web:broken").build();
        String brokenArn = prod.api().registerTaskDefinition(r -> r.family("web").networkMode(current.networkMode())
                        .requiresCompatibilities(current.requiresCompatibilities()).cpu(current.cpu())
                        .memory(current.memory()).containerDefinitions(broken))
                .taskDefinition().taskDefinitionArn();
        prod.api().updateService(r -> r.cluster("prod").service("web").taskDefinition(brokenArn));

        // then: the load balancer fails open to the broken targets, whose 500s are counted
        // traffic-assertions-START
        assertThat(web).since(deployed).eventually(within(ofMinutes(10))).hasTarget5xx();
        assertThat(service).eventually(within(ofMinutes(30))).hasEvent("rolling back to deployment");
        assertThat(web).eventually(within(ofMinutes(30))).hasHealthyTargets(2).hasNoUnhealthyTargets();
        Instant rolledBack = prod.ecs().clock().instant();
        assertThat(web).since(rolledBack).eventually(within(ofMinutes(3))).hasServedAtLeast(2400).hasNoTarget5xx();
        // traffic-assertions-END
        assertThat(service.describe().taskDefinition()).endsWith("web:1");
        long bad = web.traffic().stream().filter(m -> !m.minute().isBefore(deployed))
                .mapToLong(LoadBalancerMinute::target5xxCount).sum();
        assertThat(bad).isPositive();
        assertThatThrownBy(() -> assertThat(web).since(deployed).hasNoTarget5xx())
                .hasMessageContaining("to have target 5XX count:")
                .hasMessageContaining("but was:" + System.lineSeparator() + "  " + bad);
    }

    @Test
    void should_list_the_minutes_when_a_traffic_check_fails(EcsClusterHandle prod) {
        // given: three minutes of traffic
        EcsTargetGroupHandle web = prod.targetGroup("web-tg");
        prod.ecs().clock().advance(Duration.ofMinutes(3));
        List<LoadBalancerMinute> minutes = web.traffic();
        long served = minutes.stream().mapToLong(LoadBalancerMinute::requestCount).sum();

        // then
        assertThatThrownBy(() -> assertThat(web).hasServedAtLeast(1_000_000))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(String.format("Expecting target group:%n  target group web-tg (us-east-1)%n"
                        + "to have served at least:%n  1000000 requests%nbut was:%n  " + served + " requests%n"
                        + "minutes of the whole run (3):%n  " + minutes.get(0).line()))
                .hasMessageContaining(minutes.get(2).line())
                .hasMessageContaining("seed 11");
        Instant now = prod.ecs().clock().instant();
        assertThatThrownBy(() -> assertThat(web).since(now).eventually(Duration.ofMinutes(2)).hasTarget5xx())
                .hasMessageContaining("[eventually] within PT2M of virtual time")
                .hasMessageContaining(String.format("to have target 5XX count:%n  at least 1%n"
                        + "but at the deadline was:%n  0%nminutes since " + now + " (2):"));
        assertThatThrownBy(() -> assertThat(prod.targetGroup("api-tg")).hasServedRequests())
                .hasMessageContaining(String.format("Expecting target group:%n  target group api-tg (us-east-1)%n"
                        + "to exist"));
    }
}
