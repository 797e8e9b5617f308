package dev.fakeecs.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * An event scheduled on the {@link dev.fakeecs.VirtualClock}, and the handle to cancel it.
 *
 * <pre>{@code
 * ScheduledEvent e = ecs.clock().schedule(Duration.ofMinutes(2), "spot notice", this::terminate);
 * e.cancel();                                   // or: try (ScheduledEvent e = ...) { ... }
 * ecs.clock().pendingEvents();                  // what is still due, in the order it would run
 * }</pre>
 */
public interface ScheduledEvent extends AutoCloseable {

    /** The virtual instant the event runs at. */
    Instant due();

    /** The order among events due at the same instant (lower runs first). */
    long sequence();

    /** What the event does, as its scheduler described it. */
    String description();

    /** The repeat period, or null for a one-off event. */
    Duration period();

    /** Cancels this event (and, for periodic work, every later occurrence). */
    void cancel();

    /** Same as {@link #cancel()}, so a scheduled event can sit in try-with-resources. */
    @Override
    void close();

    /** Whether the event (or the periodic work it belongs to) was cancelled. */
    boolean isCancelled();
}
