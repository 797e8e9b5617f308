package dev.fakeecs.fault;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEntry;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.random.SeededRandom;
import dev.fakeecs.internal.region.RegionEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeded random chaos: over a virtual period, faults at a given rate, their types drawn from a
 * weighted mix, their times, targets and durations drawn from the world's seeded random source,
 * with {@link Invariants} checked after every event on the clock. The same seed and setup replay
 * the same run, journal and all; a broken invariant throws an {@link InvariantViolation} naming the
 * seed.
 *
 * <pre>{@code
 * ChaosMonkey monkey = ChaosMonkey.builder(ecs).cluster("food-delivery").faultsPerHour(30)
 *         .mix(Map.of(FaultType.TERMINATE_INSTANCE, 3, FaultType.FARGATE_SPOT_INTERRUPTION, 2))
 *         .build();
 * ChaosMonkey.Report report = monkey.run(Duration.ofHours(1));
 * }</pre>
 */
public final class ChaosMonkey {

    /** What a run did. */
    public record Report(long seed, List<FaultHandle> faults, long eventsChecked, Instant from, Instant to) {
    }

    private final FakeEcs ecs;
    private final String region;
    private final String cluster;
    private final double faultsPerHour;
    private final Map<FaultType, Integer> mix;
    private final Duration maxFaultDuration;

    private ChaosMonkey(Builder b) {
        this.ecs = b.ecs;
        this.region = b.region == null ? ecs.defaultRegion().name() : b.region;
        this.cluster = b.cluster;
        this.faultsPerHour = b.faultsPerHour;
        this.mix = new LinkedHashMap<>(b.mix);
        this.maxFaultDuration = b.maxFaultDuration;
    }

    public static Builder builder(FakeEcs ecs) {
        return new Builder(ecs);
    }

    /**
     * Schedules the period's faults, then advances the clock through it event by event, checking
     * the invariants after each one.
     *
     * @throws InvariantViolation when an invariant breaks (the message names the seed)
     */
    public Report run(Duration period) {
        Watch watch = schedule(period);
        ecs.clock().advance(period);
        return watch.report();
    }

    /**
     * Schedules the period's faults from now and checks the invariants after every clock event
     * until the period ends, without moving the clock itself: for use inside a scenario, where
     * the test drives time.
     *
     * <pre>{@code
     * ChaosMonkey.Watch watch = ChaosMonkey.builder(ecs).cluster("prod").build().schedule(Duration.ofHours(2));
     * ecs.clock().advance(Duration.ofHours(3));
     * watch.report().faults();
     * }</pre>
     */
    public Watch schedule(Duration period) {
        FaultInjector injector = FaultInjector.of(ecs);
        Instant from = ecs.clock().instant();
        Instant until = from.plus(period);
        List<FaultHandle> injected = new ArrayList<>();
        ecs.engine().lock().lock();
        try {
            SeededRandom random = ecs.engine().random();
            long count = Math.round(faultsPerHour * period.toMillis() / 3_600_000.0);
            for (long i = 0; i < count; i++) {
                Duration at = Duration.ofSeconds(random.nextInt((int) Math.max(1, period.toSeconds())));
                injected.add(injector.inject(spec(random, pick(random), at)));
            }
        } finally {
            ecs.engine().lock().unlock();
        }
        long[] events = {0};
        check(events);
        AutoCloseable observer = ecs.clock().afterEachEvent(() -> {
            if (!ecs.clock().instant().isAfter(until)) {
                check(events);
            }
        });
        ecs.clock().scheduleAt(until, "chaos monkey period ends", () -> close(observer));
        return new Watch(ecs.seed(), List.copyOf(injected), events, from, until);
    }

