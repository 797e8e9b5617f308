package dev.fakeecs.internal.task;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.placement.PlacementFailure;
import dev.fakeecs.internal.placement.PlacementRequest;
import dev.fakeecs.internal.placement.PlacementResult;
import dev.fakeecs.internal.placement.ResourceDemand;
import dev.fakeecs.internal.placement.TaskPlacer;
import dev.fakeecs.internal.random.SeededRandom;
import dev.fakeecs.internal.containerinstance.ContainerInstances;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.taskdefinition.TaskResources;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link LaunchSpec} into a placed {@link SimulatedTask}: Fargate tasks get an availability zone,
 * EC2 tasks a container instance chosen by the placement engine; then the lifecycle starts.
 */
final class TaskLauncher {

    /** What placing one task gave: the task, or why it could not be placed. */
    record Outcome(SimulatedTask task, List<PlacementFailure> failures, String capacityShortage) {
        boolean placed() {
            return task != null;
        }
    }

    private final RegionContext region;
    private final Tasks tasks;
    private final ContainerInstances containerInstances;
    private final TaskPlacer placer;

    private final PrivateAddresses addresses;

    TaskLauncher(RegionContext region, Tasks tasks, ContainerInstances containerInstances, PrivateAddresses addresses) {
        this.region = region;
        this.addresses = addresses;
        this.tasks = tasks;
        this.containerInstances = containerInstances;
        this.placer = new TaskPlacer(region.engine().random());
    }

    Outcome launch(LaunchSpec spec) {
        if ("FARGATE".equals(spec.launchType())) {
            return launchFargate(spec);
        }
        return launchOnEc2(spec, candidates(spec));
    }

    /** Places on exactly these instances (StartTask): the first that fits. */
    Outcome launchOn(LaunchSpec spec, SimulatedContainerInstance instance) {
        return launchOnEc2(spec, List.of(instance));
    }

    private List<SimulatedContainerInstance> candidates(LaunchSpec spec) {
        List<SimulatedContainerInstance> all = containerInstances.inCluster(spec.clusterName());
        List<SimulatedContainerInstance> usable = new ArrayList<>(all.size());
        for (SimulatedContainerInstance ci : all) {
            if (spec.capacityProvider() != null && !spec.capacityProvider().equals(ci.capacityProviderName())) {
                continue;
            }
            usable.add(ci);
        }
        return usable;
    }

    private Outcome launchFargate(LaunchSpec spec) {
        List<String> zones = FargateZones.allowedZones(region, spec.network());
        String provider = spec.capacityProvider() == null ? "FARGATE" : spec.capacityProvider();
        String zone = FargateZones.pick(zones, tasks.zoneCounts(spec.clusterName(), spec.group()),
                z -> tasks.zoneUsable(z) && tasks.hasCapacity(provider, z));
        if (zone == null) {
            return new Outcome(null, List.of(), "Capacity is unavailable at this time. Please try again later or in "
                    + "a different availability zone");
        }
        SimulatedTask task = create(spec, null, zone);
        return new Outcome(task, List.of(), null);
    }

    private Outcome launchOnEc2(LaunchSpec spec, List<SimulatedContainerInstance> candidates) {
        PlacementResult result = placeOnEc2(spec, candidates);
        if (result.instance() == null) {
            return new Outcome(null, result.failures(), null);
        }
        SimulatedTask task = create(spec, result.instance(), result.instance().availabilityZone());
        return new Outcome(task, List.of(), null);
    }

    private PlacementResult placeOnEc2(LaunchSpec spec, List<SimulatedContainerInstance> candidates) {
        List<SimulatedContainerInstance> open = new ArrayList<>(candidates.size());
        for (SimulatedContainerInstance ci : candidates) {
            if (tasks.zoneUsable(ci.availabilityZone())) {
                open.add(ci);
            }
        }
        TaskDefinition td = spec.taskDefinition();
        ResourceDemand demand = new ResourceDemand(TaskResources.cpuUnits(td), TaskResources.memoryMiB(td),
                TaskResources.tcpHostPorts(td), TaskResources.udpHostPorts(td), TaskResources.gpuCount(td),
                TaskResources.usesAwsvpc(td));
        List<PlacementConstraint> constraints = requiredConstraints(spec.constraints(), td);
        if ("MANAGED_INSTANCES".equals(spec.launchType())
                && (td.runtimePlatform() == null || td.runtimePlatform().cpuArchitecture() == null)) {
            // Managed Instances run a task without runtimePlatform.cpuArchitecture on x86_64 hosts only
            constraints.add(PlacementConstraint.builder().type(PlacementConstraintType.MEMBER_OF)
                    .expression("attribute:ecs.cpu-architecture == x86_64").build());
        }
        return placer.placeOne(new PlacementRequest(open, demand, spec.group(), constraints, spec.strategies()));
    }

    /**
     * The constraints a task is placed under: the request's (RunTask, the service), then the task
     * definition's own {@code memberOf} constraints (ECS applies both, the task definition parameters page), then the
     * task definition's {@code runtimePlatform.cpuArchitecture} (X86_64 or ARM64), which restricts it
     * to hosts of that architecture, as ECS does through the task's required attributes.
     */
    static List<PlacementConstraint> requiredConstraints(List<PlacementConstraint> constraints, TaskDefinition td) {
        List<PlacementConstraint> all = new ArrayList<>(constraints == null ? List.of() : constraints);
        for (TaskDefinitionPlacementConstraint c : td.placementConstraints()) {
            all.add(PlacementConstraint.builder().type(c.typeAsString()).expression(c.expression()).build());
        }
        if (td.runtimePlatform() != null && td.runtimePlatform().cpuArchitecture() != null) {
            String arch = "ARM64".equals(td.runtimePlatform().cpuArchitectureAsString()) ? "arm64" : "x86_64";
            all.add(PlacementConstraint.builder().type(PlacementConstraintType.MEMBER_OF)
                    .expression("attribute:ecs.cpu-architecture == " + arch).build());
        }
        return all;
    }

