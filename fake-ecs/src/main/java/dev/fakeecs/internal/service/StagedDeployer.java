package dev.fakeecs.internal.service;

import dev.fakeecs.internal.deployment.SimulatedDeployment;
import dev.fakeecs.internal.deployment.StagedRollout;
import dev.fakeecs.internal.deployment.TrafficPlan;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.targets.ForwardRule;
import dev.fakeecs.internal.targets.TargetGroupDirectory;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stage machine of BLUE_GREEN, LINEAR and CANARY deployments (neighbours.md section 3): RECONCILE_SERVICE
 * (only when more than one revision is ACTIVE at the start), PRE_SCALE_UP, SCALE_UP (the green revision starts at
 * the full desired count in the alternate target group, with no traffic, until all its tasks are healthy),
 * POST_SCALE_UP, TEST_TRAFFIC_SHIFT (the test listener rule sends 100 % to green), POST_TEST_TRAFFIC_SHIFT, then
 * for each production step of the {@link TrafficPlan} PRE_PRODUCTION_TRAFFIC_SHIFT hooks (BLUE_GREEN once,
 * LINEAR/CANARY before every step) and PRODUCTION_TRAFFIC_SHIFT (the production listener rule's weights move to
 * the step's percentage, visible through the ELB API; the step's bake follows every step but the last),
 * POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME ({@code bakeTimeInMinutes} with both revisions up) and CLEAN_UP (the
 * replica reconciler stops the blue revision; the deployment completes when it is gone). Each stage's hooks run
 * through the {@link LifecycleHookRunner}; a failed hook, or a stage (or step) that has not finished its hooks or
 * scale-up within 24 hours, fails the deployment and rolls it back.
 *
 * <p>Target groups: the green revision registers in whichever of the service's target group and
 * {@code advancedConfiguration.alternateTargetGroupArn} the blue revision does not use (the alternate one for the
 * first deployment), so the two swap roles with every deployment, as on AWS.
 *
 * <pre>{@code
 * staged.start(service, deployment, previousPrimary);   // at UpdateService
 * staged.advance(service, deployment, now, wake);       // every reconcile pass
 * }</pre>
 */
final class StagedDeployer {

    static final Duration STAGE_LIMIT = Duration.ofHours(24);

    private final RegionContext region;
    private final TargetGroupDirectory targetGroups;
    private final ServiceTasks tasks;
    private final LifecycleHookRunner hooks;
    private final ServiceDeploymentHistory history;
    private final ServiceEventWriter events;
    private DeploymentFailures failures;

    StagedDeployer(RegionContext region, TargetGroupDirectory targetGroups, ServiceTasks tasks,
                   LifecycleHookRunner hooks, ServiceDeploymentHistory history, ServiceEventWriter events) {
        this.region = region;
        this.targetGroups = targetGroups;
        this.tasks = tasks;
        this.hooks = hooks;
        this.history = history;
        this.events = events;
    }

    void failures(DeploymentFailures deploymentFailures) {
        this.failures = deploymentFailures;
    }

    LifecycleHookRunner hooks() {
        return hooks;
    }

