package dev.fakeecs.dsl.scenario;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.VirtualClock;
import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.dsl.internal.Check;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * A timeline of actions at virtual times: API calls, desired-state changes, fault injections
 * ({@link dev.fakeecs.dsl.Faults}) and windows in which something holds (a fault, a load
 * multiplier), each an action on the running {@link FakeEcs}. Immutable; times of day are read in
 * {@link #zone()} (UTC by default) and mean the next such time at or after the moment the scenario
 * is scheduled.
 *
 * <pre>{@code
 * import static dev.fakeecs.dsl.Faults.*;
 * Scenario evening = scenario()
 *     .at(LocalTime.of(19, 30), regionOutage("us-east-1").lasting(Duration.ofMinutes(20)))
 *     .everyDay(LocalTime.of(19, 0), LocalTime.of(21, 0),
 *         serviceLoad("food-delivery-prod", "order-service").times(10))
 *     .build();
 * }</pre>
 *
 * <p>With plain lambdas, each action takes a description:
 *
 * <pre>{@code
 * Scenario dinnerRush = Scenario.builder()
 *     .at(LocalTime.of(19, 0), "scale orders for dinner", ecs -> ecs.api().updateService(r -> r
 *         .cluster("food-delivery-prod").service("order-service").desiredCount(20)))
 *     .window(LocalTime.of(19, 30), Duration.ofMinutes(20), "us-east-1a goes dark",
 *         ecs -> outage.start(ecs), ecs -> outage.end(ecs))
 *     .every(Duration.ofMinutes(5), "poll", ecs -> metrics.sample(ecs))
 *     .build();
 * dinnerRush.scheduleOn(ecs);
 * }</pre>
 */
public final class Scenario {

    /** When an entry runs, relative to the instant the scenario is scheduled. */
    public sealed interface When permits AtTimeOfDay, After, AtInstant, Later {
        /** The first instant at or after {@code now}. */
        Instant first(Instant now, ZoneId zone);
    }

    /** The next {@code time} of day (today if not yet past, else tomorrow). */
    public record AtTimeOfDay(LocalTime time) implements When {
        @Override
        public Instant first(Instant now, ZoneId zone) {
            ZonedDateTime today = now.atZone(zone).with(time);
            Instant candidate = today.toInstant();
            return candidate.isBefore(now) ? today.plusDays(1).toInstant() : candidate;
        }
    }

    /** {@code delay} after the scenario is scheduled. */
    public record After(Duration delay) implements When {
        @Override
        public Instant first(Instant now, ZoneId zone) {
            return now.plus(delay);
        }
    }

    /** At a fixed instant (at once if it is already past). */
    public record AtInstant(Instant instant) implements When {
        @Override
        public Instant first(Instant now, ZoneId zone) {
            return instant.isBefore(now) ? now : instant;
        }
    }

    /** {@code offset} after another point of the timeline (the end of a window). */
    public record Later(When base, Duration offset) implements When {
        @Override
        public Instant first(Instant now, ZoneId zone) {
            return base.first(now, zone).plus(offset);
        }
    }

    /**
     * One action on the timeline.
     *
     * @param period null for a one-off action, else the repeat period
     */
    public record Entry(When when, Duration period, String description, Consumer<FakeEcs> action) {
        public Entry {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(action, "action");
        }
    }

    private final List<Entry> entries;
    private final ZoneId zone;

    private Scenario(List<Entry> entries, ZoneId zone) {
        this.entries = List.copyOf(entries);
        this.zone = zone;
    }

    public static Builder builder() {
        return new Builder(List.of(), ZoneOffset.UTC);
    }

    public Builder toBuilder() {
        return new Builder(entries, zone);
    }

    public List<Entry> entries() {
        return entries;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Puts every entry on the world's virtual clock, relative to its current instant.
     *
     * @return the scheduled events, in entry order (cancel one to drop it)
     */
    public List<ScheduledEvent> scheduleOn(FakeEcs ecs) {
        for (Entry e : entries) {
            if (e.action() instanceof ScenarioAction checked) {
                checked.check(ecs);
            }
        }
        VirtualClock clock = ecs.clock();
        Instant now = clock.instant();
        List<ScheduledEvent> events = new ArrayList<>();
        for (Entry e : entries) {
            Instant first = e.when().first(now, zone);
            Runnable run = () -> e.action().accept(ecs);
            if (e.period() == null) {
                events.add(clock.scheduleAt(first, "scenario: " + e.description(), run));
            } else {
                events.add(clock.schedulePeriodic(Duration.between(now, first), e.period(),
                        "scenario: " + e.description(), run));
            }
        }
        return events;
    }

    /** Builds a {@link Scenario}. */
    public static final class Builder {
        private final List<Entry> entries;
        private ZoneId zone;

        private Builder(List<Entry> entries, ZoneId zone) {
            this.entries = new ArrayList<>(entries);
            this.zone = zone;
        }

        /** Reads times of day in {@code zone}. */
        public Builder zone(ZoneId value) { this.zone = Objects.requireNonNull(value, "zone"); return this; }

        /** Once, at the next {@code time} of day. */
        public Builder at(LocalTime time, String description, Consumer<FakeEcs> action) {
            entries.add(new Entry(new AtTimeOfDay(time), null, description, action));
            return this;
        }

        /** Once, at {@code instant}. */
        public Builder at(Instant instant, String description, Consumer<FakeEcs> action) {
            entries.add(new Entry(new AtInstant(instant), null, description, action));
            return this;
        }

        /** Once, {@code delay} after the scenario is scheduled. */
        public Builder after(Duration delay, String description, Consumer<FakeEcs> action) {
            Check.that(!delay.isNegative(), "scenario", "after", delay, "must not be negative");
            entries.add(new Entry(new After(delay), null, description, action));
            return this;
        }

        /** Every day at {@code time}. */
        public Builder daily(LocalTime time, String description, Consumer<FakeEcs> action) {
            entries.add(new Entry(new AtTimeOfDay(time), Duration.ofDays(1), description, action));
            return this;
        }

        /** Every {@code period}, the first time one period after the scenario is scheduled. */
        public Builder every(Duration period, String description, Consumer<FakeEcs> action) {
            Check.that(!period.isZero() && !period.isNegative(), "scenario", "every", period, "must be positive");
            entries.add(new Entry(new After(period), period, description, action));
            return this;
        }

        /**
         * At the next {@code start} time of day run {@code begin}, and {@code duration} later run
         * {@code end} ("at 19:30 the region goes down for 20 minutes").
         */
        public Builder window(LocalTime start, Duration duration, String description, Consumer<FakeEcs> begin,
                              Consumer<FakeEcs> end) {
            Check.that(!duration.isZero() && !duration.isNegative(), "scenario", "window.duration", duration,
                    "must be positive");
            When begins = new AtTimeOfDay(start);
            entries.add(new Entry(begins, null, description + " (begins)", begin));
            entries.add(new Entry(new Later(begins, duration), null, description + " (ends)", end));
            return this;
        }

        /** Once, at the next {@code time} of day: {@code at(LocalTime.of(19, 30), regionOutage("us-east-1"))}. */
        public Builder at(LocalTime time, ScenarioAction action) {
            return at(time, action.description(), action);
        }

        /** Once, at {@code instant}. */
        public Builder at(Instant instant, ScenarioAction action) {
            return at(instant, action.description(), action);
        }

        /** Once, {@code delay} after the scenario is scheduled. */
        public Builder after(Duration delay, ScenarioAction action) {
            return after(delay, action.description(), action);
        }

        /** Every day at {@code time}. */
        public Builder daily(LocalTime time, ScenarioAction action) {
            return daily(time, action.description(), action);
        }

        /** Every {@code period}, the first time one period after the scenario is scheduled. */
        public Builder every(Duration period, ScenarioAction action) {
            return every(period, action.description(), action);
        }

        /**
         * At the next {@code start} time of day, begin {@code action}; end it {@code duration} later:
         * {@code window(LocalTime.of(19, 30), Duration.ofMinutes(20), regionOutage("us-east-1"))}.
         */
        public Builder window(LocalTime start, Duration duration, WindowAction action) {
            positive("window.duration", duration);
            return windowEntries(new AtTimeOfDay(start), duration, null, action);
        }

        /** {@code delay} after the scenario is scheduled, begin {@code action}; end it {@code duration} later. */
        public Builder window(Duration delay, Duration duration, WindowAction action) {
            Check.that(!delay.isNegative(), "scenario", "window.delay", delay, "must not be negative");
            positive("window.duration", duration);
            return windowEntries(new After(delay), duration, null, action);
        }

        /**
         * Every day from {@code from} to {@code to} (crossing midnight when {@code to} is earlier),
         * {@code action} holds: "every day 19:00-21:00 order load x10" is
         * {@code everyDay(LocalTime.of(19, 0), LocalTime.of(21, 0), serviceLoad("prod", "orders").times(10))}.
         * As with {@link #window}, a window already under way when the scenario is scheduled first
         * runs the next day.
         */
        public Builder everyDay(LocalTime from, LocalTime to, WindowAction action) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Check.that(!from.equals(to), "scenario", "everyDay.to", to, "must differ from from (" + from + ")");
            Duration length = Duration.between(from, to);
            if (length.isNegative()) {
                length = length.plusDays(1);
            }
            return windowEntries(new AtTimeOfDay(from), length, Duration.ofDays(1), action);
        }

        private static void positive(String field, Duration duration) {
            Check.that(!duration.isZero() && !duration.isNegative(), "scenario", field, duration, "must be positive");
        }

        private Builder windowEntries(When begins, Duration length, Duration period, WindowAction action) {
            Objects.requireNonNull(action, "action");
            OpenWindows open = new OpenWindows(action);
            entries.add(new Entry(begins, period, action.description() + " (begins)", open.begin()));
            entries.add(new Entry(new Later(begins, length), period, action.description() + " (ends)", open.end()));
            return this;
        }

        public Scenario build() {
            return new Scenario(entries, zone);
        }
    }

    /**
     * The windows of one window action that are open, per world (the same scenario may run on
     * several worlds, e.g. a replay with the same seed).
     */
    private static final class OpenWindows {
        private final WindowAction action;
        private final Map<FakeEcs, AutoCloseable> open = Collections.synchronizedMap(new WeakHashMap<>());

        OpenWindows(WindowAction action) {
            this.action = action;
        }

        ScenarioAction begin() {
            return new ScenarioAction() {
                @Override
                public String description() {
                    return action.description();
                }

                @Override
                public void check(FakeEcs ecs) {
                    action.check(ecs);
                }

                @Override
                public void accept(FakeEcs ecs) {
                    close(open.remove(ecs));
                    open.put(ecs, action.begin(ecs));
                }
            };
        }

        Consumer<FakeEcs> end() {
            return ecs -> close(open.remove(ecs));
        }

        private static void close(AutoCloseable closeable) {
            if (closeable == null) {
                return;
            }
            try {
                closeable.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
