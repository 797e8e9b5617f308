package dev.fakeecs.internal.taskdefinition;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the task-level {@code cpu} and {@code memory} strings of a task definition the way ECS
 * does: cpu as CPU units ({@code "1024"}) or vCPUs ({@code "1 vCPU"}, {@code "0.25 vcpu"}),
 * memory as MiB ({@code "2048"}) or GB ({@code "2 GB"}, {@code "0.5GB"}). ECS stores and
 * returns the plain number, so registration normalises to it.
 *
 * <pre>{@code
 * TaskSize.cpuUnits("0.25 vCPU");   // 256
 * TaskSize.memoryMiB("2 GB");       // 2048
 * TaskSize.cpuUnits("lots");        // null (not a size)
 * }</pre>
 */
public final class TaskSize {

    private static final Pattern PLAIN = Pattern.compile("\\s*(\\d+)\\s*");
    private static final Pattern VCPU = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*vcpu\\s*");
    private static final Pattern GB = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*gb\\s*");

    private TaskSize() {
    }

    /** CPU units for a cpu string, or null when it is not a cpu size. */
    public static Integer cpuUnits(String value) {
        return parse(value, VCPU, 1024);
    }

    /** MiB for a memory string, or null when it is not a memory size. */
    public static Integer memoryMiB(String value) {
        return parse(value, GB, 1024);
    }

    private static Integer parse(String value, Pattern scaled, int factor) {
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        Matcher plain = PLAIN.matcher(lower);
        if (plain.matches()) {
            return toInt(new BigDecimal(plain.group(1)));
        }
        Matcher m = scaled.matcher(lower);
        if (m.matches()) {
            return toInt(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)));
        }
        return null;
    }

    private static Integer toInt(BigDecimal value) {
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
