package dev.fakeecs.junit.internal;

import dev.fakeecs.junit.handle.EcsClusterHandle;

import java.util.Map;

/**
 * The world of the test running on each thread, for one extension instance: set before each test
 * (before its {@code @BeforeEach} methods) and cleared after it (after its {@code @AfterEach}
 * methods), on the thread JUnit runs the test on. A per-class world is also the thread's world from
 * the class start to its end (so {@code @BeforeAll} methods and what runs while test instances are
 * made, such as Spring's {@code @DynamicPropertySource} suppliers, see it). It backs
 * {@code EcsClusterExtension.world()} and {@code cluster()}; the world itself is owned by JUnit's
 * store, this only points at it.
 *
 * <pre>{@code
 * current.set(world);           // before each test
 * current.require().ecs();      // in world()
 * }</pre>
 */
public final class CurrentWorld {

    private final ThreadLocal<WorldResource> current = new ThreadLocal<>();
    private final ThreadLocal<WorldResource> classWorld = new ThreadLocal<>();

    /** Points the calling thread at the world of the test it is about to run. */
    public void set(WorldResource world) {
        current.set(world);
    }

    /** Forgets the calling thread's world. */
    public void clear() {
        current.remove();
    }

    /**
     * Points the calling thread at a per-class world from the class start until the returned
     * binding is closed (which restores the enclosing class's world, if any).
     */
    public AutoCloseable setForClass(WorldResource world) {
        WorldResource previous = classWorld.get();
        classWorld.set(world);
        return () -> {
            if (previous == null) {
                classWorld.remove();
            } else {
                classWorld.set(previous);
            }
        };
    }

    /** The calling thread's test world, or null outside a test. */
    public WorldResource orNull() {
        return current.get();
    }

    /** The calling thread's world (its test's, else its per-class world); fails outside a test. */
    public WorldResource require() {
        WorldResource r = current.get();
        if (r == null) {
            r = classWorld.get();
        }
        if (r == null) {
            throw new IllegalStateException("No fake-ecs world on this thread: call this from a test method or"
                    + " @BeforeEach/@AfterEach method, on the thread JUnit runs it on (with perClass(), also from"
                    + " @BeforeAll/@AfterAll methods and while the test instance is made)");
        }
        return r;
    }

    /** The only (or first) declared cluster of the calling thread's world. */
    public EcsClusterHandle firstCluster() {
        Map<String, EcsClusterHandle> clusters = require().clusters();
        if (clusters.isEmpty()) {
            throw new IllegalStateException("The world declares no cluster");
        }
        return clusters.values().iterator().next();
    }

    /** A declared cluster of the calling thread's world. */
    public EcsClusterHandle cluster(String name) {
        Map<String, EcsClusterHandle> clusters = require().clusters();
        EcsClusterHandle handle = clusters.get(name);
        if (handle == null) {
            throw new IllegalArgumentException("No cluster " + name + "; declared: " + clusters.keySet());
        }
        return handle;
    }
}
