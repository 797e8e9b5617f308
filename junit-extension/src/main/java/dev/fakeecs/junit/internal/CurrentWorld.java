package dev.fakeecs.junit.internal;

import dev.fakeecs.junit.handle.EcsClusterHandle;

import java.util.Map;

/**
 * The world of the test running on each thread, for one extension instance: set before each test
 * (before its {@code @BeforeEach} methods) and cleared after it (after its {@code @AfterEach}
 * methods), on the thread JUnit runs the test on. It backs {@code EcsClusterExtension.world()} and
 * {@code cluster()}; the world itself is owned by JUnit's store, this only points at it.
 */
public final class CurrentWorld {

    private final ThreadLocal<WorldResource> current = new ThreadLocal<>();

    /** Points the calling thread at the world of the test it is about to run. */
    public void set(WorldResource world) {
        current.set(world);
    }

    /** Forgets the calling thread's world. */
    public void clear() {
        current.remove();
    }

    /** The calling thread's world, or null outside a test. */
    public WorldResource orNull() {
        return current.get();
    }

    /** The calling thread's world; fails outside a test. */
    public WorldResource require() {
        WorldResource r = current.get();
        if (r == null) {
            throw new IllegalStateException("No fake-ecs world on this thread: call this from a test method or"
                    + " @BeforeEach/@AfterEach method, on the thread JUnit runs it on");
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
