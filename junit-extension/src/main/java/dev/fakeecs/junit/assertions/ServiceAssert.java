package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import dev.fakeecs.junit.handle.EcsTaskHandle;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import static dev.fakeecs.junit.assertions.error.ShouldBeSteady.shouldBeSteady;
import static dev.fakeecs.junit.assertions.error.ShouldBeSteady.shouldHaveReachedSteadyState;
import static dev.fakeecs.junit.assertions.error.ShouldExist.shouldExist;
import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;
import static dev.fakeecs.junit.assertions.error.ShouldHaveEvent.shouldHaveEvent;

/**
 * Assertions on one service.
 *
 * <pre>{@code
 * assertThat(prod.service("orders"))
 *     .hasDesiredCount(20).hasRunningCount(20).isSteady()
 *     .hasEvent("has reached a steady state.")
 *     .hasPrimaryDeployment().withRolloutState(DeploymentRolloutState.COMPLETED)
 *     .returnToService()
 *     .tasks().allRunningOn(Capacity.FARGATE_SPOT).isSpreadEvenlyAcross("us-east-1a", "us-east-1b");
 * }</pre>
 */
public class ServiceAssert extends AbstractEcsAssert<ServiceAssert, EcsServiceHandle> {

    private final ClusterAssert parent;

    public ServiceAssert(EcsServiceHandle actual) {
        this(actual, null);
    }

    ServiceAssert(EcsServiceHandle actual, ClusterAssert parent) {
        super(actual, ServiceAssert.class);
        this.parent = parent;
    }

    @Override
    protected FakeEcs world() {
        return actual.cluster().ecs();
    }

    @Override
    protected String subject() {
        return actual.toString();
    }

    @Override
    protected Predicate<JournalEntry> about() {
        Set<String> subjects = new HashSet<>();
        subjects.add(actual.arn());
        actual.allTasks().forEach(t -> subjects.add(t.arn()));
        return e -> subjects.contains(e.subject());
    }

    /** The service as DescribeServices shows it (deployments PRIMARY first, events newest first), or null. */
    private Service described() {
        return actual.describe();
    }

    private ServiceAssert count(String property, int expected, ToIntFunction<Service> value) {
        exists();
        return check(() -> value.applyAsInt(described()) == expected,
                () -> shouldHave("service", subject(), property, expected,
                        value.applyAsInt(described()) + " (" + Describe.service(actual) + ")"));
    }

    /** The service exists (in any status). */
    public ServiceAssert exists() {
        return check(actual::exists, () -> shouldExist("service", subject(),
                actual.cluster().services().stream().map(EcsServiceHandle::name).toList()));
    }

    /** Tasks in RUNNING state, as DescribeServices counts them. */
    public ServiceAssert hasRunningCount(int expected) {
        return count("running count", expected, s -> s.runningCount());
    }

    /** The desired count. */
    public ServiceAssert hasDesiredCount(int expected) {
        return count("desired count", expected, s -> s.desiredCount());
    }

    /** Tasks in PENDING state, as DescribeServices counts them. */
    public ServiceAssert hasPendingCount(int expected) {
        return count("pending count", expected, s -> s.pendingCount());
    }

    /** The service status (ACTIVE, DRAINING, INACTIVE). */
    public ServiceAssert hasStatus(String expected) {
        exists();
        return check(() -> expected.equals(described().status()),
                () -> shouldHave("service", subject(), "status", expected, described().status()));
    }

    /**
     * Steady: exactly one deployment, PRIMARY with rollout COMPLETED, running count equal to the
     * desired count and nothing pending.
     */
    public ServiceAssert isSteady() {
        exists();
        return check(this::steady, () -> shouldBeSteady(subject(), Describe.service(actual)));
    }

    /** {@link #isSteady()}, and the service said "has reached a steady state." since its primary deployment started. */
    public ServiceAssert hasReachedSteadyState() {
        exists();
        return check(() -> steady() && steadyEventSincePrimary(),
                () -> shouldHaveReachedSteadyState(subject(), Describe.service(actual) + "; newest event: "
                        + newestMessage(described().events())));
    }

    private boolean steady() {
        Service s = described();
        if (s == null || s.deployments().size() != 1) {
            return false;
        }
        Deployment primary = s.deployments().get(0);
        return "COMPLETED".equals(primary.rolloutStateAsString())
                && s.runningCount().intValue() == s.desiredCount().intValue() && s.pendingCount() == 0;
    }

    private boolean steadyEventSincePrimary() {
        Service s = described();
        Instant since = s.deployments().get(0).createdAt();
        return s.events().stream().anyMatch(e -> e.message().contains("has reached a steady state.")
                && !e.createdAt().isBefore(since));
    }

    private static String newestMessage(List<ServiceEvent> events) {
        return events.isEmpty() ? null : events.get(0).message();
    }

    /** Some event of the service (newest 100) contains {@code fragment}. */
    public ServiceAssert hasEvent(String fragment) {
        exists();
        return check(() -> described().events().stream().anyMatch(e -> e.message().contains(fragment)),
                () -> shouldHaveEvent(subject(), fragment, described().events().stream().limit(10)
                        .map(e -> e.createdAt() + " " + e.message()).toList()));
    }

    /** How many deployments the service has (PRIMARY and ACTIVE ones). */
    public ServiceAssert hasDeploymentsCount(int expected) {
        exists();
        return check(() -> described().deployments().size() == expected,
                () -> shouldHave("service", subject(), "deployments count", expected,
                        described().deployments().size() + " (" + Describe.service(actual) + ")"));
    }

    /** Navigates to the PRIMARY deployment (waiting for one in eventual mode). */
    public DeploymentAssert hasPrimaryDeployment() {
        exists();
        check(() -> !described().deployments().isEmpty(),
                () -> shouldHave("service", subject(), "a primary deployment", "one", "none"));
        return inheritTime(new DeploymentAssert(actual.primaryDeployment(), this));
    }

    /**
     * Navigates to the service's latest service deployment (DescribeServiceDeployments): lifecycle stage, status,
     * traffic weight, alarms, rollback.
     *
     * <pre>{@code assertThat(shop).deployment().eventually().isInStage(ServiceDeploymentLifecycleStage.BAKE_TIME); }</pre>
     */
    public ServiceDeploymentAssert deployment() {
        exists();
        return inheritTime(new ServiceDeploymentAssert(actual, this));
    }

    /** Navigates to the service's tasks whose desired status is RUNNING. */
    public TasksAssert tasks() {
        exists();
        return inheritTime(new TasksAssert(actual, this));
    }

    /** Shortcut for {@code tasks().isSpreadEvenlyAcross(zones)}. */
    public ServiceAssert isSpreadEvenlyAcross(String... zones) {
        tasks().isSpreadEvenlyAcross(zones);
        return myself;
    }

    /** Navigates to one task of the service (by id or ARN). */
    public TaskAssert task(String idOrArn) {
        EcsTaskHandle task = actual.cluster().task(idOrArn);
        return inheritTime(new TaskAssert(task));
    }

    /** Back to the cluster this assertion navigated from. */
    public ClusterAssert returnToCluster() {
        return parent != null ? parent : inheritTime(new ClusterAssert(actual.cluster()));
    }
}
