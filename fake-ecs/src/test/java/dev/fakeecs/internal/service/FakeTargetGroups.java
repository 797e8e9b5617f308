package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.targets.ApplicationAnswer;
import dev.fakeecs.internal.targets.ForwardRule;
import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetApplications;
import dev.fakeecs.internal.targets.TargetGroupDirectory;
import dev.fakeecs.internal.targets.TargetGroupInfo;
import dev.fakeecs.internal.targets.TargetHealth;
import dev.fakeecs.internal.targets.TargetHealthListener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small stand-in for the Elastic Load Balancing v2 simulation, for testing ECS's side of the seam: target groups
 * declared by the test; {@code register} puts a target in {@code initial}; with probing on (the default), the
 * target is probed through ECS's {@link TargetApplications} 5 s after registration and then every
 * {@code interval} seconds (one pass makes an initial target healthy, 2 failures unhealthy, 5 passes bring an
 * unhealthy one back); tests can also set a target's health by hand. {@code deregister} turns it
 * {@code draining} and forgets it after the group's deregistration delay.
 */
final class FakeTargetGroups implements TargetGroupDirectory {

    static final String ACCOUNT = "123456789012";

    private final FakeEcs ecs;
    private final TargetApplications applications;
    private final Map<String, TargetGroupInfo> groups = new LinkedHashMap<>();
    private final Map<String, Map<Target, Entry>> targets = new LinkedHashMap<>();
    private final List<TargetHealthListener> listeners = new ArrayList<>();
    /** Every register / deregister call: "at op tg target". */
    final List<String> calls = new ArrayList<>();
    /** Told of every registration, before the target's health changes (tests look at the task then). */
    java.util.function.Consumer<Target> onRegister = t -> { };
    private boolean probing = true;
    private int interval = 30;

    private FakeTargetGroups(FakeEcs ecs, TargetApplications applications) {
        this.ecs = ecs;
        this.applications = applications;
    }

    /** Publishes a fresh fake to the default region of {@code ecs}. */
    static FakeTargetGroups install(FakeEcs ecs) {
        EcsNeighbourhood n = RegionEngine.of(ecs.defaultRegion()).neighbourhood();
        FakeTargetGroups fake = new FakeTargetGroups(ecs, n.applications());
        n.publishTargetGroups(fake);
        return fake;
    }

    /** Turns probing off: targets stay as the test sets them. */
    FakeTargetGroups manual() {
        probing = false;
        return this;
    }

    FakeTargetGroups interval(int seconds) {
        interval = seconds;
        return this;
    }

    /** Declares a target group attached to a load balancer; answers its ARN. */
    String add(String name, String targetType, int deregistrationDelaySeconds) {
        return add(name, targetType, deregistrationDelaySeconds, true);
    }

    String add(String name, String targetType, int deregistrationDelaySeconds, boolean withLoadBalancer) {
        String arn = "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":targetgroup/" + name + "/"
                + String.format("%016x", groups.size() + 1);
        List<String> lbs = withLoadBalancer ? List.of("arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT
                + ":loadbalancer/app/lb/0123456789abcdef") : List.of();
        groups.put(arn, new TargetGroupInfo(arn, name, targetType, lbs, deregistrationDelaySeconds));
        targets.put(arn, new LinkedHashMap<>());
        return arn;
    }

    /** The targets currently registered (any state but gone) in the group. */
    Map<Target, TargetHealth> targets(String arn) {
        Map<Target, TargetHealth> out = new LinkedHashMap<>();
        targets.get(arn).forEach((t, e) -> out.put(t, e.health));
        return out;
    }

    long count(String arn, String state) {
        return targets.get(arn).values().stream().filter(e -> e.health.state().equals(state)).count();
    }

    /** Sets a target's health by hand (listeners hear it). */
    void set(String arn, Target target, TargetHealth health) {
        Entry e = targets.get(arn).get(target);
        change(arn, target, e, health);
    }

    static TargetHealth healthy() {
        return new TargetHealth("healthy", null, null);
    }

    static TargetHealth unhealthy(int code) {
        return new TargetHealth("unhealthy", "Target.ResponseCodeMismatch",
                "Health checks failed with these codes: [" + code + "]");
    }

    // ---- TargetGroupDirectory ------------------------------------------------------------------

    @Override
    public TargetGroupInfo find(String targetGroupArn) {
        return groups.get(targetGroupArn);
    }

