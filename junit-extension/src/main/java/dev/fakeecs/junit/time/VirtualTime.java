package dev.fakeecs.junit.time;

import dev.fakeecs.VirtualClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Virtual time for code you cannot change. Classes of the packages named in
 * {@code @EcsCluster(virtualTimeFor = "com.acme.deploy")} are rewritten (once per JVM, with a
 * Byte Buddy agent attached at run time) so that their calls to
 * {@code Thread.sleep(long)}, {@code Thread.sleep(long, int)}, {@code System.currentTimeMillis()},
 * {@code System.nanoTime()}, {@code Instant.now()}, {@code Clock.systemUTC()} and
 * {@code Clock.systemDefaultZone()} come here instead. While a test runs, its thread (and threads
 * it starts, through an {@link InheritableThreadLocal}) is bound to the world's clock: reads return
 * virtual time and a sleep <em>advances</em> the world by that long, running every event due on the
 * way. A deploy script that polls ECS every 15 s for 10 minutes finishes in milliseconds, with the
 * same outcome on every run. Threads not bound to a world see the real clock, so rewritten classes
 * behave normally outside such tests (and in parallel tests with other worlds).
 *
 * <pre>{@code
 * @EcsCluster(name = "prod", virtualTimeFor = "com.acme.deploy")
 * @Test
 * void deploy_script_waits_for_steady_state(EcsClusterHandle prod) {
 *     new com.acme.deploy.Deployer(prod.client()).rollOut("orders", "acme/orders:2"); // sleeps 15 s per poll
 *     assertThat(prod.service("orders")).isSteady();
 * }
 * }</pre>
 *
 * <p><b>Limits</b>, honestly:
 * <ul>
 *   <li>Only call sites inside classes of the named packages are rewritten (plus the AWS SDK's waiter
 *   loop, {@code software.amazon.awssdk.core.internal.waiters}). Time read inside the JDK or another
 *   library on the code's behalf (for example {@code LocalDateTime.now()}, {@code ZonedDateTime.now()},
 *   {@code Object.wait(timeout)}, {@code LockSupport.parkNanos}, {@code TimeUnit.sleep},
 *   {@code ScheduledExecutorService}, {@code CompletableFuture.delayedExecutor}, Netty timers) stays real.</li>
 *   <li>Threads created before the test, such as pooled executor threads, do not inherit the binding
 *   and see real time.</li>
 *   <li>Virtual time is shared: two bound threads that sleep concurrently both advance the same world,
 *   so the sum of their sleeps passes.</li>
 *   <li>The agent needs a JDK that allows attaching (on JDK 21+ run with
 *   {@code -XX:+EnableDynamicAgentLoading} to silence the warning); classes are rewritten for the
 *   rest of the JVM's life, at a cost of one thread-local read per call.</li>
 *   <li>{@code nanoTime()} returns the virtual instant in nanoseconds since the epoch: monotonic and
 *   consistent with {@code currentTimeMillis()}, but a different origin from the real one.</li>
 * </ul>
 */
public final class VirtualTime {

    private static final InheritableThreadLocal<VirtualClock> CLOCK = new InheritableThreadLocal<>();

    private VirtualTime() {
    }

    /** Rewrites the classes of these packages (already loaded ones too); idempotent. */
    public static void rewrite(Set<String> packages) {
        VirtualTimeAgent.rewrite(packages);
    }

    /**
     * Binds the calling thread (and threads it starts from now on) to a world's clock until the
     * returned binding is closed.
     */
    public static Binding bind(VirtualClock clock) {
        VirtualClock previous = CLOCK.get();
        CLOCK.set(Objects.requireNonNull(clock, "clock"));
        return new Binding(previous);
    }

    /** The clock bound to the calling thread, or null. */
    public static VirtualClock boundClock() {
        return CLOCK.get();
    }

    /** Restores the previous binding when closed. */
    public static final class Binding implements AutoCloseable {
        private final VirtualClock previous;
        private boolean closed;

        private Binding(VirtualClock previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (previous == null) {
                    CLOCK.remove();
                } else {
                    CLOCK.set(previous);
                }
            }
        }
    }

    // ------------------------------------------------------------------ targets of rewritten call sites

    /** Replaces {@code Thread.sleep(long)}. */
    public static void sleep(long millis) throws InterruptedException {
        VirtualClock clock = CLOCK.get();
        if (clock == null) {
            Thread.sleep(millis);
            return;
        }
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("sleep interrupted");
        }
        clock.advance(Duration.ofMillis(millis));
    }

    /** Replaces {@code Thread.sleep(long, int)}. */
    public static void sleep(long millis, int nanos) throws InterruptedException {
        VirtualClock clock = CLOCK.get();
        if (clock == null) {
            Thread.sleep(millis, nanos);
            return;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("sleep interrupted");
        }
        clock.advance(Duration.ofMillis(millis).plusNanos(nanos));
    }

    /** Replaces {@code System.currentTimeMillis()}. */
    public static long currentTimeMillis() {
        VirtualClock clock = CLOCK.get();
        return clock == null ? System.currentTimeMillis() : clock.millis();
    }

    /** Replaces {@code System.nanoTime()}: the virtual instant in nanoseconds since the epoch. */
    public static long nanoTime() {
        VirtualClock clock = CLOCK.get();
        if (clock == null) {
            return System.nanoTime();
        }
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Replaces {@code Instant.now()}. */
    public static Instant now() {
        VirtualClock clock = CLOCK.get();
        return clock == null ? Instant.now() : clock.instant();
    }

    /** Replaces {@code Clock.systemUTC()}. */
    public static Clock systemUTC() {
        VirtualClock clock = CLOCK.get();
        return clock == null ? Clock.systemUTC() : clock;
    }

    /** Replaces {@code Clock.systemDefaultZone()}. */
    public static Clock systemDefaultZone() {
        VirtualClock clock = CLOCK.get();
        return clock == null ? Clock.systemDefaultZone() : clock.withZone(ZoneId.systemDefault());
    }
}
