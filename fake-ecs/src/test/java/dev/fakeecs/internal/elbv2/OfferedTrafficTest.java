package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.targets.Target;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Traffic driven by the load the services offer to the target groups, unless a test sets a request rate. */
class OfferedTrafficTest {

    private final ElbWorld w = new ElbWorld();

    private LoadBalancerMetrics.Minute last(String lb, String tg) {
        List<LoadBalancerMetrics.Minute> minutes = w.elb.metrics().minutes(lb, tg);
        return minutes.get(minutes.size() - 1);
    }

    private String weighted(String lb, String blue, int blueWeight, String green, int greenWeight) {
        return w.elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(
                        TargetGroupTuple.builder().targetGroupArn(blue).weight(blueWeight).build(),
                        TargetGroupTuple.builder().targetGroupArn(green).weight(greenWeight).build()))))
                .listeners().get(0).listenerArn();
    }

    @Test
    void should_send_the_offered_load_through_the_listener_to_the_target_group() {
        // given
        String lb = w.alb("web");
        String tg = w.ipGroup("web");
        w.listener(lb, 80, tg);
        w.register(tg, "10.0.1.1", 80);
        w.register(tg, "10.0.1.2", 80);
        w.offered.put(tg, 5.0);

        // when
        w.at(180);

        // then: 5 rps = 300 a minute, answered by both targets
        LoadBalancerMetrics.Minute m = last(lb, tg);
        assertThat(m.requestCount()).isEqualTo(300);
        assertThat(m.target5xxCount()).isZero();
        assertThat(m.targetResponseTime()).isEqualTo(LoadBalancerMetrics.RESPONSE_TIME_SECONDS);
        assertThat(last(lb, null).requestCount()).isEqualTo(300);
    }

    @Test
    void should_split_the_offered_load_by_the_forward_weights() {
        // given: the service offers 10 rps to blue; the listener sends a quarter of its traffic to green
        String lb = w.alb("web");
        String blue = w.ipGroup("blue");
        String green = w.ipGroup("green");
        weighted(lb, blue, 3, green, 1);
        w.register(blue, "10.0.1.1", 80);
        w.register(green, "10.0.2.1", 80);
        w.offered.put(blue, 10.0);

        // when
        w.at(120);

        // then
        assertThat(last(lb, blue).requestCount()).isEqualTo(450);
        assertThat(last(lb, green).requestCount()).isEqualTo(150);
        assertThat(last(lb, null).requestCount()).isEqualTo(600);
    }

    @Test
    void should_count_a_target_group_offered_load_once_per_load_balancer() {
        // given: two listeners forward to the same group
        String lb = w.alb("web");
        String tg = w.ipGroup("web");
        w.listener(lb, 80, tg);
        w.listener(lb, 8080, tg);
        w.register(tg, "10.0.1.1", 80);
        w.offered.put(tg, 2.0);

        // when
        w.at(120);

        // then
        assertThat(last(lb, tg).requestCount()).isEqualTo(120);
        assertThat(last(lb, null).requestCount()).isEqualTo(120);
    }

    @Test
    void should_count_the_5xx_of_a_target_answering_500() {
        // given: one of two targets answers 500 from the start (it turns unhealthy at 35)
        String lb = w.alb("web");
        String tg = w.ipGroup("web");
        w.listener(lb, 80, tg);
        w.register(tg, "10.0.1.1", 80);
        w.register(tg, "10.0.1.2", 80);
        w.apps.status.put(new Target("10.0.1.2", 80), 500);
        w.offered.put(tg, 1.0);

        // when: the first minute is sampled at 60, while 10.0.1.2 is unhealthy and 10.0.1.1 healthy
        w.at(60);
        w.apps.defaultStatus = 500;   // now the remaining target breaks as well: both unhealthy from ~95
        w.at(180);

        // then: the last minute failed open over both unhealthy targets, every request a target 5XX
        List<LoadBalancerMetrics.Minute> minutes = w.elb.metrics().minutes(lb, tg);
        assertThat(minutes.get(0).requestCount()).isEqualTo(60);
        assertThat(minutes.get(0).target5xxCount()).isZero();
        LoadBalancerMetrics.Minute failedOpen = minutes.get(minutes.size() - 1);
        assertThat(failedOpen.healthyHostCount()).isZero();
        assertThat(failedOpen.unhealthyHostCount()).isEqualTo(2);
        assertThat(failedOpen.requestCount()).isEqualTo(60);
        assertThat(failedOpen.target5xxCount()).isEqualTo(60);
    }

    @Test
    void should_record_minutes_without_requests_when_nothing_offers_load() {
        // given
        String lb = w.alb("web");
        String tg = w.ipGroup("web");
        w.listener(lb, 80, tg);
        w.register(tg, "10.0.1.1", 80);

        // when
        w.at(180);

        // then: host counts sampled, no request
        assertThat(w.elb.metrics().minutes(lb, tg)).hasSize(3)
                .allSatisfy(m -> {
                    assertThat(m.requestCount()).isZero();
                    assertThat(m.elb5xxCount()).isZero();
                    assertThat(m.targetResponseTime()).isNull();
                });
        assertThat(last(lb, tg).healthyHostCount()).isEqualTo(1);
    }

    @Test
    void should_let_an_explicit_request_rate_win_until_the_load_balancer_follows_the_offered_load_again() {
        // given
        String lb = w.alb("web");
        String tg = w.ipGroup("web");
        w.listener(lb, 80, tg);
        w.register(tg, "10.0.1.1", 80);
        w.offered.put(tg, 5.0);
        w.elb.metrics().requestRate(lb, 1);

        // when
        w.at(120);
        long explicit = last(lb, tg).requestCount();
        w.elb.metrics().followOfferedLoad(lb);
        w.at(180);

        // then
        assertThat(explicit).isEqualTo(60);
        assertThat(last(lb, tg).requestCount()).isEqualTo(300);
    }

    @Test
    void should_answer_elb_503_when_the_offered_group_has_no_target() {
        // given
        String lb = w.alb("web");
        String tg = w.ipGroup("web");
        w.listener(lb, 80, tg);
        w.offered.put(tg, 1.0);

        // when
        w.at(60);

        // then
        LoadBalancerMetrics.Minute m = last(lb, tg);
        assertThat(m.requestCount()).isZero();
        assertThat(m.elb5xxCount()).isEqualTo(60);
    }
}
