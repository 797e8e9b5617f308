package dev.fakeecs.spi;

import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.ScalingMetric;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a world declaration (the DSL, a test kit) needs from the engine beyond the ECS API: the
 * parts of AWS around ECS that the fake simulates (EC2 hosts, EC2 Auto Scaling groups, Service Auto
 * Scaling and its load), the engine's catalogues (instance types, Fargate sizes, task size
 * strings), its JSON codec, lifecycle listeners, and reads of engine state that, unlike calls of
 * the {@link software.amazon.awssdk.services.ecs.EcsClient API}, never advance the clock in auto
 * clock mode and are never hit by API faults.
 *
 * <p>Everything handed out is an AWS SDK model object or a small immutable value; no engine object
 * leaks. Regions are named ({@code "us-east-1"}); an unknown one fails with an
 * IllegalArgumentException naming the world's regions. Every method of a world runs under the
 * engine lock.
 *
 * <pre>{@code
 * EngineSetup setup = EngineSetup.of(ecs);
 * String asg = setup.putAutoScalingGroup("us-east-1", new AutoScalingGroupConfig("kitchen", "m5.large",
 *         0, 6, 3, List.of(), false, "prod"));
 * ecs.api().createCapacityProvider(r -> r.name("kitchen")
 *         .autoScalingGroupProvider(p -> p.autoScalingGroupArn(asg)));
 * }</pre>
 */
public interface EngineSetup {

    /** How long an instance an Auto Scaling group launches takes to boot and register (60 s). */
    Duration AUTO_SCALING_GROUP_BOOT_DELAY = DefaultEngineSetup.AUTO_SCALING_GROUP_BOOT_DELAY;

    /** What RegisterTaskDefinition answers a cpu/memory pair Fargate does not offer. */
    String NO_FARGATE_CONFIGURATION = DefaultEngineSetup.NO_FARGATE_CONFIGURATION;

    /**
     * The setup view of a world.
     *
     * <pre>{@code
     * EngineSetup setup = EngineSetup.of(ecs);
     * }</pre>
     */
    static EngineSetup of(FakeEcs ecs) {
        return new DefaultEngineSetup(Objects.requireNonNull(ecs, "ecs"));
    }

    // ------------------------------------------------------------------ catalogues (no world needed)

    /**
     * The EC2 instance types the fake knows, in catalogue order; hosts and Auto Scaling groups of
     * any other type are refused.
     *
     * <pre>{@code
     * EngineSetup.instanceTypes().contains("g4dn.xlarge");   // true
     * }</pre>
     */
    static Set<String> instanceTypes() {
        return DefaultEngineSetup.instanceTypes();
    }

    /**
     * The task sizes Fargate offers: for each task cpu (CPU units, smallest first) the memory values
     * (MiB) it runs with. Any other pair is refused with {@link #NO_FARGATE_CONFIGURATION}.
     *
     * <pre>{@code
     * EngineSetup.fargateSizes().get(256);                    // [512, 1024, 2048]
     * EngineSetup.fargateSizes().keySet();                    // [256, 512, 1024, ...]
     * }</pre>
     */
    static Map<Integer, List<Integer>> fargateSizes() {
        return DefaultEngineSetup.fargateSizes();
    }

    /**
     * A task-level cpu string read as ECS reads it: CPU units ({@code "1024"}) or vCPUs
     * ({@code "0.25 vCPU"}); null when it is not a cpu size (or null).
     *
     * <pre>{@code
     * EngineSetup.taskCpuUnits("0.5 vCPU");   // 512
     * }</pre>
     */
    static Integer taskCpuUnits(String cpu) {
        return DefaultEngineSetup.taskCpuUnits(cpu);
    }

    /**
     * A task-level memory string read as ECS reads it: MiB ({@code "2048"}) or GB ({@code "2 GB"});
     * null when it is not a memory size (or null).
     *
     * <pre>{@code
     * EngineSetup.taskMemoryMiB("1 GB");   // 1024
     * }</pre>
     */
    static Integer taskMemoryMiB(String memory) {
        return DefaultEngineSetup.taskMemoryMiB(memory);
    }

    // ------------------------------------------------------------------ JSON (no world needed)

    /**
     * An SDK model object (request, response or nested shape) as the ECS JSON 1.1 wire protocol
     * writes it: member names as on the wire (camelCase), nulls left out, timestamps as epoch seconds;
     * a new node each call. What {@code aws ecs ... --cli-input-json} reads.
     *
     * <pre>{@code
     * ObjectNode json = EngineSetup.toJson(RegisterTaskDefinitionRequest.builder().family("orders").build());
     * }</pre>
     */
    static ObjectNode toJson(SdkPojo model) {
        return DefaultEngineSetup.toJson(model);
    }

