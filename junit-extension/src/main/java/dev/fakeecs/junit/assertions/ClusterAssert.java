package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import software.amazon.awssdk.services.ecs.model.Cluster;

import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldExist.shouldExist;
import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on one cluster, and navigation to its services.
 *
 * <pre>{@code
 * assertThat(prod).isActive().hasActiveServicesCount(3).hasRegisteredContainerInstancesCount(2)
 *     .service("orders").isSteady().returnToCluster()
 *     .service("payments").hasRunningCount(2);
 * }</pre>
 */
public class ClusterAssert extends AbstractEcsAssert<ClusterAssert, EcsClusterHandle> {

    public ClusterAssert(EcsClusterHandle actual) {
        super(actual, ClusterAssert.class);
    }

    @Override
    protected FakeEcs world() {
        return actual.ecs();
    }

    @Override
    protected String subject() {
        return actual.toString();
    }

    @Override
    protected Predicate<JournalEntry> about() {
        String arn = actual.arn();
        String marker = "/" + actual.name() + "/";
        return e -> e.subject().equals(arn) || (e.region().equals(actual.region()) && e.subject().contains(marker));
    }

    /** The cluster as DescribeClusters shows it, or null. */
    private Cluster c() {
        return actual.describe();
    }

    /** The cluster exists. */
    public ClusterAssert exists() {
        return check(() -> c() != null, () -> shouldExist("cluster", subject(),
                inspector().clusters(actual.region()).stream().map(Cluster::clusterName).toList()));
    }

    /** Status ACTIVE. */
    public ClusterAssert isActive() {
        exists();
        return check(() -> "ACTIVE".equals(c().status()),
                () -> shouldHave("cluster", subject(), "status", "ACTIVE", c().status()));
    }

    /** Services that are ACTIVE. */
    public ClusterAssert hasActiveServicesCount(int expected) {
        exists();
        return check(() -> activeServices() == expected, () -> shouldHave("cluster", subject(),
                "active services count", expected, activeServices() + " " + actual.services().stream()
                        .map(EcsServiceHandle::name).toList()));
    }

    private long activeServices() {
        return c().activeServicesCount();
    }

    /** Container instances registered and ACTIVE or DRAINING. */
    public ClusterAssert hasRegisteredContainerInstancesCount(int expected) {
        exists();
        return check(() -> c().registeredContainerInstancesCount() == expected,
                () -> shouldHave("cluster", subject(), "registered container instances count", expected,
                        c().registeredContainerInstancesCount()));
    }

    /** Tasks in RUNNING state. */
    public ClusterAssert hasRunningTasksCount(int expected) {
        exists();
        return check(() -> running() == expected,
                () -> shouldHave("cluster", subject(), "running tasks count", expected, running()));
    }

    private long running() {
        return c().runningTasksCount();
    }

    /** Navigates to a service of the cluster (it must exist). */
    public ServiceAssert service(String name) {
        ServiceAssert service = inheritTime(new ServiceAssert(actual.service(name), this));
        service.exists();
        return service;
    }

    /** Navigates to the world's journal entries since a mark ({@code prod.mark()}). */
    public JournalAssert changesSince(long mark) {
        return inheritTime(new JournalAssert(actual.changesSince(mark)));
    }
}
