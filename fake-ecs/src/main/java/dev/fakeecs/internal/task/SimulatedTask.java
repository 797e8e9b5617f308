package dev.fakeecs.internal.task;

import dev.fakeecs.clock.ScheduledEvent;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.HostedTask;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One task: what it runs, where, its place in the lifecycle
 * (PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED),
 * its timestamps and why it stopped. Mutable engine state, changed only under the engine lock.
 *
 * <pre>{@code
 * SimulatedTask t = RegionEngine.of(ecs.defaultRegion()).tasks().find(taskArn);
 * t.lastStatus();      // "RUNNING"
 * t.stopCode();        // null until it stops
 * }</pre>
 */
public final class SimulatedTask implements HostedTask {

    private final String id;
    private final String arn;
    private final String clusterName;
    private final TaskDefinition taskDefinition;
    private final String launchType;
    private final String capacityProviderName;
    private final String group;
    private final String startedBy;
    private final TaskOverride overrides;
    private final int cpuReservation;
    private final int memoryReservation;
    private final List<Integer> hostPorts;
    private final List<Integer> udpHostPorts;
    private List<String> gpuIds;
    private final boolean usesEni;
    private final List<SimulatedContainer> containers = new ArrayList<>();
    private final List<ScheduledEvent> pendingEvents = new ArrayList<>();
    private final Instant createdAt;
    private SimulatedContainerInstance containerInstance;
    private String availabilityZone;
    private String privateIp;
    private String lastStatus = "PROVISIONING";
    private String desiredStatus = "RUNNING";
    private String healthStatus = "UNKNOWN";
    private Instant pullStartedAt;
    private Instant pullStoppedAt;
    private Instant startedAt;
    private Instant connectivityAt;
    private Instant stoppingAt;
    private Instant executionStoppedAt;
    private Instant stoppedAt;
    private Instant healthyAt;
    private String stopCode;
    private String stoppedReason;
    private long version = 1;
    private String serviceName;
    private String deploymentId;
    private boolean protectedFromScaleIn;
    private Instant protectionExpiresAt;
    private boolean enableExecuteCommand;
    private String platformVersion;
    private java.time.Duration activation = java.time.Duration.ZERO;
    private java.util.Map<String, List<Integer>> hostPortBindings = java.util.Map.of();
    private List<Integer> ephemeralHostPorts = List.of();
    private boolean behindLoadBalancer;
    private boolean targetsHealthy;

    public SimulatedTask(String id, String arn, String clusterName, TaskDefinition taskDefinition, String launchType,
                String capacityProviderName, String group, String startedBy, TaskOverride overrides,
                int cpuReservation, int memoryReservation, List<Integer> hostPorts, List<Integer> udpHostPorts,
                List<String> gpuIds, boolean usesEni, Instant createdAt) {
        this.id = id;
        this.arn = arn;
        this.clusterName = clusterName;
        this.taskDefinition = taskDefinition;
        this.launchType = launchType;
        this.capacityProviderName = capacityProviderName;
        this.group = group;
        this.startedBy = startedBy;
        this.overrides = overrides;
        this.cpuReservation = cpuReservation;
        this.memoryReservation = memoryReservation;
        this.hostPorts = List.copyOf(hostPorts);
        this.udpHostPorts = List.copyOf(udpHostPorts);
        this.gpuIds = List.copyOf(gpuIds);
        this.usesEni = usesEni;
        this.createdAt = createdAt;
    }

    public String id() { return id; }
    @Override
    public String arn() { return arn; }
    public String clusterName() { return clusterName; }
    public TaskDefinition taskDefinition() { return taskDefinition; }
    /** EC2, FARGATE or EXTERNAL. */
    public String launchType() { return launchType; }
    public boolean isFargate() { return "FARGATE".equals(launchType); }
    /** The capacity provider the task was launched with, or null for an explicit launch type. */
    public String capacityProviderName() { return capacityProviderName; }
    @Override
    public String group() { return group; }
    public String startedBy() { return startedBy; }
    public TaskOverride overrides() { return overrides; }
    @Override
    public int cpuReservation() { return cpuReservation; }
    @Override
    public int memoryReservation() { return memoryReservation; }
    @Override
    public List<Integer> hostPorts() { return hostPorts; }
    @Override
    public List<Integer> udpHostPorts() { return udpHostPorts; }
    @Override
    public List<String> gpuIds() { return gpuIds; }
    /** The GPUs assigned on the host the task was placed on. */
    public void gpuIds(List<String> ids) { this.gpuIds = List.copyOf(ids); }
    @Override
    public boolean usesEni() { return usesEni; }
    public List<SimulatedContainer> containers() { return containers; }
    /** Clock events this task is waiting on; cancelled when it stops early. */
    public List<ScheduledEvent> pendingEvents() { return pendingEvents; }
    public Instant createdAt() { return createdAt; }

    public SimulatedContainerInstance containerInstance() { return containerInstance; }
    public void containerInstance(SimulatedContainerInstance instance) { this.containerInstance = instance; }
    public String availabilityZone() { return availabilityZone; }
    public void availabilityZone(String az) { this.availabilityZone = az; }
    public String privateIp() { return privateIp; }
    public void privateIp(String ip) { this.privateIp = ip; }

