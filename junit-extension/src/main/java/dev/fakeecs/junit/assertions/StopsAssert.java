package dev.fakeecs.junit.assertions;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.junit.handle.JournalWindow;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import static dev.fakeecs.junit.assertions.error.ShouldNumber.shouldNumber;

/**
 * Counting assertions on the tasks that stopped in a journal window, all of them or those with one stop code,
 * beside whatever else stopped there: "the host loss stopped one task" while a rollout stopped others.
 *
 * <pre>{@code
 * assertThat(prod.changesSince(mark)).stops()
 *     .withStopCode(TaskStopCode.SPOT_INTERRUPTION).hasSize(2)
 *     .returnToJournal().hasStarted(6);
 * }</pre>
 */
public class StopsAssert extends AbstractEcsAssert<StopsAssert, JournalWindow> {

    private final String stopCode;
    private final JournalAssert parent;

    public StopsAssert(JournalWindow actual) {
        this(actual, null, null);
    }

    StopsAssert(JournalWindow actual, String stopCode, JournalAssert parent) {
        super(actual, StopsAssert.class);
        this.stopCode = stopCode;
        this.parent = parent;
    }

    @Override
    protected FakeEcs world() {
        return actual.ecs();
    }

    @Override
    protected String subject() {
        return "the tasks stopped in the journal " + actual + (stopCode == null ? "" : " with stop code " + stopCode);
    }

    @Override
    protected Predicate<JournalEntry> about() {
        return e -> e.sequence() >= actual.from();
    }

    /** The stops counted: task id to stop code. */
    private Map<String, String> all() {
        return WindowStops.stopped(actual);
    }

    private List<String> counted() {
        return all().entrySet().stream().filter(e -> stopCode == null || stopCode.equals(e.getValue()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    }

    private List<String> everything() {
        return all().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    /**
     * Only the stops with this stop code (the others stay in the failure message, as context).
     *
     * <pre>{@code assertThat(changes).stops().withStopCode("SpotInterruption").hasSize(2); }</pre>
     */
    public StopsAssert withStopCode(String code) {
        return inheritTime(new StopsAssert(actual, Objects.requireNonNull(code, "code"), parent));
    }

    /** {@link #withStopCode(String)} with the SDK enum. */
    public StopsAssert withStopCode(TaskStopCode code) {
        return withStopCode(code.toString());
    }

    /** Exactly {@code expected} of the stops (with the stop code, when one is chosen). */
    public StopsAssert hasSize(int expected) {
        return check(() -> counted().size() == expected, () -> shouldNumber(subject(), expected, counted(),
                "all tasks stopped in the journal " + actual, everything()));
    }

    /** At least {@code minimum} of the stops. */
    public StopsAssert hasSizeGreaterThanOrEqualTo(int minimum) {
        return check(() -> counted().size() >= minimum, () -> shouldNumber(subject() + " (at least)", minimum,
                counted(), "all tasks stopped in the journal " + actual, everything()));
    }

    /** None of the stops (with the stop code, when one is chosen). */
    public StopsAssert isEmpty() {
        return hasSize(0);
    }

    /** Back to the journal window. */
    public JournalAssert returnToJournal() {
        return parent != null ? parent : inheritTime(new JournalAssert(actual));
    }
}
