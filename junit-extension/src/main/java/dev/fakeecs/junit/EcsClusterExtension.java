package dev.fakeecs.junit;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.VirtualClock;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.journal.Journal;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.internal.ClassBindings;
import dev.fakeecs.junit.internal.ClusterDeclaration;
import dev.fakeecs.junit.internal.CurrentWorld;
import dev.fakeecs.junit.internal.FailureReporter;
import dev.fakeecs.junit.internal.FieldInjector;
import dev.fakeecs.junit.internal.Found;
import dev.fakeecs.junit.internal.ParameterInjector;
import dev.fakeecs.junit.internal.TestBindings;
import dev.fakeecs.junit.internal.WorldDeclaration;
import dev.fakeecs.junit.internal.WorldLookup;
import dev.fakeecs.junit.internal.WorldResource;
import dev.fakeecs.server.FakeEcsServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

// Length: about 190 of this file's lines are the public nested Builder and ClusterOptions, kept
// nested because EcsClusterExtension.Builder is API; the extension's own work is in
// dev.fakeecs.junit.internal, and the class body above the builder stays thin. This package reads
// the annotations (DeclarationFinder, DeclarationReader, @ClusterName here) and hands the internals
// plain values, so the internals never refer back to it.

/**
 * The JUnit Jupiter extension behind {@link EcsCluster}, and its programmatic form.
 *
 * <p>Declarative (attributes on the annotation):
 * <pre>{@code
 * @EcsCluster(name = "prod", seed = 42)
 * class OrdersTest {
 *     @Test
 *     void test(EcsClusterHandle prod, VirtualClock clock) { ... }
 * }
 * }</pre>
 *
 * <p>Programmatic (a builder, for anything computed):
 * <pre>{@code
 * class OrdersTest {
 *     @RegisterExtension
 *     static EcsClusterExtension ecs = EcsClusterExtension.newInstance()
 *         .seed(42)
 *         .cluster("prod", c -> c.capacity(Capacity.FARGATE, Capacity.EC2).ec2Hosts(2))
 *         .spec(FOOD_DELIVERY)                 // a DSL WorldSpec
 *         .build();
 *
 *     @Test
 *     void test(EcsClusterHandle prod) {
 *         assertThat(ecs.cluster()).isSameAs(prod);   // the world of the test on this thread
 *     }
 * }
 * }</pre>
 *
 * <p>Programmatic with hooks (subclass, anonymously or not, and override
 * {@link #onBeforeEach onBeforeEach}/{@link #onAfterEach onAfterEach}; the JUnit callbacks
 * themselves are final):
 * <pre>{@code
 * @RegisterExtension
 * static EcsClusterExtension ecs = new EcsClusterExtension(EcsClusterExtension.newInstance().cluster("prod")) {
 *     @Override
 *     protected void onBeforeEach(ExtensionContext context, FakeEcs world) {
 *         cluster().fargateService("orders", "acme/orders:1", 2);   // every test starts with it
 *     }
 * };
 * }</pre>
 *
 * <p>Resolved by type, as parameters of test, lifecycle and (for per-class worlds) constructor
 * methods, and as non-static, non-final fields that are null (or hold a value this extension
 * injected before): {@link FakeEcs}, {@link VirtualClock}, {@link EcsClusterHandle} (pick one of
 * several with {@link ClusterName}), {@link EcsClient}, {@link EcsAsyncClient} and
 * {@code ElasticLoadBalancingV2Client}, {@code CloudWatchClient} (real SDK clients wired in process, for the cluster's region), {@link FaultInjector}, {@link Journal} and, when the
 * server is on, {@link FakeEcsServer}.
 *
 * <p>State: worlds and per-test bindings (the endpoint system property, virtual time) live in
 * JUnit's {@code ExtensionContext.Store}, as {@link AutoCloseable}s: JUnit closes a world with its
 * test or class, the bindings are closed after each test. The instance itself holds its declaration
 * (programmatic form; none for the declarative one) and a {@link ThreadLocal} pointing at the world
 * of the test running on each thread, set before each test and cleared after it, which backs
 * {@link #world()} and {@link #cluster()}; it owns no world. So one instance serves tests running in
 * parallel, each thread seeing its own test's world.
 *
 * <p>The annotations are read in this package ({@code DeclarationFinder}, {@code DeclarationReader});
 * the work is done by classes of {@code dev.fakeecs.junit.internal}, which get plain values:
 * {@code WorldLookup} (which declaration and stored world apply), {@code ParameterInjector} and
 * {@code FieldInjector}, {@code TestBindings}, {@code FailureReporter} and {@code CurrentWorld}.
 */
