package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentLifecycleStage;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on a service's latest service deployment as DescribeServiceDeployments shows it: its lifecycle stage
 * (BLUE_GREEN, LINEAR and CANARY deployments move through PRE_SCALE_UP ... BAKE_TIME, CLEAN_UP), its status, the
 * production traffic weight requested for the new revision, the alarms that triggered and whether it rolled back.
 * Re-read on every check, so in {@link #eventually()} mode a newer deployment (a rollback target never is one) is
 * followed as it appears. Failure messages show the whole deployment.
 *
 * <pre>{@code
 * assertThat(shop).deployment().eventually().isInStage(ServiceDeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT)
 *     .hasProductionTrafficWeight(0);
 * assertThat(shop).deployment().eventually(within(ofMinutes(30))).hasStatus(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL)
 *     .wasRolledBack().hasTriggeredAlarms("shop-5xx");
 * }</pre>
 */
public class ServiceDeploymentAssert extends AbstractEcsAssert<ServiceDeploymentAssert, EcsServiceHandle> {

    private final ServiceAssert parent;

    public ServiceDeploymentAssert(EcsServiceHandle actual) {
        this(actual, null);
    }

    ServiceDeploymentAssert(EcsServiceHandle actual, ServiceAssert parent) {
        super(actual, ServiceDeploymentAssert.class);
        this.parent = parent;
    }

    @Override
    protected FakeEcs world() {
        return actual.cluster().ecs();
    }

    @Override
    protected String subject() {
        return "latest service deployment of " + actual;
    }

    @Override
    protected Predicate<JournalEntry> about() {
        String arn = actual.arn();
        return e -> arn.equals(e.subject());
    }

    private ServiceDeployment latest() {
        return actual.latestServiceDeployment();
    }

    private String state() {
        return describe(latest());
    }

    /** A one-line summary of a service deployment, for messages. */
    static String describe(ServiceDeployment d) {
        if (d == null) {
            return "(no service deployment)";
        }
        StringBuilder b = new StringBuilder();
        b.append(d.statusAsString());
        b.append(", stage ").append(d.lifecycleStageAsString() == null ? "-" : d.lifecycleStageAsString());
        if (d.deploymentConfiguration() != null && d.deploymentConfiguration().strategy() != null) {
            b.append(", strategy ").append(d.deploymentConfiguration().strategyAsString());
        }
        b.append(", production traffic ").append(productionWeight(d)).append(" %");
        if (d.alarms() != null) {
            b.append(", alarms ").append(d.alarms().statusAsString());
            if (!d.alarms().triggeredAlarmNames().isEmpty()) {
                b.append(" ").append(d.alarms().triggeredAlarmNames());
            }
        }
        if (!d.lifecycleHookDetails().isEmpty()) {
            b.append(", hooks ").append(d.lifecycleHookDetails().stream()
                    .map(h -> (h.targetArn() == null ? h.hookId() : h.targetArn()) + " " + h.statusAsString())
                    .toList());
        }
        if (d.rollback() != null) {
            b.append(", rollback (").append(d.rollback().reason()).append(')');
        }
        if (d.statusReason() != null) {
            b.append(", reason \"").append(d.statusReason()).append('"');
        }
        String arn = d.serviceDeploymentArn();
        return b.append(", ").append(arn.substring(arn.lastIndexOf('/') + 1)).toString();
    }

    private static Double productionWeight(ServiceDeployment d) {
        return d.targetServiceRevision() == null ? null : d.targetServiceRevision().requestedProductionTrafficWeight();
    }

    /** The service has a service deployment. */
    public ServiceDeploymentAssert exists() {
        return check(() -> latest() != null, () -> shouldHave("service", actual.toString(), "a service deployment",
                "one", actual.exists() ? "none" : "(no such service)"));
    }

    /** The latest deployment is in {@code stage} (its {@code lifecycleStage}). */
    public ServiceDeploymentAssert isInStage(ServiceDeploymentLifecycleStage stage) {
        return isInStage(stage.toString());
    }

    /** The latest deployment is in the lifecycle stage of that name ({@code POST_TEST_TRAFFIC_SHIFT}). */
    public ServiceDeploymentAssert isInStage(String stage) {
        exists();
        return check(() -> stage.equals(latest().lifecycleStageAsString()),
                () -> shouldHave("service deployment", subject(), "lifecycle stage", stage, state()));
    }

    /** The latest deployment's status ({@code IN_PROGRESS}, {@code SUCCESSFUL}, {@code ROLLBACK_SUCCESSFUL}...). */
    public ServiceDeploymentAssert hasStatus(ServiceDeploymentStatus status) {
        return hasStatus(status.toString());
    }

    /** The latest deployment's status by name. */
    public ServiceDeploymentAssert hasStatus(String status) {
        exists();
        return check(() -> status.equals(latest().statusAsString()),
                () -> shouldHave("service deployment", subject(), "status", status, state()));
    }

    /** The latest deployment rolled back (or is rolling back): it has a {@code rollback} and a ROLLBACK_ status. */
    public ServiceDeploymentAssert wasRolledBack() {
        exists();
        return check(() -> latest().rollback() != null && latest().statusAsString().startsWith("ROLLBACK_"),
                () -> shouldHave("service deployment", subject(), "rolled back", "a rollback", state()));
    }

    /** The latest deployment did not roll back (no {@code rollback}). */
    public ServiceDeploymentAssert wasNotRolledBack() {
        exists();
        return check(() -> latest().rollback() == null,
                () -> shouldHave("service deployment", subject(), "no rollback", "none", state()));
    }

    /**
     * The production traffic weight requested for the new revision ({@code targetServiceRevision
     * .requestedProductionTrafficWeight}, percent), within 0.001.
     */
    public ServiceDeploymentAssert hasProductionTrafficWeight(double percent) {
        exists();
        return check(() -> {
            Double w = productionWeight(latest());
            return w != null && Math.abs(w - percent) < 0.001;
        }, () -> shouldHave("service deployment", subject(), "production traffic weight", percent + " %", state()));
    }

    /** Exactly these alarms triggered the deployment's failure (any order). */
    public ServiceDeploymentAssert hasTriggeredAlarms(String... alarmNames) {
        exists();
        List<String> expected = Arrays.stream(alarmNames).sorted().toList();
        return check(() -> latest().alarms() != null
                        && latest().alarms().triggeredAlarmNames().stream().sorted().toList().equals(expected),
                () -> shouldHave("service deployment", subject(), "triggered alarms", expected, state()));
    }

    /** A lifecycle hook of the latest deployment is AWAITING_ACTION (a PAUSE hook waiting for ContinueServiceDeployment). */
    public ServiceDeploymentAssert isAwaitingAction() {
        exists();
        return check(() -> latest().lifecycleHookDetails().stream()
                        .anyMatch(h -> "AWAITING_ACTION".equals(h.statusAsString())),
                () -> shouldHave("service deployment", subject(), "a hook awaiting action", "AWAITING_ACTION",
                        state()));
    }

    /** Back to the service this assertion navigated from. */
    public ServiceAssert returnToService() {
        return parent != null ? parent : inheritTime(new ServiceAssert(actual));
    }
}