    @Override
    public void register(String targetGroupArn, Target target) {
        Map<Target, Entry> map = targets.get(targetGroupArn);
        if (map == null) {
            throw new IllegalStateException("no target group " + targetGroupArn);
        }
        calls.add(ecs.clock().instant() + " register " + targetGroupArn + " " + target);
        onRegister.accept(target);
        if (map.containsKey(target) && !"draining".equals(map.get(target).health.state())) {
            return;
        }
        Entry e = new Entry();
        map.put(target, e);
        change(targetGroupArn, target, null, new TargetHealth("initial", "Elb.RegistrationInProgress",
                "Target registration is in progress"));
        if (probing) {
            e.probe = ecs.clock().schedule(Duration.ofSeconds(5), "probe " + target, () -> probe(targetGroupArn,
                    target, e));
        }
    }

    @Override
    public Instant deregister(String targetGroupArn, Target target) {
        Map<Target, Entry> map = targets.get(targetGroupArn);
        Entry e = map == null ? null : map.get(target);
        if (e == null || "draining".equals(e.health.state())) {
            return null;
        }
        calls.add(ecs.clock().instant() + " deregister " + targetGroupArn + " " + target);
        if (e.probe != null) {
            e.probe.cancel();
        }
        change(targetGroupArn, target, e, new TargetHealth("draining", "Target.DeregistrationInProgress",
                "Target deregistration is in progress"));
        Instant unused = ecs.clock().instant().plusSeconds(groups.get(targetGroupArn).deregistrationDelaySeconds());
        ecs.clock().scheduleAt(unused, "drained " + target, () -> {
            if (map.get(target) == e) {
                map.remove(target);
                fire(targetGroupArn, target, e.health, TargetHealth.NOT_REGISTERED);
            }
        });
        return unused;
    }

    @Override
    public TargetHealth health(String targetGroupArn, Target target) {
        Map<Target, Entry> map = targets.get(targetGroupArn);
        Entry e = map == null ? null : map.get(target);
        return e == null ? TargetHealth.NOT_REGISTERED : e.health;
    }

    @Override
    public void addListener(TargetHealthListener listener) {
        listeners.add(listener);
    }

    @Override
    public ForwardRule forwardRule(String ruleOrListenerArn) {
        return null; // this fake has no listener rules
    }

    @Override
    public void forwardWeights(String ruleOrListenerArn, Map<String, Integer> weights) {
        throw new IllegalStateException("no listener rule " + ruleOrListenerArn);
    }

    // ---- probing -------------------------------------------------------------------------------

    private void probe(String arn, Target target, Entry e) {
        if (targets.get(arn).get(target) != e || "draining".equals(e.health.state())) {
            return;
        }
        ApplicationAnswer a = applications.answer(target);
        boolean pass = a.status() >= 200 && a.status() < 300;
        if (pass) {
            e.passes++;
            e.failures = 0;
        } else {
            e.failures++;
            e.passes = 0;
        }
        String state = e.health.state();
        if (pass && ("initial".equals(state) || ("unhealthy".equals(state) && e.passes >= 5))) {
            change(arn, target, e, healthy());
        } else if (!pass && !"unhealthy".equals(state) && e.failures >= 2) {
            change(arn, target, e, a.answered() ? unhealthy(a.status())
                    : new TargetHealth("unhealthy", "Target.Timeout", "Request timed out"));
        } else if ("initial".equals(state) && "Elb.RegistrationInProgress".equals(e.health.reason())) {
            change(arn, target, e, new TargetHealth("initial", "Elb.InitialHealthChecking",
                    "Initial health checks in progress"));
        }
        e.probe = ecs.clock().schedule(Duration.ofSeconds(interval), "probe " + target, () -> probe(arn, target, e));
    }

    private void change(String arn, Target target, Entry e, TargetHealth to) {
        TargetHealth from = e == null ? TargetHealth.NOT_REGISTERED : e.health;
        Entry entry = e == null ? targets.get(arn).get(target) : e;
        entry.health = to;
        fire(arn, target, from, to);
    }

    private void fire(String arn, Target target, TargetHealth from, TargetHealth to) {
        for (TargetHealthListener l : List.copyOf(listeners)) {
            l.changed(arn, target, from, to);
        }
    }

    private static final class Entry {
        TargetHealth health = TargetHealth.NOT_REGISTERED;
        int passes;
        int failures;
        ScheduledEvent probe;
    }
}