public class EcsClusterExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler, TestWatcher {

    private final WorldLookup lookup;
    private final CurrentWorld current = new CurrentWorld();
    private final ParameterInjector parameters;
    private final FailureReporter reports;

    /** The declarative form, registered by {@link EcsCluster}; prefer {@link #newInstance()} in code. */
    public EcsClusterExtension() {
        this(WorldLookup.declarative(DeclarationFinder::find, EcsClusterExtension.class));
    }

    /**
     * The programmatic form, for subclasses that override the hooks; validates the builder's
     * declaration as {@link Builder#build()} does (later changes to the builder do not apply).
     *
     * <pre>{@code
     * class OrdersExtension extends EcsClusterExtension {
     *     OrdersExtension() {
     *         super(EcsClusterExtension.newInstance().seed(42).cluster("prod"));
     *     }
     *
     *     @Override
     *     protected void onAfterEach(ExtensionContext context, FakeEcs world) {
     *         System.out.println(world.journal().size() + " journal entries");
     *     }
     * }
     * }</pre>
     */
    protected EcsClusterExtension(Builder builder) {
        this(WorldLookup.programmatic(Objects.requireNonNull(builder, "builder").declaration(),
                EcsClusterExtension.class));
    }

    private EcsClusterExtension(WorldLookup lookup) {
        this.lookup = lookup;
        this.parameters = new ParameterInjector(lookup);
        this.reports = new FailureReporter(lookup);
    }

    /** Starts the programmatic form: {@code EcsClusterExtension.newInstance().seed(42).cluster("prod").build()}. */
    public static Builder newInstance() {
        return new Builder();
    }

    // ------------------------------------------------------------------ access from the test thread

    /**
     * The world of the test running on the calling thread (programmatic form); fails outside a test.
     *
     * <pre>{@code ecs.world().clock().advance(Duration.ofMinutes(1)); }</pre>
     */
    public FakeEcs world() {
        return current.require().ecs();
    }

    /**
     * The only (or first) declared cluster of the test running on the calling thread; fails outside a
     * test.
     *
     * <pre>{@code ecs.cluster().fargateService("orders", "acme/orders:1", 2); }</pre>
     */
    public EcsClusterHandle cluster() {
        return current.firstCluster();
    }

    /**
     * A declared cluster of the test running on the calling thread; fails outside a test, or naming
     * the declared clusters when there is none by that name.
     *
     * <pre>{@code ecs.cluster("dr").scale("orders", 4); }</pre>
     */
    public EcsClusterHandle cluster(String name) {
        return current.cluster(name);
    }

    /**
     * The endpoint of the loopback server of the world on the calling thread (started on first use),
     * for code that builds its own client. With {@link Builder#perClass()} it answers from the class
     * start on, so a Spring test can hand it to the application context:
     *
     * <pre>{@code
     * @RegisterExtension
     * static EcsClusterExtension ecs = EcsClusterExtension.newInstance().cluster("prod").perClass().server().build();
     *
     * @DynamicPropertySource
     * static void ecsEndpoint(DynamicPropertyRegistry registry) {
     *     registry.add("deployer.ecs.endpoint", ecs::endpoint);
     * }
     * }</pre>
     */
    public URI endpoint() {
        return current.require().ensureServer().endpoint();
    }

    // ------------------------------------------------------------------ hooks

    /**
     * Runs before each test, after its world is made and made current (so {@link #world()} and
     * {@link #cluster()} work), its fields are injected and the endpoint property and virtual time are
     * bound; before the test's {@code @BeforeEach} methods. Does nothing by default.
     *
     * <pre>{@code
     * @Override
     * protected void onBeforeEach(ExtensionContext context, FakeEcs world) {
     *     world.clock().advance(Duration.ofHours(1));   // with perClass(): each test starts an hour on
     * }
     * }</pre>
     *
     * @param context the test's extension context
     * @param world   the test's world
     */
    protected void onBeforeEach(ExtensionContext context, FakeEcs world) {
    }