    /**
     * Reads wire-protocol JSON into an SDK model class; unknown members are ignored.
     *
     * <pre>{@code
     * CreateServiceRequest r = EngineSetup.fromJson(new ObjectMapper().readTree(json), CreateServiceRequest.class);
     * }</pre>
     *
     * @throws IllegalArgumentException naming the member when the JSON is not an object, a member has
     *                                  the wrong JSON type or a required member is missing, or when
     *                                  {@code type} is not an SDK model class
     */
    static <T extends SdkPojo> T fromJson(JsonNode json, Class<T> type) {
        return DefaultEngineSetup.fromJson(json, type);
    }

    // ------------------------------------------------------------------ the world

    /**
     * The world's one instance of an add-on, made by {@code factory} on first use and kept as long
     * as the world (never in static state).
     *
     * <pre>{@code
     * AppliedRules rules = setup.extension(AppliedRules.class, AppliedRules::new);   // one per world
     * }</pre>
     */
    <T> T extension(Class<T> type, Supplier<T> factory);

    /**
     * Runs {@code body} under the engine lock, so no API call, clock event or other thread sees
     * the world half-changed.
     *
     * <pre>{@code
     * setup.locked(() -> { stopOldRecord(); startNewRecord(); return null; });
     * }</pre>
     */
    <T> T locked(Supplier<T> body);

    /**
     * Subscribes {@code listener} to task transitions and host terminations in every region.
     *
     * <pre>{@code
     * setup.addListener(new EngineListener() {
     *     public void onHostTerminated(String region, ContainerInstance host) { forget(host.containerInstanceArn()); }
     * });
     * }</pre>
     */
    void addListener(EngineListener listener);

    /**
     * A task by ARN (or id) in the first region that knows it, in any status.
     *
     * <pre>{@code
     * setup.task(taskArn).map(TaskSnapshot::isStopped);   // Optional[false]
     * }</pre>
     */
    Optional<TaskSnapshot> task(String taskArn);

    // ------------------------------------------------------------------ clusters and EC2 hosts

    /**
     * A cluster in any status, as DescribeClusters with {@code include SETTINGS, CONFIGURATIONS}
     * shows it; empty when the region never had it.
     *
     * <pre>{@code
     * setup.cluster("us-east-1", "prod").map(Cluster::capacityProviders);   // Optional[[FARGATE, kitchen]]
     * }</pre>
     */
    Optional<Cluster> cluster(String region, String cluster);

    /**
     * Turns Spot instance draining (the agent's {@code ECS_ENABLE_SPOT_INSTANCE_DRAINING}) on or off
     * for the cluster's EC2 hosts: with it, a Spot interruption notice sets the host DRAINING.
     *
     * <pre>{@code
     * setup.spotInstanceDraining("us-east-1", "prod", true);
     * }</pre>
     *
     * @throws IllegalArgumentException if the region has no such cluster
     */
    void spotInstanceDraining(String region, String cluster, boolean enabled);

    /**
     * The cluster's registered container instances (ACTIVE and DRAINING), in registration order, as
     * DescribeContainerInstances shows them.
     *
     * <pre>{@code
     * setup.containerInstances("us-east-1", "prod").size();   // 3
     * }</pre>
     */
    List<ContainerInstance> containerInstances(String region, String cluster);

    /**
     * Launches a simulated EC2 host (ECS-optimized AMI) that registers with the cluster at once.
     *
     * <pre>{@code
     * ContainerInstance host = setup.launchHost("us-east-1", "prod", "m5.large", "us-east-1a", null);
     * }</pre>
     *
     * @param cluster          cluster name (null: {@code default}, created if missing)
     * @param instanceType     one of {@link #instanceTypes()}
     * @param availabilityZone one of the region's zones, or null for the zone with the fewest hosts
     * @param capacityProvider the Auto Scaling group capacity provider the host belongs to, or null
     * @throws software.amazon.awssdk.services.ecs.model.InvalidParameterException for an unknown type or zone
     */
    ContainerInstance launchHost(String region, String cluster, String instanceType, String availabilityZone,
                                 String capacityProvider);

    // ------------------------------------------------------------------ Auto Scaling groups, capacity providers

