package dev.fakeecs.fault;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.internal.engine.EngineContext;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.region.RegionEngine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Injects faults into a fake ECS world, now or at a virtual time, and ends them. One per world
 * ({@link #of(FakeEcs)}); the control API's {@code POST /_fake-ecs/faults} goes through
 * {@link #inject(FaultSpec)} and {@code DELETE /_fake-ecs/faults/{id}} through {@link #remove(String)}.
 * Every fault, its start, its effects and its end are journalled as {@code FAULT} entries.
 *
 * <pre>{@code
 * FaultInjector faults = FaultInjector.of(ecs);
 * FaultHandle loss = faults.inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE)
 *         .cluster("prod").containerInstance(ciArn).build());
 * FaultHandle outage = faults.inject(FaultSpec.of(FaultType.REGION_OUTAGE).region("us-east-1")
 *         .at(Duration.ofMinutes(30)).duration(Duration.ofMinutes(20)).build());
 * outage.close();   // ends it early (or cancels it while still scheduled)
 * }</pre>
 */
public final class FaultInjector {

    private final EngineContext engine;
    private final Function<String, RegionEngine> regions;
    private final ReentrantLock lock;
    private final Map<String, FaultHandle> handles = new LinkedHashMap<>();
    private final Map<FaultHandle, ActiveFault> running = new LinkedHashMap<>();
    private final Map<FaultHandle, List<ScheduledEvent>> timers = new LinkedHashMap<>();
    private final FaultEffects effects = new FaultEffects();
    private long nextId = 1;

    /**
     * @param engine  the world's engine context (clock, lock, journal)
     * @param regions each region's engine by name; null names the default region
     */
    private FaultInjector(EngineContext engine, Function<String, RegionEngine> regions) {
        this.engine = engine;
        this.regions = regions;
        this.lock = engine.lock();
    }

    /** The world's fault injector (made on first use). */
    public static FaultInjector of(FakeEcs ecs) {
        return ecs.engine().extension(FaultInjector.class, () -> new FaultInjector(ecs.engine(),
                name -> RegionEngine.of(name == null ? ecs.defaultRegion() : ecs.region(name))));
    }

    /**
     * Injects a fault: it starts now, or {@code spec.at()} from now; a lasting fault with a
     * duration ends by itself. Fails with an IllegalArgumentException when the spec names an
     * unknown region or lacks what its type needs.
     */
    public FaultHandle inject(FaultSpec spec) {
        lock.lock();
        try {
            RegionEngine state = regions.apply(spec.region());
            FaultHandle handle = new FaultHandle(String.format("fault-%04d", nextId++), spec, state.name(), this);
            FaultContext context = new FaultContext(spec, state, handle, effects, this::complete);
            ActiveFault fault = FaultFactory.create(context);
            handles.put(handle.id(), handle);
            context.effect(handle.id(), describe(spec));
            Duration at = spec.at() == null ? Duration.ZERO : spec.at();
            if (at.isZero()) {
                start(handle, fault, context);
            } else {
                timer(handle, engine.clock().schedule(at, "fault " + handle.id() + " starts",
                        () -> start(handle, fault, context)));
            }
            return handle;
        } finally {
            lock.unlock();
        }
    }

    /** Ends a fault early by id; NoSuchElementException if no such fault was injected. */
    public void remove(String faultId) {
        FaultHandle handle;
        lock.lock();
        try {
            handle = handles.get(faultId);
        } finally {
            lock.unlock();
        }
        if (handle == null) {
            throw new NoSuchElementException("No fault " + faultId);
        }
        end(handle);
    }

    /** A fault by id, or null. */
    public FaultHandle find(String faultId) {
        lock.lock();
        try {
            return handles.get(faultId);
        } finally {
            lock.unlock();
        }
    }

    /** Every fault injected so far, in order. */
    public List<FaultHandle> all() {
        lock.lock();
        try {
            return List.copyOf(handles.values());
        } finally {
            lock.unlock();
        }
    }

    /** FaultFactory started and not yet ended. */
    public List<FaultHandle> active() {
        return all().stream().filter(FaultHandle::isActive).toList();
    }

    /** False while a REGION_OUTAGE makes the region's tasks and API unreachable (for DNS and traffic). */
    public boolean regionReachable(String region) {
        return effects.regionReachable(region);
    }

    /**
     * The wall-clock delay the HTTP server should add before answering {@code operation} in
     * {@code region} (the sum of active API_LATENCY faults that match). In process, latency is
     * applied in virtual time only; the server sleeps for this outside the engine lock.
     */
    public Duration wallLatencyFor(String region, String operation) {
        return effects.wallLatencyFor(region, operation);
    }

    /** A one-off fault finished its effects. */
    private void complete(FaultHandle handle) {
        if (handle.state() == FaultState.ENDED) {
            return;
        }
        running.remove(handle);
        cancelTimers(handle);
        handle.ended(engine.clock().instant());
        engine.journal().record(handle.region(), JournalEventType.FAULT, handle.id(), "fault", handle.id(),
                "faultType", handle.type().name(), "phase", "completed");
    }

    void end(FaultHandle handle) {
        lock.lock();
        try {
            if (handle.state() == FaultState.ENDED) {
                return;
            }
            cancelTimers(handle);
            ActiveFault fault = running.remove(handle);
            boolean wasScheduled = handle.state() == FaultState.SCHEDULED;
            handle.ended(engine.clock().instant());
            engine.journal().record(handle.region(), JournalEventType.FAULT, handle.id(), "fault", handle.id(),
                    "faultType", handle.type().name(), "phase", wasScheduled ? "cancelled" : "ended");
            if (fault != null) {
                fault.end();
            }
        } finally {
            lock.unlock();
        }
    }

    private void start(FaultHandle handle, ActiveFault fault, FaultContext context) {
        handle.started(engine.clock().instant());
        running.put(handle, fault);
        context.effect(handle.id(), "phase", "started");
        Duration duration = FaultFactory.duration(handle.spec());
        if (handle.type().lasting() && duration != null) {
            timer(handle, engine.clock().schedule(duration, "fault " + handle.id() + " ends", () -> end(handle)));
        }
        fault.start();
    }

    private void timer(FaultHandle handle, ScheduledEvent event) {
        timers.computeIfAbsent(handle, h -> new ArrayList<>()).add(event);
    }

    private void cancelTimers(FaultHandle handle) {
        List<ScheduledEvent> events = timers.remove(handle);
        if (events != null) {
            events.forEach(ScheduledEvent::cancel);
        }
    }

    private static String[] describe(FaultSpec spec) {
        List<String> kv = new ArrayList<>();
        kv.add("phase");
        kv.add("injected");
        add(kv, "availabilityZone", spec.availabilityZone());
        add(kv, "cluster", spec.cluster());
        add(kv, "containerInstance", spec.containerInstance());
        add(kv, "service", spec.service());
        add(kv, "task", spec.task());
        add(kv, "percentage", spec.percentage());
        add(kv, "at", spec.at());
        add(kv, "duration", spec.duration());
        add(kv, "notice", spec.notice());
        add(kv, "exitCode", spec.exitCode());
        add(kv, "operation", spec.operation());
        add(kv, "errorCode", spec.errorCode());
        add(kv, "everyNth", spec.everyNth());
        add(kv, "probability", spec.probability());
        add(kv, "latencyMillis", spec.latencyMillis());
        add(kv, "targetGroup", spec.targetGroup());
        return kv.toArray(String[]::new);
    }

    private static void add(List<String> kv, String name, Object value) {
        if (value != null) {
            kv.add(name);
            kv.add(value.toString());
        }
    }
}
