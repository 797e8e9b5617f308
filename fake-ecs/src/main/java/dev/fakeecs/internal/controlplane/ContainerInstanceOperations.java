package dev.fakeecs.internal.controlplane;

import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import dev.fakeecs.internal.arn.Arns;
import dev.fakeecs.internal.cluster.SimulatedCluster;
import dev.fakeecs.internal.cluster.Clusters;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.containerinstance.InstanceIdentityDocument;
import dev.fakeecs.internal.containerinstance.InstanceType;
import dev.fakeecs.internal.containerinstance.InstanceTypes;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.placement.ClusterQuery;
import dev.fakeecs.internal.tag.Tags;
import dev.fakeecs.internal.engine.RegionContext;
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
 * The container instance API of one region: Register/Deregister/Describe/List ContainerInstances,
 * UpdateContainerInstancesState, UpdateContainerAgent, Put/Delete/ListAttributes and
 * DiscoverPollEndpoint, over the {@link ContainerInstances} registry.
 *
 * <pre>{@code
 * ecs.api().registerContainerInstance(r -> r.cluster("prod").instanceIdentityDocument(doc));
 * ecs.api().updateContainerInstancesState(r -> r.cluster("prod").containerInstances(id)
 *     .status(ContainerInstanceStatus.DRAINING));        // the service scheduler replaces its tasks
 * }</pre>
 */
public final class ContainerInstanceOperations {

    private static final int DESCRIBE_LIMIT = 100;
    private static final int LIST_LIMIT = 100;
    private static final int UPDATE_STATE_LIMIT = 10;

    private final RegionContext region;
    private final Clusters clusters;
    private final Tags tags;
    private final ContainerInstances instances;
    private final ContainerInstanceRenderer renderer;
    private final InstanceAttributes attributes;

    public ContainerInstanceOperations(RegionContext region, Clusters clusters, Tags tags,
                                       ContainerInstances instances) {
        this.region = region;
        this.clusters = clusters;
        this.tags = tags;
        this.instances = instances;
        this.renderer = new ContainerInstanceRenderer(region, tags);
        this.attributes = new InstanceAttributes(region, clusters, instances);
    }

    /** RegisterContainerInstance: the identity document gives instance id, type and zone. */
    public RegisterContainerInstanceResponse registerContainerInstance(RegisterContainerInstanceRequest request) {
        SimulatedCluster cluster = instances.clusterToJoin(request.cluster());
        if (request.containerInstanceArn() != null) {
            SimulatedContainerInstance existing = instances.byArn(request.containerInstanceArn());
            if (existing == null || !existing.clusterName().equals(cluster.name())) {
                throw EcsErrors.invalidParameter("The referenced container instance was not found: "
                        + "containerInstanceArn " + request.containerInstanceArn());
            }
            applyRequest(existing, request);
            return RegisterContainerInstanceResponse.builder()
                    .containerInstance(renderer.render(existing, false, false)).build();
        }
        InstanceIdentityDocument doc = InstanceIdentityDocument.parse(request.instanceIdentityDocument());
        InstanceType type = instanceType(doc.instanceType() == null ? "m5.large" : doc.instanceType(), request);
        String zone = doc.availabilityZone() == null ? instances.leastUsedZone(cluster.name()) : doc.availabilityZone();
        if (!region.availabilityZones().contains(zone)) {
            throw EcsErrors.invalidParameter("instanceIdentityDocument: availability zone " + zone
                    + " is not part of region " + region.name() + ".");
        }
        validateCustomAttributes(request.attributes());
        tags.validate(request.tags());
        String ec2Id = doc.instanceId() == null ? region.engine().random().ec2InstanceId() : doc.instanceId();
        SimulatedContainerInstance ci = instances.register(cluster, type, zone, ec2Id, null);
        applyRequest(ci, request);
        return RegisterContainerInstanceResponse.builder().containerInstance(renderer.render(ci, false, false))
                .build();
    }


    /** DeregisterContainerInstance: refused while tasks run unless forced; forced leaves them orphaned. */
    public DeregisterContainerInstanceResponse deregisterContainerInstance(DeregisterContainerInstanceRequest request) {
        EcsErrors.require(request.containerInstance(), "containerInstance");
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        SimulatedContainerInstance ci = instances.find(cluster.name(), request.containerInstance());
        if (ci == null || !ci.isRegistered()) {
            throw EcsErrors.invalidParameter("The referenced container instance was not found: containerInstance "
                    + request.containerInstance());
        }
        boolean force = Boolean.TRUE.equals(request.force());
        if (!force && ContainerInstances.hasLiveTasks(ci)) {
            throw EcsErrors.invalidParameter("Found running tasks on the instance.");
        }
        instances.deregister(ci, force);
        return DeregisterContainerInstanceResponse.builder().containerInstance(renderer.render(ci, false, false))
                .build();
    }