    /**
     * Sets up a ROLLING deployment whose service has PRE_SCALE_UP or POST_SCALE_UP hooks (the only stages a rolling
     * deployment runs hooks at): PRE_SCALE_UP hooks before its first task starts, POST_SCALE_UP once the new
     * revision runs healthy at the desired count; it completes only after them. Without such hooks: nothing.
     */
    void startRolling(SimulatedService service, SimulatedDeployment d, SimulatedDeployment blue) {
        if (LifecycleHookRunner.hooksFor(service, "PRE_SCALE_UP").isEmpty()
                && LifecycleHookRunner.hooksFor(service, "POST_SCALE_UP").isEmpty()) {
            return;
        }
        d.strategy("ROLLING");
        d.staged(new StagedRollout("ROLLING", TrafficPlan.blueGreen(), blue == null ? null : blue.id(), "PRE_SCALE_UP",
                region.now()));
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", d.id(), "strategy", "ROLLING",
                "lifecycleStage", "PRE_SCALE_UP");
    }

    /** Sets up a new BLUE_GREEN, LINEAR or CANARY deployment: its plan, first stage and green target groups. */
    void start(SimulatedService service, SimulatedDeployment d, SimulatedDeployment blue, int activeRevisions) {
        DeploymentConfiguration c = service.deploymentConfiguration();
        String strategy = DeploymentStrategyValidation.strategyOf(c);
        TrafficPlan plan = switch (strategy) {
            case "LINEAR" -> TrafficPlan.linear(
                    c.linearConfiguration() == null || c.linearConfiguration().stepPercent() == null ? 10.0
                            : c.linearConfiguration().stepPercent(),
                    c.linearConfiguration() == null || c.linearConfiguration().stepBakeTimeInMinutes() == null ? 6
                            : c.linearConfiguration().stepBakeTimeInMinutes());
            case "CANARY" -> TrafficPlan.canary(
                    c.canaryConfiguration() == null || c.canaryConfiguration().canaryPercent() == null ? 5.0
                            : c.canaryConfiguration().canaryPercent(),
                    c.canaryConfiguration() == null || c.canaryConfiguration().canaryBakeTimeInMinutes() == null ? 10
                            : c.canaryConfiguration().canaryBakeTimeInMinutes());
            default -> TrafficPlan.blueGreen();
        };
        String first = activeRevisions > 1 ? "RECONCILE_SERVICE" : "PRE_SCALE_UP";
        d.strategy(strategy);
        d.staged(new StagedRollout(strategy, plan, blue == null ? null : blue.id(), first, region.now()));
        d.loadBalancers(greenLoadBalancers(service, blue));
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", d.id(), "strategy", strategy,
                "lifecycleStage", first);
    }

    /** The service's load balancers with each blue/green pair's target group swapped to the one blue does not use. */
    private static List<LoadBalancer> greenLoadBalancers(SimulatedService service, SimulatedDeployment blue) {
        List<LoadBalancer> green = new ArrayList<>();
        for (LoadBalancer lb : service.loadBalancers()) {
            AdvancedConfiguration a = lb.advancedConfiguration();
            if (a == null || a.alternateTargetGroupArn() == null) {
                green.add(lb);
                continue;
            }
            String blueTg = blueTargetGroup(blue, lb);
            String greenTg = a.alternateTargetGroupArn().equals(blueTg) ? lb.targetGroupArn()
                    : a.alternateTargetGroupArn();
            green.add(lb.toBuilder().targetGroupArn(greenTg).build());
        }
        return green;
    }

    /** The target group of the pair {@code lb} that the blue deployment registers in (the service's, without blue). */
    private static String blueTargetGroup(SimulatedDeployment blue, LoadBalancer lb) {
        if (blue == null) {
            return lb.targetGroupArn();
        }
        String alternate = lb.advancedConfiguration().alternateTargetGroupArn();
        for (LoadBalancer b : blue.loadBalancers()) {
            if (b.containerName() != null && b.containerName().equals(lb.containerName())
                    && java.util.Objects.equals(b.containerPort(), lb.containerPort())
                    && (lb.targetGroupArn().equals(b.targetGroupArn()) || alternate.equals(b.targetGroupArn()))) {
                return b.targetGroupArn();
            }
        }
        return lb.targetGroupArn();
    }

    /** Whether the primary may start tasks now (from SCALE_UP on; always when not staged or no longer in progress). */
    static boolean launchAllowed(SimulatedDeployment primary) {
        StagedRollout st = primary.staged();
        return st == null || !"IN_PROGRESS".equals(primary.rolloutState()) || st.reached("SCALE_UP");
    }

    /** Whether older revisions keep running as the blue fleet (a staged deployment before CLEAN_UP). */
    static boolean keepsBlue(SimulatedDeployment primary) {
        StagedRollout st = primary.staged();
        return primary.shiftsTraffic() && "IN_PROGRESS".equals(primary.rolloutState()) && !st.reached("CLEAN_UP");
    }

    /** Whether the staged deployment may complete (it reached CLEAN_UP; always true for ROLLING). */
    static boolean mayComplete(SimulatedDeployment primary) {
        StagedRollout st = primary.staged();
        return st == null || st.reached("CLEAN_UP");
    }

    /** One pass of the stage machine for the service's IN_PROGRESS staged primary. */
    void advance(SimulatedService service, SimulatedDeployment d, Instant now, Wake wake) {
        StagedRollout st = d.staged();
        if (st == null || !"IN_PROGRESS".equals(d.rolloutState()) || st.rolledBack()) {
            return;
        }
        for (int guard = 0; guard < 64; guard++) {
            String stage = st.stage();
            if (waitsOnHooksOrScaleUp(st) && !now.isBefore(st.stageStartedAt().plus(STAGE_LIMIT))) {
                fail(service, d, "stage " + st.reportedStage() + " did not complete within 24 hours.");
                return;
            }
            switch (stage) {
                case "RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "POST_TEST_TRAFFIC_SHIFT",
                     "POST_PRODUCTION_TRAFFIC_SHIFT" -> {
                    if (!runHooks(service, d, stage, weights(service, d, stage), now, wake)) {
                        return;
                    }
                    enter(service, d, "ROLLING".equals(st.strategy()) && "POST_SCALE_UP".equals(stage) ? "CLEAN_UP"
                            : next(stage), now);
                }
                case "SCALE_UP" -> {
                    if (healthyGreen(service, d, now) < service.desiredCount()) {
                        return;
                    }
                    enter(service, d, "POST_SCALE_UP", now);
                }
                case "TEST_TRAFFIC_SHIFT" -> {
                    if (!st.hooksStarted()) {
                        shiftTest(service, d, 100.0);
                    }
                    if (!runHooks(service, d, stage, weights(service, d, stage), now, wake)) {
                        return;
                    }
                    enter(service, d, "POST_TEST_TRAFFIC_SHIFT", now);
                }
                case "PRE_PRODUCTION_TRAFFIC_SHIFT" -> {
                    boolean runs = !"BLUE_GREEN".equals(st.strategy()) || st.step() == 0;
                    if (runs && !runHooks(service, d, stage, weights(service, d, stage), now, wake)) {
                        return;
                    }
                    enter(service, d, "PRODUCTION_TRAFFIC_SHIFT", now);
                }
                case "PRODUCTION_TRAFFIC_SHIFT" -> {
                    if (!st.hooksStarted() && st.stepBakeUntil() == null) {
                        shiftProduction(service, d, st.plan().percents().get(st.step()));
                    }
                    if (st.stepBakeUntil() == null
                            && !runHooks(service, d, stage, weights(service, d, stage), now, wake)) {
                        return;
                    }
                    boolean last = st.step() == st.plan().steps() - 1;
                    if (last) {
                        enter(service, d, "POST_PRODUCTION_TRAFFIC_SHIFT", now);
                        continue;
                    }
                    if (st.stepBakeUntil() == null) {
                        st.stepBakeUntil(now.plus(Duration.ofMinutes(st.plan().bakeMinutes().get(st.step()))));
                    }
                    if (now.isBefore(st.stepBakeUntil())) {
                        wake.at(st.stepBakeUntil());
                        return;
                    }
                    st.nextStep(now);
                    st.enter("PRE_PRODUCTION_TRAFFIC_SHIFT", now);
                    journalStage(service, d);
                }
                case "BAKE_TIME" -> {
                    DeploymentConfiguration c = service.deploymentConfiguration();
                    int minutes = c == null || c.bakeTimeInMinutes() == null ? 0 : c.bakeTimeInMinutes();
                    Instant until = st.stageStartedAt().plus(Duration.ofMinutes(minutes));
                    if (now.isBefore(until)) {
                        wake.at(until);
                        return;
                    }
                    enter(service, d, "CLEAN_UP", now);
                }
                default -> {
                    return;   // CLEAN_UP: the replica reconciler stops blue; DeploymentCompletion completes
                }
            }
        }
    }

    private static boolean waitsOnHooksOrScaleUp(StagedRollout st) {
        return "SCALE_UP".equals(st.stage()) || (st.hooksStarted() && st.stepBakeUntil() == null
                && !"BAKE_TIME".equals(st.stage()) && !"CLEAN_UP".equals(st.stage()));
    }

    private static String next(String stage) {
        return switch (stage) {
            case "RECONCILE_SERVICE" -> "PRE_SCALE_UP";
            case "PRE_SCALE_UP" -> "SCALE_UP";
            case "POST_SCALE_UP" -> "TEST_TRAFFIC_SHIFT";
            case "POST_TEST_TRAFFIC_SHIFT" -> "PRE_PRODUCTION_TRAFFIC_SHIFT";
            case "POST_PRODUCTION_TRAFFIC_SHIFT" -> "BAKE_TIME";
            default -> throw new IllegalStateException(stage);
        };
    }

    private boolean runHooks(SimulatedService service, SimulatedDeployment d, String stage,
                             LifecycleHookRunner.Weights weights, Instant now, Wake wake) {
        LifecycleHookRunner.Outcome o = hooks.run(service, d, stage, weights, now, wake);
        if (o == LifecycleHookRunner.Outcome.FAILED) {
            fail(service, d, hooks.failureReason());
            return false;
        }
        return o == LifecycleHookRunner.Outcome.DONE;
    }

    private void fail(SimulatedService service, SimulatedDeployment d, String why) {
        failures.fail(service, d, "ECS deployment " + d.id() + " failed: " + why,
                ServiceMessages.deploymentFailedBecause(service.name(), d.id(), why), true,
                "ECS deployment lifecycle: rolling back to deploymentId ");
    }

    private void enter(SimulatedService service, SimulatedDeployment d, String stage, Instant now) {
        d.staged().enter(stage, now);
        journalStage(service, d);
    }

    private void journalStage(SimulatedService service, SimulatedDeployment d) {
        StagedRollout st = d.staged();
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", d.id(), "lifecycleStage",
                st.stage(), "step", Integer.toString(st.step()));
    }

    /** Green tasks that count as healthy (in every target group they registered with). */
    private int healthyGreen(SimulatedService service, SimulatedDeployment d, Instant now) {
        int n = 0;
        for (SimulatedTask t : tasks.live(service)) {
            if (d.id().equals(t.deploymentId()) && ServiceHealth.isHealthy(t, now)) {
                n++;
            }
        }
        return n;
    }

    // ---- traffic ------------------------------------------------------------------------------

    private void shiftProduction(SimulatedService service, SimulatedDeployment d, double percent) {
        d.staged().productionPercent(percent);
        for (Pair p : pairs(service, d)) {
            setWeights(p.production, p.blueTg, p.greenTg, percent);
        }
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", d.id(), "productionTraffic",
                fmt(percent));
    }

    private void shiftTest(SimulatedService service, SimulatedDeployment d, double percent) {
        d.staged().testPercent(percent);
        for (Pair p : pairs(service, d)) {
            if (p.test != null) {
                setWeights(p.test, p.blueTg, p.greenTg, percent);
            }
        }
        region.record(JournalEventType.DEPLOYMENT, service.arn(), "deployment", d.id(), "testTraffic", fmt(percent));
    }

    /**
     * A rollback of {@code failed} (a staged deployment not yet cleaned up) to {@code target}: production and test
     * traffic back on the target's target groups at once, the TEST_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT hooks
     * invoked again with the blue weights (answers ignored).
     */
    void rollBackTraffic(SimulatedService service, SimulatedDeployment failed, SimulatedDeployment target) {
        StagedRollout st = failed.staged();
        if (st == null || st.rolledBack()) {
            return;
        }
        st.rolledBack(true);
        boolean moved = st.productionPercent() > 0 || st.testPercent() > 0;
        if (st.productionPercent() > 0) {
            shiftProduction(service, failed, 0.0);
        }
        if (st.testPercent() > 0) {
            shiftTest(service, failed, 0.0);
        }
        if (moved) {
            Instant now = region.now();
            hooks.invokeOnce(service, failed, "TEST_TRAFFIC_SHIFT", weights(service, failed, "TEST_TRAFFIC_SHIFT"),
                    now);
            hooks.invokeOnce(service, failed, "PRODUCTION_TRAFFIC_SHIFT",
                    weights(service, failed, "PRODUCTION_TRAFFIC_SHIFT"), now);
        }
    }

    private void setWeights(String ruleArn, String blueTg, String greenTg, double percent) {
        ForwardRule rule = targetGroups.forwardRule(ruleArn);
        if (rule == null || !rule.forwardsTo(blueTg) || !rule.forwardsTo(greenTg)) {
            return;   // the rule went away or was changed by hand: nothing ECS can write
        }
        int[] w = TrafficPlan.weights(percent);
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(blueTg, w[0]);
        weights.put(greenTg, w[1]);
        targetGroups.forwardWeights(ruleArn, weights);
    }

    /** The blue/green target group pairs of the deployment with their production and test rules. */
    private List<Pair> pairs(SimulatedService service, SimulatedDeployment d) {
        List<Pair> pairs = new ArrayList<>();
        for (LoadBalancer lb : service.loadBalancers()) {
            AdvancedConfiguration a = lb.advancedConfiguration();
            if (a == null || a.alternateTargetGroupArn() == null || a.productionListenerRule() == null) {
                continue;
            }
            String greenTg = null;
            for (LoadBalancer g : d.loadBalancers()) {
                if (g.targetGroupArn() != null && (g.targetGroupArn().equals(lb.targetGroupArn())
                        || g.targetGroupArn().equals(a.alternateTargetGroupArn()))) {
                    greenTg = g.targetGroupArn();
                }
            }
            if (greenTg == null) {
                continue;
            }
            String blueTg = greenTg.equals(lb.targetGroupArn()) ? a.alternateTargetGroupArn() : lb.targetGroupArn();
            pairs.add(new Pair(blueTg, greenTg, a.productionListenerRule(),
                    a.testListenerRule() == null || a.testListenerRule().isEmpty() ? null : a.testListenerRule()));
        }
        return pairs;
    }

    private record Pair(String blueTg, String greenTg, String production, String test) {
    }

    // ---- hook payload weights -----------------------------------------------------------------

    private LifecycleHookRunner.Weights weights(SimulatedService service, SimulatedDeployment d, String stage) {
        StagedRollout st = d.staged();
        String green = history.revisionArn(service, d);
        SimulatedDeployment blue = st.blueDeploymentId() == null ? null : service.deployment(st.blueDeploymentId());
        String blueArn = blue == null ? null : history.revisionArn(service, blue);
        return switch (stage) {
            case "RECONCILE_SERVICE" -> new LifecycleHookRunner.Weights(split(green, blueArn, 100.0),
                    split(green, blueArn, 100.0));
            case "TEST_TRAFFIC_SHIFT" -> new LifecycleHookRunner.Weights(split(green, blueArn, st.testPercent()),
                    Map.of());
            case "PRE_PRODUCTION_TRAFFIC_SHIFT" -> new LifecycleHookRunner.Weights(Map.of(), split(green, blueArn,
                    st.step() == 0 ? 0.0 : st.plan().percents().get(st.step() - 1)));
            case "PRODUCTION_TRAFFIC_SHIFT" -> new LifecycleHookRunner.Weights(Map.of(),
                    split(green, blueArn, st.productionPercent()));
            default -> LifecycleHookRunner.Weights.NONE;
        };
    }

    private static Map<String, Object> split(String green, String blue, double greenPercent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(green, number(greenPercent));
        if (blue != null) {
            m.put(blue, number(100.0 - greenPercent));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Object number(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? (Object) (long) r : (Object) r;
    }

    private static String fmt(double v) {
        return String.valueOf(number(v));
    }
}