    private static void close(AutoCloseable observer) {
        try {
            observer.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A scheduled chaos period: its faults, and the report once the clock has passed its end. */
    public static final class Watch {
        private final long seed;
        private final List<FaultHandle> faults;
        private final long[] events;
        private final Instant from;
        private final Instant to;

        Watch(long seed, List<FaultHandle> faults, long[] events, Instant from, Instant to) {
            this.seed = seed;
            this.faults = faults;
            this.events = events;
            this.from = from;
            this.to = to;
        }

        /** The report: the faults injected and how many events had their invariants checked so far. */
        public Report report() {
            return new Report(seed, faults, events[0], from, to);
        }
    }

    private boolean check(long[] events) {
        events[0]++;
        List<String> broken = Invariants.check(ecs);
        if (!broken.isEmpty()) {
            StringBuilder m = new StringBuilder("Engine invariant broken at ").append(ecs.clock().instant())
                    .append(" during a chaos run with seed ").append(ecs.seed())
                    .append(" (replay: same setup with FakeEcs.builder().seed(").append(ecs.seed()).append(")):");
            broken.forEach(b -> m.append("\n  - ").append(b));
            List<JournalEntry> entries = ecs.journal().entries();
            m.append("\nlast journal entries:");
            for (JournalEntry e : entries.subList(Math.max(0, entries.size() - 15), entries.size())) {
                m.append("\n  ").append(e.describe());
            }
            throw new InvariantViolation(ecs.seed(), m.toString());
        }
        return false;
    }

    private FaultType pick(SeededRandom random) {
        int total = mix.values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        for (Map.Entry<FaultType, Integer> e : mix.entrySet()) {
            roll -= e.getValue();
            if (roll < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("empty mix");
    }

    private FaultSpec spec(SeededRandom random, FaultType type, Duration at) {
        FaultSpec.Builder b = FaultSpec.of(type).region(region).at(at);
        Duration duration = Duration.ofSeconds(60 + random.nextInt((int) Math.max(1, maxFaultDuration.toSeconds() - 59)));
        if (type.lasting()) {
            b.duration(duration);
        }
        List<String> zones = ecs.region(region).availabilityZones();
        switch (type) {
            case AZ_OUTAGE, AZ_POWER_INTERRUPTION -> b.availabilityZone(random.pick(zones));
            case SPOT_CAPACITY_UNAVAILABLE -> b.availabilityZone(random.chance(0.5) ? random.pick(zones) : null);
            case FARGATE_SPOT_INTERRUPTION, HEALTH_CHECK_FAILURE -> b.cluster(cluster).percentage(50);
            case DRAIN_CONTAINER_INSTANCES -> b.cluster(cluster).percentage(25);
            case KILL_CONTAINER -> b.cluster(cluster).exitCode(random.chance(0.5) ? 137 : 1);
            case API_ERROR -> b.everyNth(1 + random.nextInt(5));
            case API_LATENCY -> b.latency(Duration.ofMillis(100 + random.nextInt(900)));
            case REGION_OUTAGE -> { }
            case TARGET_HEALTH_FAILURE -> {
                List<String> groups = RegionEngine.of(ecs.region(region)).service(LoadBalancing.SERVICE)
                        .targetGroupArns();
                if (groups.isEmpty()) {
                    throw new IllegalStateException("TARGET_HEALTH_FAILURE is in the mix but " + region
                            + " has no target group");
                }
                b.targetGroup(random.pick(groups));
            }
            default -> b.cluster(cluster);
        }
        return b.build();
    }

    /** Builds a {@link ChaosMonkey}: every fault type but TARGET_HEALTH_FAILURE with equal weight, 20 faults an hour, up to 10 minutes each. */
    public static final class Builder {
        private final FakeEcs ecs;
        private String region;
        private String cluster;
        private double faultsPerHour = 20;
        private final Map<FaultType, Integer> mix = new LinkedHashMap<>();
        private Duration maxFaultDuration = Duration.ofMinutes(10);

        private Builder(FakeEcs ecs) {
            this.ecs = ecs;
            for (FaultType t : FaultType.values()) {
                if (t != FaultType.TARGET_HEALTH_FAILURE) {
                    mix.put(t, 1);
                }
            }
        }

        public Builder region(String region) { this.region = region; return this; }
        public Builder cluster(String cluster) { this.cluster = cluster; return this; }
        public Builder faultsPerHour(double rate) { this.faultsPerHour = rate; return this; }
        public Builder maxFaultDuration(Duration d) { this.maxFaultDuration = d; return this; }

        /** Fault types and their weights (replaces the default even mix); iteration order must be stable. */
        public Builder mix(Map<FaultType, Integer> weights) {
            mix.clear();
            new java.util.TreeMap<>(weights).forEach((t, w) -> {
                if (w > 0) {
                    mix.put(t, w);
                }
            });
            if (mix.isEmpty()) {
                throw new IllegalArgumentException("the mix needs at least one fault type with a positive weight");
            }
            return this;
        }

        public ChaosMonkey build() {
            return new ChaosMonkey(this);
        }
    }
}
