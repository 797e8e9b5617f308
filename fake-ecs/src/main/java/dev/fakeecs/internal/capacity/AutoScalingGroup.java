package dev.fakeecs.internal.capacity;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.engine.RegionContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A simulated EC2 Auto Scaling group: instance type, availability zones, min/max/desired, On-Demand
 * or Spot. Raising {@link #desired(int, String) desired} launches instances round-robin over the
 * zones; each boots for {@link #bootDelay()} (default 60 s) and then registers as a container
 * instance of the cluster its capacity provider is attached to (else its own {@link #clusterName()},
 * else {@code default}, as an agent without {@code ECS_CLUSTER}). Lowering it terminates instances,
 * idle ones first (newest first); with managed termination protection hosts running tasks are
 * never terminated.
 *
 * <pre>{@code
 * AutoScalingGroup asg = capacityProviders.autoScalingGroups()
 *         .createGroup("web", "m5.large", 0, 10, 2, List.of("us-east-1a", "us-east-1b"), false);
 * ecs.clock().advance(Duration.ofSeconds(60));   // both hosts registered
 * asg.inService();                                 // 2 container instances
 * }</pre>
 */
public final class AutoScalingGroup {

    /** How long a launched instance takes to boot and register, unless changed. */
    public static final Duration DEFAULT_BOOT_DELAY = Duration.ofSeconds(60);

    private final RegionContext region;
    private final ContainerInstances containerInstances;
    private final CapacityProviders capacityProviders;
    private final String name;
    private final String arn;
    private final String instanceType;
    private final List<String> availabilityZones;
    private final boolean spot;
    private final List<SimulatedContainerInstance> inService = new ArrayList<>();
    private final List<Instant> launchedAt = new ArrayList<>();
    private int min;
    private int max;
    private int desired;
    private int booting;
    private int nextZone;
    private Duration bootDelay = DEFAULT_BOOT_DELAY;
    private String clusterName;
    private SimulatedCapacityProvider capacityProvider;

    AutoScalingGroup(RegionContext region, ContainerInstances containerInstances, CapacityProviders capacityProviders,
                     String name, String arn, String instanceType, int min, int max,
                     List<String> availabilityZones, boolean spot) {
        this.region = region;
        this.containerInstances = containerInstances;
        this.capacityProviders = capacityProviders;
        this.name = name;
        this.arn = arn;
        this.instanceType = instanceType;
        this.min = min;
        this.max = max;
        this.availabilityZones = List.copyOf(availabilityZones);
        this.spot = spot;
    }

    public String name() { return name; }
    public String arn() { return arn; }
    public String instanceType() { return instanceType; }
    public List<String> availabilityZones() { return availabilityZones; }
    /** True when the group launches Spot instances. */
    public boolean spot() { return spot; }
    public int min() { return min; }
    public int max() { return max; }
    public int desired() { return desired; }
    /** Instances launched and still booting. */
    public int booting() { return booting; }
    public Duration bootDelay() { return bootDelay; }

    /** Changes how long later launches take to boot and register. */
    public AutoScalingGroup bootDelay(Duration delay) {
        this.bootDelay = delay;
        return this;
    }

    /** The cluster hosts register with when no attached capacity provider says otherwise (null: default). */
    public String clusterName() { return clusterName; }

    public AutoScalingGroup clusterName(String clusterName) {
        this.clusterName = clusterName;
        return this;
    }

    /** The capacity provider using this group, or null. */
    public SimulatedCapacityProvider capacityProvider() { return capacityProvider; }
    void capacityProvider(SimulatedCapacityProvider provider) { this.capacityProvider = provider; }

    /**
     * The group's running EC2 hosts, in launch order. A host deregistered from ECS but not
     * terminated stays here (its EC2 instance still runs), as in a real group.
     */
    public List<SimulatedContainerInstance> inService() {
        return List.copyOf(inService);
    }

    /** When each in-service host was launched (parallel to the launch order), for warm-up checks. */
    Instant launchedAt(SimulatedContainerInstance ci) {
        int i = inService.indexOf(ci);
        return i < 0 ? null : launchedAt.get(i);
    }

    /** Changes min and max (desired is clamped into the new range). */
    public void limits(int min, int max) {
        AutoScalingGroups.checkLimits(min, max, Math.max(min, Math.min(desired, max)));
        this.min = min;
        this.max = max;
        region.record(JournalEventType.AUTO_SCALING_GROUP, arn, "min", String.valueOf(min), "max", String.valueOf(max));
        desired(Math.max(min, Math.min(desired, max)), "limits changed");
    }

    /**
     * Sets the desired capacity (clamped to min..max), launching or terminating instances to match.
     *
     * @param reason why, for the journal ("managed scaling", "user", ...)
     */
    public void desired(int value, String reason) {
        int clamped = Math.max(min, Math.min(max, value));
        if (clamped != desired) {
            region.record(JournalEventType.AUTO_SCALING_GROUP, arn, "desired", String.valueOf(clamped),
                    "from", String.valueOf(desired), "reason", reason);
            desired = clamped;
        }
        reconcile();
    }

    /** Launches or terminates instances until running + booting equals desired. */
    void reconcile() {
        int current = inService().size() + booting;
        for (int i = current; i < desired; i++) {
            launch();
        }
        if (current > desired) {
            scaleIn(current - desired);
        }
    }

    private void launch() {
        String zone = availabilityZones.get(nextZone % availabilityZones.size());
        nextZone++;
        booting++;
        Instant at = region.now();
        region.record(JournalEventType.AUTO_SCALING_GROUP, arn, "launching", zone, "instanceType", instanceType,
                "lifecycle", spot ? "spot" : "on-demand");
        region.engine().clock().schedule(bootDelay, "asg " + name + " instance boots in " + zone,
                () -> boot(zone, at));
    }

    private void boot(String zone, Instant at) {
        if (booting == 0) {
            return;
        }
        booting--;
        String cluster = targetCluster();
        String provider = capacityProvider == null ? null : capacityProvider.name();
        try {
            SimulatedContainerInstance ci = containerInstances.launchHost(cluster, instanceType, zone, provider);
            ci.spot(spot);
            inService.add(ci);
            launchedAt.add(at);
            region.record(JournalEventType.AUTO_SCALING_GROUP, arn, "inService", ci.ec2InstanceId(),
                    "containerInstance", ci.arn(), "availabilityZone", zone);
        } catch (RuntimeException e) {
            region.record(JournalEventType.AUTO_SCALING_GROUP, arn, "launchFailed", zone, "reason", e.getMessage());
        }
        reconcile();
    }

    private String targetCluster() {
        if (capacityProvider != null) {
            String attached = capacityProviders.clusterOf(capacityProvider.name());
            if (attached != null) {
                return attached;
            }
        }
        return clusterName;
    }

    private void scaleIn(int count) {
        int fromBooting = Math.min(count, booting);
        booting -= fromBooting;
        int remaining = count - fromBooting;
        if (fromBooting > 0) {
            region.record(JournalEventType.AUTO_SCALING_GROUP, arn, "cancelledLaunches", String.valueOf(fromBooting));
        }
        if (remaining == 0) {
            return;
        }
        boolean protect = capacityProvider != null && capacityProvider.managedTerminationProtection();
        List<SimulatedContainerInstance> candidates = new ArrayList<>(inService());
        // idle hosts first, newest first among equals
        candidates.sort(Comparator.comparingInt((SimulatedContainerInstance ci) -> ci.tasks().isEmpty() ? 0 : 1)
                .thenComparing(SimulatedContainerInstance::registeredAt, Comparator.reverseOrder()));
        for (SimulatedContainerInstance ci : candidates) {
            if (remaining == 0) {
                break;
            }
            if (protect && !ci.tasks().isEmpty()) {
                continue;
            }
            remove(ci, "scale-in");
            remaining--;
        }
    }

    /**
     * Terminates one host of this group from outside (Spot interruption, a fault); as EC2 Auto
     * Scaling does, the group then launches a replacement to get back to desired.
     */
    public void terminate(SimulatedContainerInstance ci, String reason) {
        if (remove(ci, reason)) {
            reconcile();
        }
    }

    private boolean remove(SimulatedContainerInstance ci, String reason) {
        int i = inService.indexOf(ci);
        if (i < 0) {
            return false;
        }
        inService.remove(i);
        launchedAt.remove(i);
        region.record(JournalEventType.AUTO_SCALING_GROUP, arn, "terminated", ci.ec2InstanceId(),
                "containerInstance", ci.arn(), "reason", reason);
        containerInstances.terminateHost(ci);
        return true;
    }

    @Override
    public String toString() {
        return "AutoScalingGroup[" + name + " " + instanceType + " min=" + min + " max=" + max + " desired=" + desired
                + " inService=" + inService.size() + " booting=" + booting + "]";
    }
}
