package dev.fakeecs.junit;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.VirtualClock;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.journal.Journal;
import dev.fakeecs.junit.internal.ClusterDeclaration;
import dev.fakeecs.junit.internal.DeclarationFinder;
import dev.fakeecs.junit.internal.DeclarationFinder.Found;
import dev.fakeecs.junit.internal.DeclarationReader;
import dev.fakeecs.junit.internal.Misconfiguration;
import dev.fakeecs.junit.internal.WorldDeclaration;
import dev.fakeecs.junit.internal.WorldResource;
import dev.fakeecs.junit.report.FailureReport;
import dev.fakeecs.junit.time.VirtualTime;
import dev.fakeecs.server.FakeEcsServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * <p>Resolved by type, as parameters of test, lifecycle and (for per-class worlds) constructor
 * methods, and as non-static, non-final fields that are null (or hold a value this extension
 * injected before): {@link FakeEcs}, {@link VirtualClock}, {@link EcsClusterHandle} (pick one of
 * several with {@link ClusterName}), {@link EcsClient} and {@link EcsAsyncClient} (real SDK clients
 * wired in process, for the cluster's region), {@link FaultInjector}, {@link Journal} and, when the
 * server is on, {@link FakeEcsServer}.
 *
 * <p>All state lives in JUnit's {@code ExtensionContext.Store}; the extension instance holds only
 * its declaration, so one instance serves tests running in parallel.
 */
public class EcsClusterExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final Namespace NAMESPACE = Namespace.create(EcsClusterExtension.class);
    private static final String REPORTS_DIR = "fakeecs.reports.dir";
    private static final Set<Class<?>> SUPPORTED = Set.of(FakeEcs.class, VirtualClock.class, EcsClusterHandle.class,
            EcsClient.class, EcsAsyncClient.class, FaultInjector.class, Journal.class, FakeEcsServer.class);

    private final WorldDeclaration programmatic;
    private final ThreadLocal<WorldResource> current = new ThreadLocal<>();

    /** The declarative form, registered by {@link EcsCluster}; prefer {@link #newInstance()} in code. */
    public EcsClusterExtension() {
        this(null);
    }

    private EcsClusterExtension(WorldDeclaration programmatic) {
        this.programmatic = programmatic;
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
        return running().ecs();
    }

    /** The only (or first) declared cluster of the test running on the calling thread. */
    public EcsClusterHandle cluster() {
        Map<String, EcsClusterHandle> clusters = running().clusters();
        if (clusters.isEmpty()) {
            throw new IllegalStateException("The world declares no cluster");
        }
        return clusters.values().iterator().next();
    }

    /** A declared cluster of the test running on the calling thread. */
    public EcsClusterHandle cluster(String name) {
        EcsClusterHandle handle = running().clusters().get(name);
        if (handle == null) {
            throw new IllegalArgumentException("No cluster " + name + "; declared: " + running().clusters().keySet());
        }
        return handle;
    }

    private WorldResource running() {
        WorldResource r = current.get();
        if (r == null) {
            throw new IllegalStateException("No fake-ecs world on this thread: call this from a test method or"
                    + " @BeforeEach/@AfterEach method, on the thread JUnit runs it on");
        }
        return r;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void beforeAll(ExtensionContext context) {
        checkNotBoth(context);
        Optional<Found> found = find(context);
        if (found.isPresent() && found.get().declaration().scope() == WorldScope.PER_CLASS) {
            store(context).getOrComputeIfAbsent(found.get().key(), k -> WorldResource.create(found.get().declaration()),
                    WorldResource.class);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        checkNotBoth(context);
        Found found = find(context).orElseThrow(() -> Misconfiguration.noDeclaration(DeclarationFinder.describe(context)));
        WorldResource world = world(context, found);
        WorldDeclaration d = found.declaration();
        current.set(world);
        injectFields(context, world);
        if (d.endpointProperty()) {
            if (programmatic != null && !DeclarationFinder.locksSystemProperties(context)) {
                throw Misconfiguration.endpointPropertyNeedsLock(DeclarationFinder.describe(context));
            }
            String endpoint = world.ensureServer().endpoint().toString();
            String previous = System.setProperty(EcsEndpointSystemProperty.PROPERTY, endpoint);
            context.getStore(NAMESPACE).put("endpoint:previous", Optional.ofNullable(previous));
        }
        if (!d.virtualTimeFor().isEmpty()) {
            VirtualTime.rewrite(d.virtualTimeFor());
            context.getStore(NAMESPACE).put("virtual-time", VirtualTime.bind(world.ecs().clock()));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        current.remove();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        VirtualTime.Binding binding = store.remove("virtual-time", VirtualTime.Binding.class);
        if (binding != null) {
            binding.close();
        }
        @SuppressWarnings("unchecked")
        Optional<String> previous = store.remove("endpoint:previous", Optional.class);
        if (previous != null) {
            if (previous.isPresent()) {
                System.setProperty(EcsEndpointSystemProperty.PROPERTY, previous.get());
            } else {
                System.clearProperty(EcsEndpointSystemProperty.PROPERTY);
            }
        }
    }

    // ------------------------------------------------------------------ failures

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw report(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw report(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw report(context, throwable);
    }

    private Throwable report(ExtensionContext context, Throwable throwable) {
        WorldResource world = existingWorld(context);
        if (world == null || !world.declaration().reportOnFailure()
                || context.getStore(NAMESPACE).get("reported:" + context.getUniqueId()) != null) {
            return throwable;
        }
        context.getStore(NAMESPACE).put("reported:" + context.getUniqueId(), Boolean.TRUE);
        try {
            Path base = Path.of(context.getConfigurationParameter(REPORTS_DIR).orElse("target/fake-ecs-reports"));
            Path dir = FailureReport.write(base, reportName(context), world.ecs(), throwable);
            return FailureReport.decorate(throwable, dir, world.ecs().seed());
        } catch (RuntimeException | java.io.IOException e) {
            throwable.addSuppressed(e);
            return throwable;
        }
    }

    private static String reportName(ExtensionContext context) {
        String cls = context.getRequiredTestClass().getName();
        String name = cls.substring(cls.lastIndexOf('.') + 1) + "." + context.getTestMethod().map(Method::getName)
                .orElse("class");
        String display = context.getDisplayName();
        if (context.getTestMethod().isPresent() && !display.startsWith(context.getRequiredTestMethod().getName() + "(")) {
            name += "-" + display;
        }
        return name;
    }

    // ------------------------------------------------------------------ parameters and fields

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return SUPPORTED.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        String target = "Parameter [" + parameterContext.getParameter().getType().getSimpleName() + " "
                + parameterContext.getParameter().getName() + "] of " + describe(parameterContext.getDeclaringExecutable());
        Found found = find(context).orElseThrow(() -> new ParameterResolutionException(
                Misconfiguration.noDeclaration(DeclarationFinder.describe(context)).getMessage()));
        boolean outsideTest = context.getTestMethod().isEmpty()
                || parameterContext.getDeclaringExecutable() instanceof Constructor
                || AnnotationSupport.isAnnotated(parameterContext.getDeclaringExecutable(), BeforeAll.class)
                || AnnotationSupport.isAnnotated(parameterContext.getDeclaringExecutable(), AfterAll.class);
        if (outsideTest && found.declaration().scope() == WorldScope.PER_TEST) {
            throw Misconfiguration.perTestWorldOutsideTest(target);
        }
        WorldResource world = world(context, found);
        String cluster = parameterContext.findAnnotation(ClusterName.class).map(ClusterName::value).orElse(null);
        return value(parameterContext.getParameter().getType(), cluster, world, target);
    }

    private static String describe(java.lang.reflect.Executable e) {
        return (e instanceof Constructor ? "constructor " : "method ") + e.getDeclaringClass().getSimpleName()
                + (e instanceof Constructor ? "" : "." + e.getName()) + "()";
    }

    private Object value(Class<?> type, String clusterName, WorldResource world, String target) {
        FakeEcs ecs = world.ecs();
        if (type == FakeEcs.class) {
            return ecs;
        }
        if (type == VirtualClock.class) {
            return ecs.clock();
        }
        if (type == Journal.class) {
            return ecs.journal();
        }
        if (type == FaultInjector.class) {
            return FaultInjector.of(ecs);
        }
        if (type == FakeEcsServer.class) {
            if (!world.declaration().server()) {
                throw Misconfiguration.serverNotStarted(target);
            }
            return world.ensureServer();
        }
        String region = clusterName == null && world.clusters().isEmpty() ? ecs.defaultRegion().name()
                : type == EcsClusterHandle.class || clusterName != null ? cluster(world, clusterName, target).region()
                : ecs.defaultRegion().name();
        if (type == EcsClusterHandle.class) {
            return cluster(world, clusterName, target);
        }
        if (type == EcsClient.class) {
            return world.client(region);
        }
        if (type == EcsAsyncClient.class) {
            return world.asyncClient(region);
        }
        throw new ParameterResolutionException(target + " has an unsupported type");
    }

    private static EcsClusterHandle cluster(WorldResource world, String name, String target) {
        Map<String, EcsClusterHandle> clusters = world.clusters();
        if (name != null) {
            EcsClusterHandle h = clusters.get(name);
            if (h == null) {
                throw Misconfiguration.unknownCluster(target, name, clusters.keySet());
            }
            return h;
        }
        if (clusters.isEmpty()) {
            throw Misconfiguration.noCluster(target);
        }
        if (clusters.size() > 1) {
            throw Misconfiguration.ambiguousCluster(target, clusters.keySet());
        }
        return clusters.values().iterator().next();
    }

    private void injectFields(ExtensionContext context, WorldResource world) throws IllegalAccessException {
        Set<Object> injected = injectedValues(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            List<Field> fields = org.junit.platform.commons.support.ReflectionSupport.findFields(instance.getClass(),
                    f -> SUPPORTED.contains(f.getType()) && !ModifierSupport.isStatic(f) && !ModifierSupport.isFinal(f),
                    HierarchyTraversalMode.TOP_DOWN);
            for (Field field : fields) {
                field.setAccessible(true);
                Object existing = field.get(instance);
                if (existing != null && !injected.contains(existing)) {
                    continue;
                }
                String target = "Field [" + field.getType().getSimpleName() + " " + field.getName() + "] of class "
                        + field.getDeclaringClass().getSimpleName();
                String cluster = Optional.ofNullable(field.getAnnotation(ClusterName.class)).map(ClusterName::value)
                        .orElse(null);
                if (field.getType() == FakeEcsServer.class && !world.declaration().server()) {
                    continue;
                }
                Object value;
                try {
                    value = value(field.getType(), cluster, world, target);
                } catch (ParameterResolutionException e) {
                    throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(e.getMessage(), e);
                }
                field.set(instance, value);
                injected.add(value);
            }
        }
    }

    private static Set<Object> injectedValues(ExtensionContext context) {
        ExtensionContext top = context;
        while (top.getParent().isPresent() && top.getParent().get().getParent().isPresent()) {
            top = top.getParent().get();
        }
        @SuppressWarnings("unchecked")
        Set<Object> set = top.getStore(NAMESPACE).getOrComputeIfAbsent("injected",
                k -> Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>())), Set.class);
        return set;
    }

    // ------------------------------------------------------------------ worlds

    private Optional<Found> find(ExtensionContext context) {
        if (programmatic != null) {
            String key = programmatic.scope() == WorldScope.PER_CLASS
                    ? "world:class:programmatic@" + System.identityHashCode(this) : "world:test";
            return Optional.of(new Found(programmatic, key));
        }
        return DeclarationFinder.find(context);
    }

    private WorldResource world(ExtensionContext context, Found found) {
        ExtensionContext.Store store = store(context);
        if (found.declaration().scope() == WorldScope.PER_CLASS) {
            WorldResource world = store.get(found.key(), WorldResource.class);
            if (world == null) {
                if (programmatic != null) {
                    throw Misconfiguration.perClassNeedsStaticField(DeclarationFinder.describe(context),
                            fieldName(context));
                }
                world = store.getOrComputeIfAbsent(found.key(), k -> WorldResource.create(found.declaration()),
                        WorldResource.class);
            }
            return world;
        }
        return store.getOrComputeIfAbsent(found.key(), k -> WorldResource.create(found.declaration()),
                WorldResource.class);
    }

    private WorldResource existingWorld(ExtensionContext context) {
        try {
            Optional<Found> found = find(context);
            return found.map(f -> store(context).get(f.key(), WorldResource.class)).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }

    private String fieldName(ExtensionContext context) {
        for (Class<?> c : DeclarationFinder.classChain(context)) {
            for (Field f : AnnotationSupport.findAnnotatedFields(c, RegisterExtension.class)) {
                if (EcsClusterExtension.class.isAssignableFrom(f.getType())) {
                    return f.getName();
                }
            }
        }
        return "?";
    }

    private void checkNotBoth(ExtensionContext context) {
        if (programmatic != null) {
            return;
        }
        for (Class<?> c : DeclarationFinder.classChain(context)) {
            List<Field> fields = AnnotationSupport.findAnnotatedFields(c, RegisterExtension.class,
                    f -> EcsClusterExtension.class.isAssignableFrom(f.getType()));
            if (!fields.isEmpty()) {
                Optional<Found> found = DeclarationFinder.find(context);
                String source = found.map(f -> f.declaration().source()).orElse(DeclarationFinder.describe(context));
                throw Misconfiguration.bothDeclarativeAndProgrammatic(source, fields.get(0).getName());
            }
        }
    }

    // ------------------------------------------------------------------ builder

    /**
     * Builds a programmatic {@link EcsClusterExtension}.
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

        /** Validates the declaration; a misconfiguration fails here, naming the fix. */
        public EcsClusterExtension build() {
            List<ClusterDeclaration> all = new ArrayList<>(clusters);
            if (all.isEmpty()) {
                all.add(new ClusterDeclaration("", null, Set.of(Capacity.FARGATE, Capacity.FARGATE_SPOT), 0,
                        "m5.large"));
            }
            WorldDeclaration d = new WorldDeclaration("EcsClusterExtension builder", seed, start, regions, all, spec,
                    customizers, scope, server, endpointProperty, DeclarationReader.withWaiters(virtualTimeFor),
                    reportOnFailure);
            DeclarationReader.validate(d);
            return new EcsClusterExtension(d);
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