    /**
     * Runs after each test and its {@code @AfterEach} methods, while the world is still current and
     * bound (JUnit closes a per-test world afterwards). Called whenever the test's world was made
     * current, even when later setup or the test failed; not when setup failed before that. Does
     * nothing by default.
     *
     * <pre>{@code
     * @Override
     * protected void onAfterEach(ExtensionContext context, FakeEcs world) {
     *     assertThat(world.journal().ofType(JournalEventType.TASK_STATE)).isNotEmpty();
     * }
     * }</pre>
     *
     * @param context the test's extension context
     * @param world   the test's world
     */
    protected void onAfterEach(ExtensionContext context, FakeEcs world) {
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public final void beforeAll(ExtensionContext context) {
        lookup.checkSingleForm(context);
        WorldResource world = lookup.openClassWorld(context);
        if (world != null) {
            ClassBindings.bind(context, world, current, lookup.isProgrammatic(), EcsEndpointSystemProperty.PROPERTY);
        }
    }

    @Override
    public final void afterAll(ExtensionContext context) {
        ClassBindings.unbind(context);
    }

    @Override
    public final void beforeEach(ExtensionContext context) throws Exception {
        lookup.checkSingleForm(context);
        Found found = lookup.require(context);
        WorldResource world = lookup.world(context, found);
        current.set(world);
        FieldInjector.inject(context, world, EcsClusterExtension::clusterName);
        TestBindings.bind(context, found.declaration(), world, lookup.isProgrammatic(),
                EcsEndpointSystemProperty.PROPERTY);
        onBeforeEach(context, world.ecs());
    }

    @Override
    public final void afterEach(ExtensionContext context) {
        WorldResource world = current.orNull();
        try {
            if (world != null) {
                onAfterEach(context, world.ecs());
            }
        } finally {
            current.clear();
            TestBindings.unbind(context);
        }
    }

    // ------------------------------------------------------------------ failures

    @Override
    public final void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw reports.report(context, throwable);
    }

