package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.elbv2.TargetGroupRecord.HealthWork;
import dev.fakeecs.internal.elbv2.TargetGroupRecord.Kind;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.targets.ApplicationAnswer;
import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetApplications;
import dev.fakeecs.internal.targets.TargetHealth;
import dev.fakeecs.internal.targets.TargetHealthListener;
import dev.fakeecs.journal.JournalEventType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Target health on the virtual clock: registration, probes, verdicts, thresholds and draining, as
 * neighbours.md 1.3 describes. A registered target is {@code initial/Elb.RegistrationInProgress}; its first
 * probe runs 5 s after registration and then every interval, without jitter. One passing probe makes an
 * {@code initial} target healthy; {@code UnhealthyThresholdCount} consecutive failures make it unhealthy;
 * {@code HealthyThresholdCount} consecutive passes bring an unhealthy one back. A probe's answer is what
 * {@link TargetApplications#answer} says: a status the matcher accepts passes at once, another status fails at
 * once ({@code Target.ResponseCodeMismatch}), no answer fails when the timeout has run out
 * ({@code Target.Timeout}). Deregistration drains for {@code deregistration_delay.timeout_seconds}, then the
 * target is gone.
 *
 * <p>Each target group has at most one event in the clock's queue (at its earliest pending probe, verdict or
 * drain end), however many targets it holds.
 *
 * <pre>{@code
 * checker.register(tg, new Target("10.0.1.7", 8080), "us-east-1a");
 * clock.advance(Duration.ofSeconds(5));    // first probe: healthy if the application answers 200
 * TargetHealth h = checker.reported(tg, tg.targets.get(target));
 * }</pre>
 */
final class TargetHealthChecker {

    /** From RegisterTargets to the first probe (neighbours.md 1.3 rule). */
    static final Duration REGISTRATION_DELAY = Duration.ofSeconds(5);

    static final TargetHealth NOT_IN_USE = new TargetHealth("unused", "Target.NotInUse",
            "Target group is not configured to receive traffic from the load balancer");
    static final TargetHealth ZONE_NOT_ENABLED = new TargetHealth("unused", "Target.NotInUse",
            "Target is in an Availability Zone that is not enabled for the load balancer");
    static final TargetHealth HEALTH_CHECK_DISABLED = new TargetHealth("unavailable", "Target.HealthCheckDisabled",
            "Health checks are disabled");
    static final TargetHealth DRAINING = new TargetHealth("draining", "Target.DeregistrationInProgress",
            "Target deregistration is in progress");
    static final String INITIAL_CHECKING = "Elb.InitialHealthChecking";

    private final ElbResources resources;
    private final RegionContext region;
    private final Supplier<TargetApplications> applications;
    private final List<TargetHealthListener> listeners = new CopyOnWriteArrayList<>();

    TargetHealthChecker(ElbResources resources, Supplier<TargetApplications> applications) {
        this.resources = resources;
        this.region = resources.region();
        this.applications = applications;
    }

    void addListener(TargetHealthListener listener) {
        listeners.add(listener);
    }

    TargetApplications applications() {
        return applications.get();
    }

    // ---- what DescribeTargetHealth shows

    /** The health a target reports now: stored state, or the derived unused/unavailable/draining. */
    TargetHealth reported(TargetGroupRecord tg, RegisteredTarget t) {
        if ("draining".equals(t.state)) {
            return DRAINING;
        }
        if (!tg.healthCheckEnabled) {
            return HEALTH_CHECK_DISABLED;
        }
        TargetHealth unused = notInUse(tg, t);
        if (unused != null) {
            return unused;
        }
        return "healthy".equals(t.state) ? new TargetHealth("healthy", null, null)
                : new TargetHealth(t.state, t.reason, t.description);
    }

    /** Why the target gets no traffic and no probes, or null when a listener forwards to it in an enabled zone. */
    TargetHealth notInUse(TargetGroupRecord tg, RegisteredTarget t) {
        Set<String> lbs = resources.loadBalancersUsing(tg.arn);
        if (lbs.isEmpty()) {
            return NOT_IN_USE;
        }
        if (t.zone == null || "all".equals(t.zone)) {
            return null;
        }
        for (String lbArn : lbs) {
            LoadBalancerRecord lb = resources.loadBalancers.get(lbArn);
            if (lb != null && (lb.zones.containsKey(t.zone) || SubnetZones.anyUnpinned(lb.zones, region.availabilityZones()))) {
                // an unpinned subnet (no zone in its id) stands for any zone, as it does for ECS's Fargate tasks
                return null;
            }
        }
        return ZONE_NOT_ENABLED;
    }

    // ---- registration and draining

