package dev.fakeecs.internal.containerinstance;

import dev.fakeecs.internal.error.EcsErrors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalogue of real EC2 instance types: vCPUs, memory, CPU architecture, GPUs and the most
 * network interfaces (ENIs) each can attach, as EC2 publishes them.
 *
 * <p><b>Registered memory.</b> The ECS agent registers less memory than the instance has, since
 * the kernel and the OS keep some. The fake uses one rule for every type:
 * {@code registered = instance MiB - reserve}, {@code reserve = instance MiB / 16} (6.25 %),
 * at least 64 MiB and at most 2048 MiB. So an m5.large (8 GiB = 8192 MiB) registers 7680 MiB,
 * a t3.micro (1024 MiB) 960 MiB, a g4dn.12xlarge (192 GiB) 194,560 MiB. Real hosts land within a
 * few percent of these figures; the agent's {@code ECS_RESERVED_MEMORY} (default 0) is not
 * modelled separately. CPU registers 1024 units per vCPU.
 *
 * <pre>{@code
 * InstanceType t = InstanceTypes.get("c7g.large");
 * t.architecture();   // "arm64"
 * t.cpuUnits();       // 2048
 * t.memoryMiB();      // 3840 (4096 less the OS reserve)
 * InstanceTypes.get("m5.huge");   // InvalidParameterException naming m5.huge
 * }</pre>
 */
public final class InstanceTypes {

    private static final Map<String, InstanceType> TYPES = new LinkedHashMap<>();

    static {
        // name, vCPUs, memory GiB (x1024 MiB), architecture, GPUs, max ENIs
        x86("t3.nano", 2, 0.5, 2);
        x86("t3.micro", 2, 1, 2);
        x86("t3.small", 2, 2, 3);
        x86("t3.medium", 2, 4, 3);
        x86("t3.large", 2, 8, 3);
        x86("t3.xlarge", 4, 16, 4);
        x86("t3.2xlarge", 8, 32, 4);
        x86("m5.large", 2, 8, 3);
        x86("m5.xlarge", 4, 16, 4);
        x86("m5.2xlarge", 8, 32, 4);
        x86("m5.4xlarge", 16, 64, 8);
        x86("c5.large", 2, 4, 3);
        x86("c5.xlarge", 4, 8, 4);
        x86("c5.2xlarge", 8, 16, 4);
        x86("c5.4xlarge", 16, 32, 8);
        x86("r5.large", 2, 16, 3);
        x86("r5.xlarge", 4, 32, 4);
        x86("r5.2xlarge", 8, 64, 4);
        arm("m6g.medium", 1, 4, 2);
        arm("m6g.large", 2, 8, 3);
        arm("m6g.xlarge", 4, 16, 4);
        arm("m6g.2xlarge", 8, 32, 4);
        arm("c7g.medium", 1, 2, 2);
        arm("c7g.large", 2, 4, 3);
        arm("c7g.xlarge", 4, 8, 4);
        arm("c7g.2xlarge", 8, 16, 4);
        gpu("g4dn.xlarge", 4, 16, 1, 3);
        gpu("g4dn.2xlarge", 8, 32, 1, 3);
        gpu("g4dn.4xlarge", 16, 64, 1, 3);
        gpu("g4dn.8xlarge", 32, 128, 1, 4);
        gpu("g4dn.12xlarge", 48, 192, 4, 8);
        gpu("g4dn.16xlarge", 64, 256, 1, 4);
    }

    private InstanceTypes() {
    }

    /** The type of that name; InvalidParameterException naming it when the catalogue lacks it. */
    public static InstanceType get(String name) {
        InstanceType type = name == null ? null : TYPES.get(name);
        if (type == null) {
            throw EcsErrors.invalidParameter("The instance type " + name + " is not supported. Supported types: "
                    + String.join(", ", TYPES.keySet()));
        }
        return type;
    }

    /** True if the catalogue knows {@code name}. */
    public static boolean exists(String name) {
        return name != null && TYPES.containsKey(name);
    }

    /** Every type, in catalogue order. */
    public static List<InstanceType> all() {
        return List.copyOf(TYPES.values());
    }

    /** The memory the agent registers for an instance with {@code instanceMiB} of RAM (see class doc). */
    public static int registeredMemory(int instanceMiB) {
        int reserve = Math.max(64, Math.min(2048, instanceMiB / 16));
        return instanceMiB - reserve;
    }

    private static void x86(String name, int vcpus, double gib, int enis) {
        add(name, vcpus, gib, "x86_64", 0, enis);
    }

    private static void arm(String name, int vcpus, double gib, int enis) {
        add(name, vcpus, gib, "arm64", 0, enis);
    }

    private static void gpu(String name, int vcpus, double gib, int gpus, int enis) {
        add(name, vcpus, gib, "x86_64", gpus, enis);
    }

    private static void add(String name, int vcpus, double gib, String arch, int gpus, int enis) {
        int instanceMiB = (int) Math.round(gib * 1024);
        TYPES.put(name, new InstanceType(name, vcpus, registeredMemory(instanceMiB), arch, gpus, enis));
    }
}
