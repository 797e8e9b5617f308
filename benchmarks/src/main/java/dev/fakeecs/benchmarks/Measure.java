package dev.fakeecs.benchmarks;

/**
 * What the plain-Java benchmarks (the "day" and "fleet" ones, outside JMH) measure besides wall time: the heap that
 * stays reachable after collections, and the CPU time of the whole process (fairer than wall time on a loaded
 * machine).
 *
 * <pre>{@code
 * long before = Measure.usedAfterGc();
 * ... run ...
 * System.out.printf("retained %.1f MiB, cpu %d ms%n", (Measure.usedAfterGc() - before) / 1048576.0,
 *         Measure.processCpuMillis());
 * }</pre>
 */
final class Measure {

    private Measure() {
    }

    /** Heap in use after three collections (100 ms apart). */
    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** CPU time of the whole process (all threads, GC included) in ms, or -1 where the JVM does not say. */
    static long processCpuMillis() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
    }
}