    /** Registers a target (a registered one is left as it is); returns whether it was new. */
    boolean register(TargetGroupRecord tg, Target target, String zone) {
        RegisteredTarget existing = tg.targets.get(target);
        if (existing != null && !"draining".equals(existing.state)) {
            return false;
        }
        TargetHealth from = existing == null ? TargetHealth.NOT_REGISTERED : reported(tg, existing);
        if (existing != null) {
            existing.generation++;
        }
        RegisteredTarget t = new RegisteredTarget(target, region.now(), zone);
        tg.targets.put(target, t);
        region.record(JournalEventType.TARGET_REGISTRATION, tg.arn, "target", target.toString(),
                "action", "registered", "availabilityZone", zone);
        if (tg.healthCheckEnabled) {
            schedule(tg, region.now().plus(REGISTRATION_DELAY), new HealthWork(t, Kind.PROBE, t.generation));
        }
        changed(tg, target, from, reported(tg, t));
        return true;
    }

    /** Starts draining a registered target; returns when it will be gone, or null if it was not registered. */
    Instant deregister(TargetGroupRecord tg, Target target) {
        RegisteredTarget t = tg.targets.get(target);
        if (t == null) {
            return null;
        }
        if ("draining".equals(t.state)) {
            return t.drainEnds;
        }
        TargetHealth from = reported(tg, t);
        t.generation++;
        t.state = "draining";
        t.reason = DRAINING.reason();
        t.description = DRAINING.description();
        t.healthySince = null;
        t.drainEnds = region.now().plusSeconds(tg.deregistrationDelay());
        region.record(JournalEventType.TARGET_REGISTRATION, tg.arn, "target", target.toString(),
                "action", "deregistered", "drainingUntil", t.drainEnds.toString());
        schedule(tg, t.drainEnds, new HealthWork(t, Kind.DRAIN_END, t.generation));
        changed(tg, target, from, DRAINING);
        return t.drainEnds;
    }

    /** A deleted target group: its work is cancelled and its targets are gone at once. */
    void removeAll(TargetGroupRecord tg) {
        if (tg.nextWork != null) {
            tg.nextWork.cancel();
            tg.nextWork = null;
        }
        tg.timeline.clear();
        List<RegisteredTarget> gone = new ArrayList<>(tg.targets.values());
        tg.targets.clear();
        for (RegisteredTarget t : gone) {
            t.generation++;
            changed(tg, t.target, reported(tg, t), TargetHealth.NOT_REGISTERED);
        }
    }

    /**
     * Runs a change that may put target groups in or out of use (listeners, rules, subnets) and tells the
     * listeners about every target whose reported health changed.
     */
    void usageChange(Runnable change) {
        Map<RegisteredTarget, TargetHealth> before = new LinkedHashMap<>();
        for (TargetGroupRecord tg : resources.targetGroups.values()) {
            for (RegisteredTarget t : tg.targets.values()) {
                before.put(t, reported(tg, t));
            }
        }
        change.run();
        resources.reindex();
        for (TargetGroupRecord tg : resources.targetGroups.values()) {
            for (RegisteredTarget t : tg.targets.values()) {
                TargetHealth was = before.get(t);
                if (was != null) {
                    changed(tg, t.target, was, reported(tg, t));
                }
            }
        }
    }

    /** Health check settings changed: the probes already planned keep their instants, the next use the new interval. */
    void settingsChanged(TargetGroupRecord tg, boolean wasEnabled) {
        if (!wasEnabled && tg.healthCheckEnabled) {
            for (RegisteredTarget t : tg.targets.values()) {
                if (!"draining".equals(t.state)) {
                    t.generation++;
                    schedule(tg, region.now().plus(REGISTRATION_DELAY), new HealthWork(t, Kind.PROBE, t.generation));
                }
            }
        }
    }

    // ---- the timeline

    private void schedule(TargetGroupRecord tg, Instant at, HealthWork work) {
        tg.timeline.computeIfAbsent(at, k -> new ArrayList<>()).add(work);
        if (tg.nextWork == null || tg.nextWork.isCancelled() || at.isBefore(tg.nextWork.due())) {
            if (tg.nextWork != null) {
                tg.nextWork.cancel();
            }
            tg.nextWork = region.engine().clock().scheduleAt(at, "elbv2 health checks " + tg.name, () -> run(tg));
        }
    }

