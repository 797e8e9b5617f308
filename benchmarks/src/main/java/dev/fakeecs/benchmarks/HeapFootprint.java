package dev.fakeecs.benchmarks;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;

/**
 * Prints the wall time and the heap a world retains: 1,000 instances with 2,000 services and 10,000
 * tasks brought to steady state; and 1,000 instances with 10,000 tasks from RunTask.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.fakeecs.benchmarks.HeapFootprint}.
 */
public final class HeapFootprint {

    private HeapFootprint() {
    }

    public static void main(String[] args) throws Exception {
        long before = usedAfterGc();
        long start = System.nanoTime(); // wall time of the benchmark itself, outside the engine
        FakeEcs ecs = Worlds.bigCluster(1_000);
        long tasks = Worlds.servicesToSteadyState(ecs, 2_000, 5);
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        System.out.printf("services world: tasks=%d wall=%d ms retainedHeap=%.1f MiB journalEntries=%d%n", tasks,
                wallMillis, (after - before) / 1048576.0, ecs.journal().size());
        ecs.close();
        ecs = null;

        before = usedAfterGc();
        start = System.nanoTime();
        FakeEcs runTask = Worlds.bigCluster(1_000);
        for (int i = 0; i < 1_000; i++) {
            runTask.api().runTask(r -> r.cluster("big").taskDefinition("app").count(10));
        }
        runTask.clock().advance(java.time.Duration.ofMinutes(2));
        wallMillis = (System.nanoTime() - start) / 1_000_000;
        after = usedAfterGc();
        System.out.printf("RunTask world: tasks=%d wall=%d ms retainedHeap=%.1f MiB journalEntries=%d%n",
                RegionEngine.of(runTask.defaultRegion()).tasks().activeCountInCluster("big"), wallMillis,
                (after - before) / 1048576.0, runTask.journal().size());
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
