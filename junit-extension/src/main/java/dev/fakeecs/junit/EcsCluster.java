package dev.fakeecs.junit;

import dev.fakeecs.junit.handle.Capacity;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test a fresh, deterministic fake ECS world with a cluster in it. Test methods, lifecycle
 * methods and fields then receive, by type: {@link dev.fakeecs.FakeEcs}, {@link dev.fakeecs.VirtualClock},
 * {@link dev.fakeecs.junit.handle.EcsClusterHandle}, a real in-process {@code EcsClient} and {@code EcsAsyncClient}
 * (and {@code ElasticLoadBalancingV2Client} for the region's load balancers, {@code CloudWatchClient} for its alarms),
 * {@link dev.fakeecs.journal.Journal}, {@link dev.fakeecs.events.EcsEvents} (ECS events in EventBridge's format), and with
 * {@link #server()} the loopback
 * {@link dev.fakeecs.server.FakeEcsServer}.
 *
 * <pre>{@code
 * @EcsCluster(name = "prod", seed = 42, capacity = {Capacity.FARGATE, Capacity.FARGATE_SPOT})
 * class OrdersTest {
 *     @Test
 *     void scales_out(EcsClusterHandle prod) {
 *         EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);
 *         prod.scale("orders", 20);
 *         assertThat(orders).eventually(within(ofMinutes(10))).hasRunningCount(20);
 *     }
 * }
 * }</pre>
 *
 * <p>Usable on a test class (inherited by subclasses and {@code @Nested} classes), on a test method
 * (which then gets its own declaration), and inside your own composed annotations. Repeat it to
 * declare several clusters in the same world; world-level attributes ({@link #seed()},
 * {@link #regions()}, {@link #start()}, {@link #spec()}, {@link #scope()}, {@link #server()},
 * {@link #virtualTimeFor()}, {@link #reportOnFailure()}) may be set on any one of them, and must not
 * disagree. The world lives in JUnit's {@code ExtensionContext.Store} and is closed after the test
 * (or class, with {@link WorldScope#PER_CLASS}); every test gets its own world, so parallel
 * execution is safe.
 *
 * <p>For a builder instead of attributes, register {@link EcsClusterExtension} programmatically.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(EcsClusters.class)
@ExtendWith(EcsClusterExtension.class)
public @interface EcsCluster {

    /** {@link #seed()}'s default: take the spec's seed, or 0. */
    long UNSET_SEED = Long.MIN_VALUE;

    /** The package of the AWS SDK's waiter loop (sleeps and deadlines), for {@link #virtualTimeFor()}. */
    String SDK_WAITERS = "software.amazon.awssdk.core.internal.waiters";

    /**
     * The cluster's name. Empty (the default) means {@code "default"}, unless the {@link #spec()}
     * declares clusters, in which case no extra cluster is created.
     */
    String name() default "";

    /** The region the cluster lives in; empty means the world's first region. */
    String region() default "";

    /** The capacity the cluster starts with. */
    Capacity[] capacity() default {Capacity.FARGATE, Capacity.FARGATE_SPOT};

    /** How many simulated EC2 hosts to register (spread round-robin over the region's zones); needs {@link Capacity#EC2}. */
    int ec2Hosts() default 0;

    /** The instance type of the {@link #ec2Hosts()}. */
    String ec2InstanceType() default "m5.large";

    /** The world's seed (ids, jitter, probabilistic faults): same seed, same run. Printed in every failure. */
    long seed() default UNSET_SEED;

    /**
     * The world's regions, the first being the default: {@code "us-east-1"} (zones a, b, c) or
     * {@code "us-west-2:us-west-2a,us-west-2b"}. Empty means us-east-1.
     */
    String[] regions() default {};

    /** The first virtual instant, ISO-8601 ({@code "2026-03-01T18:00:00Z"}); empty means 2026-01-01T00:00:00Z. */
    String start() default "";

    /** A DSL declaration of the rest of the world (services, task definitions, hosts, scenarios). */
    Class<? extends EcsSpecProvider> spec() default EcsSpecProvider.None.class;

    /** A fresh world per test (default) or one per class. */
    WorldScope scope() default WorldScope.PER_TEST;

    /** Start the loopback HTTP server (inject {@link dev.fakeecs.server.FakeEcsServer}); see also {@link EcsEndpointSystemProperty}. */
    boolean server() default false;

    /**
     * Packages whose classes see the world's virtual clock instead of the real one ({@code Thread.sleep},
     * {@code System.currentTimeMillis}, {@code System.nanoTime}, {@code Instant.now()},
     * {@code Clock.systemUTC()}), rewritten with a Byte Buddy agent; the AWS SDK's waiters
     * ({@link #SDK_WAITERS}) are included whenever this is not empty. See
     * {@link dev.fakeecs.junit.time.VirtualTime} for how it works and its limits.
     */
    String[] virtualTimeFor() default {};

    /** Write the seed, journal and an HTML timeline under {@code target/fake-ecs-reports/<test>/} when the test fails. */
    boolean reportOnFailure() default true;
}
