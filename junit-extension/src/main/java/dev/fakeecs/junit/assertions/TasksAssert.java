package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.cluster.CapacityProvider;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldAllRunOn.shouldAllRunOn;
import static dev.fakeecs.junit.assertions.error.ShouldBeSpreadEvenly.shouldBeSpreadEvenly;
import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;
import static dev.fakeecs.junit.assertions.error.ShouldNumber.shouldNumber;

/**
 * Assertions on the tasks of a service whose desired status is RUNNING.
 *
 * <pre>{@code
 * assertThat(orders).tasks().hasSize(6).allRunningOn(Capacity.FARGATE_SPOT)
 *     .isSpreadEvenlyAcross("us-east-1a", "us-east-1b", "us-east-1c").returnToService();
 * assertThat(checkout).tasks().hasRunningOn(2, Capacity.FARGATE).hasRunningOn(4, Capacity.FARGATE_SPOT);
 * }</pre>
 */
public class TasksAssert extends AbstractEcsAssert<TasksAssert, EcsServiceHandle> {

    private final ServiceAssert parent;

    public TasksAssert(EcsServiceHandle actual) {
        this(actual, null);
    }

    TasksAssert(EcsServiceHandle actual, ServiceAssert parent) {
        super(actual, TasksAssert.class);
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
        Set<String> arns = new HashSet<>();
        actual.tasks().forEach(t -> arns.add(t.arn()));
        return e -> arns.contains(e.subject());
    }

    /** The service's tasks whose desired status is RUNNING, as DescribeTasks shows them. */
    private List<Task> tasks() {
        return inspector().serviceTasks(actual.cluster().region(), actual.cluster().name(), actual.name());
    }

    private static boolean isRunning(Task t) {
        return "RUNNING".equals(t.lastStatus());
    }

    /** How many tasks the service wants running now. */
    public TasksAssert hasSize(int expected) {
        return check(() -> tasks().size() == expected, () -> shouldHave("service", subject(), "tasks (desired RUNNING)",
                expected, tasks().size() + " " + tasks().stream().map(Describe::task).toList()));
    }

    /** Every task is RUNNING (not just desired to). */
    public TasksAssert allRunning() {
        return check(() -> !tasks().isEmpty() && tasks().stream().allMatch(TasksAssert::isRunning),
                () -> shouldAllRunOn(subject(), "any capacity", offenders(TasksAssert::isRunning)));
    }

    /** Every task is RUNNING with this capacity ({@code Capacity.EC2} means launch type EC2). */
    public TasksAssert allRunningOn(Capacity capacity) {
        return allRunningOn(capacity.name());
    }

    /** Every task is RUNNING with this DSL capacity provider ({@code Ecs.FARGATE_SPOT}). */
    public TasksAssert allRunningOn(CapacityProvider provider) {
        return allRunningOn(provider.name());
    }

    /** Every task is RUNNING with this capacity provider (or launch type, when tasks have no provider). */
    public TasksAssert allRunningOn(String capacity) {
        Predicate<Task> on = runningOn(capacity);
        return check(() -> !tasks().isEmpty() && tasks().stream().allMatch(on),
                () -> shouldAllRunOn(subject(), capacity, offenders(on)));
    }

    /**
     * Exactly {@code count} of the service's tasks are RUNNING with this capacity; other tasks may run
     * elsewhere ({@code Capacity.EC2} means launch type EC2).
     *
     * <pre>{@code
     * assertThat(orders).tasks().hasRunningOn(2, Capacity.FARGATE).hasRunningOn(4, Capacity.FARGATE_SPOT);
     * }</pre>
     */
    public TasksAssert hasRunningOn(int count, Capacity capacity) {
        return hasRunningOn(count, capacity.name());
    }

    /** {@link #hasRunningOn(int, Capacity)} with a DSL capacity provider ({@code Ecs.FARGATE_SPOT}). */
    public TasksAssert hasRunningOn(int count, CapacityProvider provider) {
        return hasRunningOn(count, provider.name());
    }

    /** {@link #hasRunningOn(int, Capacity)} with a capacity provider name (or launch type). */
    public TasksAssert hasRunningOn(int count, String capacity) {
        Predicate<Task> on = runningOn(capacity);
        return check(() -> tasks().stream().filter(on).count() == count, () -> shouldNumber(
                "the tasks of " + subject() + " RUNNING on " + capacity, count,
                tasks().stream().filter(on).map(Describe::task).toList(),
                "all its tasks (desired RUNNING)", tasks().stream().map(Describe::task).toList()));
    }

    private static Predicate<Task> runningOn(String capacity) {
        return t -> isRunning(t) && (capacity.equals(t.capacityProviderName())
                || (t.capacityProviderName() == null && capacity.equals(t.launchTypeAsString()))
                || ("EC2".equals(capacity) && "EC2".equals(t.launchTypeAsString())));
    }

    private List<String> offenders(Predicate<Task> ok) {
        List<String> list = new ArrayList<>();
        for (Task t : tasks()) {
            if (!ok.test(t)) {
                list.add(Describe.task(t));
            }
        }
        return list;
    }

    /**
     * The RUNNING tasks are spread evenly across exactly these zones: every zone has some, counts
     * differ by at most one, and no task runs elsewhere.
     */
    public TasksAssert isSpreadEvenlyAcross(String... zones) {
        List<String> expected = List.of(zones);
        return check(() -> even(perZone(expected), expected), () -> shouldBeSpreadEvenly(subject(), expected,
                perZone(expected)));
    }

    /** The RUNNING tasks are spread evenly across the zones of the cluster's region. */
    public TasksAssert isSpreadEvenlyAcrossZones() {
        return isSpreadEvenlyAcross(actual.cluster().ecs().region(actual.cluster().region()).availabilityZones()
                .toArray(String[]::new));
    }

    private Map<String, Integer> perZone(List<String> zones) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        zones.forEach(z -> counts.put(z, 0));
        for (Task t : tasks()) {
            if (isRunning(t)) {
                counts.merge(String.valueOf(t.availabilityZone()), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static boolean even(Map<String, Integer> counts, List<String> zones) {
        if (counts.size() != zones.size()) {
            return false;
        }
        int min = counts.values().stream().mapToInt(i -> i).min().orElse(0);
        int max = counts.values().stream().mapToInt(i -> i).max().orElse(0);
        return max > 0 && max - min <= 1;
    }

    /** Back to the service. */
    public ServiceAssert returnToService() {
        return parent != null ? parent : inheritTime(new ServiceAssert(actual));
    }
}
