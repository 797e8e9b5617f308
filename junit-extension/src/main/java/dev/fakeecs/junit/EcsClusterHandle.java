package dev.fakeecs.junit;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.VirtualClock;
import dev.fakeecs.internal.cluster.Cluster;
import dev.fakeecs.internal.containerinstance.ContainerInstance;
import dev.fakeecs.junit.assertions.JournalWindow;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.service.Service;
import dev.fakeecs.internal.task.Task;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One cluster of the test's world: its name, ARN and region, the ECS API of that region, live
 * handles on its services, tasks and container instances, and a few helpers for common setup.
 * Injected by {@link EcsCluster}; handles re-read engine state on every call, so they stay valid as
 * virtual time moves.
 *
 * <pre>{@code
 * @Test
 * void orders_scale(EcsClusterHandle prod) {
 *     EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);
 *     prod.clock().advance(Duration.ofMinutes(3));
 *     assertThat(orders).hasRunningCount(2).isSteady();
 *     prod.api().updateService(r -> r.cluster(prod.name()).service("orders").desiredCount(5));
 * }
 * }</pre>
 */
public class EcsClusterHandle {

    /** The subnets services created by {@link #fargateService} use. */
    public static final NetworkConfiguration DEFAULT_NETWORK = NetworkConfiguration.builder()
            .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-fake-ecs").build()).build();

    private final FakeEcs ecs;
    private final String region;
    private final String name;
    private EcsClient client;

    /** A handle on cluster {@code name} of {@code region} in {@code ecs}. */
    public EcsClusterHandle(FakeEcs ecs, String region, String name) {
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.region = Objects.requireNonNull(region, "region");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The cluster's name. */
    public String name() {
        return name;
    }

    /** The cluster's region. */
    public String region() {
        return region;
    }

    /** The cluster's ARN. */
    public String arn() {
        Cluster c = cluster();
        return c == null ? state().arns().cluster(name) : c.arn();
    }

    /** The world the cluster lives in. */
    public FakeEcs ecs() {
        return ecs;
    }

    /** The world's virtual clock. */
    public VirtualClock clock() {
        return ecs.clock();
    }

    /** The region's ECS API, in process and without serialisation. */
    public EcsClient api() {
        return ecs.region(region).api();
    }

    /** A real AWS SDK client for the cluster's region, wired in process (made once, closed with the world). */
    public synchronized EcsClient client() {
        if (client == null) {
            client = ecs.newClient(region);
        }
        return client;
    }

    /** The engine state of the cluster's region (for assertions and advanced setup). */
    public RegionEngine state() {
        return RegionEngine.of(ecs.region(region));
    }

    /** The engine's cluster, or null if it does not exist (any more). */
    public Cluster cluster() {
        return state().read(() -> state().clusters().find(name));
    }

    /** A live handle on a service of this cluster (it need not exist yet). */
    public EcsServiceHandle service(String serviceName) {
        return new EcsServiceHandle(this, serviceName);
    }

    /** Handles on the cluster's services that are not INACTIVE, in creation order. */
    public List<EcsServiceHandle> services() {
        return state().read(() -> state().services().inCluster(name)).stream()
                .map(s -> new EcsServiceHandle(this, s.name())).toList();
    }

    /** Handles on the cluster's tasks that are not STOPPED, in launch order. */
    public List<EcsTaskHandle> tasks() {
        return state().read(() -> state().tasks().activeInCluster(name)).stream()
                .map(t -> new EcsTaskHandle(this, t.arn())).toList();
    }

    /** A live handle on a task by id or ARN. */
    public EcsTaskHandle task(String idOrArn) {
        Task t = state().read(() -> state().tasks().find(idOrArn));
        return new EcsTaskHandle(this, t == null ? idOrArn : t.arn());
    }

    /** Handles on the cluster's registered container instances. */
    public List<EcsContainerInstanceHandle> containerInstances() {
        return state().read(() -> state().containerInstances().inCluster(name)).stream()
                .map(ci -> new EcsContainerInstanceHandle(this, ci.arn())).toList();
    }

    /** Launches simulated EC2 hosts that register with this cluster, spread round-robin over the region's zones. */
    public List<EcsContainerInstanceHandle> launchHosts(String instanceType, int count) {
        List<String> zones = ecs.region(region).availabilityZones();
        return state().read(() -> {
            List<EcsContainerInstanceHandle> launched = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                ContainerInstance ci = state().containerInstances().launchHost(name, instanceType,
                        zones.get(i % zones.size()), null);
                launched.add(new EcsContainerInstanceHandle(this, ci.arn()));
            }
            return launched;
        });
    }

    /**
     * Registers a Fargate task definition (family = {@code serviceName}, 256 CPU, 512 MiB, one
     * container running {@code image}) and creates a Fargate service with {@code desiredCount} tasks.
     *
     * <pre>{@code
     * EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 3);
     * }</pre>
     */
    public EcsServiceHandle fargateService(String serviceName, String image, int desiredCount) {
        return fargateService(serviceName, image, desiredCount, r -> r.launchType(LaunchType.FARGATE));
    }

    /**
     * Like {@link #fargateService(String, String, int)}, with the create request open to changes
     * (capacity provider strategy, deployment configuration, placement):
     *
     * <pre>{@code
     * prod.fargateService("orders", "acme/orders:1", 4, r -> r.launchType((String) null)
     *     .capacityProviderStrategy(s -> s.capacityProvider("FARGATE_SPOT").weight(1)));
     * }</pre>
     */
    public EcsServiceHandle fargateService(String serviceName, String image, int desiredCount,
                                           Consumer<CreateServiceRequest.Builder> more) {
        String td = api().registerTaskDefinition(r -> r.family(serviceName)
                        .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC)
                        .cpu("256").memory("512")
                        .containerDefinitions(ContainerDefinition.builder().name("app").image(image).build()))
                .taskDefinition().taskDefinitionArn();
        api().createService(r -> {
            r.cluster(name).serviceName(serviceName).taskDefinition(td).desiredCount(desiredCount)
                    .networkConfiguration(DEFAULT_NETWORK);
            more.accept(r);
        });
        return service(serviceName);
    }

    /** Sets a service's desired count (UpdateService). */
    public EcsServiceHandle scale(String serviceName, int desiredCount) {
        api().updateService(r -> r.cluster(name).service(serviceName).desiredCount(desiredCount));
        return service(serviceName);
    }

    /** A mark in the world's journal, for {@link #changesSince(long)}. */
    public long mark() {
        return ecs.journal().mark();
    }

    /** The journal entries recorded since {@code mark}, for {@code assertThat(prod.changesSince(mark))}. */
    public JournalWindow changesSince(long mark) {
        return JournalWindow.since(ecs, mark);
    }

    Service findService(String serviceName) {
        return state().read(() -> state().services().find(name, serviceName));
    }

    @Override
    public String toString() {
        return "cluster " + name + " (" + region + ")";
    }
}
