package dev.fakeecs.internal.containerinstance;


import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container instance: an EC2 host registered to a cluster, with the resources it registered,
 * what its tasks reserve, its attributes, status and agent connection. Mutable engine state,
 * changed only under the engine lock.
 *
 * <pre>{@code
 * SimulatedContainerInstance host = containerInstances.launchHost("prod", "m5.large", "us-east-1a", null);
 * host.remainingCpu();  // 2048 before any task
 * }</pre>
 */
public final class SimulatedContainerInstance {

    /** Host ports the agent reserves on Linux by default. */
    public static final List<Integer> DEFAULT_RESERVED_PORTS = List.of(22, 2375, 2376, 51678, 51679);
    /** First port of the ephemeral range dynamic bridge host ports come from (Linux fallback 49153-65535). */
    public static final int EPHEMERAL_PORT_MIN = 49153;
    /** Last port of the ephemeral range. */
    public static final int EPHEMERAL_PORT_MAX = 65535;

    private final String id;
    private final String arn;
    private final String clusterName;
    private final String ec2InstanceId;
    private final InstanceType instanceType;
    private final String availabilityZone;
    private final Instant registeredAt;
    private final String capacityProviderName;
    private final List<String> gpuIds;
    private final Set<Integer> reservedPorts = new LinkedHashSet<>(DEFAULT_RESERVED_PORTS);
    private final Set<Integer> reservedUdpPorts = new LinkedHashSet<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Set<String> cachedImages = new LinkedHashSet<>();
    private final Set<HostedTask> tasks = new LinkedHashSet<>();
    private final Set<HostedTask> liveTasks = new java.util.HashSet<>();
    private final java.util.Map<String, Integer> liveByGroup = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> presentByGroup = new java.util.HashMap<>();
    private final Set<Integer> usedPorts = new LinkedHashSet<>();
    private final Set<Integer> usedUdpPorts = new LinkedHashSet<>();
    private final Set<String> usedGpus = new LinkedHashSet<>();
    private final Set<Integer> ephemeralPorts = new java.util.TreeSet<>();
    private String status = "ACTIVE";
    private String statusReason;
    private boolean agentConnected = true;
    private String agentVersion = "1.88.0";
    private String agentUpdateStatus;
    private long version = 1;
    private int registeredCpu;
    private int registeredMemory;
    private boolean spot;
    private int usedCpu;
    private int usedMemory;
    private int usedEnis;

