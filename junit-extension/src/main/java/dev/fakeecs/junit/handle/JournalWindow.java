package dev.fakeecs.junit.handle;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;

import java.util.List;
import java.util.Objects;

/**
 * A live window on a world's journal: the entries from a mark on (growing as the world runs).
 *
 * <pre>{@code
 * long mark = prod.mark();
 * faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster("prod").build());
 * prod.clock().advance(Duration.ofMinutes(5));
 * assertThat(prod.changesSince(mark)).hasStopped(3).withStopCode("SpotInterruption");
 * }</pre>
 *
 * @param ecs  the world
 * @param from the first sequence number in the window
 */
public record JournalWindow(FakeEcs ecs, long from) {

    public JournalWindow {
        Objects.requireNonNull(ecs, "ecs");
    }

    /** The entries from {@code mark} on. */
    public static JournalWindow since(FakeEcs ecs, long mark) {
        return new JournalWindow(ecs, mark);
    }

    /** The whole journal. */
    public static JournalWindow all(FakeEcs ecs) {
        return new JournalWindow(ecs, 0);
    }

    /** The entries now in the window. */
    public List<JournalEntry> entries() {
        return ecs.journal().since(from);
    }

    @Override
    public String toString() {
        return from == 0 ? "(whole journal)" : "since mark " + from;
    }
}