    private void run(TargetGroupRecord tg) {
        tg.nextWork = null;
        if (resources.targetGroups.get(tg.arn) != tg) {
            return;
        }
        Instant now = region.now();
        while (!tg.timeline.isEmpty() && !tg.timeline.firstKey().isAfter(now)) {
            List<HealthWork> due = tg.timeline.pollFirstEntry().getValue();
            for (HealthWork work : due) {
                RegisteredTarget t = work.target();
                if (work.generation() != t.generation || tg.targets.get(t.target) != t) {
                    continue;
                }
                switch (work.kind()) {
                    case PROBE -> probe(tg, t);
                    case TIMEOUT_VERDICT -> verdict(tg, t, false, "Target.Timeout", "Request timed out");
                    case DRAIN_END -> drained(tg, t);
                }
            }
        }
        // the work scheduled while running may have queued an event already: keep exactly one, at the earliest
        Instant next = tg.timeline.isEmpty() ? null : tg.timeline.firstKey();
        if (tg.nextWork != null && (next == null || !tg.nextWork.due().equals(next))) {
            tg.nextWork.cancel();
            tg.nextWork = null;
        }
        if (next != null && tg.nextWork == null) {
            tg.nextWork = region.engine().clock().scheduleAt(next, "elbv2 health checks " + tg.name, () -> run(tg));
        }
    }

    private void probe(TargetGroupRecord tg, RegisteredTarget t) {
        Instant now = region.now();
        if (!tg.healthCheckEnabled) {
            return;
        }
        schedule(tg, now.plusSeconds(tg.intervalSeconds), new HealthWork(t, Kind.PROBE, t.generation));
        TargetApplications apps = applications.get();
        if (t.zone == null && !"instance".equals(tg.targetType)) {
            ApplicationAnswer located = apps.answer(t.target);
            t.zone = located.availabilityZone();
        }
        TargetHealth before = reported(tg, t);
        if (notInUse(tg, t) != null) {
            // no probes while unused; when traffic comes back the target starts over from initial
            t.state = "initial";
            t.reason = INITIAL_CHECKING;
            t.description = "Initial health checks in progress";
            t.passes = 0;
            t.failures = 0;
            t.healthySince = null;
            changed(tg, t.target, before, reported(tg, t));
            return;
        }
        if ("initial".equals(t.state) && "Elb.RegistrationInProgress".equals(t.reason)) {
            t.reason = INITIAL_CHECKING;
            t.description = "Initial health checks in progress";
        }
        if (faultActive(tg, now)) {
            verdict(tg, t, false, "Target.ResponseCodeMismatch", "Health checks failed with these codes: [503]",
                    before);
            return;
        }
        ApplicationAnswer answer = apps.answer(t.target);
        if (!answer.answered()) {
            changed(tg, t.target, before, reported(tg, t));
            schedule(tg, now.plusSeconds(tg.timeoutSeconds), new HealthWork(t, Kind.TIMEOUT_VERDICT, t.generation));
            return;
        }
        if (Matchers.passes(tg, answer.status())) {
            verdict(tg, t, true, null, null, before);
        } else {
            verdict(tg, t, false, "Target.ResponseCodeMismatch",
                    "Health checks failed with these codes: [" + answer.status() + "]", before);
        }
    }

    private boolean faultActive(TargetGroupRecord tg, Instant now) {
        return tg.failingForever || tg.failingUntil != null && now.isBefore(tg.failingUntil);
    }

    private void verdict(TargetGroupRecord tg, RegisteredTarget t, boolean pass, String reason, String description) {
        verdict(tg, t, pass, reason, description, reported(tg, t));
    }

    private void verdict(TargetGroupRecord tg, RegisteredTarget t, boolean pass, String reason, String description,
                         TargetHealth before) {
        if (pass) {
            t.passes++;
            t.failures = 0;
            if ("initial".equals(t.state) || "unhealthy".equals(t.state) && t.passes >= tg.healthyThreshold) {
                t.state = "healthy";
                t.reason = null;
                t.description = null;
                t.healthySince = region.now();
            }
        } else {
            t.failures++;
            t.passes = 0;
            if ("unhealthy".equals(t.state) || t.failures >= tg.unhealthyThreshold) {
                t.state = "unhealthy";
                t.reason = reason;
                t.description = description;
                t.healthySince = null;
            }
        }
        changed(tg, t.target, before, reported(tg, t));
    }

    private void drained(TargetGroupRecord tg, RegisteredTarget t) {
        tg.targets.remove(t.target);
        region.record(JournalEventType.TARGET_REGISTRATION, tg.arn, "target", t.target.toString(),
                "action", "drained");
        changed(tg, t.target, DRAINING, TargetHealth.NOT_REGISTERED);
    }

    private void changed(TargetGroupRecord tg, Target target, TargetHealth from, TargetHealth to) {
        if (from.equals(to)) {
            return;
        }
        region.record(JournalEventType.TARGET_HEALTH, tg.arn, "target", target.toString(), "from", from.state(),
                "state", to.state(), "reason", to.reason());
        for (TargetHealthListener listener : listeners) {
            listener.changed(tg.arn, target, from, to);
        }
    }
}
