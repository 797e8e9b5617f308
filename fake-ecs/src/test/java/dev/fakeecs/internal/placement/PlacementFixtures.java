package dev.fakeecs.internal.placement;

import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.internal.containerinstance.InstanceType;
import dev.fakeecs.internal.random.SeededRandom;
import dev.fakeecs.internal.task.SimulatedTask;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Instant;
import java.util.List;

/** Builds container instances and tasks directly, as the engine would, for placement tests. */
public final class PlacementFixtures {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final InstanceType M5_LARGE = new InstanceType("m5.large", 2, 7680, "x86_64", 0, 3);
    static final InstanceType C5_XLARGE = new InstanceType("c5.xlarge", 4, 7168, "x86_64", 0, 4);
    static final InstanceType G4DN = new InstanceType("g4dn.xlarge", 4, 15360, "x86_64", 1, 3);
    private static final TaskDefinition TD = TaskDefinition.builder().family("f").revision(1).build();

    private final SeededRandom random = new SeededRandom(1);
    private int instances;
    private int tasks;

    /** An ACTIVE m5.large in the zone, registered one minute after the previous one. */
    public SimulatedContainerInstance instance(String az) {
        return instance(az, M5_LARGE);
    }

    public SimulatedContainerInstance instance(String az, InstanceType type) {
        instances++;
        String id = random.hex(32);
        List<String> gpus = type.gpus() == 0 ? List.of() : List.of("GPU-" + random.hex(8));
        SimulatedContainerInstance ci = new SimulatedContainerInstance(id, "arn:aws:ecs:us-east-1:123456789012:container-instance/c/" + id,
                "c", random.ec2InstanceId(), type, az, T0.plusSeconds(60L * instances), null, gpus);
        ci.attributes().put("ecs.availability-zone", az);
        ci.attributes().put("ecs.instance-type", type.name());
        ci.attributes().put("ecs.os-type", "linux");
        ci.attributes().put("ecs.cpu-architecture", type.architecture());
        ci.attributes().put("ecs.ami-id", "ami-0123456789abcdef0");
        return ci;
    }

    /** A RUNNING task of the group, reserved on the instance. */
    public SimulatedTask runTask(SimulatedContainerInstance on, String group, int cpu, int memory) {
        return runTask(on, group, cpu, memory, List.of());
    }

    public SimulatedTask runTask(SimulatedContainerInstance on, String group, int cpu, int memory, List<Integer> ports) {
        SimulatedTask task = newTask(on, group, new ResourceDemand(cpu, memory, ports, List.of(), 0, false));
        task.lastStatus("RUNNING");
        task.startedAt(task.createdAt().plusSeconds(20));
        return task;
    }

    /** A task for the demand, reserved on the instance, still PROVISIONING. */
    public SimulatedTask newTask(SimulatedContainerInstance on, String group, ResourceDemand demand) {
        tasks++;
        String id = random.hex(32);
        List<String> gpus = on.freeGpuIds().subList(0, demand.gpus());
        SimulatedTask task = new SimulatedTask(id, "arn:aws:ecs:us-east-1:123456789012:task/c/" + id, "c", TD, "EC2", null, group,
                null, null, demand.cpu(), demand.memoryMiB(), demand.tcpHostPorts(), demand.udpHostPorts(),
                List.copyOf(gpus), demand.needsEni(), T0.plusSeconds(3600L + tasks));
        task.containerInstance(on);
        task.availabilityZone(on.availabilityZone());
        on.reserve(task);
        return task;
    }
}
