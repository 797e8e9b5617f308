package dev.fakeecs.junit.handle;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.VirtualClock;
import dev.fakeecs.spi.EngineInspector;
import dev.fakeecs.spi.EngineSetup;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One cluster of the test's world: its name, ARN and region, the ECS API of that region, live
 * handles on its services, tasks and container instances, and a few helpers for common setup.
 * Injected by {@code @EcsCluster}; handles re-read the engine on every call, so they stay valid as
 * virtual time moves, and what they answer is the AWS SDK's own model ({@link #describe()}).
 *
 * <p>The {@code fargateService} helpers, every overload alike, register a task definition of family
 * {@code serviceName} (network mode awsvpc, 256 CPU units and 512 MiB, one essential container named
 * {@value #DEFAULT_CONTAINER} running the image) and create a service with launch type
 * {@code FARGATE} in subnet {@code subnet-fake-ecs} ({@link #DEFAULT_NETWORK}). A customizer may
 * change the request, but the launch type stays FARGATE unless the customizer itself replaces it.
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

    /** The network of services created by {@link #fargateService}: awsvpc in subnet {@code subnet-fake-ecs}. */
    public static final NetworkConfiguration DEFAULT_NETWORK = NetworkConfiguration.builder()
            .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-fake-ecs").build()).build();

    /** The container name of task definitions registered by {@link #fargateService}. */
    public static final String DEFAULT_CONTAINER = "app";

    private final FakeEcs ecs;
    private final String region;
    private final String name;
    private EcsClient client;
    private ElasticLoadBalancingV2Client loadBalancingClient;

    /** A handle on cluster {@code name} of {@code region} in {@code ecs} (the cluster need not exist yet). */
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

    /** The cluster's ARN (whether or not it exists). */
    public String arn() {
        return inspector().clusterArn(region, name);
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

    /**
     * The cluster as DescribeClusters shows it (with its tags), or null if it never existed. Reading
     * it is not an API call: no fault applies and the clock does not move.
     *
     * <pre>{@code prod.describe().runningTasksCount(); }</pre>
     */
    public Cluster describe() {
        return inspector().cluster(region, name);
    }

    /**
     * The API calls the world received in this cluster's region, from every simulated service, over the HTTP server
     * or from in-process SDK clients (the injected {@code EcsClient}, {@link #client()}); not the calls of
     * {@link #api()}, which the setup helpers use. For every region: {@code EcsCallsHandle.of(prod.ecs())}.
     *
     * <pre>{@code
     * assertThat(prod.calls()).hasCalled(UpdateServiceRequest.class).withRequest(r -> r.desiredCount() == 4).once();
     * }</pre>
     */
    public EcsCallsHandle calls() {
        return EcsCallsHandle.inRegion(ecs, region);
    }

    /** A live handle on a service of this cluster (it need not exist yet). */
    public EcsServiceHandle service(String serviceName) {
        return new EcsServiceHandle(this, serviceName);
    }

    /** Handles on the cluster's services that are not INACTIVE, in creation order. */
    public List<EcsServiceHandle> services() {
        return inspector().services(region, name).stream()
                .map(s -> new EcsServiceHandle(this, s.serviceName())).toList();
    }

    /** Handles on the cluster's tasks that are not STOPPED, in launch order. */
    public List<EcsTaskHandle> tasks() {
        return inspector().tasks(region, name).stream()
                .map(t -> new EcsTaskHandle(this, t.taskArn())).toList();
    }

    /** A live handle on a task by id or ARN. */
    public EcsTaskHandle task(String idOrArn) {
        Task t = inspector().task(region, idOrArn);
        return new EcsTaskHandle(this, t == null ? idOrArn : t.taskArn());
    }

    /**
     * A live handle on an Elastic Load Balancing target group of the cluster's region, by name or ARN (it need
     * not exist yet).
     *
     * <pre>{@code assertThat(prod.targetGroup("web-tg")).eventually(within(ofMinutes(5))).hasHealthyTargets(2); }</pre>
     */
    public EcsTargetGroupHandle targetGroup(String nameOrArn) {
        return new EcsTargetGroupHandle(ecs, region, nameOrArn);
    }

    /**
     * A live handle on a CloudWatch metric alarm of the cluster's region, by name (it need not exist yet).
     *
     * <pre>{@code assertThat(prod.alarm("shop-5xx")).eventually(within(ofMinutes(5))).isInAlarm(); }</pre>
     */
    public EcsAlarmHandle alarm(String name) {
        return new EcsAlarmHandle(ecs, region, name);
    }

    /**
     * A real AWS SDK Elastic Load Balancing v2 client for the cluster's region, wired in process (made once,
     * closed with the world).
     *
     * <pre>{@code prod.loadBalancingClient().describeTargetGroups(r -> r.names("web-tg")); }</pre>
     */
    public synchronized ElasticLoadBalancingV2Client loadBalancingClient() {
        if (loadBalancingClient == null) {
            loadBalancingClient = ecs.newLoadBalancingClient(region);
        }
        return loadBalancingClient;
    }

    /** Handles on the cluster's registered container instances (ACTIVE and DRAINING), in registration order. */
    public List<EcsContainerInstanceHandle> containerInstances() {
        return inspector().containerInstances(region, name).stream()
                .map(ci -> new EcsContainerInstanceHandle(this, ci.containerInstanceArn())).toList();
    }

    /**
     * Launches simulated EC2 hosts that register with this cluster, spread round-robin over the
     * region's zones (the first host in the first zone). Each registers as the ECS agent of a real
     * host does, with RegisterContainerInstance and its instance identity document (instance type
     * and zone), so API faults apply and, in auto clock mode, each registration is an API call.
     *
     * <pre>{@code List<EcsContainerInstanceHandle> hosts = prod.launchHosts("m5.large", 3); }</pre>
     */
    public List<EcsContainerInstanceHandle> launchHosts(String instanceType, int count) {
        Objects.requireNonNull(instanceType, "instanceType");
        List<String> zones = ecs.region(region).availabilityZones();
        EngineSetup setup = EngineSetup.of(ecs);
        return setup.locked(() -> {
            // simulated EC2 hosts, as the engine launches them (not an API call: no API fault, no auto-advance)
            List<EcsContainerInstanceHandle> launched = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String arn = setup.launchHost(region, name, instanceType, zones.get(i % zones.size()), null)
                        .containerInstanceArn();
                launched.add(new EcsContainerInstanceHandle(this, arn));
            }
            return launched;
        });
    }

    /**
     * Registers a Fargate task definition and creates a FARGATE service of {@code desiredCount}
     * tasks running {@code image}. Defaults: task definition family {@code serviceName}, network mode
     * awsvpc, 256 CPU units and 512 MiB, one essential container named {@value #DEFAULT_CONTAINER};
     * the service has launch type FARGATE and runs in subnet {@code subnet-fake-ecs}
     * ({@link #DEFAULT_NETWORK}).
     *
     * <pre>{@code
     * EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 3);
     * }</pre>
     */
    public EcsServiceHandle fargateService(String serviceName, String image, int desiredCount) {
        return fargateService(serviceName, image, desiredCount, r -> { });
    }

    /**
     * Like {@link #fargateService(String, String, int)} (same defaults, launch type FARGATE), with
     * the CreateService request open to changes before it is sent: deployment configuration,
     * placement, tags, or capacity providers instead of the launch type.
     *
     * <pre>{@code
     * prod.fargateService("orders", "acme/orders:1", 4, r -> r.launchType((String) null)
     *     .capacityProviderStrategy(s -> s.capacityProvider("FARGATE_SPOT").weight(1)));
     * }</pre>
     */
    public EcsServiceHandle fargateService(String serviceName, String image, int desiredCount,
                                           Consumer<CreateServiceRequest.Builder> customizer) {
        Objects.requireNonNull(customizer, "customizer");
        String td = api().registerTaskDefinition(r -> r.family(serviceName)
                        .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC)
                        .cpu("256").memory("512")
                        .containerDefinitions(ContainerDefinition.builder().name(DEFAULT_CONTAINER).image(image)
                                .build()))
                .taskDefinition().taskDefinitionArn();
        api().createService(r -> {
            r.cluster(name).serviceName(serviceName).taskDefinition(td).desiredCount(desiredCount)
                    .networkConfiguration(DEFAULT_NETWORK).launchType(LaunchType.FARGATE);
            customizer.accept(r);
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

    /** The engine's read-only view of this cluster's world. */
    EngineInspector inspector() {
        return EngineInspector.of(ecs);
    }

    @Override
    public String toString() {
        return "cluster " + name + " (" + region + ")";
    }
}