    /** DescribeContainerInstances: up to 100; missing ones become MISSING failures with their full ARN. */
    public DescribeContainerInstancesResponse describeContainerInstances(DescribeContainerInstancesRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        if (!request.hasContainerInstances() || request.containerInstances().isEmpty()) {
            throw EcsErrors.invalidParameter("containerInstances can not be null or empty.");
        }
        if (request.containerInstances().size() > DESCRIBE_LIMIT) {
            throw EcsErrors.invalidParameter("containerInstances can have at most " + DESCRIBE_LIMIT + " items.");
        }
        boolean withTags = request.include().contains(ContainerInstanceField.TAGS);
        boolean health = request.include().contains(ContainerInstanceField.CONTAINER_INSTANCE_HEALTH);
        List<ContainerInstance> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String requested : request.containerInstances()) {
            SimulatedContainerInstance ci = instances.find(cluster.name(), requested);
            if (ci == null) {
                failures.add(missing(cluster.name(), requested));
            } else {
                found.add(renderer.render(ci, withTags, health));
            }
        }
        return DescribeContainerInstancesResponse.builder().containerInstances(found).failures(failures).build();
    }


    /**
     * A container instance as DescribeContainerInstances with {@code include=TAGS} shows it, for
     * Java-level readers (the engine's SPI); call it under the engine lock.
     */
    public ContainerInstance describe(SimulatedContainerInstance ci) {
        return renderer.render(ci, true, false);
    }


    /** ListContainerInstances: status filter (default: all but INACTIVE), cluster query filter, pages of 100. */
    public ListContainerInstancesResponse listContainerInstances(ListContainerInstancesRequest request) {
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        String status = request.statusAsString();
        if (status != null && !List.of("ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING", "REGISTRATION_FAILED")
                .contains(status)) {
            throw EcsErrors.invalidParameter("status should be one of [ACTIVE, DRAINING, REGISTERING, "
                    + "DEREGISTERING, REGISTRATION_FAILED]: " + status);
        }
        Predicate<SimulatedContainerInstance> matches = request.filter() == null || request.filter().isEmpty()
                ? ci -> true : ClusterQuery.parse(request.filter());
        List<String> arns = new ArrayList<>();
        for (SimulatedContainerInstance ci : instances.allInCluster(cluster.name())) {
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
        SimulatedCluster cluster = clusters.resolve(request.cluster());
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
        List<ContainerInstance> updated = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String requested : request.containerInstances()) {
            SimulatedContainerInstance ci = instances.find(cluster.name(), requested);
            if (ci == null) {
                failures.add(missing(cluster.name(), requested));
                continue;
            }
            if (!ci.isRegistered()) {
                failures.add(Failure.builder().arn(ci.arn()).reason("INACTIVE")
                        .detail("The container instance is not ACTIVE or DRAINING.").build());
                continue;
            }
            instances.changeStatus(ci, target);
            updated.add(renderer.render(ci, false, false));
        }
        return UpdateContainerInstancesStateResponse.builder().containerInstances(updated).failures(failures).build();
    }


    /** UpdateContainerAgent: PENDING now, then STAGING ... UPDATED on the virtual clock. */
    public UpdateContainerAgentResponse updateContainerAgent(UpdateContainerAgentRequest request) {
        EcsErrors.require(request.containerInstance(), "containerInstance");
        SimulatedCluster cluster = clusters.resolve(request.cluster());
        SimulatedContainerInstance ci = instances.find(cluster.name(), request.containerInstance());
        if (ci == null) {
            throw EcsErrors.invalidParameter("The referenced container instance was not found: containerInstance "
                    + request.containerInstance());
        }
        instances.startAgentUpdate(ci);
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
            clusters.resolve(request.cluster());
        }
        String name = region.name();
        return DiscoverPollEndpointResponse.builder()
                .endpoint("https://ecs-a-1." + name + ".amazonaws.com/")
                .telemetryEndpoint("https://ecs-t-1." + name + ".amazonaws.com/")
                .serviceConnectEndpoint("https://ecs-sc." + name + ".api.aws")
                .build();
    }


    /**
     * The table's figures for a type it knows; for another type, what the agent registered ({@code totalResources}
     * with CPU and MEMORY), as real ECS has no list of types; without them, refused naming the type.
     */
    private static InstanceType instanceType(String name, RegisterContainerInstanceRequest request) {
        if (InstanceTypes.exists(name) || !request.hasTotalResources()) {
            return InstanceTypes.get(name);
        }
        Integer cpu = null;
        Integer memory = null;
        for (Resource r : request.totalResources()) {
            if ("CPU".equals(r.name())) {
                cpu = intValue(r);
            } else if ("MEMORY".equals(r.name())) {
                memory = intValue(r);
            }
        }
        if (cpu == null || memory == null) {
            return InstanceTypes.get(name);
        }
        return InstanceTypes.described(name, cpu, memory);
    }

    private void applyRequest(SimulatedContainerInstance ci, RegisterContainerInstanceRequest request) {
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
        tags.put(ci.arn(), request.tags());
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


    private Failure missing(String clusterName, String requested) {
        String arn = Arns.isArn(requested) ? requested : region.arns().containerInstance(clusterName, requested);
        return Failure.builder().arn(arn).reason("MISSING").build();
    }
}
