package dev.fakeecs.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link AlarmEvaluationBenchmark}'s world measured in the thread's CPU time instead of wall time, so that other
 * processes on a shared machine do not count: for 0 and then each given number of alarms, 20 warm-up virtual hours
 * and 40 measured ones; prints the median CPU milliseconds an hour and the CPU nanoseconds per alarm-minute (the
 * median hour less the 0-alarm median, over alarms × 60).
 *
 * <pre>{@code
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.fakeecs.benchmarks.AlarmEvaluationCpuTime 100 1000
 * }</pre>
 */
public final class AlarmEvaluationCpuTime {

    private static final int WARM_UP_HOURS = 20;
    private static final int MEASURED_HOURS = 40;

    private AlarmEvaluationCpuTime() {
    }

    public static void main(String[] args) {
        int[] counts = args.length == 0 ? new int[] {100, 1000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        double baseline = medianHourNanos(0);
        System.out.printf("alarms=0: %.1f ms CPU a virtual hour%n", baseline / 1e6);
        for (int alarms : counts) {
            double hour = medianHourNanos(alarms);
            System.out.printf("alarms=%d: %.1f ms CPU a virtual hour, %.0f ns CPU per alarm-minute%n", alarms,
                    hour / 1e6, (hour - baseline) / (alarms * 60.0));
        }
    }

    private static double medianHourNanos(int alarms) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AlarmEvaluationBenchmark world = new AlarmEvaluationBenchmark();
        world.alarms = alarms;
        world.setUp();
        long[] hours = new long[MEASURED_HOURS];
        for (int h = 0; h < WARM_UP_HOURS + MEASURED_HOURS; h++) {
            world.putTheNextHour();
            long start = threads.getCurrentThreadCpuTime();
            world.oneVirtualHour();
            long took = threads.getCurrentThreadCpuTime() - start;
            if (h >= WARM_UP_HOURS) {
                hours[h - WARM_UP_HOURS] = took;
            }
        }
        world.checkEveryAlarmHadData();
        Arrays.sort(hours);
        return (hours[MEASURED_HOURS / 2 - 1] + hours[MEASURED_HOURS / 2]) / 2.0;
    }
}
