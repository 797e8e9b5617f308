package dev.fakeecs.internal.containerinstance;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What EC2 attribute-based instance type selection reads from an instance type that the catalogue
 * ({@link InstanceTypes}) does not carry as columns, derived from the type's name by fixed rules, and
 * the hourly price ECS Managed Instances minimises when it chooses a type.
 *
 * <ul>
 *   <li>CPU manufacturer: {@code amazon-web-services} for arm64 (Graviton), {@code amd} when the family's
 *   attribute letters contain {@code a} (m5a, c6a, r7a, g4ad), else {@code intel}.</li>
 *   <li>Burstable: the {@code t} series. Bare metal: a {@code metal} size.</li>
 *   <li>Previous generation: a generation digit of 3 or lower, and c4, m4, r4, d2, g3, g3s, p2, x1, x1e.</li>
 *   <li>Price (USD per hour, a deterministic rule, not AWS's price list): 0.0335 per vCPU + 0.0036 per GiB,
 *   x0.8 Graviton, x0.9 AMD, x0.8 burstable, x1.15 local NVMe ({@code d}), x1.2 network-optimised ({@code n}),
 *   x1.3 extended memory or frequency ({@code e}, {@code z}), x1.5 for the storage, memory and accelerator
 *   series (d, g, i, im, inf, is, p, x, z), x1.1 previous generation, + 0.5 per GPU.</li>
 * </ul>
 *
 * <pre>{@code
 * InstanceType m5 = InstanceTypes.get("m5.large");
 * InstanceTypeTraits.cpuManufacturer(m5);   // "intel"
 * InstanceTypeTraits.hourlyPrice(m5);       // about 0.094
 * }</pre>
 */
public final class InstanceTypeTraits {

    private static final Pattern FAMILY = Pattern.compile("([a-z]+?)(\\d+)([a-z-]*)");
    private static final Set<String> PREVIOUS = Set.of("c4", "m4", "r4", "d2", "g3", "g3s", "p2", "x1", "x1e");
    private static final Set<String> SPECIAL_SERIES = Set.of("d", "g", "i", "im", "inf", "is", "p", "x", "z");

    private InstanceTypeTraits() {
    }

    /** The family, the part of the name before the dot ({@code m5a} of {@code m5a.large}). */
    public static String family(InstanceType type) {
        String name = type.name();
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** {@code intel}, {@code amd} or {@code amazon-web-services}, as EC2's {@code cpuManufacturers} names them. */
    public static String cpuManufacturer(InstanceType type) {
        if ("arm64".equals(type.architecture())) {
            return "amazon-web-services";
        }
        Matcher m = FAMILY.matcher(family(type));
        return m.matches() && m.group(3).contains("a") ? "amd" : "intel";
    }

    /** True for the burstable {@code t} series. */
    public static boolean burstable(InstanceType type) {
        Matcher m = FAMILY.matcher(family(type));
        return m.matches() && m.group(1).equals("t");
    }

    /** True for a {@code metal} size. */
    public static boolean bareMetal(InstanceType type) {
        return type.name().contains("metal");
    }

    /** True for a current-generation type (see class doc). */
    public static boolean currentGeneration(InstanceType type) {
        String family = family(type);
        Matcher m = FAMILY.matcher(family);
        if (!m.matches()) {
            return false;
        }
        return Integer.parseInt(m.group(2)) > 3 && !PREVIOUS.contains(family);
    }

    /** The hourly On-Demand price rule of the class doc, in USD. */
    public static double hourlyPrice(InstanceType type) {
        double price = 0.0335 * type.vcpus() + 0.0036 * (type.memoryMiB() / 1024.0);
        Matcher m = FAMILY.matcher(family(type));
        String series = m.matches() ? m.group(1) : "";
        String attributes = m.matches() ? m.group(3) : "";
        if ("arm64".equals(type.architecture())) {
            price *= 0.8;
            attributes = attributes.replaceFirst("g", "");
        } else if (attributes.contains("a")) {
            price *= 0.9;
        }
        if (burstable(type)) {
            price *= 0.8;
        }
        if (attributes.contains("d")) {
            price *= 1.15;
        }
        if (attributes.contains("n")) {
            price *= 1.2;
        }
        if (attributes.contains("e") || attributes.contains("z")) {
            price *= 1.3;
        }
        if (SPECIAL_SERIES.contains(series)) {
            price *= 1.5;
        }
        if (!currentGeneration(type)) {
            price *= 1.1;
        }
        price += 0.5 * type.gpus();
        return Math.round(price * 10_000) / 10_000.0;
    }
}
