package dev.fakeecs.task;

import dev.fakeecs.containerinstance.ContainerInstance;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.placement.PlacementFailure;
import dev.fakeecs.placement.PlacementRequest;
import dev.fakeecs.placement.PlacementResult;
import dev.fakeecs.placement.ResourceDemand;
import dev.fakeecs.placement.TaskPlacer;
import dev.fakeecs.random.SeededRandom;
import dev.fakeecs.region.RegionState;
import dev.fakeecs.taskdefinition.TaskResources;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link LaunchSpec} into a placed {@link Task}: Fargate tasks get an availability zone,
 * EC2 tasks a container instance chosen by the placement engine; then the lifecycle starts.
 */
final class TaskLauncher {

    /** What placing one task gave: the task, or why it could not be placed. */
    record Outcome(Task task, List<PlacementFailure> failures, String capacityShortage) {
        boolean placed() {
            return task != null;
        }
    }

    private final RegionState state;
    private final Tasks tasks;
    private final TaskPlacer placer;

    TaskLauncher(RegionState state, Tasks tasks) {
        this.state = state;
        this.tasks = tasks;
        this.placer = new TaskPlacer(state.world().random());
    }

    Outcome launch(LaunchSpec spec) {
        if ("FARGATE".equals(spec.launchType())) {
            return launchFargate(spec);
        }
        return launchOnEc2(spec, candidates(spec));
    }

    /** Places on exactly these instances (StartTask): the first that fits. */
    Outcome launchOn(LaunchSpec spec, ContainerInstance instance) {
        return launchOnEc2(spec, List.of(instance));
    }

    private List<ContainerInstance> candidates(LaunchSpec spec) {
        List<ContainerInstance> all = state.containerInstances().inCluster(spec.clusterName());
        List<ContainerInstance> usable = new ArrayList<>(all.size());
        for (ContainerInstance ci : all) {
            if (spec.capacityProvider() != null && !spec.capacityProvider().equals(ci.capacityProviderName())) {
                continue;
            }
            usable.add(ci);
        }
        return usable;
    }

    private Outcome launchFargate(LaunchSpec spec) {
        List<String> zones = FargateZones.allowedZones(state, spec.network());
        String provider = spec.capacityProvider() == null ? "FARGATE" : spec.capacityProvider();
        String zone = FargateZones.pick(zones, tasks.activeInGroup(spec.clusterName(), spec.group()),
                z -> tasks.zoneUsable(z) && tasks.hasCapacity(provider, z));
        if (zone == null) {
            return new Outcome(null, List.of(), "Capacity is unavailable at this time. Please try again later or in "
                    + "a different availability zone");
        }
        Task task = create(spec, null, zone);
        return new Outcome(task, List.of(), null);
    }

    private Outcome launchOnEc2(LaunchSpec spec, List<ContainerInstance> candidates) {
        List<ContainerInstance> open = new ArrayList<>(candidates.size());
        for (ContainerInstance ci : candidates) {
            if (tasks.zoneUsable(ci.availabilityZone())) {
                open.add(ci);
            }
        }
        TaskDefinition td = spec.taskDefinition();
        ResourceDemand demand = new ResourceDemand(TaskResources.cpuUnits(td), TaskResources.memoryMiB(td),
                TaskResources.tcpHostPorts(td), TaskResources.udpHostPorts(td), TaskResources.gpuCount(td),
                TaskResources.usesAwsvpc(td));
        PlacementResult result = placer.placeOne(new PlacementRequest(open, demand, spec.group(),
                withPlatformConstraint(spec.constraints(), td), spec.strategies()));
        if (result.instance() == null) {
            return new Outcome(null, result.failures(), null);
        }
        Task task = create(spec, result.instance(), result.instance().availabilityZone());
        return new Outcome(task, List.of(), null);
    }

    /**
     * A task definition's {@code runtimePlatform.cpuArchitecture} (X86_64 or ARM64) restricts it to
     * hosts of that architecture, as ECS does through the task's required attributes.
     */
    static List<PlacementConstraint> withPlatformConstraint(List<PlacementConstraint> constraints, TaskDefinition td) {
        if (td.runtimePlatform() == null || td.runtimePlatform().cpuArchitecture() == null) {
            return constraints == null ? List.of() : constraints;
        }
        String arch = "ARM64".equals(td.runtimePlatform().cpuArchitectureAsString()) ? "arm64" : "x86_64";
        List<PlacementConstraint> all = new ArrayList<>(constraints == null ? List.of() : constraints);
        all.add(PlacementConstraint.builder().type(PlacementConstraintType.MEMBER_OF)
                .expression("attribute:ecs.cpu-architecture == " + arch).build());
        return all;
    }

    private Task create(LaunchSpec spec, ContainerInstance instance, String zone) {
        SeededRandom random = state.world().random();
        String id = random.hex(32);
        TaskDefinition td = spec.taskDefinition();
        boolean fargate = "FARGATE".equals(spec.launchType());
        List<String> gpuIds = new ArrayList<>();
        if (instance != null) {
            int gpus = TaskResources.gpuCount(td);
            List<String> free = instance.freeGpuIds();
            for (int i = 0; i < gpus && i < free.size(); i++) {
                gpuIds.add(free.get(i));
            }
        }
        Task task = new Task(id, state.arns().task(spec.clusterName(), id), spec.clusterName(), td,
                spec.launchType(), spec.capacityProvider(), spec.group(), spec.startedBy(), spec.overrides(),
                fargate ? 0 : TaskResources.cpuUnits(td), fargate ? 0 : TaskResources.memoryMiB(td),
                fargate ? List.of() : TaskResources.tcpHostPorts(td), fargate ? List.of() : TaskResources.udpHostPorts(td),
                gpuIds, TaskResources.usesAwsvpc(td), state.now());
        task.availabilityZone(zone);
        task.privateIp(random.privateIp());
        task.serviceName(spec.serviceName());
        task.deploymentId(spec.deploymentId());
        task.enableExecuteCommand(spec.enableExecuteCommand());
        if (fargate) {
            task.platformVersion("1.4.0");
        }
        for (ContainerDefinition def : td.containerDefinitions()) {
            ImageBehavior behavior = state.world().images().behaviorOf(def.image());
            boolean essential = def.essential() == null || def.essential();
            task.containers().add(new Container(def.name(),
                    state.arns().container(spec.clusterName(), id, random.uuid()), id + "-" + random.digits(10),
                    def.image(), essential, def.healthCheck() != null, behavior));
        }
        if (instance != null) {
            task.containerInstance(instance);
            instance.reserve(task);
        }
        tasks.register(task, spec.tags());
        state.record(JournalEventType.TASK_PLACED, task.arn(), "taskDefinition", td.taskDefinitionArn(),
                "launchType", spec.launchType(), "capacityProvider", spec.capacityProvider(),
                "availabilityZone", zone, "containerInstance", instance == null ? null : instance.arn(),
                "group", spec.group());
        tasks.lifecycle().launch(task);
        return task;
    }
}
