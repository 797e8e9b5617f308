package dev.fakeecs.dsl;

import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.WorldApplier;
import dev.fakeecs.dsl.cluster.ClusterSpec;
import dev.fakeecs.dsl.dns.DnsFailoverSpec;
import dev.fakeecs.deployment.LifecycleHookFunction;
import dev.fakeecs.dsl.cloudwatch.AlarmSpec;
import dev.fakeecs.dsl.express.ExpressServiceSpec;
import dev.fakeecs.dsl.loadbalancing.AdvancedLoadBalancing;
import dev.fakeecs.dsl.loadbalancing.ElbArns;
import dev.fakeecs.dsl.loadbalancing.ListenerRuleSpec;
import dev.fakeecs.dsl.service.HookFunctionSpec;
import dev.fakeecs.dsl.loadbalancing.ListenerSpec;
import dev.fakeecs.dsl.loadbalancing.LoadBalancerSpec;
import dev.fakeecs.dsl.loadbalancing.TargetGroupAttachment;
import dev.fakeecs.dsl.loadbalancing.TargetGroupSpec;
import dev.fakeecs.dsl.loadbalancing.WeightedTargetGroup;
import dev.fakeecs.dsl.registry.EcrRegistrySpec;
import dev.fakeecs.dsl.scenario.Scenario;
import dev.fakeecs.dsl.service.ServiceSpec;
import dev.fakeecs.dsl.taskdefinition.TaskDefinitionSpec;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.quota.Quotas;
import dev.fakeecs.timing.TimingModel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A whole declared world: seed, start instant, account, regions and zones, quotas and timing, and
 * the clusters, task definitions, services, images and scenarios in it. Immutable;
 * {@link #toBuilder()} makes variants. {@link #start()} builds a new {@link FakeEcs};
 * {@link #applyTo(FakeEcs)} brings a running one to the declared state.
 *
 * <pre>{@code
 * import static dev.fakeecs.dsl.Ecs.*;
 * FakeEcs ecs = Ecs.world().seed(42).region("us-east-1")
 *     .cluster("food-delivery-prod", c -> c
 *         .capacityProviders(FARGATE, FARGATE_SPOT)
 *         .defaultStrategy(FARGATE.base(2).weight(1), FARGATE_SPOT.weight(4)))
 *     .targetGroup("orders-tg", tg -> tg.http(8080).ip().healthCheckPath("/health"))
 *     .loadBalancer("orders-alb", lb -> lb.application().listener(80, "HTTP", "orders-tg"))
 *     .service("order-service", s -> s.cluster("food-delivery-prod")
 *         .taskDefinition(ORDERS).desiredCount(2).autoScaling(2, 20, targetCpu(60))
 *         .behindLoadBalancer("orders-tg", "app", 8080))
 *     .start();
 * }</pre>
 */
public final class WorldSpec {

    private final long seed;
    private final Instant start;
    private final String accountId;
    private final Map<String, List<String>> regions;
    private final Quotas quotas;
    private final TimingModel timing;
    private final List<ClusterSpec> clusters;
    private final List<TaskDefinitionSpec> taskDefinitions;
    private final List<ServiceSpec> services;
    private final Map<String, ImageBehavior> images;
    private final List<Scenario> scenarios;
    private final List<EcrRegistrySpec> ecrRegistries;
    private final List<DnsFailoverSpec> dnsFailovers;
    private final List<TargetGroupSpec> targetGroups;
    private final List<LoadBalancerSpec> loadBalancers;
    private final List<AlarmSpec> alarms;
    private final List<HookFunctionSpec> hookFunctions;
    private final List<ExpressServiceSpec> expressServices;

    private WorldSpec(Builder b) {
        this.seed = b.seed;
        this.start = b.start;
        this.accountId = b.accountId;
        Map<String, List<String>> r = new LinkedHashMap<>();
        b.regions.forEach((k, v) -> r.put(k, List.copyOf(v)));
        this.regions = Collections.unmodifiableMap(r);
        this.quotas = b.quotas;
        this.timing = b.timing;
        this.clusters = List.copyOf(b.clusters.values());
        this.taskDefinitions = List.copyOf(b.taskDefinitions.values());
        this.services = List.copyOf(b.services.values());
        this.images = Collections.unmodifiableMap(new LinkedHashMap<>(b.images));
        this.scenarios = List.copyOf(b.scenarios);
        this.ecrRegistries = List.copyOf(b.ecrRegistries.values());
        this.dnsFailovers = List.copyOf(b.dnsFailovers.values());
        this.targetGroups = List.copyOf(b.targetGroups.values());
        this.loadBalancers = List.copyOf(b.loadBalancers.values());
        this.alarms = List.copyOf(b.alarms.values());
        this.hookFunctions = List.copyOf(b.hookFunctions.values());
        this.expressServices = List.copyOf(b.expressServices.values());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.start = start;
        b.accountId = accountId;
        b.regions.putAll(regions);
        b.quotas = quotas;
        b.timing = timing;
        clusters.forEach(b::cluster);
        taskDefinitions.forEach(b::taskDefinition);
        services.forEach(b::service);
        b.images.putAll(images);
        b.scenarios.addAll(scenarios);
        ecrRegistries.forEach(r -> b.ecrRegistries.put(r.region(), r));
        dnsFailovers.forEach(d -> b.dnsFailovers.put(d.name(), d));
        targetGroups.forEach(b::targetGroup);
        loadBalancers.forEach(b::loadBalancer);
        alarms.forEach(b::alarm);
        hookFunctions.forEach(b::hookFunction);
        expressServices.forEach(b::expressService);
        return b;
    }

    public long seed() { return seed; }
    /** The first virtual instant. */
    public Instant startInstant() { return start; }
    public String accountId() { return accountId; }
    /** Declared regions and their zones; empty means the engine default (us-east-1, three zones). */
    public Map<String, List<String>> regions() { return regions; }
    public Quotas quotas() { return quotas; }
    public TimingModel timing() { return timing; }
    public List<ClusterSpec> clusters() { return clusters; }
    public List<ServiceSpec> services() { return services; }
    public Map<String, ImageBehavior> images() { return images; }
    public List<Scenario> scenarios() { return scenarios; }
    /** Declared ECR registries, one per region. */
    public List<EcrRegistrySpec> ecrRegistries() { return ecrRegistries; }
    /** Declared DNS failover records. */
    public List<DnsFailoverSpec> dnsFailovers() { return dnsFailovers; }
    /** Declared Elastic Load Balancing target groups. */
    public List<TargetGroupSpec> targetGroups() { return targetGroups; }
    /** Declared load balancers, each with its listeners. */
    public List<LoadBalancerSpec> loadBalancers() { return loadBalancers; }
    /** Declared CloudWatch metric alarms. */
    public List<AlarmSpec> alarms() { return alarms; }
    /** How declared lifecycle hook functions answer, one per function ARN. */
    public List<HookFunctionSpec> hookFunctions() { return hookFunctions; }
    /** Declared ECS Express Mode services. */
    public List<ExpressServiceSpec> expressServices() { return expressServices; }

    /** The declared target group of that name in {@code region}, or null. */
    public TargetGroupSpec targetGroup(String region, String name) {
        for (TargetGroupSpec t : targetGroups) {
            if (t.name().equals(name) && regionOf(t.region()).equals(region)) {
                return t;
            }
        }
        return null;
    }

    /** Declared task definitions only (see {@link #allTaskDefinitions()}). */
    public List<TaskDefinitionSpec> taskDefinitions() { return taskDefinitions; }

    /** Declared task definitions, then those services declared with a spec, one per family. */
    public List<TaskDefinitionSpec> allTaskDefinitions() {
        Map<String, TaskDefinitionSpec> all = new LinkedHashMap<>();
        taskDefinitions.forEach(t -> all.put(t.family(), t));
        services.stream().map(ServiceSpec::taskDefinitionSpec).filter(Objects::nonNull)
                .forEach(t -> all.putIfAbsent(t.family(), t));
        return List.copyOf(all.values());
    }

    /** The name of the first declared region ({@code us-east-1} when none is declared). */
    public String defaultRegion() {
        return regions.isEmpty() ? "us-east-1" : regions.keySet().iterator().next();
    }

    /** A declaration's region, or the default region for null. */
    public String regionOf(String declared) {
        return declared == null ? defaultRegion() : declared;
    }

    /** The zones of a region (three, {@code a} to {@code c}, when the region declares none). */
    public List<String> availabilityZones(String region) {
        List<String> zones = regions.get(region);
        return zones == null || zones.isEmpty() ? List.of(region + "a", region + "b", region + "c") : zones;
    }

    /** Builds a new world in the declared state. */
    public FakeEcs start() {
        FakeEcs.Builder builder = FakeEcs.builder().seed(seed).accountId(accountId).start(start).quotas(quotas)
                .timing(timing);
        regions.forEach((name, zones) -> builder.region(name, zones.toArray(String[]::new)));
        FakeEcs ecs = builder.build();
        try {
            applyTo(ecs);
        } catch (RuntimeException e) {
            ecs.close();
            throw e;
        }
        return ecs;
    }

    /**
     * Brings a running world to the declared state: declares images, creates what is missing,
     * updates clusters and services that exist, registers a new task definition revision where the
     * declaration changed, launches missing hosts and schedules the scenarios. Seed, start, account,
     * regions, quotas and timing belong to {@link #start()} and are ignored here.
     */
    public FakeEcs applyTo(FakeEcs ecs) {
        new WorldApplier(this, ecs).apply();
        return ecs;
    }

    @Override
    public String toString() {
        return "World[seed=" + seed + ", regions=" + regions.keySet() + ", clusters=" + clusters.size()
                + ", taskDefinitions=" + allTaskDefinitions().size() + ", services=" + services.size() + "]";
    }

    /** Builds a {@link WorldSpec}; {@link #build()}, {@link #start()} and {@link #applyTo} validate. */
    public static final class Builder {
        private long seed;
        private Instant start = FakeEcs.DEFAULT_START;
        private String accountId = FakeEcs.DEFAULT_ACCOUNT;
        private final Map<String, List<String>> regions = new LinkedHashMap<>();
        private Quotas quotas = Quotas.seedDefaults();
        private TimingModel timing = TimingModel.defaults();
        private final Map<String, ClusterSpec> clusters = new LinkedHashMap<>();
        private final Map<String, TaskDefinitionSpec> taskDefinitions = new LinkedHashMap<>();
        private final Map<String, ServiceSpec> services = new LinkedHashMap<>();
        private final Map<String, ImageBehavior> images = new LinkedHashMap<>();
        private final List<Scenario> scenarios = new ArrayList<>();
        private final Map<String, EcrRegistrySpec> ecrRegistries = new LinkedHashMap<>();
        private final Map<String, DnsFailoverSpec> dnsFailovers = new LinkedHashMap<>();
        private final Map<String, TargetGroupSpec> targetGroups = new LinkedHashMap<>();
        private final Map<String, LoadBalancerSpec> loadBalancers = new LinkedHashMap<>();
        private final List<ListenerSpec> listeners = new ArrayList<>();
        private final Map<String, AlarmSpec> alarms = new LinkedHashMap<>();
        private final Map<String, HookFunctionSpec> hookFunctions = new LinkedHashMap<>();
        private final Map<String, ExpressServiceSpec> expressServices = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Declares an ECS Express Mode service, or edits the declared one of that name in the default region
         * (another region: {@code e.region("us-west-2")}). ECS builds its load balancer, target groups, scaling and
         * alarms when the world is applied; applying again updates it (a new revision, rolled out by canary).
         * <pre>{@code
         * .expressService("web", e -> e.image("acme/web:1").containerPort(8080).tasks(2, 10))
         * }</pre>
         */
        public Builder expressService(String name, Consumer<ExpressServiceSpec.Builder> express) {
            ExpressServiceSpec existing = expressServices.get(key(null, name));
            ExpressServiceSpec.Builder b = existing == null ? ExpressServiceSpec.builder(name) : existing.toBuilder();
            express.accept(b);
            return expressService(b.build());
        }

        /** Declares an Express service (replacing a declared one of the same name and region). */
        public Builder expressService(ExpressServiceSpec express) {
            expressServices.put(key(express.region(), express.name()), express);
            return this;
        }

        /**
         * Declares a CloudWatch metric alarm, or edits the declared one of that name in the default region (another
         * region: {@code a.region("us-west-2")}). Put after the load balancers, before the services, so a service's
         * {@code alarms(...)} can watch it.
         * <pre>{@code
         * .alarm("web-5xx", a -> a.namespace("AWS/ApplicationELB").metric("HTTPCode_Target_5XX_Count")
         *     .dimension("LoadBalancer", "web-alb").statistic(Statistic.SUM).period(Duration.ofMinutes(1))
         *     .evaluationPeriods(1).greaterThanOrEqualTo(1).treatMissingData("notBreaching"))
         * }</pre>
         */
        public Builder alarm(String name, Consumer<AlarmSpec.Builder> alarm) {
            AlarmSpec existing = alarms.get(key(null, name));
            AlarmSpec.Builder b = existing == null ? AlarmSpec.builder(name) : existing.toBuilder();
            alarm.accept(b);
            return alarm(b.build());
        }

        /** Declares an alarm (replacing a declared one of the same name and region). */
        public Builder alarm(AlarmSpec alarm) {
            alarms.put(key(alarm.region(), alarm.name()), alarm);
            return this;
        }

        /**
         * Binds a Java function to a lifecycle hook's Lambda ARN: ECS's invocations at every stage the hook runs at
         * call it with the payload a Lambda hook receives (replacing an earlier binding of that ARN).
         * <pre>{@code
         * .hookFunction(SMOKE_ARN, payload -> Map.of("hookStatus", smokeTestPasses() ? "SUCCEEDED" : "FAILED"))
         * }</pre>
         */
        public Builder hookFunction(String functionArn, LifecycleHookFunction function) {
            return hookFunction(HookFunctionSpec.function(functionArn, function));
        }

        /**
         * Scripts how a lifecycle hook's Lambda function answers: {@code status} (SUCCEEDED, FAILED or IN_PROGRESS)
         * {@code after} each invocation.
         * <pre>{@code .hookAnswer(GATE_ARN, "FAILED", Duration.ofSeconds(20)) }</pre>
         */
        public Builder hookAnswer(String functionArn, String status, Duration after) {
            return hookFunction(HookFunctionSpec.answer(functionArn, status, after));
        }

        /** Declares how a hook function answers (replacing an earlier declaration for the same ARN). */
        public Builder hookFunction(HookFunctionSpec hook) {
            hookFunctions.put(hook.functionArn(), Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /** The seed of the world's one random source (ids, jitter, probabilistic faults). */
        public Builder seed(long value) { this.seed = value; return this; }
        /** The first virtual instant (default 2026-01-01T00:00:00Z). */
        public Builder startingAt(Instant value) { this.start = Objects.requireNonNull(value, "start"); return this; }
        /** The first virtual instant, ISO-8601 ({@code 2026-03-01T18:00:00Z}). */
        public Builder startingAt(String iso) { return startingAt(Instant.parse(iso)); }
        /** The 12-digit AWS account id (default 123456789012). */
        public Builder account(String value) { this.accountId = value; return this; }

        /** Adds a region; without zones it gets {@code <region>a}, {@code b}, {@code c}. */
        public Builder region(String name, String... availabilityZones) {
            regions.put(name, List.of(availabilityZones));
            return this;
        }

        public Builder quotas(Quotas value) { this.quotas = Objects.requireNonNull(value, "quotas"); return this; }
        public Builder timing(TimingModel value) { this.timing = Objects.requireNonNull(value, "timing"); return this; }

        /**
         * Declares a cluster, or edits the declared cluster of that name in the default region.
         * Clusters of the same name may live in several regions ({@code c.region("us-west-2")}).
         */
        public Builder cluster(String name, Consumer<ClusterSpec.Builder> cluster) {
            ClusterSpec existing = clusters.get(key(null, name));
            ClusterSpec.Builder b = existing == null ? ClusterSpec.builder(name) : existing.toBuilder();
            cluster.accept(b);
            // a consumer that moves the cluster to another region declares a second one there
            return cluster(b.build());
        }

        /** Declares a cluster (replacing a declared one of the same name and region). */
        public Builder cluster(ClusterSpec cluster) {
            clusters.put(key(cluster.region(), cluster.name()), cluster);
            return this;
        }

        /** Declarations are keyed by region and name; the default region counts as no region. */
        private String key(String region, String name) {
            String defaultRegion = regions.isEmpty() ? "us-east-1" : regions.keySet().iterator().next();
            return (region == null || region.equals(defaultRegion) ? "" : region) + "/" + name;
        }

        /** Declares a task definition (replacing a declared one of the same family). */
        public Builder taskDefinition(TaskDefinitionSpec taskDefinition) {
            taskDefinitions.put(taskDefinition.family(), taskDefinition);
            return this;
        }

        /** Declares a service, or edits the declared service of that name in the default region. */
        public Builder service(String name, Consumer<ServiceSpec.Builder> service) {
            ServiceSpec existing = services.get(key(null, name));
            ServiceSpec.Builder b = existing == null ? ServiceSpec.builder(name) : existing.toBuilder();
            service.accept(b);
            // a consumer that moves the service to another region declares a second service there;
            // the default region's declaration stays
            return service(b.build());
        }

        /**
         * Declares (or edits) the service of that name in {@code region}: the form for the same
         * service name in several regions.
         * <pre>{@code
         * .service("us-west-2", "order-service", s -> s.cluster("food-delivery-dr").taskDefinition(ORDERS).desiredCount(2))
         * }</pre>
         */
        public Builder service(String region, String name, Consumer<ServiceSpec.Builder> service) {
            ServiceSpec existing = services.get(key(region, name));
            ServiceSpec.Builder b = existing == null ? ServiceSpec.builder(name).region(region) : existing.toBuilder();
            service.accept(b);
            return service(b.build());
        }

        /** Declares a service (replacing a declared one of the same name and region). */
        public Builder service(ServiceSpec service) {
            services.put(key(service.region(), service.serviceName()), service);
            return this;
        }

        /** Declares how containers of {@code image} behave (see {@link ImageBehavior}). */
        public Builder image(String image, ImageBehavior behavior) {
            Check.notBlank("image", "name", image);
            images.put(image, Objects.requireNonNull(behavior, "behavior"));
            return this;
        }

        /** Adds a timeline scheduled when the world starts (or the spec is applied). */
        public Builder scenario(Scenario scenario) {
            scenarios.add(Objects.requireNonNull(scenario, "scenario"));
            return this;
        }

        /**
         * Declares a region's ECR registry, or edits the one declared for that region: its
         * replication to other regions and lag, repositories, and images pushed at start.
         * <pre>{@code
         * .ecrRegistry("us-east-1", r -> r.replicateTo("us-west-2", Duration.ofMinutes(20)).push("acme/orders", "1.0"))
         * }</pre>
         */
        public Builder ecrRegistry(String region, Consumer<EcrRegistrySpec.Builder> registry) {
            EcrRegistrySpec existing = ecrRegistries.get(region);
            EcrRegistrySpec.Builder b = existing == null ? EcrRegistrySpec.builder(region) : existing.toBuilder();
            registry.accept(b);
            ecrRegistries.put(region, b.build());
            return this;
        }

        /**
         * Declares a Route 53 failover record (or edits the one of that name) over two services,
         * with health checks, TTL and optionally traffic.
         * <pre>{@code
         * .dnsFailover("api.food.example", d -> d
         *     .primary("us-east-1", "food-delivery-prod", "order-service")
         *     .secondary("us-west-2", "food-delivery-dr", "order-service")
         *     .healthCheck(Duration.ofSeconds(10), 3).ttl(Duration.ofSeconds(60)).traffic(load(200)))
         * }</pre>
         */
        public Builder dnsFailover(String name, Consumer<DnsFailoverSpec.Builder> record) {
            DnsFailoverSpec existing = dnsFailovers.get(name);
            DnsFailoverSpec.Builder b = existing == null ? DnsFailoverSpec.builder(name) : existing.toBuilder();
            record.accept(b);
            dnsFailovers.put(name, b.build());
            return this;
        }

        /**
         * Declares an Elastic Load Balancing target group, or edits the declared one of that name in the default
         * region (another region: {@code tg.region("us-west-2")}). Created before the services.
         * <pre>{@code
         * .targetGroup("web-tg", tg -> tg.http(8080).ip().healthCheckPath("/health").deregistrationDelay(Duration.ofSeconds(30)))
         * }</pre>
         */
        public Builder targetGroup(String name, Consumer<TargetGroupSpec.Builder> targetGroup) {
            TargetGroupSpec existing = targetGroups.get(key(null, name));
            TargetGroupSpec.Builder b = existing == null ? TargetGroupSpec.builder(name) : existing.toBuilder();
            targetGroup.accept(b);
            return targetGroup(b.build());
        }

        /** Declares a target group (replacing a declared one of the same name and region). */
        public Builder targetGroup(TargetGroupSpec targetGroup) {
            targetGroups.put(key(targetGroup.region(), targetGroup.name()), targetGroup);
            return this;
        }

        /**
         * Declares a load balancer with its listeners, or edits the declared one of that name in the default
         * region. Created (with its listeners) after the target groups and before the services.
         * <pre>{@code
         * .loadBalancer("web-alb", lb -> lb.application().internetFacing().listener(80, "HTTP", "web-tg"))
         * }</pre>
         */
        public Builder loadBalancer(String name, Consumer<LoadBalancerSpec.Builder> loadBalancer) {
            LoadBalancerSpec existing = loadBalancers.get(key(null, name));
            LoadBalancerSpec.Builder b = existing == null ? LoadBalancerSpec.builder(name) : existing.toBuilder();
            loadBalancer.accept(b);
            return loadBalancer(b.build());
        }

        /** Declares a load balancer (replacing a declared one of the same name and region). */
        public Builder loadBalancer(LoadBalancerSpec loadBalancer) {
            loadBalancers.put(key(loadBalancer.region(), loadBalancer.name()), loadBalancer);
            return this;
        }

        /**
         * Adds a listener to the declared load balancer it names (for listeners read from create-listener JSON);
         * {@link #build()} fails when no load balancer of that name is declared.
         */
        public Builder listener(ListenerSpec listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public WorldSpec build() {
            Check.that(accountId != null && accountId.matches("\\d{12}"), "world", "account", accountId,
                    "must be 12 digits");
            for (String region : regions.keySet()) {
                Check.that(region != null && region.matches("[a-z]{2}(-[a-z]+)+-\\d"), "world", "region", region,
                        "must look like us-east-1");
            }
            mergeListeners();
            WorldSpec spec = new WorldSpec(this);
            for (ClusterSpec c : spec.clusters) {
                checkRegion("cluster " + c.name(), c.region());
            }
            Map<String, TaskDefinitionSpec> byFamily = new LinkedHashMap<>(taskDefinitions);
            for (ServiceSpec s : spec.services) {
                checkRegion("service " + s.serviceName(), s.region());
                String serviceRegion = spec.regionOf(s.region());
                FargatePlacement.check(s, spec.clusters.stream().filter(c -> c.name().equals(s.cluster())
                        && spec.regionOf(c.region()).equals(serviceRegion)).findFirst().orElse(null));
                TaskDefinitionSpec t = s.taskDefinitionSpec();
                if (t != null) {
                    TaskDefinitionSpec other = byFamily.putIfAbsent(t.family(), t);
                    Check.that(other == null || other.equals(t), "service " + s.serviceName(), "taskDefinition",
                            t.family(), "another declaration uses a different task definition of the same family;"
                                    + " give one of them its own family");
                }
            }
            List<String> worldRegions = regions.isEmpty() ? List.of("us-east-1") : List.copyOf(regions.keySet());
            for (EcrRegistrySpec r : spec.ecrRegistries) {
                String where = "ecrRegistry " + r.region();
                Check.that(worldRegions.contains(r.region()), where, "region", r.region(),
                        "must be one of the world's regions " + worldRegions);
                for (String destination : r.replication().keySet()) {
                    Check.that(worldRegions.contains(destination), where, "replicateTo", destination,
                            "must be one of the world's regions " + worldRegions);
                }
            }
            for (DnsFailoverSpec d : spec.dnsFailovers) {
                String where = "dnsFailover " + d.name();
                Check.that(worldRegions.contains(d.primary().region()), where, "primary.region", d.primary().region(),
                        "must be one of the world's regions " + worldRegions);
                Check.that(worldRegions.contains(d.secondary().region()), where, "secondary.region",
                        d.secondary().region(), "must be one of the world's regions " + worldRegions);
            }
            checkLoadBalancing(spec);
            for (AlarmSpec a : spec.alarms) {
                checkRegion("alarm " + a.name(), a.region());
            }
            for (ExpressServiceSpec e : spec.expressServices) {
                checkRegion("expressService " + e.name(), e.region());
            }
            return spec;
        }

        private void mergeListeners() {
            for (ListenerSpec l : listeners) {
                LoadBalancerSpec lb = loadBalancers.values().stream().filter(b -> b.name().equals(l.loadBalancer()))
                        .findFirst().orElse(null);
                Check.that(lb != null, "listener " + l.port() + " of " + l.loadBalancer(), "loadBalancer",
                        l.loadBalancer(), "no load balancer of that name is declared; declare it with .loadBalancer(\""
                                + l.loadBalancer() + "\", ...)");
                loadBalancer(lb.toBuilder().listener(l).build());
            }
            listeners.clear();
        }

        private void checkLoadBalancing(WorldSpec spec) {
            Map<String, String> usedBy = new LinkedHashMap<>();
            java.util.Set<String> declaredRules = new java.util.LinkedHashSet<>();
            for (TargetGroupSpec t : spec.targetGroups) {
                checkRegion("targetGroup " + t.name(), t.region());
            }
            for (LoadBalancerSpec lb : spec.loadBalancers) {
                checkRegion("loadBalancer " + lb.name(), lb.region());
                String region = spec.regionOf(lb.region());
                for (ListenerSpec l : lb.listeners()) {
                    String where = "listener " + l.port() + " of " + lb.name();
                    checkForward(spec, region, lb, l, where, "forward", l.forward(), usedBy);
                    for (ListenerRuleSpec rule : l.rules()) {
                        declaredRules.add(region + "/" + rule.ref());
                        checkForward(spec, region, lb, l, "rule " + rule.priority() + " of " + where, "forward",
                                rule.forward(), usedBy);
                    }
                    declaredRules.add(region + "/" + ListenerRuleSpec.ref(lb.name(), l.port(),
                            ListenerRuleSpec.DEFAULT_PRIORITY));
                }
            }
            checkServices(spec, usedBy, declaredRules);
        }

        private void checkForward(WorldSpec spec, String region, LoadBalancerSpec lb, ListenerSpec l, String where,
                                  String field, List<WeightedTargetGroup> forward, Map<String, String> usedBy) {
            for (int i = 0; i < forward.size(); i++) {
                WeightedTargetGroup w = forward.get(i);
                if (ElbArns.isArn(w.targetGroup())) {
                    continue;
                }
                TargetGroupSpec tg = spec.targetGroup(region, w.targetGroup());
                Check.that(tg != null, where, field + "[" + i + "].targetGroup", w.targetGroup(),
                        "no target group of that name is declared in " + region
                                + "; declare it with .targetGroup(\"" + w.targetGroup() + "\", ...)");
                String other = usedBy.putIfAbsent(region + "/" + tg.name(), lb.name());
                Check.that(other == null || other.equals(lb.name()), where, field + "[" + i + "].targetGroup",
                        w.targetGroup(), "is already used by load balancer " + other
                                + "; a target group serves one load balancer");
                boolean albListener = "HTTP".equals(l.protocol()) || "HTTPS".equals(l.protocol());
                boolean albGroup = "HTTP".equals(tg.protocol()) || "HTTPS".equals(tg.protocol());
                Check.that("lambda".equals(tg.targetType()) || albListener == albGroup, where,
                        field + "[" + i + "].targetGroup", w.targetGroup(), "its protocol " + tg.protocol()
                                + " does not suit a " + l.protocol() + " listener");
            }
        }

        private void checkServices(WorldSpec spec, Map<String, String> usedBy, java.util.Set<String> declaredRules) {
            for (ServiceSpec s : spec.services) {
                String region = spec.regionOf(s.region());
                String where = "service " + s.serviceName();
                for (int i = 0; i < s.loadBalancers().size(); i++) {
                    TargetGroupAttachment a = s.loadBalancers().get(i);
                    TargetGroupSpec tg = spec.targetGroup(region, a.targetGroupName());
                    if (tg == null && ElbArns.isArn(a.targetGroup())) {
                        continue;   // a target group made outside the declaration
                    }
                    String field = "loadBalancers[" + i + "].targetGroup";
                    Check.that(tg != null, where, field, a.targetGroup(), "no target group of that name is declared in "
                            + region + "; declare it with .targetGroup(\"" + a.targetGroup() + "\", ...)");
                    Check.that(usedBy.containsKey(region + "/" + tg.name()), where, field, a.targetGroup(),
                            "no listener of a declared load balancer forwards to it; ECS needs the target group"
                                    + " attached to a load balancer");
                    if (s.taskDefinitionSpec() != null) {
                        boolean awsvpc = s.taskDefinitionSpec().networkMode()
                                == software.amazon.awssdk.services.ecs.model.NetworkMode.AWSVPC;
                        String needed = awsvpc ? "ip" : "instance";
                        Check.that(needed.equals(tg.targetType()), where, field, a.targetGroup(),
                                "its target type " + tg.targetType() + " does not suit the "
                                        + (awsvpc ? "awsvpc" : "bridge/host") + " network mode of task definition "
                                        + s.taskDefinitionSpec().family() + "; use target type " + needed);
                    }
                    checkAdvanced(spec, region, where, "loadBalancers[" + i + "].advancedConfiguration", a, tg,
                            usedBy, declaredRules);
                }
            }
        }

        private void checkAdvanced(WorldSpec spec, String region, String where, String field, TargetGroupAttachment a,
                                   TargetGroupSpec primary, Map<String, String> usedBy,
                                   java.util.Set<String> declaredRules) {
            AdvancedLoadBalancing x = a.advanced();
            if (x == null) {
                return;
            }
            TargetGroupSpec alternate = spec.targetGroup(region, x.alternateTargetGroupName());
            if (alternate != null || !ElbArns.isArn(x.alternateTargetGroup())) {
                Check.that(alternate != null, where, field + ".alternateTargetGroup", x.alternateTargetGroup(),
                        "no target group of that name is declared in " + region + "; declare it with .targetGroup(\""
                                + x.alternateTargetGroup() + "\", ...)");
                Check.that(usedBy.containsKey(region + "/" + alternate.name()), where,
                        field + ".alternateTargetGroup", x.alternateTargetGroup(), "no listener or rule of a declared"
                                + " load balancer forwards to it; ECS needs it attached to a load balancer");
                Check.that(alternate.targetType().equals(primary.targetType()), where,
                        field + ".alternateTargetGroup", x.alternateTargetGroup(), "its target type "
                                + alternate.targetType() + " differs from target type " + primary.targetType()
                                + " of " + primary.name());
            }
            for (String rule : java.util.Arrays.asList(x.productionListenerRule(), x.testListenerRule())) {
                if (rule == null || ElbArns.isArn(rule)) {
                    continue;
                }
                String which = rule.equals(x.productionListenerRule()) ? ".productionListenerRule"
                        : ".testListenerRule";
                Check.that(declaredRules.contains(region + "/" + rule), where, field + which, rule,
                        "names no declared listener rule in " + region + " (<loadBalancer>:<port>:<priority>, or"
                                + " <loadBalancer>:<port>:default); declare it with .listener(port, protocol, l -> l"
                                + ".rule(priority, ...))");
            }
        }

        private void checkRegion(String spec, String region) {
            if (region != null && !regions.isEmpty()) {
                Check.that(regions.containsKey(region), spec, "region", region,
                        "must be one of the world's regions " + regions.keySet());
            }
        }

        /** Builds the spec and starts a new world in that state. */
        public FakeEcs start() {
            return build().start();
        }

        /** Builds the spec and applies it to a running world. */
        public FakeEcs applyTo(FakeEcs ecs) {
            return build().applyTo(ecs);
        }
    }
}
