package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.handle.EcsContainerInstanceHandle;
import dev.fakeecs.junit.handle.EcsTaskHandle;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldExist.shouldExist;
import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on one task.
 *
 * <pre>{@code
 * assertThat(task).eventually(within(ofMinutes(3)))
 *     .hasStopped().withStopCode(TaskStopCode.SPOT_INTERRUPTION).withStoppedReasonContaining("Spot");
 * }</pre>
 */
public class TaskAssert extends AbstractEcsAssert<TaskAssert, EcsTaskHandle> {

    public TaskAssert(EcsTaskHandle actual) {
        super(actual, TaskAssert.class);
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
        return e -> e.subject().equals(actual.arn());
    }

    /** The task as DescribeTasks shows it, or null. */
    private Task t() {
        return actual.describe();
    }

    private String state() {
        return Describe.task(t());
    }

    /** The region still remembers the task (STOPPED tasks for an hour). */
    public TaskAssert exists() {
        return check(() -> t() != null, () -> shouldExist("task", subject(),
                actual.cluster().tasks().stream().map(EcsTaskHandle::id).toList()));
    }

    /** The last status (PROVISIONING ... RUNNING ... STOPPED). */
    public TaskAssert hasLastStatus(String expected) {
        exists();
        return check(() -> expected.equals(t().lastStatus()),
                () -> shouldHave("task", subject(), "last status", expected, state()));
    }

    /** The desired status (RUNNING or STOPPED). */
    public TaskAssert hasDesiredStatus(String expected) {
        exists();
        return check(() -> expected.equals(t().desiredStatus()),
                () -> shouldHave("task", subject(), "desired status", expected, state()));
    }

    /** Last status RUNNING. */
    public TaskAssert isRunning() {
        return hasLastStatus("RUNNING");
    }

    /** Last status STOPPED; follow with {@link #withStopCode} or {@link #withStoppedReasonContaining}. */
    public TaskAssert hasStopped() {
        return hasLastStatus("STOPPED");
    }

    /** The stop code (TaskFailedToStart, EssentialContainerExited, UserInitiated, ServiceSchedulerInitiated, SpotInterruption, TerminationNotice). */
    public TaskAssert withStopCode(String expected) {
        exists();
        return check(() -> expected.equals(t().stopCodeAsString()),
                () -> shouldHave("task", subject(), "stop code", expected, state()));
    }

    /** The stop code as the SDK enum. */
    public TaskAssert withStopCode(TaskStopCode expected) {
        return withStopCode(expected.toString());
    }

    /** The stopped reason contains {@code fragment}. */
    public TaskAssert withStoppedReasonContaining(String fragment) {
        exists();
        return check(() -> t().stoppedReason() != null && t().stoppedReason().contains(fragment),
                () -> shouldHave("task", subject(), "a stopped reason containing", fragment, state()));
    }

    /** The capacity the task was launched with ({@code EC2} also matches launch type EC2). */
    public TaskAssert runsOn(Capacity capacity) {
        exists();
        String name = capacity.name();
        return check(() -> name.equals(t().capacityProviderName())
                        || (t().capacityProviderName() == null && name.equals(t().launchTypeAsString()))
                        || (capacity == Capacity.EC2 && "EC2".equals(t().launchTypeAsString())),
                () -> shouldHave("task", subject(), "capacity", name, state()));
    }

    /** The task's availability zone. */
    public TaskAssert isInZone(String zone) {
        exists();
        return check(() -> zone.equals(t().availabilityZone()),
                () -> shouldHave("task", subject(), "availability zone", zone, state()));
    }

    /** The container instance the task was placed on. */
    public TaskAssert isOn(EcsContainerInstanceHandle host) {
        exists();
        return check(() -> t().containerInstanceArn() != null && host.arn().equals(t().containerInstanceArn()),
                () -> shouldHave("task", subject(), "container instance", host.toString(),
                        t().containerInstanceArn() == null ? "(none) " + state() : t().containerInstanceArn()));
    }
}
