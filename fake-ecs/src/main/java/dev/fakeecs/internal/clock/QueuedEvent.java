package dev.fakeecs.internal.clock;

import dev.fakeecs.clock.ScheduledEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * One event on the {@link EventQueue}: its due time, sequence number, action and, for periodic work,
 * its period. Handed out as a {@link ScheduledEvent}.
 *
 * <pre>{@code
 * QueuedEvent e = events.schedule(Duration.ofMinutes(2), "spot notice", this::terminate);
 * e.cancel();
 * }</pre>
 */
public final class QueuedEvent implements ScheduledEvent, Comparable<QueuedEvent> {

    private static final Comparator<QueuedEvent> ORDER =
            Comparator.comparing(QueuedEvent::due).thenComparingLong(QueuedEvent::sequence);

    private final Instant due;
    private final long sequence;
    private final String description;
    private final Runnable action;
    private final Duration period;
    private final QueuedEvent origin;
    private volatile boolean cancelled;

    QueuedEvent(Instant due, long sequence, String description, Runnable action, Duration period) {
        this(due, sequence, description, action, period, null);
    }

    private QueuedEvent(Instant due, long sequence, String description, Runnable action, Duration period,
                        QueuedEvent origin) {
        this.due = due;
        this.sequence = sequence;
        this.description = description;
        this.action = action;
        this.period = period;
        this.origin = origin;
    }

    @Override
    public Instant due() {
        return due;
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public String description() {
        return description;
    }

    /** The repeat period, or null for a one-off event. */
    @Override
    public Duration period() {
        return period;
    }

    /** Cancels this event (and, for periodic work, every later occurrence). */
    @Override
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

    @Override
    public boolean isCancelled() {
        return cancelled || (origin != null && origin.isCancelled());
    }

    /** Runs the action; called by the queue only. */
    void run() {
        action.run();
    }

    /** The next occurrence of a periodic event; shares cancellation with the first one. */
    QueuedEvent nextOccurrence(long nextSequence) {
        QueuedEvent root = origin == null ? this : origin;
        return new QueuedEvent(due.plus(period), nextSequence, description, action, period, root);
    }

    @Override
    public int compareTo(QueuedEvent other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return due + " #" + sequence + " " + description + (period == null ? "" : " every " + period);
    }
}
