package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.EcsDeploymentHandle;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;

import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldExist.shouldExist;
import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on one deployment of a service.
 *
 * <pre>{@code
 * assertThat(orders).hasPrimaryDeployment()
 *     .withRolloutState(DeploymentRolloutState.COMPLETED).hasFailedTasks(0)
 *     .returnToService().isSteady();
 * }</pre>
 */
public class DeploymentAssert extends AbstractEcsAssert<DeploymentAssert, EcsDeploymentHandle> {

    private final ServiceAssert parent;

    public DeploymentAssert(EcsDeploymentHandle actual) {
        this(actual, null);
    }

    DeploymentAssert(EcsDeploymentHandle actual, ServiceAssert parent) {
        super(actual, DeploymentAssert.class);
        this.parent = parent;
    }

    @Override
    protected FakeEcs world() {
        return actual.service().cluster().ecs();
    }

    @Override
    protected String subject() {
        return actual.toString();
    }

    @Override
    protected Predicate<JournalEntry> about() {
        String arn = actual.service().arn();
        return e -> e.subject().equals(arn) && actual.id().equals(e.detail("deployment"));
    }

    /** The deployment as DescribeServices shows it, or null. */
    private Deployment d() {
        return actual.describe();
    }

    private String state() {
        Deployment d = d();
        return d == null ? "(no such deployment)" : Describe.deployment(d);
    }

    /** The deployment still exists on the service. */
    public DeploymentAssert exists() {
        return check(() -> d() != null, () -> shouldExist("deployment", subject(),
                actual.service().deployments().stream().map(x -> x.id()).toList()));
    }

    /** The rollout state (COMPLETED, IN_PROGRESS, FAILED). */
    public DeploymentAssert withRolloutState(DeploymentRolloutState expected) {
        return withRolloutState(expected.toString());
    }

    /** The rollout state by name. */
    public DeploymentAssert withRolloutState(String expected) {
        exists();
        return check(() -> expected.equals(d().rolloutStateAsString()),
                () -> shouldHave("deployment", subject(), "rollout state", expected, state()));
    }

    /** Alias of {@link #withRolloutState(DeploymentRolloutState)}. */
    public DeploymentAssert hasRolloutState(DeploymentRolloutState expected) {
        return withRolloutState(expected);
    }

    /** PRIMARY, ACTIVE or INACTIVE. */
    public DeploymentAssert hasStatus(String expected) {
        exists();
        return check(() -> expected.equals(d().status()),
                () -> shouldHave("deployment", subject(), "status", expected, state()));
    }

    /** The deployment is the service's PRIMARY one. */
    public DeploymentAssert isPrimary() {
        return hasStatus("PRIMARY");
    }

    /** How many of its tasks failed to start (what the circuit breaker counts). */
    public DeploymentAssert hasFailedTasks(int expected) {
        exists();
        return check(() -> d().failedTasks() == expected,
                () -> shouldHave("deployment", subject(), "failed tasks", expected, state()));
    }

    /** The deployment's desired count. */
    public DeploymentAssert hasDesiredCount(int expected) {
        exists();
        return check(() -> d().desiredCount() == expected,
                () -> shouldHave("deployment", subject(), "desired count", expected, state()));
    }

    /** RUNNING tasks of this deployment, as DescribeServices counts them. */
    public DeploymentAssert hasRunningCount(int expected) {
        exists();
        return check(() -> running() == expected,
                () -> shouldHave("deployment", subject(), "running count", expected, running() + " (" + state() + ")"));
    }

    private int running() {
        Deployment d = actual.describe();
        return d == null || d.runningCount() == null ? 0 : d.runningCount();
    }

    /** Back to the service this assertion navigated from. */
    public ServiceAssert returnToService() {
        return parent != null ? parent : inheritTime(new ServiceAssert(actual.service()));
    }
}