    public SimulatedContainerInstance(String id, String arn, String clusterName, String ec2InstanceId,
                             InstanceType instanceType, String availabilityZone, Instant registeredAt,
                             String capacityProviderName, List<String> gpuIds) {
        this.id = id;
        this.arn = arn;
        this.clusterName = clusterName;
        this.ec2InstanceId = ec2InstanceId;
        this.instanceType = instanceType;
        this.availabilityZone = availabilityZone;
        this.registeredAt = registeredAt;
        this.capacityProviderName = capacityProviderName;
        this.gpuIds = List.copyOf(gpuIds);
        this.registeredCpu = instanceType.cpuUnits();
        this.registeredMemory = instanceType.memoryMiB();
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public String clusterName() {
        return clusterName;
    }

    public String ec2InstanceId() {
        return ec2InstanceId;
    }

    public InstanceType instanceType() {
        return instanceType;
    }

    public String availabilityZone() {
        return availabilityZone;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    /** The ASG capacity provider this host belongs to, or null. */
    public String capacityProviderName() {
        return capacityProviderName;
    }

    public String status() {
        return status;
    }

    public void status(String status) {
        this.status = status;
        this.version++;
    }

    public String statusReason() {
        return statusReason;
    }

    public void statusReason(String reason) {
        this.statusReason = reason;
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public boolean agentConnected() {
        return agentConnected;
    }

    public void agentConnected(boolean connected) {
        this.agentConnected = connected;
        this.version++;
    }

    public String agentVersion() {
        return agentVersion;
    }

    public void agentVersion(String agentVersion) {
        this.agentVersion = agentVersion;
    }

    public String agentUpdateStatus() {
        return agentUpdateStatus;
    }

    public void agentUpdateStatus(String value) {
        this.agentUpdateStatus = value;
    }

    public long version() {
        return version;
    }

    public void bumpVersion() {
        version++;
    }

    /** Attributes by name (built-ins such as ecs.availability-zone and custom ones); mutable. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** Images already pulled on this host (a later pull is fast). */
    public Set<String> cachedImages() {
        return cachedImages;
    }

    public Set<Integer> reservedPorts() {
        return reservedPorts;
    }

    public Set<Integer> reservedUdpPorts() {
        return reservedUdpPorts;
    }

    public List<String> gpuIds() {
        return gpuIds;
    }

    /** Tasks placed here that are not yet STOPPED, in placement order. */
    public Set<HostedTask> tasks() {
        return Collections.unmodifiableSet(tasks);
    }

    /** CPU units registered: the instance type's, unless RegisterContainerInstance gave totalResources. */
    public int registeredCpu() {
        return registeredCpu;
    }

    /** Memory (MiB) registered: the instance type's, unless RegisterContainerInstance gave totalResources. */
    public int registeredMemory() {
        return registeredMemory;
    }

    /** Overrides what the host registers (RegisterContainerInstance with totalResources). */
    public void registeredResources(int cpu, int memory) {
        this.registeredCpu = cpu;
        this.registeredMemory = memory;
        version++;
    }

    /** True for an EC2 Spot host (an ASG launching Spot capacity). */
    public boolean spot() {
        return spot;
    }

    public void spot(boolean spot) {
        this.spot = spot;
    }

    /** True for ACTIVE and DRAINING: registered, counted by the cluster. */
    public boolean isRegistered() {
        return "ACTIVE".equals(status) || "DRAINING".equals(status);
    }

    public int remainingCpu() {
        return registeredCpu() - usedCpu;
    }

    public int remainingMemory() {
        return registeredMemory() - usedMemory;
    }

    /** Host TCP ports in use: the agent's reserved ones plus those tasks hold. */
    public Set<Integer> portsInUse() {
        Set<Integer> all = new LinkedHashSet<>(reservedPorts);
        all.addAll(usedPorts);
        return all;
    }

    public Set<Integer> udpPortsInUse() {
        Set<Integer> all = new LinkedHashSet<>(reservedUdpPorts);
        all.addAll(usedUdpPorts);
        return all;
    }

    /** Ephemeral host ports that tasks on this host hold for dynamic bridge mappings (TCP and UDP). */
    public Set<Integer> ephemeralPortsInUse() {
        return Collections.unmodifiableSet(ephemeralPorts);
    }

    /**
     * The lowest port of the ephemeral range (49153-65535) that no task and no reservation holds on
     * this host and that is not in {@code alsoTaken}, for a dynamic ({@code hostPort} 0) bridge mapping;
     * -1 if the range is exhausted. Dynamic ports are not among the PORTS resource ECS reports.
     */
    public int freeEphemeralPort(Set<Integer> alsoTaken) {
        for (int port = EPHEMERAL_PORT_MIN; port <= EPHEMERAL_PORT_MAX; port++) {
            if (!ephemeralPorts.contains(port) && !reservedPorts.contains(port) && !usedPorts.contains(port)
                    && !reservedUdpPorts.contains(port) && !usedUdpPorts.contains(port) && !alsoTaken.contains(port)) {
                return port;
            }
        }
        return -1;
    }

    public List<String> freeGpuIds() {
        List<String> free = new ArrayList<>(gpuIds);
        free.removeAll(usedGpus);
        return free;
    }

    public int freeEnis() {
        return Math.max(0, instanceType.maxEnis() - 1 - usedEnis);
    }

    /**
     * ECS's runningTasksCount: the tasks here whose <em>desired</em> status is RUNNING, whatever their
     * last status (the model: "tasks on the container instance that have a desired status of
     * RUNNING"), so a task still pulling its image counts here and in {@link #pendingTasksCount}.
     */
    public int runningTasksCount() {
        int n = 0;
        for (HostedTask t : tasks) {
            if ("RUNNING".equals(t.desiredStatus())) {
                n++;
            }
        }
        return n;
    }

    /** Tasks waiting to run here, as ECS's pendingTasksCount. */
    public int pendingTasksCount() {
        int n = 0;
        for (HostedTask t : tasks) {
            if (!"RUNNING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus())) {
                n++;
            }
        }
        return n;
    }

    /** Tasks of a group placed here whose desired status is still RUNNING (for spread and distinctInstance). */
    public int liveTasksOfGroup(String group) {
        return group == null ? 0 : liveByGroup.getOrDefault(group, 0);
    }

    /** Tasks of a group placed here that have not reached STOPPED. */
    public int presentTasksOfGroup(String group) {
        return group == null ? 0 : presentByGroup.getOrDefault(group, 0);
    }

    /** A task here was told to stop: it no longer counts as live for its group. */
    public void taskStopping(HostedTask task) {
        if (liveTasks.remove(task) && task.group() != null) {
            liveByGroup.merge(task.group(), -1, Integer::sum);
        }
    }

    /** Reserves the task's resources on this host and remembers the task. */
    public void reserve(HostedTask task) {
        if (!tasks.add(task)) {
            return;
        }
        if (task.group() != null) {
            presentByGroup.merge(task.group(), 1, Integer::sum);
            if (!task.isStoppingOrStopped() && liveTasks.add(task)) {
                liveByGroup.merge(task.group(), 1, Integer::sum);
            }
        }
        usedCpu += task.cpuReservation();
        usedMemory += task.memoryReservation();
        usedPorts.addAll(task.hostPorts());
        usedUdpPorts.addAll(task.udpHostPorts());
        usedGpus.addAll(task.gpuIds());
        ephemeralPorts.addAll(task.ephemeralHostPorts());
        if (task.usesEni()) {
            usedEnis++;
        }
        version++;
    }

    /** Gives the task's resources back (when it stops). */
    public void release(HostedTask task) {
        if (!tasks.remove(task)) {
            return;
        }
        taskStopping(task);
        if (task.group() != null) {
            presentByGroup.merge(task.group(), -1, Integer::sum);
        }
        usedCpu -= task.cpuReservation();
        usedMemory -= task.memoryReservation();
        usedPorts.removeAll(task.hostPorts());
        usedUdpPorts.removeAll(task.udpHostPorts());
        task.gpuIds().forEach(usedGpus::remove);
        task.ephemeralHostPorts().forEach(ephemeralPorts::remove);
        if (task.usesEni()) {
            usedEnis--;
        }
        version++;
    }

    @Override
    public String toString() {
        return "ContainerInstance[" + id + " " + ec2InstanceId + " " + instanceType.name() + " " + availabilityZone
                + " " + status + "]";
    }
}