    @Override
    public final void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw reports.report(context, throwable);
    }

    @Override
    public final void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw reports.report(context, throwable);
    }

    /** A test that passes removes the failure reports an earlier run left for it. */
    @Override
    public final void testSuccessful(ExtensionContext context) {
        reports.passed(context);
    }

    // ------------------------------------------------------------------ parameters

    @Override
    public final boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameters.supports(parameterContext);
    }

    @Override
    public final Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        return parameters.resolve(parameterContext, context,
                parameterContext.findAnnotation(ClusterName.class).map(ClusterName::value).orElse(null));
    }

    /** The cluster a field or parameter picks with {@link ClusterName}, or null. */
    private static String clusterName(AnnotatedElement element) {
        ClusterName name = element.getAnnotation(ClusterName.class);
        return name == null ? null : name.value();
    }

    // ------------------------------------------------------------------ builder
    // (public nested types: EcsClusterExtension.Builder and .ClusterOptions are API, so they stay here)

    /**
     * Builds a programmatic {@link EcsClusterExtension} ({@link #build()}), or declares one for a
     * subclass's constructor ({@link EcsClusterExtension#EcsClusterExtension(Builder)}).
     *
     * <pre>{@code
     * @RegisterExtension
     * static EcsClusterExtension ecs = EcsClusterExtension.newInstance()
     *     .seed(7).region("us-east-1").region("us-west-2", "us-west-2a", "us-west-2b")
     *     .cluster("prod", c -> c.capacity(Capacity.FARGATE_SPOT))
     *     .cluster("dr", c -> c.region("us-west-2"))
     *     .customize(world -> world.declareImage("acme/orders:1", ImageBehavior.DEFAULT))
     *     .perClass()
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private Long seed;
        private Instant start;
        private final Map<String, List<String>> regions = new LinkedHashMap<>();
        private final List<ClusterDeclaration> clusters = new ArrayList<>();
        private Supplier<WorldSpec> spec;
        private final List<Consumer<FakeEcs>> customizers = new ArrayList<>();
        private WorldScope scope = WorldScope.PER_TEST;
        private boolean server;
        private boolean endpointProperty;
        private final Set<String> virtualTimeFor = new LinkedHashSet<>();
        private boolean reportOnFailure = true;

        private Builder() {
        }

        /** The world's seed (default: the spec's, else 0). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The first virtual instant. */
        public Builder start(Instant value) {
            this.start = Objects.requireNonNull(value, "start");
            return this;
        }

        /** Adds a region (the first one added is the default); with no zones it gets a, b, c. */
        public Builder region(String name, String... availabilityZones) {
            String entry = availabilityZones.length == 0 ? name : name + ":" + String.join(",", availabilityZones);
            regions.putAll(DeclarationReader.parseRegions("EcsClusterExtension builder", List.of(entry)));
            return this;
        }

        /** Declares a cluster with FARGATE and FARGATE_SPOT capacity. */
        public Builder cluster(String name) {
            return cluster(name, c -> { });
        }

        /** Declares a cluster: {@code .cluster("prod", c -> c.capacity(Capacity.EC2).ec2Hosts(3))}. */
        public Builder cluster(String name, Consumer<ClusterOptions> options) {
            ClusterOptions o = new ClusterOptions(Objects.requireNonNull(name, "name"));
            options.accept(o);
            clusters.add(new ClusterDeclaration(name, o.region, o.capacity, o.ec2Hosts, o.instanceType));
            return this;
        }

        /** A DSL declaration of the world (see {@link EcsSpecProvider}). */
        public Builder spec(WorldSpec value) {
            Objects.requireNonNull(value, "spec");
            this.spec = () -> value;
            return this;
        }

        /** A DSL declaration made fresh for every world. */
        public Builder spec(Supplier<WorldSpec> value) {
            this.spec = Objects.requireNonNull(value, "spec");
            return this;
        }

        /** Code run on every new world after the clusters are declared (images, hosts, services). */
        public Builder customize(Consumer<FakeEcs> customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /** One world for the whole class (the field must then be static). */
        public Builder perClass() {
            this.scope = WorldScope.PER_CLASS;
            return this;
        }

        /** Starts the loopback server (inject {@link FakeEcsServer}). */
        public Builder server() {
            this.server = true;
            return this;
        }

        /**
         * Starts the server and sets {@code aws.endpointUrlEcs} for each test; the test must lock system
         * properties ({@code @ResourceLock(Resources.SYSTEM_PROPERTIES)} or {@link EcsEndpointSystemProperty}).
         */
        public Builder endpointSystemProperty() {
            this.server = true;
            this.endpointProperty = true;
            return this;
        }

        /** Packages whose classes see virtual time (see {@link EcsCluster#virtualTimeFor()}). */
        public Builder virtualTimeFor(String... packages) {
            virtualTimeFor.addAll(List.of(packages));
            return this;
        }

        /** Whether to write a failure report (default true). */
        public Builder reportOnFailure(boolean value) {
            this.reportOnFailure = value;
            return this;
        }

        /**
         * Validates the declaration; a misconfiguration fails here, naming the fix.
         *
         * <pre>{@code @RegisterExtension static EcsClusterExtension ecs = EcsClusterExtension.newInstance().cluster("prod").build(); }</pre>
         */
        public EcsClusterExtension build() {
            return new EcsClusterExtension(this);
        }

        /** The declaration as it stands, validated. */
        private WorldDeclaration declaration() {
            List<ClusterDeclaration> all = new ArrayList<>(clusters);
            if (all.isEmpty()) {
                all.add(new ClusterDeclaration("", null, Set.of(Capacity.FARGATE, Capacity.FARGATE_SPOT), 0,
                        "m5.large"));
            }
            WorldDeclaration d = new WorldDeclaration("EcsClusterExtension builder", seed, start, regions, all, spec,
                    customizers, scope == WorldScope.PER_CLASS, server, endpointProperty,
                    DeclarationReader.withWaiters(virtualTimeFor),
                    reportOnFailure);
            DeclarationReader.validate(d);
            return d;
        }
    }

    /** The options of one cluster of the programmatic form. */
    public static final class ClusterOptions {
        private final String name;
        private String region;
        private Set<Capacity> capacity = Set.of(Capacity.FARGATE, Capacity.FARGATE_SPOT);
        private int ec2Hosts;
        private String instanceType = "m5.large";

        private ClusterOptions(String name) {
            this.name = name;
        }

        /** The cluster's region (default: the world's first). */
        public ClusterOptions region(String value) {
            this.region = value;
            return this;
        }

        /** The capacity the cluster starts with. */
        public ClusterOptions capacity(Capacity... values) {
            this.capacity = new LinkedHashSet<>(List.of(values));
            return this;
        }

        /** Simulated EC2 hosts to register (needs {@link Capacity#EC2}). */
        public ClusterOptions ec2Hosts(int count) {
            this.ec2Hosts = count;
            return this;
        }

        /** The hosts' instance type (default m5.large). */
        public ClusterOptions instanceType(String value) {
            this.instanceType = value;
            return this;
        }

        @Override
        public String toString() {
            return "cluster " + name;
        }
    }
}
