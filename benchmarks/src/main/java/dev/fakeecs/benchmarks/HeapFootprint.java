package dev.fakeecs.benchmarks;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;

/**
 * Prints the wall time and the heap a world retains: 1,000 instances with 2,000 services and 10,000
 * tasks brought to steady state; and 1,000 instances with 10,000 tasks from RunTask; then, with
 * {@code crash-loop [DAYS [RETENTION]]}, only a 20-task service crash-looping (exit after 30 s) for DAYS
 * virtual days (default 10) under a journal retention (default the runnable server's, {@code last:100000};
 * {@code all} for the unbounded journal), printing the heap retained at the end of each day.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.fakeecs.benchmarks.HeapFootprint [crash-loop [DAYS [RETENTION]]]}.
 */
public final class HeapFootprint {

    private HeapFootprint() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("crash-loop")) {
            crashLoop(args.length > 1 ? Integer.parseInt(args[1]) : 10, args.length > 2 ? args[2] : "last:100000");
            return;
        }
        long before = Measure.usedAfterGc();
        long start = System.nanoTime(); // wall time of the benchmark itself, outside the engine
        FakeEcs ecs = Worlds.bigCluster(1_000);
        long tasks = Worlds.servicesToSteadyState(ecs, 2_000, 5);
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        long after = Measure.usedAfterGc();
        System.out.printf("services world: tasks=%d wall=%d ms retainedHeap=%.1f MiB journalEntries=%d%n", tasks,
                wallMillis, (after - before) / 1048576.0, ecs.journal().size());
        ecs.close();
        ecs = null;

        before = Measure.usedAfterGc();
        start = System.nanoTime();
        FakeEcs runTask = Worlds.bigCluster(1_000);
        for (int i = 0; i < 1_000; i++) {
            runTask.api().runTask(r -> r.cluster("big").taskDefinition("app").count(10));
        }
        runTask.clock().advance(java.time.Duration.ofMinutes(2));
        wallMillis = (System.nanoTime() - start) / 1_000_000;
        after = Measure.usedAfterGc();
        System.out.printf("RunTask world: tasks=%d wall=%d ms retainedHeap=%.1f MiB journalEntries=%d%n",
                RegionEngine.of(runTask.defaultRegion()).tasks().activeCountInCluster("big"), wallMillis,
                (after - before) / 1048576.0, runTask.journal().size());
    }

    /**
     * A 20-task crash loop under a journal retention ({@code --journal-retention} syntax; the server's default,
     * {@code last:100000}, unless a third argument says otherwise), one line per virtual day.
     */
    static void crashLoop(int days, String retention) throws InterruptedException {
        long before = Measure.usedAfterGc();
        FakeEcs ecs = FakeEcs.builder().seed(12)
                .journalRetention(dev.fakeecs.journal.JournalRetention.parse(retention)).build();
        ecs.declareImage("acme/crash:1", dev.fakeecs.image.ImageBehavior.DEFAULT
                .exitAfter(java.time.Duration.ofSeconds(30), 1));
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE"));
        String td = ecs.api().registerTaskDefinition(r -> r.family("crash")
                .requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                .networkMode(software.amazon.awssdk.services.ecs.model.NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("acme/crash:1")))
                .taskDefinition().taskDefinitionArn();
        ecs.api().createService(r -> r.cluster("prod").serviceName("crash").taskDefinition(td).desiredCount(20)
                .launchType(software.amazon.awssdk.services.ecs.model.LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
        long start = System.nanoTime(); // wall time of the benchmark itself, outside the engine
        for (int day = 1; day <= days; day++) {
            ecs.clock().advance(java.time.Duration.ofDays(1));
            long used = Measure.usedAfterGc();
            System.out.printf("crash loop day %d: wall=%d s retainedHeap=%.1f MiB journalKept=%d journalRecorded=%d%n",
                    day, (System.nanoTime() - start) / 1_000_000_000L, (used - before) / 1048576.0,
                    ecs.journal().size(), ecs.journal().mark());
        }
        ecs.close();
    }
}
