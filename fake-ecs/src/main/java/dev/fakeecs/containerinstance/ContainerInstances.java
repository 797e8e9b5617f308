package dev.fakeecs.containerinstance;

import dev.fakeecs.arn.Arns;
import dev.fakeecs.cluster.Cluster;
import dev.fakeecs.cluster.Clusters;
import dev.fakeecs.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.paging.Page;
import dev.fakeecs.placement.ClusterQuery;
import dev.fakeecs.region.RegionState;
import dev.fakeecs.task.Task;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceField;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesResponse;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceResponse;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointRequest;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListAttributesRequest;
import software.amazon.awssdk.services.ecs.model.ListAttributesResponse;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.PutAttributesRequest;
import software.amazon.awssdk.services.ecs.model.PutAttributesResponse;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceResponse;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.UpdateContainerAgentRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerAgentResponse;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every container instance of one region, per cluster in registration order, and the container
 * instance part of the ECS API (Register/Deregister/Describe/List ContainerInstances,
 * UpdateContainerInstancesState, UpdateContainerAgent, Put/Delete/ListAttributes,
 * DiscoverPollEndpoint).
 *
 * <p>Engine code adds simulated EC2 hosts with {@link #launchHost}, which registers at once with
 * the built-in attributes of an ECS-optimized Amazon Linux AMI. Deregistered hosts stay
 * describable as INACTIVE and are left out of {@link #inCluster} and ListContainerInstances.
 *
 * <pre>{@code
 * ContainerInstances hosts = state.containerInstances();
 * ContainerInstance ci = hosts.launchHost("prod", "m5.large", "us-east-1a", null);
 * hosts.inCluster("prod");          // [ci]
 * hosts.find("prod", ci.id());      // ci (id or ARN)
 * hosts.terminateHost(ci);          // INACTIVE; listeners stop its tasks
 * }</pre>
 */
public final class ContainerInstances {

    private static final int DESCRIBE_LIMIT = 100;
    private static final int LIST_LIMIT = 100;
    private static final int UPDATE_STATE_LIMIT = 10;

    private final RegionState state;
    private final Map<String, List<ContainerInstance>> byCluster = new LinkedHashMap<>();
    private final Map<String, ContainerInstance> byArn = new LinkedHashMap<>();
    private final List<ContainerInstanceListener> listeners = new ArrayList<>();
    private final HostImages images;
    private final ContainerInstanceRenderer renderer;
    private final InstanceAttributes attributes;
    private final ContainerAgentUpdates agentUpdates;

    public ContainerInstances(RegionState state) {
        this.state = state;
        this.images = new HostImages(state.world().random());
        this.renderer = new ContainerInstanceRenderer(state);
        this.attributes = new InstanceAttributes(state, this);
        this.agentUpdates = new ContainerAgentUpdates(state);
    }

    /** Subscribes to registrations, draining and deregistrations (called under the engine lock). */
    public void addListener(ContainerInstanceListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ContainerInstanceListener listener) {
        listeners.remove(listener);
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
    public ContainerInstance launchHost(String cluster, String instanceType, String availabilityZone,
                                        String capacityProviderName) {
        InstanceType type = InstanceTypes.get(instanceType);
        Cluster target = cluster(cluster);
        String zone = availabilityZone == null ? leastUsedZone(target.name()) : availabilityZone;
        if (!state.availabilityZones().contains(zone)) {
            throw EcsErrors.invalidParameter("The availability zone " + zone + " is not part of region "
                    + state.name() + " " + state.availabilityZones() + ".");
        }
        return register(target, type, zone, state.world().random().ec2InstanceId(), capacityProviderName);
    }

    /** Registered hosts (ACTIVE and DRAINING) of a cluster, in registration order. */
    public List<ContainerInstance> inCluster(String clusterName) {
        return filter(clusterName, ContainerInstance::isRegistered);
    }

    /** Every host ever registered with the cluster, INACTIVE ones included, in registration order. */
    public List<ContainerInstance> allInCluster(String clusterName) {
        return List.copyOf(byCluster.getOrDefault(clusterName, List.of()));
    }

    /** Every host of the region in any status, in registration order. */
    public List<ContainerInstance> all() {
        return List.copyOf(byArn.values());
    }

    /** The host of that cluster with this id or ARN (any status), or null. */
    public ContainerInstance find(String cluster, String idOrArn) {
        if (idOrArn == null || idOrArn.isEmpty()) {
            return null;
        }
        String clusterName = clusterName(cluster);
        String arn = Arns.isArn(idOrArn) ? idOrArn : state.arns().containerInstance(clusterName, idOrArn);
        ContainerInstance ci = byArn.get(arn);
        return ci != null && ci.clusterName().equals(clusterName) ? ci : null;
    }

    /** The host with that ARN anywhere in the region, or null. */
    public ContainerInstance byArn(String arn) {
        return byArn.get(arn);
    }

    /** How many hosts are registered (ACTIVE or DRAINING) with the cluster. */
    public int countRegistered(String clusterName) {
        return inCluster(clusterName).size();
    }

    /** Registered hosts of a cluster that belong to an ASG capacity provider. */
    public List<ContainerInstance> ofCapacityProvider(String clusterName, String capacityProviderName) {
        return filter(clusterName, ci -> ci.isRegistered()
                && capacityProviderName.equals(ci.capacityProviderName()));
    }

    /**
     * The EC2 instance behind {@code ci} terminated (ASG scale-in, Spot interruption, a fault):
     * the host deregisters (INACTIVE, reason {@code Instance terminated}) and listeners stop its tasks.
     */
    public void terminateHost(ContainerInstance ci) {
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

    /** Sets a host's agent connection (faults: agent disconnect / network partition); journals it. */
    public void agentConnected(ContainerInstance ci, boolean connected) {
        if (ci.agentConnected() == connected) {
            return;
        }
        ci.agentConnected(connected);
        state.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "agentConnected", String.valueOf(connected));
    }

    // ------------------------------------------------------------------ ECS API

    /** RegisterContainerInstance: the identity document gives instance id, type and zone. */
    public RegisterContainerInstanceResponse registerContainerInstance(RegisterContainerInstanceRequest request) {
        Cluster cluster = cluster(request.cluster());
        if (request.containerInstanceArn() != null) {
            ContainerInstance existing = byArn.get(request.containerInstanceArn());
            if (existing == null || !existing.clusterName().equals(cluster.name())) {
                throw EcsErrors.invalidParameter("The referenced container instance was not found: "
                        + "containerInstanceArn " + request.containerInstanceArn());
            }
            applyRequest(existing, request);
            return RegisterContainerInstanceResponse.builder()
                    .containerInstance(renderer.render(existing, false, false)).build();
        }
        InstanceIdentityDocument doc = InstanceIdentityDocument.parse(request.instanceIdentityDocument());
        InstanceType type = InstanceTypes.get(doc.instanceType() == null ? "m5.large" : doc.instanceType());
        String zone = doc.availabilityZone() == null ? leastUsedZone(cluster.name()) : doc.availabilityZone();
        if (!state.availabilityZones().contains(zone)) {
            throw EcsErrors.invalidParameter("instanceIdentityDocument: availability zone " + zone
                    + " is not part of region " + state.name() + ".");
        }
        validateCustomAttributes(request.attributes());
        state.tags().validate(request.tags());
        String ec2Id = doc.instanceId() == null ? state.world().random().ec2InstanceId() : doc.instanceId();
        ContainerInstance ci = register(cluster, type, zone, ec2Id, null);
        applyRequest(ci, request);
        return RegisterContainerInstanceResponse.builder().containerInstance(renderer.render(ci, false, false))
                .build();
    }

    /** DeregisterContainerInstance: refused while tasks run unless forced; forced leaves them orphaned. */
    public DeregisterContainerInstanceResponse deregisterContainerInstance(DeregisterContainerInstanceRequest request) {
        EcsErrors.require(request.containerInstance(), "containerInstance");
        Cluster cluster = state.clusters().resolve(request.cluster());
        ContainerInstance ci = find(cluster.name(), request.containerInstance());
        if (ci == null || !ci.isRegistered()) {
            throw EcsErrors.invalidParameter("The referenced container instance was not found: containerInstance "
                    + request.containerInstance());
        }
        boolean force = Boolean.TRUE.equals(request.force());
        if (!force && hasLiveTasks(ci)) {
            throw EcsErrors.invalidParameter("Found running tasks on the instance.");
        }
        deactivate(ci, force ? "deregistered (force)" : "deregistered");
        for (ContainerInstanceListener l : List.copyOf(listeners)) {
            l.onDeregistered(ci, false);
        }
        return DeregisterContainerInstanceResponse.builder().containerInstance(renderer.render(ci, false, false))
                .build();
    }

    /** DescribeContainerInstances: up to 100; missing ones become MISSING failures with their full ARN. */
    public DescribeContainerInstancesResponse describeContainerInstances(DescribeContainerInstancesRequest request) {
        Cluster cluster = state.clusters().resolve(request.cluster());
        if (!request.hasContainerInstances() || request.containerInstances().isEmpty()) {
            throw EcsErrors.invalidParameter("containerInstances can not be null or empty.");
        }
        if (request.containerInstances().size() > DESCRIBE_LIMIT) {
            throw EcsErrors.invalidParameter("containerInstances can have at most " + DESCRIBE_LIMIT + " items.");
        }
        boolean tags = request.include().contains(ContainerInstanceField.TAGS);
        boolean health = request.include().contains(ContainerInstanceField.CONTAINER_INSTANCE_HEALTH);
        List<software.amazon.awssdk.services.ecs.model.ContainerInstance> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String requested : request.containerInstances()) {
            ContainerInstance ci = find(cluster.name(), requested);
            if (ci == null) {
                failures.add(missing(cluster.name(), requested));
            } else {
                found.add(renderer.render(ci, tags, health));
            }
        }
        return DescribeContainerInstancesResponse.builder().containerInstances(found).failures(failures).build();
    }

    /** ListContainerInstances: status filter (default: all but INACTIVE), cluster query filter, pages of 100. */
    public ListContainerInstancesResponse listContainerInstances(ListContainerInstancesRequest request) {
        Cluster cluster = state.clusters().resolve(request.cluster());
        String status = request.statusAsString();
        if (status != null && !List.of("ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING", "REGISTRATION_FAILED")
                .contains(status)) {
            throw EcsErrors.invalidParameter("status should be one of [ACTIVE, DRAINING, REGISTERING, "
                    + "DEREGISTERING, REGISTRATION_FAILED]: " + status);
        }
        Predicate<ContainerInstance> matches = request.filter() == null || request.filter().isEmpty()
                ? ci -> true : ClusterQuery.parse(request.filter());
        List<String> arns = new ArrayList<>();
        for (ContainerInstance ci : byCluster.getOrDefault(cluster.name(), List.of())) {
            boolean statusOk = status == null ? !"INACTIVE".equals(ci.status()) : status.equals(ci.status());
            if (statusOk && matches.test(ci)) {
                arns.add(ci.arn());
            }
        }
        Page<String> page = Page.of(arns, request.nextToken(), request.maxResults(), LIST_LIMIT,
                "ListContainerInstances/" + cluster.name() + "/" + status + "/" + request.filter());
        return ListContainerInstancesResponse.builder().containerInstanceArns(page.items())
                .nextToken(page.nextToken()).build();
    }

    /** UpdateContainerInstancesState: ACTIVE or DRAINING, at most 10 hosts, MISSING failures. */
    public UpdateContainerInstancesStateResponse updateContainerInstancesState(
            UpdateContainerInstancesStateRequest request) {
        Cluster cluster = state.clusters().resolve(request.cluster());
        if (!request.hasContainerInstances() || request.containerInstances().isEmpty()) {
            throw EcsErrors.invalidParameter("containerInstances can not be null or empty.");
        }
        if (request.containerInstances().size() > UPDATE_STATE_LIMIT) {
            throw EcsErrors.invalidParameter("containerInstances can have at most " + UPDATE_STATE_LIMIT
                    + " items.");
        }
        String target = request.statusAsString();
        if (!"ACTIVE".equals(target) && !"DRAINING".equals(target)) {
            throw EcsErrors.invalidParameter("Container instances status should be one of [ACTIVE, DRAINING]: status "
                    + target);
        }
        List<software.amazon.awssdk.services.ecs.model.ContainerInstance> updated = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String requested : request.containerInstances()) {
            ContainerInstance ci = find(cluster.name(), requested);
            if (ci == null) {
                failures.add(missing(cluster.name(), requested));
                continue;
            }
            if (!ci.isRegistered()) {
                failures.add(Failure.builder().arn(ci.arn()).reason("INACTIVE")
                        .detail("The container instance is not ACTIVE or DRAINING.").build());
                continue;
            }
            if (!target.equals(ci.status())) {
                String from = ci.status();
                ci.status(target);
                state.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "from", from, "status", target);
                notifyStatus(ci, target);
            }
            updated.add(renderer.render(ci, false, false));
        }
        return UpdateContainerInstancesStateResponse.builder().containerInstances(updated).failures(failures).build();
    }

    /** UpdateContainerAgent: PENDING now, then STAGING ... UPDATED on the virtual clock. */
    public UpdateContainerAgentResponse updateContainerAgent(UpdateContainerAgentRequest request) {
        EcsErrors.require(request.containerInstance(), "containerInstance");
        Cluster cluster = state.clusters().resolve(request.cluster());
        ContainerInstance ci = find(cluster.name(), request.containerInstance());
        if (ci == null) {
            throw EcsErrors.invalidParameter("The referenced container instance was not found: containerInstance "
                    + request.containerInstance());
        }
        agentUpdates.start(ci);
        return UpdateContainerAgentResponse.builder().containerInstance(renderer.render(ci, false, false)).build();
    }

    /** PutAttributes. */
    public PutAttributesResponse putAttributes(PutAttributesRequest request) {
        return attributes.put(request);
    }

    /** DeleteAttributes. */
    public DeleteAttributesResponse deleteAttributes(DeleteAttributesRequest request) {
        return attributes.delete(request);
    }

    /** ListAttributes. */
    public ListAttributesResponse listAttributes(ListAttributesRequest request) {
        return attributes.list(request);
    }

    /** DiscoverPollEndpoint: the agent's ACS, telemetry and Service Connect endpoints for this region. */
    public DiscoverPollEndpointResponse discoverPollEndpoint(DiscoverPollEndpointRequest request) {
        if (request.cluster() != null) {
            state.clusters().resolve(request.cluster());
        }
        String region = state.name();
        return DiscoverPollEndpointResponse.builder()
                .endpoint("https://ecs-a-1." + region + ".amazonaws.com/")
                .telemetryEndpoint("https://ecs-t-1." + region + ".amazonaws.com/")
                .serviceConnectEndpoint("https://ecs-sc." + region + ".api.aws")
                .build();
    }

    // ------------------------------------------------------------------ internals

    private ContainerInstance register(Cluster cluster, InstanceType type, String zone, String ec2Id,
                                       String capacityProviderName) {
        int max = state.world().quotas().containerInstancesPerCluster();
        if (countRegistered(cluster.name()) >= max) {
            throw EcsErrors.limitExceeded("The maximum number of container instances per cluster (" + max
                    + ") has been reached for cluster " + cluster.name() + ".");
        }
        String id = state.world().random().hex(32);
        List<String> gpuIds = new ArrayList<>();
        for (int i = 0; i < type.gpus(); i++) {
            gpuIds.add("GPU-" + state.world().random().uuid());
        }
        ContainerInstance ci = new ContainerInstance(id, state.arns().containerInstance(cluster.name(), id),
                cluster.name(), ec2Id, type, zone, state.now(), capacityProviderName, gpuIds);
        ci.attributes().putAll(BuiltInAttributes.of(type, zone, images.amiId(type.architecture()), images.vpcId(),
                images.subnetId(zone)));
        byCluster.computeIfAbsent(cluster.name(), c -> new ArrayList<>()).add(ci);
        byArn.put(ci.arn(), ci);
        state.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "status", "ACTIVE", "ec2InstanceId", ec2Id,
                "instanceType", type.name(), "availabilityZone", zone, "capacityProvider", capacityProviderName);
        for (ContainerInstanceListener l : List.copyOf(listeners)) {
            l.onRegistered(ci);
        }
        state.tasks().onInstanceRegistered(ci);
        return ci;
    }

    private void applyRequest(ContainerInstance ci, RegisterContainerInstanceRequest request) {
        if (request.hasTotalResources()) {
            int cpu = ci.registeredCpu();
            int memory = ci.registeredMemory();
            for (Resource r : request.totalResources()) {
                switch (r.name() == null ? "" : r.name()) {
                    case "CPU" -> cpu = intValue(r);
                    case "MEMORY" -> memory = intValue(r);
                    case "PORTS" -> replacePorts(ci.reservedPorts(), r);
                    case "PORTS_UDP" -> replacePorts(ci.reservedUdpPorts(), r);
                    default -> { }
                }
            }
            ci.registeredResources(cpu, memory);
        }
        if (request.versionInfo() != null && request.versionInfo().agentVersion() != null) {
            ci.agentVersion(request.versionInfo().agentVersion());
        }
        if (request.hasAttributes() && !request.attributes().isEmpty()) {
            validateCustomAttributes(request.attributes());
            Map<String, String> custom = new LinkedHashMap<>();
            request.attributes().forEach(a -> custom.put(a.name(), a.value()));
            attributes.putAll(ci, custom);
        }
        state.tags().put(ci.arn(), request.tags());
    }

    private static void validateCustomAttributes(List<Attribute> list) {
        for (Attribute a : list) {
            InstanceAttributes.validate(a.name(), a.value());
        }
    }

    private static int intValue(Resource r) {
        if (r.integerValue() != null) {
            return r.integerValue();
        }
        if (r.longValue() != null) {
            return (int) (long) r.longValue();
        }
        if (r.doubleValue() != null) {
            return (int) Math.floor(r.doubleValue());
        }
        throw EcsErrors.invalidParameter("totalResources: " + r.name() + " needs a value.");
    }

    private static void replacePorts(java.util.Set<Integer> ports, Resource r) {
        ports.clear();
        for (String port : r.stringSetValue()) {
            try {
                ports.add(Integer.parseInt(port.trim()));
            } catch (NumberFormatException e) {
                throw EcsErrors.invalidParameter("totalResources: " + r.name() + " has an invalid port " + port + ".");
            }
        }
    }

    private void deactivate(ContainerInstance ci, String how) {
        String from = ci.status();
        ci.status("INACTIVE");
        state.record(JournalEventType.CONTAINER_INSTANCE, ci.arn(), "from", from, "status", "INACTIVE", "reason", how,
                "orphanedTasks", String.valueOf(ci.tasks().size()));
    }

    private void notifyStatus(ContainerInstance ci, String status) {
        for (ContainerInstanceListener l : List.copyOf(listeners)) {
            if ("DRAINING".equals(status)) {
                l.onDraining(ci);
            } else {
                l.onActivated(ci);
            }
        }
        if ("DRAINING".equals(status)) {
            state.tasks().onInstanceDraining(ci);
        } else {
            state.tasks().onInstanceRegistered(ci);
        }
    }

    private static boolean hasLiveTasks(ContainerInstance ci) {
        for (Task task : ci.tasks()) {
            if (!task.isStopped()) {
                return true;
            }
        }
        return false;
    }

    private Failure missing(String clusterName, String requested) {
        String arn = Arns.isArn(requested) ? requested : state.arns().containerInstance(clusterName, requested);
        return Failure.builder().arn(arn).reason("MISSING").build();
    }

    private List<ContainerInstance> filter(String clusterName, Predicate<ContainerInstance> predicate) {
        List<ContainerInstance> list = new ArrayList<>();
        for (ContainerInstance ci : byCluster.getOrDefault(clusterName(clusterName), List.of())) {
            if (predicate.test(ci)) {
                list.add(ci);
            }
        }
        return list;
    }

    private String leastUsedZone(String clusterName) {
        String best = null;
        long bestCount = Long.MAX_VALUE;
        for (String zone : state.availabilityZones()) {
            long count = inCluster(clusterName).stream().filter(ci -> ci.availabilityZone().equals(zone)).count();
            if (count < bestCount) {
                best = zone;
                bestCount = count;
            }
        }
        return best;
    }

    private Cluster cluster(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isBlank() || Clusters.DEFAULT_CLUSTER.equals(nameOrArn)) {
            return state.clusters().getOrCreate(Clusters.DEFAULT_CLUSTER);
        }
        return state.clusters().resolve(nameOrArn);
    }

    private static String clusterName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isBlank()) {
            return Clusters.DEFAULT_CLUSTER;
        }
        return Arns.isArn(nameOrArn) ? Arns.lastSegment(nameOrArn) : nameOrArn;
    }
}
