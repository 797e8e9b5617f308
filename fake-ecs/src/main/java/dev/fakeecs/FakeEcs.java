package dev.fakeecs;

import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.deployment.LifecycleHooks;
import dev.fakeecs.journal.Journal;
import dev.fakeecs.journal.JournalRetention;
import dev.fakeecs.quota.Quotas;
import dev.fakeecs.region.Region;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.timing.TimingModel;
import dev.fakeecs.internal.engine.EngineContext;
import dev.fakeecs.internal.client.EcsClients;
import dev.fakeecs.internal.client.ApplicationAutoScalingClients;
import dev.fakeecs.internal.client.CloudWatchClients;
import dev.fakeecs.internal.client.LoadBalancingClients;
import dev.fakeecs.calls.ApiCalls;
import dev.fakeecs.internal.protocol.CallRecorder;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fake ECS world: an account, one or more regions each with its own control plane, a
 * deterministic virtual clock and one seeded random source. Same seed and same calls give a
 * byte-identical {@link #journal() journal}.
 *
 * <pre>{@code
 * FakeEcs ecs = FakeEcs.builder().seed(42).region("us-east-1").build();
 * EcsClient api = ecs.api();
 * api.createCluster(r -> r.clusterName("prod"));
 * ecs.clock().advance(Duration.ofMinutes(2));
 * System.out.println(ecs.journal().toJsonLines());
 * }</pre>
 */
public final class FakeEcs implements AutoCloseable {

    /** The account used when none is given. */
    public static final String DEFAULT_ACCOUNT = "123456789012";
    /** The first virtual instant when none is given. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final EngineContext world;
    private final VirtualClock clock;
    /** Immutable snapshots in creation order, replaced under the engine lock when a region is created. */
    private volatile Map<String, Region> regions = Map.of();
    private final String defaultRegion;
    private volatile Duration autoAdvanceStep;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private ProtocolRouter protocol;
    private final CallRecorder callRecorder;

    private FakeEcs(Builder builder) {
        this.world = new EngineContext(builder.seed, builder.accountId, builder.start, builder.quotas, builder.timing,
                builder.journalRetention);
        this.clock = new VirtualClock(world.clock());
        this.callRecorder = new CallRecorder(world.clock()::instant, builder.callLogLimit);
        Map<String, List<String>> declared = builder.regions.isEmpty()
                ? Map.of("us-east-1", defaultZones("us-east-1"))
                : builder.regions;
        Map<String, Region> created = new LinkedHashMap<>();
        declared.forEach((name, zones) -> created.put(name, new RegionEngine(world, name, zones)));
        this.regions = Collections.unmodifiableMap(created);
        this.defaultRegion = declared.keySet().iterator().next();
    }

    /** A world with seed 0, account 123456789012, region us-east-1 (3 AZs), starting 2026-01-01T00:00Z. */
    public static FakeEcs create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The world's virtual clock (a {@link java.time.Clock}). */
    public VirtualClock clock() {
        return clock;
    }

    public long seed() {
        return world.seed();
    }

    public String accountId() {
        return world.accountId();
    }

    /**
     * Every API call the world received over the HTTP server or from an in-process SDK client ({@link #newClient()},
     * {@link #newLoadBalancingClient()}, ...), for every simulated service, in the order the engine ran them: service,
     * operation, decoded request, virtual time, region and outcome. Calls through {@link #api()} (the Java control
     * plane the DSL and the JUnit handles set worlds up with) are not recorded. Keeps the last
     * {@link Builder#callLogLimit(int)} calls (10,000 by default).
     *
     * <pre>{@code
     * ecs.newClient().updateService(r -> r.cluster("prod").service("orders").desiredCount(4));
     * ApiCall call = ecs.calls().of("UpdateService").get(0);
     * call.request(UpdateServiceRequest.class).orElseThrow().desiredCount();   // 4
     * }</pre>
     */
    public ApiCalls calls() {
        return callRecorder().calls();
    }

    /**
     * The recorder behind {@link #calls()}, for the world's own routers (in-process clients, the HTTP server). Not API:
     * its type lives in {@code dev.fakeecs.internal}.
     */
    public CallRecorder callRecorder() {
        return callRecorder;
    }

    /** The event journal of every state change. */
    public Journal journal() {
        return world.journal();
    }

    /**
     * ECS's events in EventBridge's format, in emission order: a queryable list and listeners
     * ({@code ecs.events().addListener(e -> handler.handle(e.toJson()))}). See docs/events.md.
     */
    public dev.fakeecs.events.EcsEvents events() {
        return dev.fakeecs.internal.events.EventEmitter.of(world).events();
    }

    /**
     * A region by name. Every AWS region name is served: a region the world does not have yet comes into
     * being on this first use, with the zones {@code <region>a}, {@code b} and {@code c} (regions are created
     * in first-use order, under the engine lock). A name that does not look like a region name
     * ({@code us-east-1}) fails with an IllegalArgumentException naming the regions that exist.
     */
    public Region region(String name) {
        Region region = regions.get(name);
        return region != null ? region : create(name);
    }

    private Region create(String name) {
        if (!isRegionName(name)) {
            throw new IllegalArgumentException("Region " + name + " is not part of this world; declared regions: "
                    + regions.keySet());
        }
        world.lock().lock();
        try {
            Region region = regions.get(name);
            if (region != null) {
                return region;
            }
            RegionEngine engine = new RegionEngine(world, name, defaultZones(name));
            Duration step = autoAdvanceStep;
            if (step != null) {
                engine.autoAdvanceStep(step);
            }
            Map<String, Region> created = new LinkedHashMap<>(regions);
            created.put(name, engine);
            regions = Collections.unmodifiableMap(created);
            world.regionCreated(name);
            return engine;
        } finally {
            world.lock().unlock();
        }
    }

    /** Whether {@code name} has the shape of an AWS region name ({@code us-east-1}, {@code ap-southeast-2}). */
    static boolean isRegionName(String name) {
        return name != null && name.length() <= 64 && name.matches("[a-z]{2}(-[a-z]+)+-\\d+");
    }

    /** The default region: the first declared one. */
    public Region defaultRegion() {
        return regions.get(defaultRegion);
    }

    /** The regions that exist so far: the declared ones, then those created on first use, in that order. */
    public List<Region> regions() {
        return List.copyOf(regions.values());
    }

    /** The default region's ECS API, in process and without serialisation. */
    public EcsClient api() {
        return defaultRegion().api();
    }

    /**
     * A real AWS SDK {@link EcsClient} for the default region, wired in process through the ECS
     * JSON 1.1 protocol (serialised like a wire call, but no sockets). The world closes it.
     */
    public EcsClient newClient() {
        return newClient(defaultRegion().name());
    }

    /** A real in-process {@link EcsClient} for one region. */
    public EcsClient newClient(String region) {
        region(region);
        return closeWithWorld(EcsClients.sync(protocol(), region));
    }

    /** A real in-process {@link EcsAsyncClient} for the default region. */
    public EcsAsyncClient newAsyncClient() {
        return newAsyncClient(defaultRegion().name());
    }

    /** A real in-process {@link EcsAsyncClient} for one region. */
    public EcsAsyncClient newAsyncClient(String region) {
        region(region);
        return closeWithWorld(EcsClients.async(protocol(), region));
    }

    /**
     * A real AWS SDK {@link ElasticLoadBalancingV2Client} for the default region, wired in process through the
     * Elastic Load Balancing v2 Query protocol (form posts in, XML out, like a wire call, but no sockets) to the
     * region's simulated load balancers. The world closes it.
     *
     * <pre>{@code
     * ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();
     * String arn = elb.createTargetGroup(r -> r.name("web").protocol("HTTP").port(80).vpcId("vpc-1").targetType("ip"))
     *         .targetGroups().get(0).targetGroupArn();
     * }</pre>
     */
    public ElasticLoadBalancingV2Client newLoadBalancingClient() {
        return newLoadBalancingClient(defaultRegion().name());
    }

    /**
     * A real in-process {@link ElasticLoadBalancingV2Client} for one region (the region comes into being on this
     * first use, as with {@link #region(String)}).
     *
     * <pre>{@code
     * ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient("eu-west-1");
     * }</pre>
     */
    public ElasticLoadBalancingV2Client newLoadBalancingClient(String region) {
        region(region);
        return closeWithWorld(LoadBalancingClients.sync(protocol(), region));
    }

    /**
     * A real AWS SDK {@link CloudWatchClient} for the default region, wired in process through CloudWatch's wire
     * protocol (the Java SDK speaks Smithy RPC v2 CBOR: {@code POST /service/GraniteServiceVersion20100801/operation/..},
     * like a wire call, but no sockets) to the region's simulated CloudWatch. The world closes it.
     *
     * <pre>{@code
     * CloudWatchClient cw = ecs.newCloudWatchClient();
     * cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("Latency").value(12.0).unit("Milliseconds")));
     * List<MetricAlarm> alarms = cw.describeAlarms(r -> r.alarmNames("web-5xx")).metricAlarms();
     * }</pre>
     */
    public CloudWatchClient newCloudWatchClient() {
        return newCloudWatchClient(defaultRegion().name());
    }

    /**
     * A real in-process {@link CloudWatchClient} for one region (the region comes into being on this first use, as
     * with {@link #region(String)}).
     *
     * <pre>{@code
     * CloudWatchClient cw = ecs.newCloudWatchClient("eu-west-1");
     * }</pre>
     */
    public CloudWatchClient newCloudWatchClient(String region) {
        region(region);
        return closeWithWorld(CloudWatchClients.sync(protocol(), region));
    }

    /**
     * A real AWS SDK {@link ApplicationAutoScalingClient} for the default region, wired in process through
     * Application Auto Scaling's wire protocol (AWS JSON 1.1, {@code X-Amz-Target: AnyScaleFrontendService.{Op}},
     * no sockets) to the region's simulated Application Auto Scaling for ECS services. The world closes it.
     *
     * <pre>{@code
     * ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();
     * aas.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/prod/orders")
     *         .scalableDimension("ecs:service:DesiredCount").minCapacity(2).maxCapacity(20));
     * }</pre>
     */
    public ApplicationAutoScalingClient newApplicationAutoScalingClient() {
        return newApplicationAutoScalingClient(defaultRegion().name());
    }

    /**
     * A real in-process {@link ApplicationAutoScalingClient} for one region (the region comes into being on this
     * first use, as with {@link #region(String)}).
     *
     * <pre>{@code
     * ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient("eu-west-1");
     * }</pre>
     */
    public ApplicationAutoScalingClient newApplicationAutoScalingClient(String region) {
        region(region);
        return closeWithWorld(ApplicationAutoScalingClients.sync(protocol(), region));
    }

    private synchronized ProtocolRouter protocol() {
        if (protocol == null) {
            protocol = SimulatedServices.router(this::region, defaultRegion().name(), callRecorder());
        }
        return protocol;
    }

    /**
     * Auto clock mode: from now on every API call, in any region, first advances virtual time by
     * {@code step}, so SDK waiters and polling deployment tools see time pass (null or zero: back to manual).
     *
     * <pre>{@code
     * ecs.autoAdvance(Duration.ofSeconds(15));   // what --clock auto:15 does on the jar
     * }</pre>
     */
    public FakeEcs autoAdvance(Duration step) {
        world.lock().lock();
        try {
            autoAdvanceStep = step;
            for (Region region : regions.values()) {
                RegionEngine.of(region).autoAdvanceStep(step);
            }
        } finally {
            world.lock().unlock();
        }
        return this;
    }

    /**
     * How the world's deployment lifecycle hook functions answer ({@code deploymentConfiguration.lifecycleHooks}
     * of BLUE_GREEN, LINEAR and CANARY deployments): register a Java function for a function ARN, script an
     * answer, read every invocation. An undeclared function answers SUCCEEDED at once.
     *
     * <pre>{@code
     * ecs.lifecycleHooks().function(hookArn, payload -> Map.of("hookStatus", "SUCCEEDED"));
     * }</pre>
     */
    public LifecycleHooks lifecycleHooks() {
        return world.lifecycleHooks();
    }

    /** Declares how containers of {@code image} behave (start time, health, exit, resource use). */
    public FakeEcs declareImage(String image, ImageBehavior behavior) {
        world.images().declare(Objects.requireNonNull(image, "image"), Objects.requireNonNull(behavior, "behavior"));
        return this;
    }

    /**
     * The engine's shared context (lock, event queue, seeded random source, journal, quotas, timing):
     * the one door from the world handle into the engine, for the engine's own add-ons (faults, the server,
     * DNS, registries, the SPI). Not API: its type lives in {@code dev.fakeecs.internal} and may change;
     * tests, the DSL and the JUnit extension never call it (an architecture test checks).
     */
    public EngineContext engine() {
        return world;
    }

    /** Registers something the world closes when it closes (clients, servers). */
    public <T extends AutoCloseable> T closeWithWorld(T closeable) {
        synchronized (closeables) {
            closeables.add(closeable);
        }
        return closeable;
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (closeables) {
            toClose = new ArrayList<>(closeables);
            closeables.clear();
        }
        RuntimeException failure = null;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the fake ECS world failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    static List<String> defaultZones(String region) {
        return List.of(region + "a", region + "b", region + "c");
    }

    @Override
    public String toString() {
        return "FakeEcs[seed=" + seed() + ", regions=" + regions.keySet() + ", now=" + clock().instant() + "]";
    }

    /**
     * Builds a {@link FakeEcs}.
     *
     * <pre>{@code
     * FakeEcs ecs = FakeEcs.builder()
     *     .seed(7).accountId("111122223333").start(Instant.parse("2026-03-01T18:00:00Z"))
     *     .region("us-east-1").region("us-west-2", "us-west-2a", "us-west-2b")
     *     .quotas(Quotas.aws2026())
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private long seed;
        private String accountId = DEFAULT_ACCOUNT;
        private Instant start = DEFAULT_START;
        private final Map<String, List<String>> regions = new LinkedHashMap<>();
        private Quotas quotas = Quotas.seedDefaults();
        private TimingModel timing = TimingModel.defaults();
        private JournalRetention journalRetention = JournalRetention.keepAll();
        private int callLogLimit = ApiCalls.DEFAULT_MAX_KEPT;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder accountId(String accountId) {
            if (accountId == null || !accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits: " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        public Builder start(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /** Adds a region; with no zones given it gets three: {@code <region>a}, {@code b}, {@code c}. */
        public Builder region(String name, String... availabilityZones) {
            if (!isRegionName(name)) {
                throw new IllegalArgumentException("region must look like us-east-1: " + name);
            }
            regions.put(name, availabilityZones.length == 0 ? defaultZones(name) : List.of(availabilityZones));
            return this;
        }

        public Builder quotas(Quotas quotas) {
            this.quotas = Objects.requireNonNull(quotas, "quotas");
            return this;
        }

        public Builder timing(TimingModel timing) {
            this.timing = Objects.requireNonNull(timing, "timing");
            return this;
        }

        /**
         * How much of the journal to keep: everything by default (what tests and golden journals need);
         * bound it for a world that runs for long, e.g. {@code JournalRetention.lastEntries(100_000)}.
         * Kept entries keep their sequence numbers; see {@link Journal}.
         */
        public Builder journalRetention(JournalRetention retention) {
            this.journalRetention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /**
         * How many API calls {@link FakeEcs#calls()} keeps (the last ones; default 10,000), so a long-running world's
         * memory stays bounded.
         *
         * <pre>{@code FakeEcs.builder().callLogLimit(100_000).build(); }</pre>
         */
        public Builder callLogLimit(int limit) {
            if (limit <= 0) {
                throw new IllegalArgumentException("callLogLimit must be positive: " + limit);
            }
            this.callLogLimit = limit;
            return this;
        }

        public FakeEcs build() {
            return new FakeEcs(this);
        }
    }

}
