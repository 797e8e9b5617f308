package dev.fakeecs.benchmarks;

import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.events.RegionEvents;
import dev.fakeecs.internal.region.RegionEngine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@link EventSubscriptionBenchmark}'s busy world measured in the thread's CPU time instead of wall time, so that
 * other processes on a shared machine do not count. For each mode, 6 warm-up virtual hours and 12 measured ones in
 * a fresh world; prints the median CPU milliseconds a virtual hour, the events a virtual hour, the events per CPU
 * second the world sustains with its listener, and the CPU microseconds each event adds over the same world (same
 * retention) with events switched off ({@code off}: the region's event deriver unhooked from its records, measured
 * first). A first throw-away world warms the JIT up.
 *
 * <pre>{@code
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.fakeecs.benchmarks.EventCostCpuTime
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.fakeecs.benchmarks.EventCostCpuTime none/all json/last:100000
 * }</pre>
 */
public final class EventCostCpuTime {

    private static final int WARM_UP_HOURS = 6;
    private static final int MEASURED_HOURS = 12;

    private EventCostCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        measure("json", "last:1000");
        List<String> modes = args.length > 0 ? Arrays.asList(args) : List.of("none/all", "count/all", "json/all",
                "none/last:100000", "count/last:100000", "json/last:100000");
        java.util.Map<String, double[]> off = new java.util.HashMap<>();
        for (String mode : modes) {
            String retention = mode.split("/", 2)[1];
            if (!off.containsKey(retention)) {
                off.put(retention, measure("off", retention));
                System.out.printf("%-20s %8.1f ms CPU a virtual hour%n", "off/" + retention,
                        off.get(retention)[0] / 1e6);
            }
        }
        for (String mode : modes) {
            String[] parts = mode.split("/", 2);
            double[] m = measure(parts[0], parts[1]);
            System.out.printf("%-20s %8.1f ms CPU a virtual hour, %6.0f events an hour, %8.0f events per CPU second,"
                            + " %5.2f us CPU per event over off%n", mode, m[0] / 1e6, m[1], m[1] / (m[0] / 1e9),
                    (m[0] - off.get(parts[1])[0]) / m[1] / 1e3);
        }
    }

    /** The median CPU nanoseconds of a virtual hour and the events of an hour, in a fresh world. */
    private static double[] measure(String listener, String retention) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        EventSubscriptionBenchmark world = new EventSubscriptionBenchmark();
        world.listener = listener.equals("off") ? "none" : listener;
        world.retention = retention;
        world.setUp();
        if (listener.equals("off")) {
            unhookEvents(world);
        }
        EventSubscriptionBenchmark.Heard heard = new EventSubscriptionBenchmark.Heard();
        for (int i = 0; i < WARM_UP_HOURS; i++) {
            world.virtualHour(heard);
        }
        long[] hours = new long[MEASURED_HOURS];
        long eventsBefore = heard.events;
        for (int i = 0; i < MEASURED_HOURS; i++) {
            long start = threads.getCurrentThreadCpuTime();
            world.virtualHour(heard);
            hours[i] = threads.getCurrentThreadCpuTime() - start;
        }
        world.tearDown();
        Arrays.sort(hours);
        return new double[] {hours[MEASURED_HOURS / 2], (heard.events - eventsBefore) / (double) MEASURED_HOURS};
    }

    /** Removes the region's event deriver from the records it hears (the world then emits next to nothing). */
    @SuppressWarnings("unchecked")
    private static void unhookEvents(EventSubscriptionBenchmark world) throws ReflectiveOperationException {
        RegionContext region = RegionEngine.of(world.world().defaultRegion()).context();
        Field f = RegionContext.class.getDeclaredField("recordListeners");
        f.setAccessible(true);
        ((List<Object>) f.get(region)).removeIf(l -> l instanceof RegionEvents);
    }
}
