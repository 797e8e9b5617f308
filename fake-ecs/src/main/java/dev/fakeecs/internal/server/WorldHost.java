package dev.fakeecs.internal.server;

import dev.fakeecs.FakeEcs;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The world behind the runnable server: resolves each request's region, moves virtual time as the
 * {@link ClockMode} says before each request, and serves the control API's clock, journal and reset
 * (reset builds a fresh world with the same options).
 */
public final class WorldHost implements ControlApiBackend, Function<String, EcsClient>, AutoCloseable {

    private final Supplier<FakeEcs> factory;
    private final ClockMode mode;
    private final LongSupplier wallNanos;
    private volatile FakeEcs world;
    private long baseNanos;
    private Instant baseVirtual;

    public WorldHost(Supplier<FakeEcs> factory, ClockMode mode, LongSupplier wallNanos) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.wallNanos = wallNanos;
        this.world = factory.get();
        rebase();
    }

    public FakeEcs world() {
        return world;
    }

    /**
     * The region, after moving time as the clock mode says (every simulated service's request looks its region up
     * here once); throws IllegalArgumentException for an unknown region.
     */
    public dev.fakeecs.region.Region region(String name) {
        FakeEcs current = world;
        dev.fakeecs.region.Region region = current.region(name);
        tick(current);
        return region;
    }

    /** The region's engine, after moving time as the clock mode says; throws IllegalArgumentException for an unknown region. */
    @Override
    public EcsClient apply(String region) {
        FakeEcs current = world;
        EcsClient api = current.region(region).api();
        tick(current);
        return api;
    }

    @Override
    public Instant now() {
        FakeEcs current = world;
        if (mode.kind() == ClockMode.Kind.REALTIME) {
            tick(current);
        }
        return current.clock().instant();
    }

    @Override
    public Instant advance(Duration duration) {
        Instant now = WorldControls.advanceInSlices(world, duration);
        rebase();
        return now;
    }

    @Override
    public dev.fakeecs.journal.Journal journal() {
        return world.journal();
    }

    @Override
    public dev.fakeecs.events.EcsEvents events() {
        return world.events();
    }

    @Override
    public synchronized void reset() {
        FakeEcs old = world;
        world = factory.get();
        rebase();
        old.close();
    }

    @Override
    public String injectFault(com.fasterxml.jackson.databind.JsonNode spec) {
        return WorldControls.injectFault(world, spec);
    }

    @Override
    public void endFault(String faultId) {
        dev.fakeecs.fault.FaultInjector.of(world).remove(faultId);
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode declareHook(com.fasterxml.jackson.databind.JsonNode declaration) {
        return WorldControls.declareHook(world, declaration);
    }

    @Override
    public void declareImage(String image, com.fasterxml.jackson.databind.JsonNode behavior) {
        WorldControls.declareImage(world, image, behavior);
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode launchInstances(com.fasterxml.jackson.databind.JsonNode request) {
        return WorldControls.launchInstances(world, request);
    }

    @Override
    public void close() {
        world.close();
    }

    private void tick(FakeEcs current) {
        switch (mode.kind()) {
            case AUTO:
                current.clock().advance(mode.step());
                break;
            case REALTIME:
                Instant target;
                synchronized (this) {
                    long elapsed = wallNanos.getAsLong() - baseNanos;
                    target = baseVirtual.plusNanos((long) (elapsed * mode.factor()));
                }
                if (target.isAfter(current.clock().instant())) {
                    current.clock().advanceTo(target);
                }
                break;
            default:
                break;
        }
    }

    private synchronized void rebase() {
        baseNanos = wallNanos.getAsLong();
        baseVirtual = world.clock().instant();
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode declareLoad(com.fasterxml.jackson.databind.JsonNode declaration) {
        return LoadDeclarations.declare(world, declaration);
    }
}
