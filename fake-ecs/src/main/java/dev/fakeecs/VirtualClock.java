package dev.fakeecs;

import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.internal.clock.EventQueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The world's virtual clock: a {@link Clock} that moves only when told, plus the queue of
 * events scheduled on it.
 *
 * <p>Events are ordered by (due time, sequence number), so two events due at the same instant
 * run in the order they were scheduled. While an event runs, {@link #instant()} returns its
 * due time. Scheduling and moving time take the world's engine lock, so a test thread and client
 * threads see consistent state and concurrent advances add up exactly; reading {@link #instant()}
 * does not block.
 *
 * <pre>{@code
 * VirtualClock clock = ecs.clock();
 * clock.schedule(Duration.ofSeconds(30), "ping", () -> System.out.println(clock.instant()));
 * clock.advance(Duration.ofMinutes(1));   // runs "ping" with the clock at start + 30 s
 * boolean up = clock.advanceUntil(() -> service.runningCount() == 3, Duration.ofMinutes(10));
 * }</pre>
 */
public final class VirtualClock extends Clock {

    /** How far {@link #runUntilIdle()} looks ahead by default: periodic work never makes the queue idle. */
    public static final Duration DEFAULT_IDLE_HORIZON = EventQueue.DEFAULT_IDLE_HORIZON;

    private final EventQueue events;
    private final ZoneId zone;

    VirtualClock(EventQueue events) {
        this(events, ZoneOffset.UTC);
    }

    private VirtualClock(EventQueue events, ZoneId zone) {
        this.events = Objects.requireNonNull(events, "events");
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view of this clock in another zone; it shares the same instant and queue. */
    @Override
    public VirtualClock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new VirtualClock(events, zone);
    }

    @Override
    public Instant instant() {
        return events.instant();
    }

    @Override
    public long millis() {
        return events.millis();
    }

    /** How many scheduled events have run since the world started. */
    public long eventsRun() {
        return events.eventsRun();
    }

    /**
     * Schedules {@code action} to run {@code delay} from now.
     *
     * @return a handle that can cancel the event
     */
    public ScheduledEvent schedule(Duration delay, String description, Runnable action) {
        return events.schedule(delay, description, action);
    }

    /** Schedules {@code action} at {@code due} (an instant in the past runs at the current instant). */
    public ScheduledEvent scheduleAt(Instant due, String description, Runnable action) {
        return events.scheduleAt(due, description, action);
    }

    /**
     * Schedules {@code action} every {@code period}, first after {@code initialDelay}, until the
     * returned handle is cancelled.
     */
    public ScheduledEvent schedulePeriodic(Duration initialDelay, Duration period, String description, Runnable action) {
        return events.schedulePeriodic(initialDelay, period, description, action);
    }

    /** Moves time forward by {@code duration}, running every event due on the way, in order. */
    public Instant advance(Duration duration) {
        return events.advance(duration);
    }

    /** Moves time forward to {@code target}, running every event due at or before it. */
    public Instant advanceTo(Instant target) {
        return events.advanceTo(target);
    }

    /**
     * Runs events until none is due within {@link #DEFAULT_IDLE_HORIZON} from now; the clock stops at
     * the last event run (not at the horizon).
     *
     * @return the number of events run
     */
    public long runUntilIdle() {
        return events.runUntilIdle();
    }

    /**
     * Runs events whose due time is within {@code horizon} of the instant this call started,
     * leaving periodic work that lies beyond it pending.
     */
    public long runUntilIdle(Duration horizon) {
        return events.runUntilIdle(horizon);
    }

    /**
     * Advances event by event until {@code condition} holds or {@code max} of virtual time has passed.
     * The condition is checked before the first event and after every event.
     *
     * @return true if the condition held; the clock is then at the instant it first held
     */
    public boolean advanceUntil(BooleanSupplier condition, Duration max) {
        return events.advanceUntil(condition, max);
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
        return events.afterEachEvent(observer);
    }

    /** A snapshot of the events still pending, in the order they would run. */
    public List<ScheduledEvent> pendingEvents() {
        return List.copyOf(events.pendingEvents());
    }

    @Override
    public String toString() {
        return "VirtualClock[" + events.instant() + ", pending=" + events.queued() + "]";
    }
}
