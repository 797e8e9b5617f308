package dev.fakeecs.internal.managedinstances;

import dev.fakeecs.internal.containerinstance.InstanceType;
import dev.fakeecs.internal.containerinstance.InstanceTypeTraits;
import dev.fakeecs.internal.containerinstance.InstanceTypes;
import software.amazon.awssdk.services.ecs.model.InstanceGeneration;
import software.amazon.awssdk.services.ecs.model.InstanceRequirementsRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The catalogue types that satisfy a provider's {@code instanceRequirements}, cheapest first
 * ({@link InstanceTypeTraits#hourlyPrice}, ties by name). Simulated members: {@code vCpuCount},
 * {@code memoryMiB} (the instance's memory, before the OS reserve), {@code cpuManufacturers},
 * {@code allowedInstanceTypes} and {@code excludedInstanceTypes} (with {@code *} wildcards),
 * {@code instanceGenerations} (default: both), {@code bareMetal} and {@code burstablePerformance}
 * (default: excluded, as EC2 attribute-based selection), {@code acceleratorCount} (GPUs; default: any) and
 * {@code networkInterfaceCount}. The other members are stored and returned, not simulated.
 *
 * <pre>{@code
 * List<InstanceType> types = InstanceRequirementsMatcher.matching(requirements, "x86_64");
 * types.get(0);   // the cheapest x86_64 type in range
 * }</pre>
 */
final class InstanceRequirementsMatcher {

    private InstanceRequirementsMatcher() {
    }

    /** The matching types of that architecture, cheapest first. */
    static List<InstanceType> matching(InstanceRequirementsRequest r, String architecture) {
        List<InstanceType> result = new ArrayList<>();
        for (InstanceType t : InstanceTypes.all()) {
            if (t.architecture().equals(architecture) && matches(r, t)) {
                result.add(t);
            }
        }
        result.sort(Comparator.comparingDouble(InstanceTypeTraits::hourlyPrice).thenComparing(InstanceType::name));
        return result;
    }

    static boolean matches(InstanceRequirementsRequest r, InstanceType t) {
        if (r.vCpuCount() != null && !within(t.vcpus(), r.vCpuCount().min(), r.vCpuCount().max())) {
            return false;
        }
        int instanceMiB = instanceMemory(t);
        if (r.memoryMiB() != null && !within(instanceMiB, r.memoryMiB().min(), r.memoryMiB().max())) {
            return false;
        }
        if (r.hasCpuManufacturers() && !r.cpuManufacturersAsStrings().isEmpty()
                && !r.cpuManufacturersAsStrings().contains(InstanceTypeTraits.cpuManufacturer(t))) {
            return false;
        }
        if (r.hasAllowedInstanceTypes() && !r.allowedInstanceTypes().isEmpty()
                && r.allowedInstanceTypes().stream().noneMatch(p -> glob(p, t.name()))) {
            return false;
        }
        if (r.hasExcludedInstanceTypes() && r.excludedInstanceTypes().stream().anyMatch(p -> glob(p, t.name()))) {
            return false;
        }
        if (r.hasInstanceGenerations() && !r.instanceGenerations().isEmpty()) {
            InstanceGeneration g = InstanceTypeTraits.currentGeneration(t) ? InstanceGeneration.CURRENT
                    : InstanceGeneration.PREVIOUS;
            if (!r.instanceGenerations().contains(g)) {
                return false;
            }
        }
        if (!allows(r.bareMetal() == null ? "excluded" : r.bareMetalAsString(), InstanceTypeTraits.bareMetal(t))) {
            return false;
        }
        if (!allows(r.burstablePerformance() == null ? "excluded" : r.burstablePerformanceAsString(),
                InstanceTypeTraits.burstable(t))) {
            return false;
        }
        if (r.acceleratorCount() != null && !within(t.gpus(), r.acceleratorCount().min(), r.acceleratorCount().max())) {
            return false;
        }
        return r.networkInterfaceCount() == null
                || within(t.maxEnis(), r.networkInterfaceCount().min(), r.networkInterfaceCount().max());
    }

    /** The instance's memory before the OS reserve (the catalogue keeps what the agent registers). */
    static int instanceMemory(InstanceType t) {
        // registered = instance - clamp(instance / 16, 64, 2048): invert by trying the three branches
        int m = t.memoryMiB();
        for (int candidate : new int[] {m + 64, m + 2048, (int) Math.round(m * 16.0 / 15.0)}) {
            if (candidate - Math.max(64, Math.min(2048, candidate / 16)) == m) {
                return candidate;
            }
        }
        return m;
    }

    private static boolean allows(String setting, boolean has) {
        return switch (setting) {
            case "required" -> has;
            case "included" -> true;
            default -> !has;
        };
    }

    private static boolean within(int value, Integer min, Integer max) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    private static boolean glob(String pattern, String name) {
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q");
        return name.matches(regex);
    }
}
