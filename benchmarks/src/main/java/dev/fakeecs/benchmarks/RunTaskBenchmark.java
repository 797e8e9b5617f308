package dev.fakeecs.benchmarks;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** RunTask of 10,000 tasks (1,000 calls of 10) on 1,000 instances, run to RUNNING. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class RunTaskBenchmark {

    private FakeEcs ecs;

    @Setup(Level.Invocation)
    public void setUp() {
        ecs = Worlds.bigCluster(1_000);
    }

    @Benchmark
    public int runTenThousandTasks() {
        for (int i = 0; i < 1_000; i++) {
            ecs.api().runTask(r -> r.cluster("big").taskDefinition("app").count(10));
        }
        ecs.clock().advance(Duration.ofMinutes(2));
        return RegionEngine.of(ecs.defaultRegion()).tasks().activeInCluster("big").size();
    }
}
