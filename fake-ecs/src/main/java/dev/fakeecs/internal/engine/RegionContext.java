package dev.fakeecs.internal.engine;

import dev.fakeecs.internal.engine.EngineContext;
import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.journal.JournalEventType;

import dev.fakeecs.journal.JournalEntry;

import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.List;
import java.util.function.Supplier;

/**
 * What every part of one region's engine shares: the world (clock, lock, seeded random source,
 * journal, quotas, timing, images), the region's name and availability zones, and its ARN builder.
 * It holds no manager: each manager receives the managers it uses as constructor arguments.
 *
 * <pre>{@code
 * RegionContext region = new RegionContext(world, "us-east-1", List.of("us-east-1a", "us-east-1b"));
 * region.record(JournalEventType.CLUSTER, arn, "status", "ACTIVE");   // journal entry stamped with the region
 * }</pre>
 */
public final class RegionContext {

    private final EngineContext world;
    private final String name;
    private final List<String> availabilityZones;
    private final Arns arns;
    private final List<Consumer<JournalEntry>> recordListeners = new CopyOnWriteArrayList<>();

    public RegionContext(EngineContext world, String name, List<String> availabilityZones) {
        this.world = world;
        this.name = name;
        this.availabilityZones = List.copyOf(availabilityZones);
        this.arns = new Arns(name, world.accountId());
    }

    /** Records a journal entry stamped with this region, then tells the record listeners. */
    public void record(JournalEventType type, String subject, String... namesAndValues) {
        JournalEntry entry = world.journal().record(name, type, subject, namesAndValues);
        for (Consumer<JournalEntry> listener : recordListeners) {
            listener.accept(entry);
        }
    }

    /**
     * Hears every entry this region records, right after it is recorded, under the engine lock (the ECS event
     * emitter derives EventBridge events from them). A listener must not change engine state, draw from the
     * world's random source or record entries of its own.
     */
    public void addRecordListener(Consumer<JournalEntry> listener) {
        recordListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /** Runs {@code body} under the engine lock (for Java-level reads and writes of engine state). */
    public <T> T read(Supplier<T> body) {
        world.lock().lock();
        try {
            return body.get();
        } finally {
            world.lock().unlock();
        }
    }

    public EngineContext engine() {
        return world;
    }

    public Instant now() {
        return world.now();
    }

    public String name() {
        return name;
    }

    public List<String> availabilityZones() {
        return availabilityZones;
    }

    public Arns arns() {
        return arns;
    }
}
