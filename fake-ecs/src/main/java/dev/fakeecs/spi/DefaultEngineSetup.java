package dev.fakeecs.spi;

import software.amazon.awssdk.services.ecs.model.Cluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.ScalingMetric;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import dev.fakeecs.internal.applicationautoscaling.ApplicationAutoScaling;
import dev.fakeecs.internal.applicationautoscaling.DeclaredScaling;
import dev.fakeecs.internal.elbv2.LoadBalancing;
import dev.fakeecs.internal.service.SimulatedService;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import dev.fakeecs.internal.capacity.AutoScalingGroup;
import dev.fakeecs.internal.capacity.AutoScalingGroups;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.containerinstance.ContainerInstanceListener;
import dev.fakeecs.internal.containerinstance.InstanceType;
import dev.fakeecs.internal.containerinstance.InstanceTypes;
import dev.fakeecs.internal.controlplane.ContainerInstanceRenderer;
import dev.fakeecs.internal.protocol.ProtocolException;
import dev.fakeecs.internal.protocol.SdkJsonCodec;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.task.SimulatedTask;
import dev.fakeecs.internal.task.TaskRenderer;
import dev.fakeecs.internal.taskdefinition.FargateSizes;
import dev.fakeecs.internal.taskdefinition.TaskSize;
import dev.fakeecs.region.Region;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The engine side of {@link EngineSetup}: each call goes straight to the region's engine under the
 * engine lock, past the API's interceptors (faults) and auto clock mode, and answers with SDK model
 * objects rendered as the API renders them.
 *
 * <pre>{@code
 * EngineSetup setup = EngineSetup.of(ecs);   // a DefaultEngineSetup over ecs
 * }</pre>
 */
final class DefaultEngineSetup implements EngineSetup {

    /** See {@link EngineSetup#AUTO_SCALING_GROUP_BOOT_DELAY}. */
    public static final Duration AUTO_SCALING_GROUP_BOOT_DELAY = AutoScalingGroup.DEFAULT_BOOT_DELAY;
    /** See {@link EngineSetup#NO_FARGATE_CONFIGURATION}. */
    public static final String NO_FARGATE_CONFIGURATION = FargateSizes.NO_CONFIGURATION;

    private static final Set<String> INSTANCE_TYPES;
    private static final Map<Integer, List<Integer>> FARGATE_SIZES;

    static {
        Set<String> types = new LinkedHashSet<>();
        for (InstanceType type : InstanceTypes.all()) {
            types.add(type.name());
        }
        INSTANCE_TYPES = Collections.unmodifiableSet(types);
        Map<Integer, List<Integer>> sizes = new LinkedHashMap<>();
        for (int cpu : FargateSizes.cpuOptions()) {
            sizes.put(cpu, FargateSizes.memoryOptions(cpu));
        }
        FARGATE_SIZES = Collections.unmodifiableMap(sizes);
    }

    private final FakeEcs ecs;

    public DefaultEngineSetup(FakeEcs ecs) {
        this.ecs = Objects.requireNonNull(ecs, "ecs");
    }

    // ------------------------------------------------------------------ catalogues and JSON

    public static Set<String> instanceTypes() {
        return INSTANCE_TYPES;
    }

    public static Map<Integer, List<Integer>> fargateSizes() {
        return FARGATE_SIZES;
    }

    public static Integer taskCpuUnits(String cpu) {
        return TaskSize.cpuUnits(cpu);
    }

    public static Integer taskMemoryMiB(String memory) {
        return TaskSize.memoryMiB(memory);
    }

    public static ObjectNode toJson(SdkPojo model) {
        return SdkJsonCodec.instance().encode(model);
    }

