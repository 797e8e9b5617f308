package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.targets.Target;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-minute traffic figures: weighted routing, healthy targets, fail-open, 5XX counts, host counts. */
class LoadBalancerMetricsTest {

    private final ElbWorld w = new ElbWorld();

    @Test
    void should_route_by_weight_to_healthy_targets_and_count_their_5xx() {
        // given: blue (2 targets, one answering 500) weight 3, green (1 target) weight 1
        String lb = w.alb("web");
        String blue = w.ipGroup("blue");
        String green = w.ipGroup("green");
        w.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(
                        TargetGroupTuple.builder().targetGroupArn(blue).weight(3).build(),
                        TargetGroupTuple.builder().targetGroupArn(green).weight(1).build()))));
        w.register(blue, "10.0.1.1", 80);
        w.register(blue, "10.0.1.2", 80);
        w.register(green, "10.0.2.1", 80);
        w.at(10);
        w.apps.status.put(new Target("10.0.1.2", 80), 500);

        // when: 10 requests a second; the ticker (started with the load balancer) samples at 60, 120, 180
        w.elb.metrics().requestRate(lb, 10);
        w.at(180);

        // then: in the first minute both blue targets were healthy (one failed probe), half of blue's 450 got 500
        List<LoadBalancerMetrics.Minute> blueMinutes = w.elb.metrics().minutes(lb, blue);
        assertThat(blueMinutes).hasSize(3);
        LoadBalancerMetrics.Minute first = blueMinutes.get(0);
        assertThat(first.minute()).isEqualTo(ElbWorld.START);
        assertThat(first.requestCount()).isEqualTo(450);
        assertThat(first.target5xxCount()).isEqualTo(225);
        assertThat(first.healthyHostCount()).isEqualTo(2);
        assertThat(first.targetResponseTime()).isEqualTo(LoadBalancerMetrics.RESPONSE_TIME_SECONDS);
        // the 500 target turned unhealthy at 65: the last minute sends everything to the healthy one
        LoadBalancerMetrics.Minute last = blueMinutes.get(2);
        assertThat(last.requestCount()).isEqualTo(450);
        assertThat(last.target5xxCount()).isZero();
        assertThat(last.healthyHostCount()).isEqualTo(1);
        assertThat(last.unhealthyHostCount()).isEqualTo(1);
        List<LoadBalancerMetrics.Minute> greenMinutes = w.elb.metrics().minutes(lb, green);
        assertThat(greenMinutes.get(2).requestCount()).isEqualTo(150);
        List<LoadBalancerMetrics.Minute> total = w.elb.metrics().minutes(lb, null);
        assertThat(total.get(0).requestCount()).isEqualTo(600);
        assertThat(total.get(0).target5xxCount()).isEqualTo(225);
    }

    @Test
    void should_count_hosts_and_fail_open_when_no_target_is_healthy() {
        // given: both targets answer 503, so both turn unhealthy at 35
        String lb = w.alb("web");
        String tg = w.ipGroup("web");
        w.listener(lb, 80, tg);
        w.apps.defaultStatus = 503;
        w.register(tg, "10.0.1.1", 80);
        w.register(tg, "10.0.1.2", 80);
        w.elb.metrics().requestRate(lb, 1);

        // when
        w.at(120);

        // then: the minute sampled at 120 sees two unhealthy hosts, and the traffic still went to them
        List<LoadBalancerMetrics.Minute> minutes = w.elb.metrics().minutes(lb, tg);
        LoadBalancerMetrics.Minute last = minutes.get(minutes.size() - 1);
        assertThat(last.healthyHostCount()).isZero();
        assertThat(last.unhealthyHostCount()).isEqualTo(2);
        assertThat(last.requestCount()).isEqualTo(60);
        assertThat(last.target5xxCount()).isEqualTo(60);
    }

    @Test
    void should_give_a_target_in_slow_start_a_linearly_growing_share() {
        // given: slow start 300 s; 10.0.1.1 healthy at 5, 10.0.1.2 registered at 400, healthy at 405
        String lb = w.alb("web");
        String tg = w.ipGroup("web");
        w.listener(lb, 80, tg);
        w.elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg)
                .attributes(a -> a.key("slow_start.duration_seconds").value("300")));
        w.register(tg, "10.0.1.1", 80);
        w.at(400);
        w.register(tg, "10.0.1.2", 80);
        w.elb.metrics().requestRate(lb, 10);
        w.at(405);

        // when: the new target answers traffic with 599 from 405 (its next probe is at 435), so its requests
        // show as 5XX
        w.apps.status.put(new Target("10.0.1.2", 80), 599);
        w.at(420);

        // then: the minute sampled at 420 gave the new target 15/300 = 5 % weight: 600 × 0.05/1.05 = 28
        List<LoadBalancerMetrics.Minute> minutes = w.elb.metrics().minutes(lb, tg);
        LoadBalancerMetrics.Minute last = minutes.get(minutes.size() - 1);
        assertThat(last.requestCount()).isEqualTo(600);
        assertThat(last.target5xxCount()).isEqualTo(28);
    }

    @Test
    void should_queue_nothing_in_a_region_without_load_balancers() {
        ElbWorld empty = new ElbWorld();
        assertThat(empty.engine.clock().pendingEvents()).isEmpty();
    }
}
