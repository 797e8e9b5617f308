package dev.fakeecs.internal.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a BLUE_GREEN, LINEAR or CANARY deployment stands: its lifecycle stage, the production traffic steps it
 * moves through ({@link TrafficPlan}) and the step it is on, the production and test traffic the green revision
 * gets now (percent), when the stage (or step) began, and the lifecycle hook executions of the stage in progress.
 * Mutable engine state of one {@link SimulatedDeployment}, changed under the engine lock by the service
 * scheduler's stage machine.
 *
 * <pre>{@code
 * StagedRollout s = deployment.staged();
 * s.stage();                 // "PRODUCTION_TRAFFIC_SHIFT"
 * s.productionPercent();     // 30.0 (LINEAR, third step of 10 %)
 * }</pre>
 */
public final class StagedRollout {

    /** Stages in order; PRE_PRODUCTION_TRAFFIC_SHIFT is a hook-only stage ECS reports as PRODUCTION_TRAFFIC_SHIFT. */
    public static final List<String> STAGES = List.of("RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP",
            "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT",
            "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP");

    private final String strategy;
    private final TrafficPlan plan;
    private final String blueDeploymentId;
    private String stage;
    private Instant stageStartedAt;
    private int step;
    private Instant stepBakeUntil;
    private double productionPercent;
    private double testPercent;
    private final List<HookExecution> hooks = new ArrayList<>();
    private boolean hooksStarted;
    private boolean rolledBack;

    /**
     * @param strategy         BLUE_GREEN, LINEAR or CANARY
     * @param plan             the production traffic steps
     * @param blueDeploymentId the deployment serving production when this one started (null: none)
     */
    public StagedRollout(String strategy, TrafficPlan plan, String blueDeploymentId, String firstStage,
                         Instant at) {
        this.strategy = strategy;
        this.plan = plan;
        this.blueDeploymentId = blueDeploymentId;
        this.stage = firstStage;
        this.stageStartedAt = at;
    }

    public String strategy() { return strategy; }
    public TrafficPlan plan() { return plan; }
    /** The deployment that served production when this one started, or null. */
    public String blueDeploymentId() { return blueDeploymentId; }
    public String stage() { return stage; }
    /** The stage as DescribeServiceDeployments names it (PRE_PRODUCTION_TRAFFIC_SHIFT shows as PRODUCTION_TRAFFIC_SHIFT). */
    public String reportedStage() {
        return "PRE_PRODUCTION_TRAFFIC_SHIFT".equals(stage) ? "PRODUCTION_TRAFFIC_SHIFT" : stage;
    }
    public Instant stageStartedAt() { return stageStartedAt; }
    /** The production traffic step in progress (0-based). */
    public int step() { return step; }
    public Instant stepBakeUntil() { return stepBakeUntil; }
    public void stepBakeUntil(Instant until) { this.stepBakeUntil = until; }
    /** Percent of production traffic on the green revision now. */
    public double productionPercent() { return productionPercent; }
    public void productionPercent(double p) { this.productionPercent = p; }
    /** Percent of test traffic on the green revision now. */
    public double testPercent() { return testPercent; }
    public void testPercent(double p) { this.testPercent = p; }
    /** The hook executions of the current stage (or step), in the order of {@code lifecycleHooks}. */
    public List<HookExecution> hooks() { return hooks; }
    /** Whether the current stage's hooks were started. */
    public boolean hooksStarted() { return hooksStarted; }
    public void hooksStarted(boolean v) { this.hooksStarted = v; }
    /** Whether the deployment was rolled back (its traffic went back to blue). */
    public boolean rolledBack() { return rolledBack; }
    public void rolledBack(boolean v) { this.rolledBack = v; }

    /** Whether the deployment reached {@code other} or a later stage. */
    public boolean reached(String other) {
        return STAGES.indexOf(stage) >= STAGES.indexOf(other);
    }

    /** Moves to {@code next} at {@code at}: the stage's hook executions start afresh. */
    public void enter(String next, Instant at) {
        this.stage = next;
        this.stageStartedAt = at;
        this.hooks.clear();
        this.hooksStarted = false;
    }

    /** Moves to the next production traffic step at {@code at}. */
    public void nextStep(Instant at) {
        this.step++;
        this.stepBakeUntil = null;
        this.stageStartedAt = at;
        this.hooks.clear();
        this.hooksStarted = false;
    }

    @Override
    public String toString() {
        return strategy + " " + stage + " step " + step + " prod " + productionPercent + "% test " + testPercent + "%";
    }
}
