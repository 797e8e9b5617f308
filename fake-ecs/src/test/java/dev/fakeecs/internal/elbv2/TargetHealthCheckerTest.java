package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetHealth;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidTargetException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Target health on the virtual clock, to the second (neighbours.md 1.3). */
class TargetHealthCheckerTest {

    private final ElbWorld w = new ElbWorld();

    @Test
    void should_turn_a_new_target_healthy_at_the_first_passing_probe_five_seconds_after_registration() {
        // given
        String tg = w.servedGroup("web");
        w.at(100);

        // when
        w.register(tg, "10.0.1.7", 8080);

        // then
        var h = w.health(tg, "10.0.1.7", 8080);
        assertThat(h.targetHealth().stateAsString()).isEqualTo("initial");
        assertThat(h.targetHealth().reasonAsString()).isEqualTo("Elb.RegistrationInProgress");
        assertThat(h.targetHealth().description()).isEqualTo("Target registration is in progress");
        assertThat(h.healthCheckPort()).isEqualTo("8080");
        w.at(104);
        assertThat(w.state(tg, "10.0.1.7", 8080)).isEqualTo("initial/Elb.RegistrationInProgress");
        w.at(105);
        assertThat(w.state(tg, "10.0.1.7", 8080)).isEqualTo("healthy");
        assertThat(w.health(tg, "10.0.1.7", 8080).targetHealth().description()).isNull();
    }

    @Test
    void should_turn_a_target_answering_500_unhealthy_after_the_unhealthy_threshold_with_the_codes() {
        // given
        String tg = w.servedGroup("web");
        w.apps.status.put(new Target("10.0.1.7", 80), 500);

        // when
        w.register(tg, "10.0.1.7", 80);

        // then: probes at 5 and 35 (interval 30), threshold 2
        w.at(5);
        var h = w.health(tg, "10.0.1.7", 80).targetHealth();
        assertThat(h.stateAsString() + "/" + h.reasonAsString()).isEqualTo("initial/Elb.InitialHealthChecking");
        assertThat(h.description()).isEqualTo("Initial health checks in progress");
        w.at(34);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("initial/Elb.InitialHealthChecking");
        w.at(35);
        h = w.health(tg, "10.0.1.7", 80).targetHealth();
        assertThat(h.stateAsString()).isEqualTo("unhealthy");
        assertThat(h.reasonAsString()).isEqualTo("Target.ResponseCodeMismatch");
        assertThat(h.description()).isEqualTo("Health checks failed with these codes: [500]");
    }

    @Test
    void should_fail_a_probe_nothing_answers_when_the_timeout_runs_out() {
        // given
        String tg = w.servedGroup("web");
        w.apps.status.put(new Target("10.0.1.7", 80), 0);

        // when
        w.register(tg, "10.0.1.7", 80);

        // then: probes at 5 and 35, each failing 5 s (the timeout) later
        w.at(39);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("initial/Elb.InitialHealthChecking");
        w.at(40);
        var h = w.health(tg, "10.0.1.7", 80).targetHealth();
        assertThat(h.stateAsString() + "/" + h.reasonAsString()).isEqualTo("unhealthy/Target.Timeout");
        assertThat(h.description()).isEqualTo("Request timed out");
    }

    @Test
    void should_follow_both_thresholds_between_healthy_and_unhealthy() {
        // given: healthy at 5
        String tg = w.servedGroup("web");
        w.register(tg, "10.0.1.7", 80);
        w.at(5);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("healthy");

        // when: the application breaks at 10 (probes at 35, 65)
        w.at(10);
        w.apps.status.put(new Target("10.0.1.7", 80), 503);

        // then: unhealthy after 2 failures, healthy again 5 passes after the fix
        w.at(35);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("healthy");
        w.at(65);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("unhealthy/Target.ResponseCodeMismatch");
        w.apps.status.remove(new Target("10.0.1.7", 80));
        w.at(95 + 30 * 3);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("unhealthy/Target.ResponseCodeMismatch");
        w.at(95 + 30 * 4);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("healthy");
    }

    @Test
    void should_use_the_modified_interval_and_thresholds() {
        // given
        String tg = w.servedGroup("web");
        w.elb.modifyTargetGroup(r -> r.targetGroupArn(tg).healthCheckIntervalSeconds(10)
                .healthCheckTimeoutSeconds(2).unhealthyThresholdCount(3));
        w.apps.status.put(new Target("10.0.1.7", 80), 404);

        // when
        w.register(tg, "10.0.1.7", 80);

        // then: probes at 5, 15, 25
        w.at(24);
        assertThat(w.state(tg, "10.0.1.7", 80)).startsWith("initial");
        w.at(25);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("unhealthy/Target.ResponseCodeMismatch");
    }

