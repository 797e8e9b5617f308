package dev.fakeecs.internal.region;

import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.neighbour.RegionalService;
import dev.fakeecs.internal.targets.PublishedTargetGroups;
import dev.fakeecs.internal.alarms.PublishedAlarms;
import dev.fakeecs.internal.region.ApiInterceptor;
import dev.fakeecs.internal.account.AccountSettings;
import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.load.ServiceLoads;
import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.controlplane.ClusterOperations;
import dev.fakeecs.internal.controlplane.ContainerInstanceOperations;
import dev.fakeecs.internal.controlplane.TaskOperations;
import dev.fakeecs.internal.express.ExpressGateways;
import dev.fakeecs.internal.applicationautoscaling.ApplicationAutoScaling;
import dev.fakeecs.internal.cloudwatch.CloudWatch;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.daemon.Daemons;
import dev.fakeecs.internal.gateway.Gateways;
import dev.fakeecs.internal.managedinstances.ManagedInstances;
import dev.fakeecs.internal.service.Services;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.task.Tasks;
import dev.fakeecs.internal.taskdefinition.TaskDefinitions;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.region.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import dev.fakeecs.internal.engine.EngineContext;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Everything one region's control plane knows: its clusters, capacity providers, container
 * instances, task definitions, tasks, services, tags and account settings. Resources in one
 * region never see another's. Each part lives in its own domain package; this class only
 * holds them together and runs API calls under the world's lock.
 */
public final class RegionEngine implements Region {

    private final EngineContext world;
    private final RegionContext context;
    private final List<ApiInterceptor> interceptors = new CopyOnWriteArrayList<>();
    private volatile Duration autoAdvanceStep;

    private final Tags tags;
    private final AccountSettings accountSettings;
    private final Clusters clusters;
    private final TaskDefinitions taskDefinitions;
    private final ContainerInstances containerInstances;
    private final CapacityProviders capacityProviders;
    private final Tasks tasks;
    private final Services services;
    private final ServiceLoads serviceLoads;
    private final ManagedInstances managedInstances;
    private final Daemons daemons;
    private final Gateways gateways;
    private final ClusterOperations clusterOperations;
    private final ContainerInstanceOperations containerInstanceOperations;
    private final TaskOperations taskOperations;
    private final RegionControlPlane api;
    private final Map<RegionalService<?>, Object> neighbours = new LinkedHashMap<>();
    private final PublishedTargetGroups targetGroups = new PublishedTargetGroups();
    private final PublishedAlarms alarms = new PublishedAlarms();
    private final EcsNeighbourhood neighbourhood;
    private final ExpressGateways express;
    /** How deep the current thread is in {@link #invoke} (under the engine lock). */
    private int invocationDepth;

    /**
     * Builds the region's engine in dependency order: every part receives exactly the parts below it
     * that it uses; parts above talk back only through the listeners and lookups the lower ones publish.
     */
    public RegionEngine(EngineContext world, String name, List<String> availabilityZones) {
        this(world, name, availabilityZones, RegionalServices.ALL);
    }

    /**
     * Builds the region with ECS and the given simulated services beside it (tests name their own; the world
     * uses {@link RegionalServices#ALL}).
     */
    public RegionEngine(EngineContext world, String name, List<String> availabilityZones,
                        List<RegionalService<?>> neighbours) {
        this.world = world;
        this.context = new RegionContext(world, name, availabilityZones);
        this.tags = new Tags(context);
        this.accountSettings = new AccountSettings(context);
        this.clusters = new Clusters(context, tags);
        this.taskDefinitions = new TaskDefinitions(context, tags);
        this.containerInstances = new ContainerInstances(context, clusters, tags);
        this.capacityProviders = new CapacityProviders(context, tags, clusters, containerInstances);
        this.tasks = new Tasks(context, tags, containerInstances, capacityProviders);
        this.services = new Services(context, tags, clusters, capacityProviders, containerInstances, taskDefinitions,
                tasks, targetGroups, alarms);
        this.serviceLoads = new ServiceLoads(context, services);
        this.managedInstances = new ManagedInstances(context, capacityProviders, containerInstances, tasks, services);
        this.daemons = new Daemons(context, tags, clusters, capacityProviders, containerInstances, tasks,
                managedInstances, alarms);
        this.gateways = new Gateways(context, tags, clusters, services);
        this.clusterOperations = new ClusterOperations(context, clusters, tags, capacityProviders, containerInstances,
                tasks, services);
        this.containerInstanceOperations = new ContainerInstanceOperations(context, clusters, tags,
                containerInstances);
        this.taskOperations = new TaskOperations(context, clusters, tags, capacityProviders, containerInstances,
                taskDefinitions, tasks, services);
        this.api = new RegionControlPlane(this);
        this.neighbourhood = new EcsNeighbourhood(tasks, containerInstances, services, targetGroups, alarms, this::invoke,
                serviceLoads::offeredLoad, serviceLoads, this.neighbours::get);
        for (RegionalService<?> neighbour : neighbours) {
            this.neighbours.put(neighbour, neighbour.create(context, neighbourhood));
        }
        this.express = new ExpressGateways(context, clusters, clusterOperations, taskDefinitions, services,
                () -> (LoadBalancing) this.neighbours.get(LoadBalancing.SERVICE),
                () -> (ApplicationAutoScaling) this.neighbours.get(ApplicationAutoScaling.SERVICE),
                () -> (CloudWatch) this.neighbours.get(CloudWatch.SERVICE));
    }

