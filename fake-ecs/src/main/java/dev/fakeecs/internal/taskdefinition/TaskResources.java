package dev.fakeecs.internal.taskdefinition;

import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.ResourceRequirement;
import software.amazon.awssdk.services.ecs.model.ResourceType;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a task of a given task definition takes from the capacity it runs on: CPU units, memory,
 * static host ports, GPUs, and how long its containers get to stop. Placement and the task
 * lifecycle read these; they never parse task definitions themselves.
 *
 * <pre>{@code
 * TaskDefinition td = state.taskDefinitions().resolve("restaurant-service");
 * int cpu = TaskResources.cpuUnits(td);            // task cpu, else the sum of container cpu
 * int mem = TaskResources.memoryMiB(td);           // task memory, else reservations summed
 * List<Integer> ports = TaskResources.tcpHostPorts(td);
 * Duration grace = TaskResources.stopTimeout(td, false);
 * }</pre>
 */
public final class TaskResources {

    /** What a container gets to stop when neither it nor the agent says otherwise. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The longest stopTimeout Fargate allows. */
    public static final Duration FARGATE_MAX_STOP_TIMEOUT = Duration.ofSeconds(120);

    private TaskResources() {
    }

    /** Task-level cpu in CPU units, else the sum of the containers' cpu (absent counts as 0). */
    public static int cpuUnits(TaskDefinition td) {
        Integer taskCpu = TaskSize.cpuUnits(td.cpu());
        if (taskCpu != null) {
            return taskCpu;
        }
        int sum = 0;
        for (ContainerDefinition c : td.containerDefinitions()) {
            sum += c.cpu() == null ? 0 : c.cpu();
        }
        return sum;
    }

    /**
     * Task-level memory in MiB, else for each container its memoryReservation if set, otherwise
     * its memory, summed: what an EC2 host has to set aside.
     */
    public static int memoryMiB(TaskDefinition td) {
        Integer taskMemory = TaskSize.memoryMiB(td.memory());
        if (taskMemory != null) {
            return taskMemory;
        }
        int sum = 0;
        for (ContainerDefinition c : td.containerDefinitions()) {
            if (c.memoryReservation() != null) {
                sum += c.memoryReservation();
            } else if (c.memory() != null) {
                sum += c.memory();
            }
        }
        return sum;
    }

    /** The static TCP host ports a task holds on an EC2 host (none in awsvpc; dynamic ones excluded). */
    public static List<Integer> tcpHostPorts(TaskDefinition td) {
        return hostPorts(td, TransportProtocol.TCP);
    }

    /** The static UDP host ports a task holds on an EC2 host. */
    public static List<Integer> udpHostPorts(TaskDefinition td) {
        return hostPorts(td, TransportProtocol.UDP);
    }

    private static List<Integer> hostPorts(TaskDefinition td, TransportProtocol protocol) {
        NetworkMode mode = td.networkMode() == null ? NetworkMode.BRIDGE : td.networkMode();
        List<Integer> ports = new ArrayList<>();
        if (mode != NetworkMode.HOST && mode != NetworkMode.BRIDGE) {
            return ports;
        }
        for (ContainerDefinition c : td.containerDefinitions()) {
            for (PortMapping pm : c.portMappings()) {
                TransportProtocol p = pm.protocol() == null ? TransportProtocol.TCP : pm.protocol();
                if (p != protocol) {
                    continue;
                }
                Integer port = mode == NetworkMode.HOST ? pm.containerPort() : pm.hostPort();
                if (port != null && port > 0) {
                    ports.add(port);
                }
            }
        }
        return ports;
    }

    /** GPUs the task asks for (resourceRequirements of type GPU, summed over containers). */
    public static int gpuCount(TaskDefinition td) {
        int gpus = 0;
        for (ContainerDefinition c : td.containerDefinitions()) {
            for (ResourceRequirement r : c.resourceRequirements()) {
                if (r.type() == ResourceType.GPU && r.value() != null && r.value().matches("\\d+")) {
                    gpus += Integer.parseInt(r.value());
                }
            }
        }
        return gpus;
    }

    /** True if ECS found the task definition valid for Fargate (FARGATE among its compatibilities). */
    public static boolean isFargateCompatible(TaskDefinition td) {
        return td.compatibilities().contains(Compatibility.FARGATE);
    }

    /**
     * True if ECS Managed Instances can run the definition: network mode awsvpc, host or none (not bridge, the
     * default), Linux.
     */
    public static boolean isManagedInstancesCompatible(TaskDefinition td) {
        NetworkMode mode = td.networkMode() == null ? NetworkMode.BRIDGE : td.networkMode();
        boolean windows = td.runtimePlatform() != null && td.runtimePlatform().operatingSystemFamily() != null
                && td.runtimePlatform().operatingSystemFamilyAsString().startsWith("WINDOWS");
        return mode != NetworkMode.BRIDGE && !windows;
    }

    /** True if tasks of this definition get their own network interface (networkMode awsvpc). */
    public static boolean usesAwsvpc(TaskDefinition td) {
        return td.networkMode() == NetworkMode.AWSVPC;
    }

    /**
     * How long the task's containers get between SIGTERM and SIGKILL: the longest container
     * stopTimeout, 30 s for a container without one; at most 120 s on Fargate.
     */
    public static Duration stopTimeout(TaskDefinition td, boolean fargate) {
        Duration longest = Duration.ZERO;
        for (ContainerDefinition c : td.containerDefinitions()) {
            Duration d = c.stopTimeout() == null ? DEFAULT_STOP_TIMEOUT : Duration.ofSeconds(c.stopTimeout());
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        if (longest.isZero()) {
            longest = DEFAULT_STOP_TIMEOUT;
        }
        return fargate && longest.compareTo(FARGATE_MAX_STOP_TIMEOUT) > 0 ? FARGATE_MAX_STOP_TIMEOUT : longest;
    }
}