    @Test
    void should_accept_a_status_the_matcher_lists() {
        // given
        String lb = w.alb("lb");
        String tg = w.elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(80).vpcId("vpc-1")
                .targetType("ip").matcher(m -> m.httpCode("200-299,404"))).targetGroups().get(0).targetGroupArn();
        w.listener(lb, 80, tg);
        w.apps.status.put(new Target("10.0.1.7", 80), 404);
        w.apps.status.put(new Target("10.0.1.8", 80), 302);

        // when
        w.elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.1.7"), t -> t.id("10.0.1.8")));
        w.at(35);

        // then
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("healthy");
        assertThat(w.state(tg, "10.0.1.8", 80)).isEqualTo("unhealthy/Target.ResponseCodeMismatch");
    }

    @Test
    void should_drain_a_deregistered_target_for_the_deregistration_delay_then_forget_it() {
        // given
        String tg = w.servedGroup("web");
        w.elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(tg)
                .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("30")));
        w.register(tg, "10.0.1.7", 80);
        w.at(50);

        // when
        w.elb.deregisterTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.1.7").port(80)));

        // then
        var h = w.health(tg, "10.0.1.7", 80).targetHealth();
        assertThat(h.stateAsString() + "/" + h.reasonAsString()).isEqualTo("draining/Target.DeregistrationInProgress");
        assertThat(h.description()).isEqualTo("Target deregistration is in progress");
        w.at(79);
        assertThat(w.state(tg, "10.0.1.7", 80)).startsWith("draining");
        w.at(80);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("unused/Target.NotRegistered");
        assertThat(w.elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions()).isEmpty();
    }

    @Test
    void should_drain_for_300_seconds_by_default_and_answer_the_drain_end_to_ecs() {
        // given
        String tg = w.servedGroup("web");
        w.elb.targetGroups().register(tg, new Target("10.0.1.7", 80));
        w.at(10);

        // when
        var end = w.elb.targetGroups().deregister(tg, new Target("10.0.1.7", 80));

        // then
        assertThat(end).isEqualTo(ElbWorld.START.plusSeconds(310));
        assertThat(w.elb.targetGroups().deregister(tg, new Target("10.0.1.9", 80))).isNull();
        w.at(310);
        assertThat(w.elb.targetGroups().health(tg, new Target("10.0.1.7", 80))).isEqualTo(TargetHealth.NOT_REGISTERED);
    }

    @Test
    void should_report_unused_not_in_use_while_no_listener_forwards_to_the_group() {
        // given
        String tg = w.ipGroup("web");
        w.register(tg, "10.0.1.7", 80);
        w.at(100);

        // then
        var h = w.health(tg, "10.0.1.7", 80).targetHealth();
        assertThat(h.stateAsString() + "/" + h.reasonAsString()).isEqualTo("unused/Target.NotInUse");
        assertThat(h.description()).isEqualTo("Target group is not configured to receive traffic from the load balancer");

        // when: a listener starts forwarding at 100; the next probe (at 125) passes
        String lb = w.alb("lb");
        w.listener(lb, 80, tg);
        assertThat(w.state(tg, "10.0.1.7", 80)).startsWith("initial");
        w.at(124);
        assertThat(w.state(tg, "10.0.1.7", 80)).startsWith("initial");
        w.at(125);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("healthy");
    }

    @Test
    void should_report_a_target_in_a_zone_the_load_balancer_does_not_enable_as_unused() {
        // given: the ALB spans 1a and 1b
        String tg = w.servedGroup("web");
        w.apps.zoneOfIp.put("10.0.3.7", "us-east-1c");
        w.apps.zoneOfIp.put("10.0.1.7", "us-east-1a");

        // when
        w.register(tg, "10.0.3.7", 80);
        w.register(tg, "10.0.1.7", 80);
        w.at(60);

        // then
        var h = w.health(tg, "10.0.3.7", 80);
        assertThat(h.targetHealth().reasonAsString()).isEqualTo("Target.NotInUse");
        assertThat(h.targetHealth().description())
                .isEqualTo("Target is in an Availability Zone that is not enabled for the load balancer");
        assertThat(h.target().availabilityZone()).isEqualTo("us-east-1c");
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("healthy");
    }

    @Test
    void should_turn_targets_of_an_impaired_zone_unhealthy_by_their_probes() {
        // given: two healthy targets
        String tg = w.servedGroup("web");
        w.register(tg, "10.0.1.7", 80);
        w.register(tg, "10.0.2.7", 80);
        w.at(5);

        // when: the zone of the first goes down (nothing answers there)
        w.apps.status.put(new Target("10.0.1.7", 80), 0);

        // then: probes at 35 and 65 time out at 40 and 70
        w.at(70);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("unhealthy/Target.Timeout");
        assertThat(w.state(tg, "10.0.2.7", 80)).isEqualTo("healthy");
    }

    @Test
    void should_tell_listeners_and_the_journal_of_every_transition() {
        // given
        String tg = w.servedGroup("web");
        List<String> seen = new ArrayList<>();
        w.elb.targetGroups().addListener((arn, target, from, to) -> seen.add(target + " " + from.state() + "->"
                + to.state() + "@" + (w.engine.now().getEpochSecond() - ElbWorld.START.getEpochSecond())));
        w.apps.status.put(new Target("10.0.1.7", 80), 500);

        // when
        w.register(tg, "10.0.1.7", 80);
        w.at(35);
        w.elb.deregisterTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.1.7").port(80)));
        w.at(400);

        // then
        assertThat(seen).containsExactly("10.0.1.7:80 unused->initial@0", "10.0.1.7:80 initial->initial@5",
                "10.0.1.7:80 initial->unhealthy@35", "10.0.1.7:80 unhealthy->draining@35",
                "10.0.1.7:80 draining->unused@335");
        assertThat(w.engine.journal().entries()).filteredOn(e -> e.type() == JournalEventType.TARGET_REGISTRATION)
                .hasSize(3);
        assertThat(w.engine.journal().entries()).filteredOn(e -> e.type() == JournalEventType.TARGET_HEALTH)
                .hasSize(5);
    }

    @Test
    void should_fail_health_checks_with_503_while_the_fault_lasts() {
        // given
        String tg = w.servedGroup("web");
        w.register(tg, "10.0.1.7", 80);
        w.at(5);

        // when
        w.elb.failHealthChecks("web", Duration.ofSeconds(120));

        // then: probes at 35, 65 fail; 95 and 125 fail too (fault until 125 exclusive: 125 passes)
        w.at(65);
        var h = w.health(tg, "10.0.1.7", 80).targetHealth();
        assertThat(h.stateAsString()).isEqualTo("unhealthy");
        assertThat(h.description()).isEqualTo("Health checks failed with these codes: [503]");
        w.at(125 + 30 * 3);
        assertThat(w.state(tg, "10.0.1.7", 80)).startsWith("unhealthy");
        w.at(125 + 30 * 4);
        assertThat(w.state(tg, "10.0.1.7", 80)).isEqualTo("healthy");
    }

    @Test
    void should_refuse_instance_targets_that_are_not_running_and_accept_running_ones() {
        // given
        String lb = w.alb("lb");
        String tg = w.elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(80).vpcId("vpc-1"))
                .targetGroups().get(0).targetGroupArn();
        w.listener(lb, 80, tg);
        w.apps.instances.put("i-0123456789abcdef0", "us-east-1b");

        // when / then
        assertThatThrownBy(() -> w.elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("i-0dead"))))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("The following targets are not in a running state and cannot be registered: 'i-0dead'");
        w.elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("i-0123456789abcdef0").port(32768)));
        w.at(5);
        assertThat(w.state(tg, "i-0123456789abcdef0", 32768)).isEqualTo("healthy");
    }

    @Test
    void should_answer_target_group_not_found_for_an_unknown_group() {
        assertThatThrownBy(() -> w.elb.describeTargetHealth(r -> r.targetGroupArn("arn:aws:elasticloadbalancing:"
                + "us-east-1:123456789012:targetgroup/nope/0123456789abcdef")))
                .isInstanceOf(TargetGroupNotFoundException.class)
                .satisfies(e -> assertThat(((TargetGroupNotFoundException) e).awsErrorDetails().errorCode())
                        .isEqualTo("TargetGroupNotFound"))
                .satisfies(e -> assertThat(((TargetGroupNotFoundException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void should_keep_one_queued_event_per_target_group_however_many_targets() {
        // given
        String tg = w.servedGroup("web");
        long before = w.engine.clock().pendingEvents().size();

        // when
        for (int i = 1; i <= 200; i++) {
            w.register(tg, "10.0.2." + i, 80);
        }

        // then
        assertThat(w.engine.clock().pendingEvents().size() - before).isLessThanOrEqualTo(1);
        w.at(5);
        assertThat(w.elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions())
                .hasSize(200).allMatch(d -> d.targetHealth().stateAsString().equals("healthy"));
        w.at(3600);
        assertThat(w.engine.clock().pendingEvents().stream().filter(e -> !e.isCancelled())
                .filter(e -> e.description().startsWith("elbv2 health checks"))).hasSize(1);
    }

    @Test
    void should_write_the_same_journal_for_the_same_seed_and_calls() {
        assertThat(scenario()).isEqualTo(scenario()).isNotEmpty();
    }

    private List<String> scenario() {
        ElbWorld world = new ElbWorld(42);
        String tg = world.servedGroup("web");
        world.apps.status.put(new Target("10.0.1.8", 80), 500);
        world.register(tg, "10.0.1.7", 80);
        world.register(tg, "10.0.1.8", 80);
        world.at(100);
        world.elb.deregisterTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("10.0.1.7").port(80)));
        world.at(500);
        return world.engine.journal().entries().stream().map(Object::toString).toList();
    }
}