    private SimulatedTask create(LaunchSpec spec, SimulatedContainerInstance instance, String zone) {
        SimulatedTask task = newTask(spec, zone);
        tasks.register(task, spec.tags());
        start(task, spec, instance);
        return task;
    }

    /** A new task for the spec, with its containers, not yet on any host and not yet registered. */
    SimulatedTask newTask(LaunchSpec spec, String zone) {
        SeededRandom random = region.engine().random();
        String id = random.hex(32);
        TaskDefinition td = spec.taskDefinition();
        boolean fargate = "FARGATE".equals(spec.launchType());
        SimulatedTask task = new SimulatedTask(id, region.arns().task(spec.clusterName(), id), spec.clusterName(), td,
                spec.launchType(), spec.capacityProvider(), spec.group(), spec.startedBy(), spec.overrides(),
                fargate ? 0 : TaskResources.cpuUnits(td), fargate ? 0 : TaskResources.memoryMiB(td),
                fargate ? List.of() : TaskResources.tcpHostPorts(td), fargate ? List.of() : TaskResources.udpHostPorts(td),
                List.of(), TaskResources.usesAwsvpc(td), region.now());
        task.availabilityZone(zone);
        task.privateIp(addresses.allocate(random));
        task.serviceName(spec.serviceName());
        task.deploymentId(spec.deploymentId());
        task.enableExecuteCommand(spec.enableExecuteCommand());
        if (fargate) {
            task.platformVersion("1.4.0");
        }
        for (ContainerDefinition def : td.containerDefinitions()) {
            ImageBehavior behavior = region.engine().images().behaviorOf(def.image());
            boolean essential = def.essential() == null || def.essential();
            task.containers().add(new SimulatedContainer(def.name(),
                    region.arns().container(spec.clusterName(), id, random.uuid()), id + "-" + random.digits(10),
                    def.image(), essential, def.healthCheck() != null, behavior));
        }
        return task;
    }

    /** Puts a registered task on its host (null for Fargate), records the placement and starts its lifecycle. */
    private void start(SimulatedTask task, LaunchSpec spec, SimulatedContainerInstance instance) {
        if (instance != null) {
            int gpus = TaskResources.gpuCount(spec.taskDefinition());
            List<String> free = instance.freeGpuIds();
            task.gpuIds(free.subList(0, Math.min(gpus, free.size())));
            bindHostPorts(task, instance);
            task.containerInstance(instance);
            instance.reserve(task);
        }
        region.record(JournalEventType.TASK_PLACED, task.arn(), "taskDefinition",
                spec.taskDefinition().taskDefinitionArn(), "launchType", spec.launchType(), "capacityProvider",
                spec.capacityProvider(), "availabilityZone", task.availabilityZone(), "containerInstance",
                instance == null ? null : instance.arn(), "group", spec.group());
        tasks.lifecycle().launch(task);
    }

    /**
     * Chooses the host port of every port mapping, as the agent does: in {@code host} mode the
     * container port; in {@code bridge} mode a static {@code hostPort}, or for {@code hostPort} 0 or
     * omitted the lowest free port of the ephemeral range 49153-65535 on that host (reference
     * section 3). Mappings without a single {@code containerPort} (port ranges) are left out.
     */
    static void bindHostPorts(SimulatedTask task, SimulatedContainerInstance instance) {
        NetworkMode mode = task.taskDefinition().networkMode() == null ? NetworkMode.BRIDGE
                : task.taskDefinition().networkMode();
        if (mode != NetworkMode.BRIDGE && mode != NetworkMode.HOST) {
            return;
        }
        Map<String, List<Integer>> bindings = new LinkedHashMap<>();
        List<Integer> ephemeral = new ArrayList<>();
        for (ContainerDefinition def : task.taskDefinition().containerDefinitions()) {
            List<Integer> ports = new ArrayList<>();
            for (PortMapping pm : def.portMappings()) {
                if (pm.containerPort() == null) {
                    continue;
                }
                Integer host = mode == NetworkMode.HOST ? pm.containerPort() : pm.hostPort();
                if (host == null || host == 0) {
                    host = instance.freeEphemeralPort(new HashSet<>(ephemeral));
                    if (host < 0) {
                        throw new IllegalStateException("no free ephemeral port on " + instance);
                    }
                    ephemeral.add(host);
                }
                ports.add(host);
            }
            bindings.put(def.name(), ports);
        }
        task.bindHostPorts(bindings, ephemeral);
    }

    /**
     * Tries to place a task that waits in PROVISIONING for capacity (an Auto Scaling group
     * provider had no room); the same task carries on once a host fits it.
     *
     * @return true if it was placed
     */
    boolean placeWaiting(SimulatedTask task, LaunchSpec spec) {
        if (tasks.waitingHeld(task)) {
            return false;
        }
        List<SimulatedContainerInstance> candidates = candidates(spec);
        PlacementResult result = placeOnEc2(spec, candidates);
        if (result.instance() == null) {
            return false;
        }
        tasks.zonePlaced(task, result.instance().availabilityZone());
        start(task, spec, result.instance());
        return true;
    }
}
