package dev.fakeecs.internal.engine;

import dev.fakeecs.internal.image.ImageCatalog;
import dev.fakeecs.deployment.LifecycleHooks;
import dev.fakeecs.internal.clock.EventQueue;
import dev.fakeecs.journal.Journal;
import dev.fakeecs.journal.JournalRetention;
import dev.fakeecs.quota.Quotas;
import dev.fakeecs.internal.random.SeededRandom;
import dev.fakeecs.timing.TimingModel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What every part of the engine shares: the engine lock, the virtual clock, the seeded random
 * source, the journal, the quotas, the timing model and the image catalogue. One per
 * {@code FakeEcs}; engine code receives it, nothing reaches it statically.
 */
public final class EngineContext {

    private final long seed;
    private final String accountId;
    private final ReentrantLock lock = new ReentrantLock();
    private final EventQueue clock;
    private final SeededRandom random;
    private final Journal journal;
    private final ImageCatalog images = new ImageCatalog();
    private final LifecycleHooks lifecycleHooks = new LifecycleHooks();
    private volatile Quotas quotas;
    private volatile TimingModel timing;
    private final Map<Class<?>, Object> extensions = new LinkedHashMap<>();
    private final java.util.List<Consumer<String>> regionListeners = new CopyOnWriteArrayList<>();

    public EngineContext(long seed, String accountId, Instant start, Quotas quotas, TimingModel timing) {
        this(seed, accountId, start, quotas, timing, JournalRetention.keepAll());
    }

    public EngineContext(long seed, String accountId, Instant start, Quotas quotas, TimingModel timing,
                         JournalRetention retention) {
        this.seed = seed;
        this.accountId = accountId;
        this.clock = new EventQueue(start, lock);
        this.random = new SeededRandom(seed);
        this.journal = new Journal(clock::instant, retention);
        this.quotas = quotas;
        this.timing = timing;
    }

    public long seed() {
        return seed;
    }

    public String accountId() {
        return accountId;
    }

    /** The one engine lock: every API call and every clock advance holds it. */
    public ReentrantLock lock() {
        return lock;
    }

    /** The event queue every part of the engine schedules on (users see it as the VirtualClock). */
    public EventQueue clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public SeededRandom random() {
        return random;
    }

    public Journal journal() {
        return journal;
    }

    public ImageCatalog images() {
        return images;
    }

    /** How the world's deployment lifecycle hook functions answer (shared by every region). */
    public LifecycleHooks lifecycleHooks() {
        return lifecycleHooks;
    }

    public Quotas quotas() {
        return quotas;
    }

    public void quotas(Quotas quotas) {
        this.quotas = quotas;
    }

    /**
     * The world's one instance of an add-on (fault injector, image registries), made by
     * {@code factory} on first use. Add-ons live as long as the world, never in static state.
     *
     * <pre>{@code
     * FaultInjector faults = world.extension(FaultInjector.class, () -> new FaultInjector(ecs));
     * }</pre>
     */
    public <T> T extension(Class<T> type, Supplier<T> factory) {
        synchronized (extensions) {
            Object existing = extensions.get(type);
            if (existing == null) {
                existing = factory.get();
                extensions.put(type, existing);
            }
            return type.cast(existing);
        }
    }

    public TimingModel timing() {
        return timing;
    }

    public void timing(TimingModel timing) {
        this.timing = timing;
    }

    /**
     * Tells {@code listener} the name of every region created from now on (regions come into being on first
     * use); it runs under the engine lock, right after the region is built and visible in the world.
     */
    public void addRegionListener(Consumer<String> listener) {
        regionListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /** Called by the world once a region has been created (under the engine lock). */
    public void regionCreated(String region) {
        for (Consumer<String> listener : regionListeners) {
            listener.accept(region);
        }
    }
}