    @Override
    public String lastStatus() { return lastStatus; }
    public void lastStatus(String status) { this.lastStatus = status; version++; }
    @Override
    public String desiredStatus() { return desiredStatus; }
    /** Sets the desired status; a change counts as a state change and increments {@link #version()}. */
    public void desiredStatus(String status) {
        if (!status.equals(this.desiredStatus)) {
            this.desiredStatus = status;
            version++;
        }
    }
    public String healthStatus() { return healthStatus; }
    public void healthStatus(String status) { this.healthStatus = status; }

    public Instant pullStartedAt() { return pullStartedAt; }
    public void pullStartedAt(Instant t) { this.pullStartedAt = t; }
    public Instant pullStoppedAt() { return pullStoppedAt; }
    public void pullStoppedAt(Instant t) { this.pullStoppedAt = t; }
    public Instant startedAt() { return startedAt; }
    public void startedAt(Instant t) { this.startedAt = t; }
    public Instant connectivityAt() { return connectivityAt; }
    public void connectivityAt(Instant t) { this.connectivityAt = t; }
    public Instant stoppingAt() { return stoppingAt; }
    public void stoppingAt(Instant t) { this.stoppingAt = t; }
    public Instant executionStoppedAt() { return executionStoppedAt; }
    public void executionStoppedAt(Instant t) { this.executionStoppedAt = t; }
    public Instant stoppedAt() { return stoppedAt; }
    public void stoppedAt(Instant t) { this.stoppedAt = t; }
    /** When the task first counted as healthy (for deployments), or null. */
    public Instant healthyAt() { return healthyAt; }
    public void healthyAt(Instant t) { this.healthyAt = t; }

    public String stopCode() { return stopCode; }
    public String stoppedReason() { return stoppedReason; }
    public void stop(String code, String reason) { this.stopCode = code; this.stoppedReason = reason; }
    public long version() { return version; }

    /** The service that owns this task, or null for a standalone task. */
    public String serviceName() { return serviceName; }
    public void serviceName(String name) { this.serviceName = name; }
    /** The deployment (ecs-svc/...) that started this task, or null. */
    public String deploymentId() { return deploymentId; }
    public void deploymentId(String id) { this.deploymentId = id; }

    public boolean protectedFromScaleIn() { return protectedFromScaleIn; }
    public Instant protectionExpiresAt() { return protectionExpiresAt; }
    public void protection(boolean enabled, Instant expiresAt) {
        this.protectedFromScaleIn = enabled;
        this.protectionExpiresAt = enabled ? expiresAt : null;
    }
    public boolean enableExecuteCommand() { return enableExecuteCommand; }
    public void enableExecuteCommand(boolean v) { this.enableExecuteCommand = v; }
    public String platformVersion() { return platformVersion; }
    public void platformVersion(String v) { this.platformVersion = v; }

    /**
     * The host port of each port mapping of each container (by container name, in portMappings
     * order), decided when the task was placed on an EC2 host in {@code bridge} or {@code host}
     * network mode; empty otherwise.
     */
    public java.util.Map<String, List<Integer>> hostPortBindings() { return hostPortBindings; }

    /** Host ports drawn from the ephemeral range for dynamic ({@code hostPort} 0 or omitted) bridge mappings. */
    @Override
    public List<Integer> ephemeralHostPorts() { return ephemeralHostPorts; }

    /** Records the host ports chosen at placement: every mapping's, and which of them are ephemeral. */
    public void bindHostPorts(java.util.Map<String, List<Integer>> bindings, List<Integer> ephemeral) {
        this.hostPortBindings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bindings));
        this.ephemeralHostPorts = List.copyOf(ephemeral);
    }

    /** Whether the task registered load balancer targets (its service's {@code loadBalancers}). */
    public boolean behindLoadBalancer() { return behindLoadBalancer; }
    /** Whether every load balancer target of the task is {@code healthy} now (false without targets). */
    public boolean targetsHealthy() { return targetsHealthy; }

    /** Records the task's load balancer targets: whether it has any, and whether all are healthy. */
    public void loadBalancerHealth(boolean behind, boolean allHealthy) {
        this.behindLoadBalancer = behind;
        this.targetsHealthy = behind && allHealthy;
    }

    /** How long ACTIVATING lasts for this task (decided at launch). */
    public java.time.Duration activation() { return activation; }
    public void setActivation(java.time.Duration d) { this.activation = d; }

    /** True once the task has been told to stop or has stopped. */
    @Override
    public boolean isStoppingOrStopped() {
        return "STOPPED".equals(desiredStatus);
    }

    @Override
    public boolean isStopped() {
        return "STOPPED".equals(lastStatus);
    }

    public boolean isRunning() {
        return "RUNNING".equals(lastStatus);
    }

    /** The container of that name, or null. */
    public SimulatedContainer container(String name) {
        for (SimulatedContainer c : containers) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Task[" + id + " " + taskDefinition.family() + ":" + taskDefinition.revision() + " " + lastStatus
                + "/" + desiredStatus + "]";
    }

    /** The tasks placed on a container instance that have not reached STOPPED, in placement order. */
    public static List<SimulatedTask> placedOn(SimulatedContainerInstance instance) {
        List<SimulatedTask> placed = new java.util.ArrayList<>(instance.tasks().size());
        for (HostedTask hosted : instance.tasks()) {
            placed.add((SimulatedTask) hosted);   // the one HostedTask implementation
        }
        return placed;
    }
}