    /** ECS Express Mode in this region (the Express Gateway operations). */
    public ExpressGateways express() {
        return express;
    }

    /** The region's part of a simulated service beside ECS. */
    public <P> P service(RegionalService<P> service) {
        Object part = neighbours.get(service);
        if (part == null) {
            throw new IllegalArgumentException("region " + name() + " does not host " + service);
        }
        @SuppressWarnings("unchecked")
        P typed = (P) part;
        return typed;
    }

    /**
     * What ECS publishes to the simulated services beside it in this region, and where they publish back (the
     * load balancer simulation's target groups, {@link EcsNeighbourhood#publishTargetGroups}).
     */
    public EcsNeighbourhood neighbourhood() {
        return neighbourhood;
    }

    /** The engine behind a region of the world (every {@link Region} is one). */
    public static RegionEngine of(Region region) {
        return (RegionEngine) region;
    }

    @Override
    public EcsClient api() {
        return api;
    }

    @Override
    public String toString() {
        return "Region[" + name() + "]";
    }

    /**
     * Runs one API call: under the engine lock, after the interceptors (faults) had their say,
     * and, in auto clock mode, after moving time forward by one step. A call made from inside another (ECS Express
     * Mode creating a load balancer through Elastic Load Balancing v2) is part of the outer one: it runs at once,
     * without interceptors or a clock step of its own.
     */
    public <T> T invoke(String operation, Supplier<T> body) {
        world.lock().lock();
        try {
            if (invocationDepth > 0) {
                invocationDepth++;
                try {
                    return body.get();
                } finally {
                    invocationDepth--;
                }
            }
            Duration step = autoAdvanceStep;
            if (step != null && !step.isZero()) {
                world.clock().advance(step);
            }
            dev.fakeecs.internal.protocol.CallTrace.stampCurrent(world.clock()::instant);
            for (ApiInterceptor interceptor : interceptors) {
                interceptor.beforeCall(context.name(), operation);
            }
            invocationDepth++;
            try {
                return body.get();
            } finally {
                invocationDepth--;
            }
        } finally {
            world.lock().unlock();
        }
    }

    /** Runs {@code body} under the engine lock (for Java-level access to engine state). */
    public <T> T read(Supplier<T> body) {
        world.lock().lock();
        try {
            return body.get();
        } finally {
            world.lock().unlock();
        }
    }

    public void addInterceptor(ApiInterceptor interceptor) {
        interceptors.add(interceptor);
    }

    public void removeInterceptor(ApiInterceptor interceptor) {
        interceptors.remove(interceptor);
    }

    /** Auto clock mode: every API call first advances virtual time by {@code step} (null = manual). */
    public void autoAdvanceStep(Duration step) {
        this.autoAdvanceStep = step;
    }

    /** Records a journal entry stamped with this region. */
    public void record(JournalEventType type, String subject, String... namesAndValues) {
        context.record(type, subject, namesAndValues);
    }

    /** What every part of this region shares (world, name, zones, ARNs). */
    public RegionContext context() {
        return context;
    }

    public EngineContext engine() {
        return world;
    }

    public Instant now() {
        return world.now();
    }

    @Override
    public String name() {
        return context.name();
    }

    @Override
    public List<String> availabilityZones() {
        return context.availabilityZones();
    }

    public Arns arns() {
        return context.arns();
    }

    public Clusters clusters() {
        return clusters;
    }

    public CapacityProviders capacityProviders() {
        return capacityProviders;
    }

    public ContainerInstances containerInstances() {
        return containerInstances;
    }

    public TaskDefinitions taskDefinitions() {
        return taskDefinitions;
    }

    public Tasks tasks() {
        return tasks;
    }

    public Services services() {
        return services;
    }

    public Tags tags() {
        return tags;
    }

    public AccountSettings accountSettings() {
        return accountSettings;
    }

    public ClusterOperations clusterOperations() {
        return clusterOperations;
    }

    public ContainerInstanceOperations containerInstanceOperations() {
        return containerInstanceOperations;
    }

    public TaskOperations taskOperations() {
        return taskOperations;
    }

    /** The load each of this region's services gets (what CloudWatch publishes and target groups receive). */
    public ServiceLoads serviceLoads() {
        return serviceLoads;
    }

    /** ECS Gateways of this region (gateways, their cluster associations and routes). */
    public Gateways gateways() {
        return gateways;
    }

    /** ECS Managed Daemons of this region (daemons and daemon task definitions). */
    public Daemons daemons() {
        return daemons;
    }

    /** The ECS Managed Instances fleet of this region. */
    public ManagedInstances managedInstances() {
        return managedInstances;
    }
}
