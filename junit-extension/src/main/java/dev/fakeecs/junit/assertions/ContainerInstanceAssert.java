package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.EcsContainerInstanceHandle;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;

import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldExist.shouldExist;
import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on one container instance.
 *
 * <pre>{@code
 * assertThat(host).isActive().hasRunningTasksCount(2).isInZone("us-east-1a");
 * }</pre>
 */
public class ContainerInstanceAssert extends AbstractEcsAssert<ContainerInstanceAssert, EcsContainerInstanceHandle> {

    public ContainerInstanceAssert(EcsContainerInstanceHandle actual) {
        super(actual, ContainerInstanceAssert.class);
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
        return e -> e.subject().equals(actual.arn()) || actual.arn().equals(e.detail("containerInstance"));
    }

    /** The container instance as DescribeContainerInstances shows it, or null. */
    private ContainerInstance ci() {
        return actual.describe();
    }

    private static String zone(ContainerInstance ci) {
        return ci.attributes().stream().filter(a -> "ecs.availability-zone".equals(a.name())).map(Attribute::value)
                .findFirst().orElse(null);
    }

    private String state() {
        ContainerInstance ci = ci();
        return ci == null ? "(no such container instance)" : ci.status() + ", running " + ci.runningTasksCount()
                + ", pending " + ci.pendingTasksCount() + ", agent " + (ci.agentConnected() ? "connected"
                : "disconnected") + ", in " + zone(ci);
    }

    /** The container instance is known to the region. */
    public ContainerInstanceAssert exists() {
        return check(() -> ci() != null, () -> shouldExist("container instance", subject(),
                actual.cluster().containerInstances().stream().map(EcsContainerInstanceHandle::id).toList()));
    }

    /** ACTIVE, DRAINING, INACTIVE, ... */
    public ContainerInstanceAssert hasStatus(String expected) {
        exists();
        return check(() -> expected.equals(ci().status()),
                () -> shouldHave("container instance", subject(), "status", expected, state()));
    }

    /** Status ACTIVE. */
    public ContainerInstanceAssert isActive() {
        return hasStatus("ACTIVE");
    }

    /** Status DRAINING. */
    public ContainerInstanceAssert isDraining() {
        return hasStatus("DRAINING");
    }

    /** Tasks RUNNING on the host. */
    public ContainerInstanceAssert hasRunningTasksCount(int expected) {
        exists();
        return check(() -> ci().runningTasksCount() == expected,
                () -> shouldHave("container instance", subject(), "running tasks count", expected, state()));
    }

    /** The host's zone. */
    public ContainerInstanceAssert isInZone(String zone) {
        exists();
        return check(() -> zone.equals(zone(ci())),
                () -> shouldHave("container instance", subject(), "availability zone", zone, state()));
    }

    /** The agent is connected. */
    public ContainerInstanceAssert hasAgentConnected() {
        exists();
        return check(() -> ci().agentConnected(),
                () -> shouldHave("container instance", subject(), "agent", "connected", state()));
    }
}
