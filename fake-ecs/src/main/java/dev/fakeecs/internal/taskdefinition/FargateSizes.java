package dev.fakeecs.internal.taskdefinition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The task sizes Fargate offers: for each task cpu (in CPU units) the memory values (MiB) it may be
 * paired with. Any other pair is rejected by real ECS with
 * {@code ClientException: No Fargate configuration exists for given values.}
 *
 * <pre>{@code
 * FargateSizes.isValid(512, 1024);   // true  (0.5 vCPU, 1 GB)
 * FargateSizes.isValid(256, 4096);   // false
 * FargateSizes.memoryOptions(256);   // [512, 1024, 2048]
 * }</pre>
 */
public final class FargateSizes {

    /** The message real ECS answers an unsupported pair with. */
    public static final String NO_CONFIGURATION = "No Fargate configuration exists for given values.";

    /** Fargate Windows tasks need at least 1 vCPU (the Fargate task CPU and memory table). */
    public static final int WINDOWS_MIN_CPU = 1024;

    private static final Map<Integer, List<Integer>> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put(256, List.of(512, 1024, 2048));
        TABLE.put(512, steps(1024, 4096, 1024));
        TABLE.put(1024, steps(2048, 8192, 1024));
        TABLE.put(2048, steps(4096, 16384, 1024));
        TABLE.put(4096, steps(8192, 30720, 1024));
        TABLE.put(8192, steps(16384, 61440, 4096));
        TABLE.put(16384, steps(32768, 122880, 8192));
    }

    private FargateSizes() {
    }

    private static List<Integer> steps(int from, int to, int step) {
        return IntStream.iterate(from, m -> m <= to, m -> m + step).boxed().toList();
    }

    /** True if Fargate runs a task of {@code cpuUnits} CPU units and {@code memoryMiB} MiB. */
    public static boolean isValid(int cpuUnits, int memoryMiB) {
        return memoryOptions(cpuUnits).contains(memoryMiB);
    }

    /** The memory values (MiB) Fargate pairs with {@code cpuUnits}; empty for an unsupported cpu. */
    public static List<Integer> memoryOptions(int cpuUnits) {
        return TABLE.getOrDefault(cpuUnits, List.of());
    }

    /** The cpu values (CPU units) Fargate offers, smallest first. */
    public static List<Integer> cpuOptions() {
        return List.copyOf(TABLE.keySet());
    }
}
