package dev.fakeecs.dsl.taskdefinition;

import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.spi.EngineSetup;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Volume;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a task definition spec is checked against when built: the ones ECS's
 * RegisterTaskDefinition enforces (family name, unique container names, an essential container,
 * the Fargate size table, memory sums, dependencies, volumes), reported with field, value and rule.
 *
 * <pre>{@code
 * TaskDefinitionRules.check(request, containers);   // throws InvalidSpecException
 * }</pre>
 */
final class TaskDefinitionRules {

    private static final int MAX_CONTAINERS = 10;

    private TaskDefinitionRules() {
    }

    static void check(RegisterTaskDefinitionRequest r, List<ContainerSpec> containers) {
        String family = r.family();
        Check.notBlank("taskDefinition", "family", family);
        String spec = "taskDefinition " + family;
        Check.that(family.matches("[A-Za-z0-9_-]{1,255}"), spec, "family", family,
                "must be 1-255 letters, digits, hyphens or underscores");
        Check.that(!containers.isEmpty(), spec, "containerDefinitions", List.of(),
                "a task definition needs at least one container");
        Check.range(spec, "containerDefinitions.size", containers.size(), 1, MAX_CONTAINERS);

        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            String name = containers.get(i).name();
            Check.that(names.add(name), spec, "containerDefinitions[" + i + "].name", name,
                    "container names must be unique within a task definition");
        }
        Check.that(containers.stream().anyMatch(ContainerSpec::essential), spec, "containerDefinitions[*].essential",
                false, "at least one container must be essential");

        Integer cpu = size(spec, "cpu", r.cpu(), EngineSetup.taskCpuUnits(r.cpu()), "CPU units such as 512 or '0.5 vCPU'");
        Integer memory = size(spec, "memory", r.memory(), EngineSetup.taskMemoryMiB(r.memory()), "MiB such as 1024 or '1 GB'");
        boolean fargate = r.requiresCompatibilities().contains(Compatibility.FARGATE);
        NetworkMode mode = r.networkMode() == null ? NetworkMode.BRIDGE : r.networkMode();
        if (fargate) {
            checkFargate(spec, r, cpu, memory, mode, containers);
        }
        checkMemory(spec, containers, cpu, memory);
        checkDependencies(spec, containers, names);
        checkVolumes(spec, r.volumes(), containers, fargate);
    }

    private static Integer size(String spec, String field, String text, Integer parsed, String expected) {
        Check.that(text == null || (parsed != null && parsed > 0), spec, field, text, "must be " + expected);
        return parsed;
    }

    private static void checkFargate(String spec, RegisterTaskDefinitionRequest r, Integer cpu, Integer memory,
                                     NetworkMode mode, List<ContainerSpec> containers) {
        Check.that(mode == NetworkMode.AWSVPC, spec, "networkMode", mode.toString(),
                "Fargate only supports network mode awsvpc");
        Check.that(cpu != null, spec, "cpu", null, "Fargate requires cpu at the task level");
        Check.that(memory != null, spec, "memory", null, "Fargate requires memory at the task level");
        List<Integer> memoryOptions = EngineSetup.fargateSizes().getOrDefault(cpu, List.of());
        if (!memoryOptions.isEmpty()) {
            Check.that(memoryOptions.contains(memory), spec, "memory", memory,
                    "Fargate cpu " + cpu + " runs with memory " + memoryOptions + " MiB ("
                            + EngineSetup.NO_FARGATE_CONFIGURATION + ")");
        } else {
            throw new InvalidSpecException(spec, "cpu", cpu, "Fargate offers cpu "
                    + List.copyOf(EngineSetup.fargateSizes().keySet()) + " (" + EngineSetup.NO_FARGATE_CONFIGURATION
                    + ")");
        }
        for (int i = 0; i < containers.size(); i++) {
            Check.that(containers.get(i).gpus() == 0, spec, "containerDefinitions[" + i + "].resourceRequirements.GPU",
                    containers.get(i).gpus(), "Fargate does not offer GPUs; use EC2 (requiresCompatibilities EC2)");
        }
        if (r.ephemeralStorage() != null && r.ephemeralStorage().sizeInGiB() != null) {
            Check.range(spec, "ephemeralStorage.sizeInGiB", r.ephemeralStorage().sizeInGiB(), 21, 200);
        }
    }

    private static void checkMemory(String spec, List<ContainerSpec> containers, Integer cpu, Integer memory) {
        int cpuSum = 0;
        int reservationSum = 0;
        for (int i = 0; i < containers.size(); i++) {
            ContainerSpec c = containers.get(i);
            String at = "containerDefinitions[" + i + "]";
            if (memory == null) {
                Check.that(c.memory() != null || c.memoryReservation() != null, spec, at + ".memory", null,
                        "container " + c.name() + " needs memory or memoryReservation when the task has no memory");
            } else if (c.memory() != null) {
                Check.that(c.memory() <= memory, spec, at + ".memory", c.memory(),
                        "must not exceed the task memory (" + memory + ")");
            }
            cpuSum += c.cpu() == null ? 0 : c.cpu();
            reservationSum += c.memoryReservation() == null ? 0 : c.memoryReservation();
        }
        if (cpu != null) {
            Check.that(cpuSum <= cpu, spec, "containerDefinitions[*].cpu", cpuSum,
                    "the sum of container cpu must not exceed the task cpu (" + cpu + ")");
        }
        if (memory != null) {
            Check.that(reservationSum <= memory, spec, "containerDefinitions[*].memoryReservation", reservationSum,
                    "the sum of container memoryReservation must not exceed the task memory (" + memory + ")");
        }
    }

    private static void checkDependencies(String spec, List<ContainerSpec> containers, Set<String> names) {
        for (int i = 0; i < containers.size(); i++) {
            List<ContainerDependency> deps = containers.get(i).toSdk().dependsOn();
            for (int j = 0; j < deps.size(); j++) {
                String target = deps.get(j).containerName();
                Check.that(names.contains(target), spec, "containerDefinitions[" + i + "].dependsOn[" + j
                        + "].containerName", target, "must name a container of this task definition " + names);
            }
        }
    }

    private static void checkVolumes(String spec, List<Volume> volumes, List<ContainerSpec> containers,
                                     boolean fargate) {
        Set<String> volumeNames = new LinkedHashSet<>();
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            Check.notBlank(spec, "volumes[" + i + "].name", v.name());
            Check.that(volumeNames.add(v.name()), spec, "volumes[" + i + "].name", v.name(),
                    "volume names must be unique within a task definition");
            if (fargate) {
                Check.that(Volumes.kindOf(v) != Volumes.Kind.HOST, spec, "volumes[" + i + "].host.sourcePath",
                        v.host() == null ? null : v.host().sourcePath(), "Fargate does not allow host path volumes");
            }
        }
        for (int i = 0; i < containers.size(); i++) {
            List<MountPoint> mounts = containers.get(i).mountPoints();
            for (int j = 0; j < mounts.size(); j++) {
                String source = mounts.get(j).sourceVolume();
                Check.that(volumeNames.contains(source), spec, "containerDefinitions[" + i + "].mountPoints[" + j
                        + "].sourceVolume", source, "must name a volume of this task definition " + volumeNames);
            }
        }
    }
}
