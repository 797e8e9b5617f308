package dev.fakeecs.internal.containerinstance;

import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.engine.RegionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every container instance of one region, per cluster in registration order: registration,
 * deregistration, status changes and host termination, told to listeners. The container instance
 * API operations live in {@code controlplane.ContainerInstanceOperations}.
 *
 * <p>Engine code adds simulated EC2 hosts with {@link #launchHost}, which registers at once with
 * the built-in attributes of an ECS-optimized Amazon Linux AMI. Deregistered hosts stay
 * describable as INACTIVE and are left out of {@link #inCluster} and ListContainerInstances.
 *
 * <pre>{@code
 * ContainerInstances hosts = new ContainerInstances(region, clusters, tags);
 * SimulatedContainerInstance ci = hosts.launchHost("prod", "m5.large", "us-east-1a", null);
 * hosts.inCluster("prod");          // [ci]
 * hosts.find("prod", ci.id());      // ci (id or ARN)
 * hosts.terminateHost(ci);          // INACTIVE; listeners stop its tasks
 * }</pre>
 */
public final class ContainerInstances {

    private final RegionContext region;
    private final Map<String, List<SimulatedContainerInstance>> byCluster = new LinkedHashMap<>();
    private final Map<String, SimulatedContainerInstance> byArn = new LinkedHashMap<>();
    private final List<ContainerInstanceListener> listeners = new ArrayList<>();
    private final List<ContainerInstanceListener> followUps = new ArrayList<>();
    private final Clusters clusters;
    private final HostImages images;
    private final ContainerAgentUpdates agentUpdates;

    public ContainerInstances(RegionContext region, Clusters clusters, Tags tags) {
        this.region = region;
        this.clusters = clusters;
        this.images = new HostImages(region.engine().random());
        this.agentUpdates = new ContainerAgentUpdates(region);
        tags.registerResourceType("container-instance", arn -> {
            SimulatedContainerInstance instance = byArn(arn);
            return instance != null && instance.isRegistered();
        });
    }

    /** Subscribes to registrations, draining and deregistrations (called under the engine lock). */
    public void addListener(ContainerInstanceListener listener) {
        listeners.add(listener);
    }

    /**
     * Subscribes a scheduler that reacts to registrations and status changes: follow-up listeners run
     * after every plain listener has seen the change (the task domain retries waiting tasks, then the
     * service scheduler reconciles), in the order they subscribed.
     */
    public void addFollowUpListener(ContainerInstanceListener listener) {
        followUps.add(listener);
    }

    // ------------------------------------------------------------------ engine-side API

    /**
     * Launches a simulated EC2 host that registers with the cluster at once.
     *
     * @param cluster              cluster name or ARN (null: {@code default}, created if missing)
     * @param instanceType         an EC2 type from {@link InstanceTypes}
     * @param availabilityZone     one of the region's zones; null picks the zone with the fewest
     *                             hosts of this cluster (ties: region order)
     * @param capacityProviderName the ASG capacity provider the host belongs to, or null
     */
    public SimulatedContainerInstance launchHost(String cluster, String instanceType, String availabilityZone,
                                        String capacityProviderName) {
        InstanceType type = InstanceTypes.get(instanceType);
        SimulatedCluster target = clusterToJoin(cluster);
        String zone = availabilityZone == null ? leastUsedZone(target.name()) : availabilityZone;
        if (!region.availabilityZones().contains(zone)) {
            throw EcsErrors.invalidParameter("The availability zone " + zone + " is not part of region "
                    + region.name() + " " + region.availabilityZones() + ".");
        }
        return register(target, type, zone, region.engine().random().ec2InstanceId(), capacityProviderName);
    }

    /** Registered hosts (ACTIVE and DRAINING) of a cluster, in registration order. */
    public List<SimulatedContainerInstance> inCluster(String clusterName) {
        return filter(clusterName, SimulatedContainerInstance::isRegistered);
    }

    /** Every host ever registered with the cluster, INACTIVE ones included, in registration order. */
    public List<SimulatedContainerInstance> allInCluster(String clusterName) {
        return List.copyOf(byCluster.getOrDefault(clusterName, List.of()));
    }

    /** Every host of the region in any status, in registration order. */
    public List<SimulatedContainerInstance> all() {
        return List.copyOf(byArn.values());
    }

    /** The host of that cluster with this id or ARN (any status), or null. */
    public SimulatedContainerInstance find(String cluster, String idOrArn) {
        if (idOrArn == null || idOrArn.isEmpty()) {
            return null;
        }
        String clusterName = clusterName(cluster);
        String arn = Arns.isArn(idOrArn) ? idOrArn : region.arns().containerInstance(clusterName, idOrArn);
        SimulatedContainerInstance ci = byArn.get(arn);
        return ci != null && ci.clusterName().equals(clusterName) ? ci : null;
    }

    /** The host with that ARN anywhere in the region, or null. */
    public SimulatedContainerInstance byArn(String arn) {
        return byArn.get(arn);
    }

    /** How many hosts are registered (ACTIVE or DRAINING) with the cluster. */
    public int countRegistered(String clusterName) {
        return inCluster(clusterName).size();
    }

    /**
     * The EC2 instance behind {@code ci} terminated (ASG scale-in, Spot interruption, a fault):
     * the host deregisters (INACTIVE, reason {@code Instance terminated}) and listeners stop its tasks.
     */
    public void terminateHost(SimulatedContainerInstance ci) {
        if (!ci.isRegistered()) {
            return;
        }
        ci.statusReason("Instance terminated");
        ci.agentConnected(false);
        deactivate(ci, "terminated");
        for (ContainerInstanceListener l : List.copyOf(listeners)) {
            l.onDeregistered(ci, true);
        }
    }

    /**
     * The host's agent connected again after a disconnect: journaled, and the follow-up listeners hear
     * {@code onActivated} (the host can take tasks again: waiting tasks retry, services reconcile).
     */
    public void reconnectAgent(SimulatedContainerInstance ci) {
        agentConnected(ci, true);
        for (ContainerInstanceListener l : List.copyOf(followUps)) {
            l.onActivated(ci);
        }
    }

    /** Sets a host's agent connection (faults: agent disconnect / network partition); journals it. */
    public void agentConnected(SimulatedContainerInstance ci, boolean connected) {
        if (ci.agentConnected() == connected) {
            return;
        }
        ci.agentConnected(connected);
        region.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "agentConnected", String.valueOf(connected));
    }

    /**
     * Deregisters the host (DeregisterContainerInstance): INACTIVE; with {@code force} its tasks stay
     * orphaned. Listeners hear {@code onDeregistered(ci, false)}.
     */
    public void deregister(SimulatedContainerInstance ci, boolean force) {
        deactivate(ci, force ? "deregistered (force)" : "deregistered");
        for (ContainerInstanceListener l : List.copyOf(listeners)) {
            l.onDeregistered(ci, false);
        }
    }

    /** UpdateContainerInstancesState for one registered host: ACTIVE or DRAINING, journaled, listeners told. */
    public void changeStatus(SimulatedContainerInstance ci, String target) {
        if (target.equals(ci.status())) {
            return;
        }
        String from = ci.status();
        ci.status(target);
        region.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "from", from, "status", target);
        notifyStatus(ci, target);
    }

    /** UpdateContainerAgent: PENDING now, then STAGING ... UPDATED on the virtual clock. */
    public void startAgentUpdate(SimulatedContainerInstance ci) {
        agentUpdates.start(ci);
    }

    /**
     * Registers a host with the cluster (ACTIVE) within the per-cluster quota, with the built-in
     * attributes of an ECS-optimized AMI; listeners, then follow-up listeners, hear {@code onRegistered}.
     */
    public SimulatedContainerInstance register(SimulatedCluster cluster, InstanceType type, String zone, String ec2Id,
                                       String capacityProviderName) {
        int max = region.engine().quotas().containerInstancesPerCluster();
        if (countRegistered(cluster.name()) >= max) {
            throw EcsErrors.limitExceeded("The maximum number of container instances per cluster (" + max
                    + ") has been reached for cluster " + cluster.name() + ".");
        }
        String id = region.engine().random().hex(32);
        List<String> gpuIds = new ArrayList<>();
        for (int i = 0; i < type.gpus(); i++) {
            gpuIds.add("GPU-" + region.engine().random().uuid());
        }
        SimulatedContainerInstance ci = new SimulatedContainerInstance(id, region.arns().containerInstance(cluster.name(), id),
                cluster.name(), ec2Id, type, zone, region.now(), capacityProviderName, gpuIds);
        ci.attributes().putAll(BuiltInAttributes.of(type, zone, images.amiId(type.architecture()), images.vpcId(),
                images.subnetId(zone)));
        byCluster.computeIfAbsent(cluster.name(), c -> new ArrayList<>()).add(ci);
        byArn.put(ci.arn(), ci);
        region.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "status", "ACTIVE", "ec2InstanceId", ec2Id,
                "instanceType", type.name(), "availabilityZone", zone, "capacityProvider", capacityProviderName);
        for (ContainerInstanceListener l : List.copyOf(listeners)) {
            l.onRegistered(ci);
        }
        for (ContainerInstanceListener l : List.copyOf(followUps)) {
            l.onRegistered(ci);
        }
        return ci;
    }

    private void deactivate(SimulatedContainerInstance ci, String how) {
        String from = ci.status();
        ci.status("INACTIVE");
        region.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "from", from, "status", "INACTIVE", "reason", how,
                "orphanedTasks", String.valueOf(ci.tasks().size()));
    }

    private void notifyStatus(SimulatedContainerInstance ci, String status) {
        for (List<ContainerInstanceListener> phase : List.of(listeners, followUps)) {
            for (ContainerInstanceListener l : List.copyOf(phase)) {
                if ("DRAINING".equals(status)) {
                    l.onDraining(ci);
                } else {
                    l.onActivated(ci);
                }
            }
        }
    }

    /** Whether a task placed on the host has not reached STOPPED. */
    public static boolean hasLiveTasks(SimulatedContainerInstance ci) {
        for (HostedTask task : ci.tasks()) {
            if (!task.isStopped()) {
                return true;
            }
        }
        return false;
    }

    private List<SimulatedContainerInstance> filter(String clusterName, Predicate<SimulatedContainerInstance> predicate) {
        List<SimulatedContainerInstance> list = new ArrayList<>();
        for (SimulatedContainerInstance ci : byCluster.getOrDefault(clusterName(clusterName), List.of())) {
            if (predicate.test(ci)) {
                list.add(ci);
            }
        }
        return list;
    }

    /** The zone with the fewest registered hosts of the cluster (ties: region order). */
    public String leastUsedZone(String clusterName) {
        String best = null;
        long bestCount = Long.MAX_VALUE;
        for (String zone : region.availabilityZones()) {
            long count = inCluster(clusterName).stream().filter(ci -> ci.availabilityZone().equals(zone)).count();
            if (count < bestCount) {
                best = zone;
                bestCount = count;
            }
        }
        return best;
    }

    /** The cluster a host joins: the named ACTIVE one, or {@code default} (created if missing). */
    public SimulatedCluster clusterToJoin(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isBlank() || Clusters.DEFAULT_CLUSTER.equals(nameOrArn)) {
            return clusters.getOrCreate(Clusters.DEFAULT_CLUSTER);
        }
        return clusters.resolve(nameOrArn);
    }

    private static String clusterName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isBlank()) {
            return Clusters.DEFAULT_CLUSTER;
        }
        return Arns.isArn(nameOrArn) ? Arns.lastSegment(nameOrArn) : nameOrArn;
    }
}
