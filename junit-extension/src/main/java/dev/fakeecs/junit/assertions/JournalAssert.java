package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.junit.handle.JournalWindow;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *     .hasStopped(4).withStopCode(TaskStopCode.SPOT_INTERRUPTION)
 *     .hasStarted(4)
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

    /** Every task counted by the preceding {@link #hasStopped(int)} stopped with this code. */
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

    private List<String> reached(String status) {
        Set<String> arns = new LinkedHashSet<>();
        for (JournalEntry e : entries()) {
            if (e.type() == JournalEventType.TASK_STATE && status.equals(e.detail("to"))) {
                arns.add(e.subject());
            }
        }
        return new ArrayList<>(arns);
    }

    private Map<String, String> stopCodes(List<String> tasks) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String arn : tasks) {
            String code = null;
            for (JournalEntry e : actual.ecs().journal().about(arn)) {
                if (e.detail("stopCode") != null) {
                    code = e.detail("stopCode");
                }
            }
            codes.put(arn.substring(arn.lastIndexOf('/') + 1), code);
        }
        return codes;
    }
}
