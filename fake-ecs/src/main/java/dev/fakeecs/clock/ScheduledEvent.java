package dev.fakeecs.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * One event on the virtual clock's queue, and the handle to cancel it.
 *
 * <pre>{@code
 * ScheduledEvent e = clock.schedule(Duration.ofMinutes(2), "spot notice", this::terminate);
 * e.cancel();
 * }</pre>
 */
public final class ScheduledEvent implements Comparable<ScheduledEvent>, AutoCloseable {

    private static final Comparator<ScheduledEvent> ORDER =
            Comparator.comparing(ScheduledEvent::due).thenComparingLong(ScheduledEvent::sequence);

    private final Instant due;
    private final long sequence;
    private final String description;
    private final Runnable action;
    private final Duration period;
    private final ScheduledEvent origin;
    private volatile boolean cancelled;

    /** Created by {@code VirtualClock}; tests only read it. */
    public ScheduledEvent(Instant due, long sequence, String description, Runnable action, Duration period) {
        this(due, sequence, description, action, period, null);
    }

    private ScheduledEvent(Instant due, long sequence, String description, Runnable action, Duration period,
                           ScheduledEvent origin) {
        this.due = due;
        this.sequence = sequence;
        this.description = description;
        this.action = action;
        this.period = period;
        this.origin = origin;
    }

    public Instant due() {
        return due;
    }

    public long sequence() {
        return sequence;
    }

    public String description() {
        return description;
    }

    /** The repeat period, or null for a one-off event. */
    public Duration period() {
        return period;
    }

    /** Cancels this event (and, for periodic work, every later occurrence). */
    public void cancel() {
        cancelled = true;
        if (origin != null) {
            origin.cancel();
        }
    }

    /** Same as {@link #cancel()}, so a scheduled event can sit in try-with-resources. */
    @Override
    public void close() {
        cancel();
    }

    public boolean isCancelled() {
        return cancelled || (origin != null && origin.isCancelled());
    }

    /** Runs the action; called by the clock only. */
    public void run() {
        action.run();
    }

    /** The next occurrence of a periodic event; shares cancellation with the first one. */
    public ScheduledEvent nextOccurrence(long nextSequence) {
        ScheduledEvent root = origin == null ? this : origin;
        return new ScheduledEvent(due.plus(period), nextSequence, description, action, period, root);
    }

    @Override
    public int compareTo(ScheduledEvent other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return due + " #" + sequence + " " + description + (period == null ? "" : " every " + period);
    }
}