    public static <T extends SdkPojo> T fromJson(JsonNode json, Class<T> type) {
        try {
            return SdkJsonCodec.instance().decode(json, type);
        } catch (ProtocolException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ the world

    @Override
    public <T> T extension(Class<T> type, Supplier<T> factory) {
        return ecs.engine().extension(type, factory);
    }

    @Override
    public <T> T locked(Supplier<T> body) {
        ReentrantLock lock = ecs.engine().lock();
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void addListener(EngineListener listener) {
        Objects.requireNonNull(listener, "listener");
        // regions created later (on first use) get the listener too
        ecs.engine().addRegionListener(name -> listenTo(ecs.region(name), listener));
        for (Region region : ecs.regions()) {
            listenTo(region, listener);
        }
    }

    private void listenTo(Region region, EngineListener listener) {
        RegionEngine state = RegionEngine.of(region);
        String name = region.name();
        TaskRenderer tasks = new TaskRenderer(state.context(), state.tags());
        ContainerInstanceRenderer hosts = new ContainerInstanceRenderer(state.context(), state.tags());
        state.read(() -> {
            state.tasks().addListener((task, from, to) ->
                    listener.onTaskTransition(snapshot(name, tasks, task), from, to));
            state.containerInstances().addListener(new ContainerInstanceListener() {
                @Override
                public void onDeregistered(dev.fakeecs.internal.containerinstance.SimulatedContainerInstance instance,
                                           boolean terminated) {
                    if (terminated) {
                        listener.onHostTerminated(name, hosts.render(instance, false, false));
                    }
                }
            });
            return null;
        });
    }

    @Override
    public Optional<TaskSnapshot> task(String taskArn) {
        Objects.requireNonNull(taskArn, "taskArn");
        for (Region region : ecs.regions()) {
            RegionEngine state = RegionEngine.of(region);
            Optional<TaskSnapshot> found = state.read(() -> {
                SimulatedTask task = state.tasks().find(taskArn);
                return task == null ? Optional.<TaskSnapshot>empty()
                        : Optional.of(snapshot(region.name(), new TaskRenderer(state.context(), state.tags()), task));
            });
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static TaskSnapshot snapshot(String region, TaskRenderer renderer, SimulatedTask task) {
        return new TaskSnapshot(region, renderer.render(task, false), task.taskDefinition());
    }

    // ------------------------------------------------------------------ clusters and EC2 hosts

    @Override
    public Optional<Cluster> cluster(String region, String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        RegionEngine state = engine(region);
        return state.read(() -> state.clusterOperations().describeClusters(DescribeClustersRequest.builder()
                        .clusters(cluster).include(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS).build())
                .clusters().stream().findFirst());
    }

    @Override
    public void spotInstanceDraining(String region, String cluster, boolean enabled) {
        RegionEngine state = engine(region);
        state.read(() -> {
            SimulatedCluster found = state.clusters().find(cluster);
            if (found == null) {
                throw new IllegalArgumentException("Region " + region + " has no cluster " + cluster);
            }
            found.spotInstanceDraining(enabled);
            return null;
        });
    }

    @Override
    public List<ContainerInstance> containerInstances(String region, String cluster) {
        RegionEngine state = engine(region);
        ContainerInstanceRenderer renderer = new ContainerInstanceRenderer(state.context(), state.tags());
        return state.read(() -> state.containerInstances().inCluster(cluster).stream()
                .map(ci -> renderer.render(ci, false, false)).toList());
    }

    @Override
    public ContainerInstance launchHost(String region, String cluster, String instanceType, String availabilityZone,
                                        String capacityProvider) {
        RegionEngine state = engine(region);
        ContainerInstanceRenderer renderer = new ContainerInstanceRenderer(state.context(), state.tags());
        return state.read(() -> renderer.render(state.containerInstances().launchHost(cluster, instanceType,
                availabilityZone, capacityProvider), false, false));
    }

    // ------------------------------------------------------------------ Auto Scaling groups, capacity providers

    @Override
    public String putAutoScalingGroup(String region, AutoScalingGroupConfig group) {
        Objects.requireNonNull(group, "group");
        RegionEngine state = engine(region);
        return state.read(() -> {
            AutoScalingGroups groups = state.capacityProviders().autoScalingGroups();
            AutoScalingGroup found = groups.find(group.name());
            if (found == null) {
                return groups.createGroup(group.name(), group.instanceType(), group.min(), group.max(),
                        group.desired(), group.availabilityZones(), group.spot()).clusterName(group.cluster()).arn();
            }
            found.limits(group.min(), group.max());
            found.desired(group.desired(), "declared");
            return found.arn();
        });
    }

    @Override
    public List<ContainerInstance> autoScalingGroupInstances(String region, String group) {
        RegionEngine state = engine(region);
        ContainerInstanceRenderer renderer = new ContainerInstanceRenderer(state.context(), state.tags());
        return state.read(() -> {
            AutoScalingGroup found = state.capacityProviders().autoScalingGroups().find(group);
            if (found == null) {
                throw new IllegalArgumentException("Region " + region + " has no Auto Scaling group " + group);
            }
            return found.inService().stream().map(ci -> renderer.render(ci, false, false)).toList();
        });
    }

    @Override
    public Optional<CapacityProvider> capacityProvider(String region, String name) {
        Objects.requireNonNull(name, "name");
        RegionEngine state = engine(region);
        return state.read(() -> state.capacityProviders().describeCapacityProviders(
                DescribeCapacityProvidersRequest.builder().capacityProviders(name).build())
                .capacityProviders().stream().findFirst());
    }

    // ------------------------------------------------------------------ services and task definitions

    @Override
    public boolean serviceExists(String region, String cluster, String service) {
        RegionEngine state = engine(region);
        return state.read(() -> state.services().exists(cluster, service));
    }

    @Override
    public Optional<TaskDefinition> taskDefinition(String region, String reference) {
        RegionEngine state = engine(region);
        return state.read(() -> Optional.ofNullable(state.taskDefinitions().find(reference)));
    }

    // ------------------------------------------------------------------ Service Auto Scaling

    @Override
    public void registerScalableTarget(String region, String cluster, String service, int minCapacity,
                                       int maxCapacity, List<TargetTrackingPolicy> policies) {
        RegionEngine state = engine(region);
        state.read(() -> {
            SimulatedService s = state.services().resolveActive(cluster, service);
            DeclaredScaling.declare(state.service(ApplicationAutoScaling.SERVICE), s.clusterName(), s.name(),
                    minCapacity, maxCapacity, policies, resourceLabel(state, s));
            return null;
        });
    }

    /** The {@code app/.../targetgroup/...} label of the service's first target group behind an ALB, or null. */
    private static String resourceLabel(RegionEngine state, SimulatedService s) {
        LoadBalancing elb = state.service(LoadBalancing.SERVICE);
        for (var lb : s.loadBalancers()) {
            if (lb.targetGroupArn() == null) {
                continue;
            }
            TargetGroup tg = elb.inspectTargetGroup(lb.targetGroupArn());
            if (tg != null && tg.hasLoadBalancerArns() && !tg.loadBalancerArns().isEmpty()) {
                String lbArn = tg.loadBalancerArns().get(0);
                return lbArn.substring(lbArn.indexOf(":loadbalancer/") + ":loadbalancer/".length()) + "/"
                        + lb.targetGroupArn().substring(lb.targetGroupArn().indexOf(":targetgroup/") + 1);
            }
        }
        return null;
    }

    @Override
    public Optional<ServiceLoad> serviceLoad(String region, String cluster, String service) {
        RegionEngine state = engine(region);
        return Optional.ofNullable(state.serviceLoads().load(cluster, service));
    }

    @Override
    public void setServiceLoad(String region, String cluster, String service, ServiceLoad load) {
        engine(region).serviceLoads().setLoad(cluster, service, load);
    }

    @Override
    public double scalingMetric(String region, String cluster, String service, ScalingMetric metric) {
        return engine(region).serviceLoads().metricNow(cluster, service, metric);
    }

    private RegionEngine engine(String region) {
        return RegionEngine.of(ecs.region(Objects.requireNonNull(region, "region")));
    }

    @Override
    public String toString() {
        return "EngineSetup[" + ecs + "]";
    }
}
