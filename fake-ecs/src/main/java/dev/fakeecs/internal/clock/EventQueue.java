package dev.fakeecs.internal.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The engine's event queue and the instant it stands at: what {@link dev.fakeecs.VirtualClock} shows
 * users, and what every part of the engine schedules on. Events are ordered by (due time, sequence
 * number), so two events due at the same instant run in the order they were scheduled; while an
 * event runs, {@link #instant()} returns its due time.
 *
 * <p>Every method that reads or moves time or touches the queue takes the world's engine lock, so
 * concurrent callers never see the clock go backwards and concurrent advances add up exactly.
 *
 * <pre>{@code
 * EventQueue events = new EventQueue(start, lock);
 * events.schedule(Duration.ofSeconds(30), "ping", () -> log(events.instant()));
 * events.advance(Duration.ofMinutes(1));   // runs "ping" at start + 30 s
 * }</pre>
 */
public final class EventQueue {

    /** How far {@link #runUntilIdle()} looks ahead by default: periodic work never makes the queue idle. */
    public static final Duration DEFAULT_IDLE_HORIZON = Duration.ofHours(24);

    private final ReentrantLock lock;
    private final PriorityQueue<QueuedEvent> queue = new PriorityQueue<>();
    private final List<Runnable> afterEachEvent = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Instant now;
    private long sequence;
    private long eventsRun;

    /**
     * Creates a queue at {@code start}, guarded by the given engine lock.
     *
     * @param start the first instant of the world
     * @param lock  the world's engine lock (shared with every API entry point)
     */
    public EventQueue(Instant start, ReentrantLock lock) {
        this.now = Objects.requireNonNull(start, "start");
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** The engine lock this queue runs under. */
    public ReentrantLock lock() {
        return lock;
    }

    /** The current virtual instant. */
    public Instant instant() {
        return now;
    }

    /** The current virtual instant in epoch milliseconds. */
    public long millis() {
        return now.toEpochMilli();
    }

    /** How many scheduled events have run since the world started. */
    public long eventsRun() {
        return eventsRun;
    }

    /**
     * Schedules {@code action} to run {@code delay} from now.
     *
     * @return a handle that can cancel the event
     */
    public QueuedEvent schedule(Duration delay, String description, Runnable action) {
        lock.lock();
        try {
            return enqueue(delay.isNegative() ? now : now.plus(delay), description, action);
        } finally {
            lock.unlock();
        }
    }

    /** Schedules {@code action} at {@code due} (an instant in the past runs at the current instant). */
    public QueuedEvent scheduleAt(Instant due, String description, Runnable action) {
        lock.lock();
        try {
            return enqueue(due.isBefore(now) ? now : due, description, action);
        } finally {
            lock.unlock();
        }
    }

    /** Adds a one-off event at {@code at} (not before now); the caller holds the lock. */
    private QueuedEvent enqueue(Instant at, String description, Runnable action) {
        QueuedEvent event = new QueuedEvent(at, sequence++, description, action, null);
        queue.add(event);
        return event;
    }

    /**
     * Schedules {@code action} every {@code period}, first after {@code initialDelay}, until the
     * returned handle is cancelled.
     */
    public QueuedEvent schedulePeriodic(Duration initialDelay, Duration period, String description, Runnable action) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        lock.lock();
        try {
            QueuedEvent event = new QueuedEvent(now.plus(initialDelay), sequence++, description, action, period);
            queue.add(event);
            return event;
        } finally {
            lock.unlock();
        }
    }

    /** Moves time forward by {@code duration}, running every event due on the way, in order. */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("virtual time cannot go backwards: " + duration);
        }
        lock.lock();
        try {
            return advanceTo(now.plus(duration));   // now is read under the lock: concurrent advances add up
        } finally {
            lock.unlock();
        }
    }

    /** Moves time forward to {@code target}, running every event due at or before it. */
    public Instant advanceTo(Instant target) {
        lock.lock();
        try {
            if (target.isBefore(now)) {
                throw new IllegalArgumentException("virtual time cannot go backwards: now " + now + ", target " + target);
            }
            while (runNextDueBy(target)) {
                // keep going
            }
            now = target;
            return now;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs events until none is due within {@link #DEFAULT_IDLE_HORIZON} from now; the clock stops at
     * the last event run (not at the horizon).
     *
     * @return the number of events run
     */
    public long runUntilIdle() {
        return runUntilIdle(DEFAULT_IDLE_HORIZON);
    }

    /**
     * Runs events whose due time is within {@code horizon} of the instant this call started,
     * leaving periodic work that lies beyond it pending.
     */
    public long runUntilIdle(Duration horizon) {
        lock.lock();
        try {
            Instant limit = now.plus(horizon);
            long before = eventsRun;
            while (runNextDueBy(limit)) {
                // keep going
            }
            return eventsRun - before;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Advances event by event until {@code condition} holds or {@code max} of virtual time has passed.
     * The condition is checked before the first event and after every event.
     *
     * @return true if the condition held; the clock is then at the instant it first held
     */
    public boolean advanceUntil(BooleanSupplier condition, Duration max) {
        lock.lock();
        try {
            Instant deadline = now.plus(max);
            if (condition.getAsBoolean()) {
                return true;
            }
            while (true) {
                QueuedEvent next = queue.peek();
                if (next == null || next.due().isAfter(deadline)) {
                    now = deadline;
                    return condition.getAsBoolean();
                }
                runNextDueBy(deadline);
                if (condition.getAsBoolean()) {
                    return true;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code observer} after every event the clock runs (the chaos monkey checks the engine's
     * invariants this way) until the returned handle is closed.
     *
     * <pre>{@code
     * try (AutoCloseable watch = clock.afterEachEvent(() -> assertInvariants())) {
     *     clock.advance(Duration.ofHours(1));
     * }
     * }</pre>
     */
    public AutoCloseable afterEachEvent(Runnable observer) {
        afterEachEvent.add(observer);
        return () -> afterEachEvent.remove(observer);
    }

    /** A snapshot of the events still pending, in the order they would run. */
    public List<QueuedEvent> pendingEvents() {
        lock.lock();
        try {
            List<QueuedEvent> list = new ArrayList<>(queue);
            list.removeIf(QueuedEvent::isCancelled);
            list.sort(null);
            return List.copyOf(list);
        } finally {
            lock.unlock();
        }
    }

    private boolean runNextDueBy(Instant limit) {
        while (true) {
            QueuedEvent next = queue.peek();
            if (next == null || next.due().isAfter(limit)) {
                return false;
            }
            queue.poll();
            if (next.isCancelled()) {
                continue;
            }
            now = next.due();
            eventsRun++;
            next.run();
            if (next.period() != null && !next.isCancelled()) {
                queue.add(next.nextOccurrence(sequence++));
            }
            if (!afterEachEvent.isEmpty()) {
                for (Runnable observer : afterEachEvent) {
                    observer.run();
                }
            }
            return true;
        }
    }

    /** How many events sit in the queue, cancelled ones not yet dropped included. */
    public int queued() {
        return queue.size();
    }

    @Override
    public String toString() {
        return "EventQueue[" + now + ", pending=" + queue.size() + "]";
    }
}
