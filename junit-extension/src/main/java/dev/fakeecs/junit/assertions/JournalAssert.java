package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.junit.handle.JournalWindow;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldContainJournalEntry.shouldContain;
import static dev.fakeecs.junit.assertions.error.ShouldContainJournalEntry.shouldNotContain;
import static dev.fakeecs.junit.assertions.error.ShouldHave.shouldHave;

/**
 * Assertions on what changed in a world: the journal, whole or since a mark ("changes since a
 * point", after assertj-db).
 *
 * <pre>{@code
 * long mark = prod.mark();
 * faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster("prod").build());
 * prod.clock().advance(Duration.ofMinutes(5));
 * assertThat(prod.changesSince(mark))
 *     .containsEntry(JournalEventType.FAULT)
 *     .hasStopped(4).withStopCode(TaskStopCode.SPOT_INTERRUPTION)   // all 4 stops have the code
 *     .hasStarted(4)
 *     .hasStoppedWithStopCode(4, TaskStopCode.SPOT_INTERRUPTION)  // 4 of the stops have it (others may not)
 *     .doesNotContainEntryAbout("service/prod/payments");
 * }</pre>
 */
public class JournalAssert extends AbstractEcsAssert<JournalAssert, JournalWindow> {

    private List<String> focusedStops;

    public JournalAssert(JournalWindow actual) {
        super(actual, JournalAssert.class);
    }

    @Override
    protected FakeEcs world() {
        return actual.ecs();
    }

    @Override
    protected String subject() {
        return "the journal " + actual;
    }

    @Override
    protected Predicate<JournalEntry> about() {
        return e -> e.sequence() >= actual.from();
    }

    private List<JournalEntry> entries() {
        return actual.entries();
    }

    private List<String> lines() {
        return entries().stream().map(JournalEntry::describe).toList();
    }

    private String window() {
        return actual.toString();
    }

    /** No change at all in the window. */
    public JournalAssert isEmpty() {
        return check(() -> entries().isEmpty(), () -> shouldNotContain(window(), "any entry", lines()));
    }

    /** Some entry of this type. */
    public JournalAssert containsEntry(JournalEventType type) {
        return check(() -> entries().stream().anyMatch(e -> e.type() == type),
                () -> shouldContain(window(), "an entry of type " + type, lines()));
    }

    /** Some entry of this type whose subject contains {@code subjectFragment}. */
    public JournalAssert containsEntry(JournalEventType type, String subjectFragment) {
        return check(() -> entries().stream().anyMatch(e -> e.type() == type && e.subject().contains(subjectFragment)),
                () -> shouldContain(window(), "an entry of type " + type + " about " + subjectFragment, lines()));
    }

    /** Some entry whose one-line description ({@link JournalEntry#describe()}) contains {@code fragment}. */
    public JournalAssert containsLine(String fragment) {
        return check(() -> lines().stream().anyMatch(l -> l.contains(fragment)),
                () -> shouldContain(window(), "a line containing \"" + fragment + "\"", lines()));
    }

    /** No entry of this type. */
    public JournalAssert doesNotContainEntry(JournalEventType type) {
        return check(() -> entries().stream().noneMatch(e -> e.type() == type),
                () -> shouldNotContain(window(), "an entry of type " + type, entries().stream()
                        .filter(e -> e.type() == type).map(JournalEntry::describe).toList()));
    }

    /** No entry whose subject contains {@code subjectFragment} (an ARN, a service or cluster name). */
    public JournalAssert doesNotContainEntryAbout(String subjectFragment) {
        return check(() -> entries().stream().noneMatch(e -> e.subject().contains(subjectFragment)),
                () -> shouldNotContain(window(), "an entry about " + subjectFragment, entries().stream()
                        .filter(e -> e.subject().contains(subjectFragment)).map(JournalEntry::describe).toList()));
    }

    /**
     * Exactly {@code count} tasks reached STOPPED in the window; follow with {@link #withStopCode} to
     * check why.
     */
    public JournalAssert hasStopped(int count) {
        check(() -> reached("STOPPED").size() == count, () -> shouldHave("journal", subject(),
                "tasks stopped", count, reached("STOPPED").size() + " " + reached("STOPPED")));
        focusedStops = reached("STOPPED");
        return myself;
    }

    /** Exactly {@code count} tasks reached RUNNING in the window. */
    public JournalAssert hasStarted(int count) {
        return check(() -> reached("RUNNING").size() == count, () -> shouldHave("journal", subject(),
                "tasks started (reached RUNNING)", count, reached("RUNNING").size() + " " + reached("RUNNING")));
    }

    /**
     * Every task counted by the preceding {@link #hasStopped(int)} stopped with this code. To count
     * the stops with one code beside others, use {@link #stops()}{@code .withStopCode(code).hasSize(n)}
     * or {@link #hasStoppedWithStopCode(int, String)}.
     */
    public JournalAssert withStopCode(String code) {
        if (focusedStops == null) {
            throw new IllegalStateException("withStopCode follows hasStopped(count): assertThat(changes).hasStopped(3)"
                    + ".withStopCode(\"SpotInterruption\")");
        }
        List<String> tasks = focusedStops;
        return check(() -> stopCodes(tasks).values().stream().allMatch(code::equals),
                () -> shouldHave("journal", subject(), "every stopped task with stop code", code, stopCodes(tasks)));
    }

    /** {@link #withStopCode(String)} with the SDK enum. */
    public JournalAssert withStopCode(TaskStopCode code) {
        return withStopCode(code.toString());
    }

    /**
     * The tasks that stopped in the window, for counting: all of them, or those with one stop code
     * beside the others ({@link #hasStopped(int)}{@code .withStopCode(c)} wants every stop to have it).
     *
     * <pre>{@code
     * assertThat(prod.changesSince(mark)).stops().withStopCode("SpotInterruption").hasSize(2);
     * }</pre>
     */
    public StopsAssert stops() {
        return inheritTime(new StopsAssert(actual, null, this));
    }

    /**
     * Exactly {@code count} of the tasks that stopped in the window have stop code {@code code}; other
     * stops may be there too. Short for {@code stops().withStopCode(code).hasSize(count)}.
     *
     * <pre>{@code
     * assertThat(prod.changesSince(mark)).hasStoppedWithStopCode(1, "TerminationNotice");   // beside a rollout's stops
     * }</pre>
     */
    public JournalAssert hasStoppedWithStopCode(int count, String code) {
        stops().withStopCode(code).hasSize(count);
        return myself;
    }

    /** {@link #hasStoppedWithStopCode(int, String)} with the SDK enum. */
    public JournalAssert hasStoppedWithStopCode(int count, TaskStopCode code) {
        return hasStoppedWithStopCode(count, code.toString());
    }

    private List<String> reached(String status) {
        return WindowStops.reached(actual, status);
    }

    private Map<String, String> stopCodes(List<String> tasks) {
        return WindowStops.stopCodes(actual, tasks);
    }
}
