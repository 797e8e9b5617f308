package dev.fakeecs.junit.internal;

import dev.fakeecs.FakeEcs;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cuts the first test's cold start: once per JVM, when the extension is first created, a daemon thread builds a
 * throw-away world, an in-process SDK client and makes one call, so the SDK's client, model and request-pipeline
 * classes load (and their static initialisers run) on a second core while the test's own thread builds its world.
 * The throw-away world shares nothing with the test's worlds (its own seed, clock and journal), so journals stay
 * byte-identical. {@code -Dfakeecs.prewarm=false} turns it off.
 *
 * <pre>{@code
 * ClassPrewarm.startOnce();   // from EcsClusterExtension's constructor
 * }</pre>
 */
public final class ClassPrewarm {

    /** The system property that turns the prewarm off ({@code false}). */
    public static final String PROPERTY = "fakeecs.prewarm";

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ClassPrewarm() {
    }

    /** Starts the prewarm thread unless it ran already in this JVM or is turned off. */
    public static void startOnce() {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(ClassPrewarm::run, "fake-ecs-prewarm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try (FakeEcs world = FakeEcs.builder().seed(0).build()) {
            world.newClient().listClusters();
        } catch (Throwable ignored) {
            // a failure here only means the test's thread loads the classes itself
        }
    }
}