    /**
     * Creates the Auto Scaling group and launches its desired instances, or, when a group of that
     * name exists, changes its min, max and desired (journal reason {@code declared}); an existing
     * group keeps its instance type, zones, lifecycle and cluster.
     *
     * <pre>{@code
     * String arn = setup.putAutoScalingGroup("us-east-1",
     *         new AutoScalingGroupConfig("kitchen", "m5.large", 0, 6, 3, List.of(), false, "prod"));
     * }</pre>
     *
     * @return the group's ARN, for CreateCapacityProvider's {@code autoScalingGroupArn}
     */
    String putAutoScalingGroup(String region, AutoScalingGroupConfig group);

    /**
     * The group's running EC2 hosts in launch order, as DescribeContainerInstances shows them; a host
     * deregistered from ECS but not terminated is still one of them, as in a real group.
     *
     * <pre>{@code
     * setup.autoScalingGroupInstances("us-east-1", "gpu-pool").stream().map(ContainerInstance::ec2InstanceId);
     * }</pre>
     *
     * @throws IllegalArgumentException if the region has no group of that name
     */
    List<ContainerInstance> autoScalingGroupInstances(String region, String group);

    /**
     * A capacity provider by name or ARN in any status, as DescribeCapacityProviders shows it; empty
     * when there is none.
     *
     * <pre>{@code
     * setup.capacityProvider("us-east-1", "kitchen").map(CapacityProvider::statusAsString);   // Optional[ACTIVE]
     * }</pre>
     */
    Optional<CapacityProvider> capacityProvider(String region, String name);

    // ------------------------------------------------------------------ services and task definitions

    /**
     * True when the cluster has (or had) a service of that name, in any status.
     *
     * <pre>{@code
     * setup.serviceExists("us-east-1", "prod", "orders");   // false before CreateService
     * }</pre>
     */
    boolean serviceExists(String region, String cluster, String service);

    /**
     * A task definition as DescribeTaskDefinition shows it: a family's latest ACTIVE revision,
     * {@code family:revision} or an ARN; empty when there is none.
     *
     * <pre>{@code
     * setup.taskDefinition("us-east-1", "orders").map(TaskDefinition::revision);   // Optional[3]
     * }</pre>
     */
    Optional<TaskDefinition> taskDefinition(String region, String reference);

    // ------------------------------------------------------------------ Service Auto Scaling

    /**
     * Registers an ACTIVE service as a scalable target of Application Auto Scaling with these bounds (or changes
     * the bounds of a registered one, clamping its desired count) and puts one target tracking policy per
     * {@code policies} entry, exactly as {@code RegisterScalableTarget} and {@code PutScalingPolicy} would (the
     * policy named after its metric and target, e.g. {@code ECSServiceAverageCPUUtilization-60}; an equal policy
     * put again changes nothing). The target, policies and their CloudWatch alarms are visible through both APIs.
     *
     * <pre>{@code
     * setup.registerScalableTarget("us-east-1", "prod", "orders", 2, 20, List.of(TargetTrackingPolicy.cpu(60)));
     * }</pre>
     *
     * @throws software.amazon.awssdk.services.ecs.model.EcsException if the service is missing or not ACTIVE
     */
    void registerScalableTarget(String region, String cluster, String service, int minCapacity, int maxCapacity,
                                List<TargetTrackingPolicy> policies);

    /**
     * The load offered to a service; empty when none was set.
     *
     * <pre>{@code
     * ServiceLoad now = setup.serviceLoad("us-east-1", "prod", "orders").orElseThrow();
     * }</pre>
     */
    Optional<ServiceLoad> serviceLoad(String region, String cluster, String service);

    /**
     * Sets the load offered to a service: it drives its {@code AWS/ECS} CPU and memory metrics (and so the
     * policies and alarms that track them, registered here or through Application Auto Scaling's API) and the
     * requests it offers its target groups.
     *
     * <pre>{@code
     * setup.setServiceLoad("us-east-1", "prod", "orders", new ServiceLoad(at -> 600, 50));
     * }</pre>
     *
     * @throws software.amazon.awssdk.services.ecs.model.EcsException if the service is missing or not ACTIVE
     */
    void setServiceLoad(String region, String cluster, String service, ServiceLoad load);

    /**
     * A scalable target's metric now, as its alarms see it (NaN without data).
     *
     * <pre>{@code
     * setup.scalingMetric("us-east-1", "prod", "orders", ScalingMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION);   // 60.0
     * }</pre>
     *
     * @throws software.amazon.awssdk.services.ecs.model.EcsException if the service is no scalable target
     */
    double scalingMetric(String region, String cluster, String service, ScalingMetric metric);
}
