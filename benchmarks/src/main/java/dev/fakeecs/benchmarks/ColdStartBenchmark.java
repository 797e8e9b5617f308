package dev.fakeecs.benchmarks;

import dev.fakeecs.FakeEcs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Cold start to steady state: 1,000 instances, 2,000 services of 5 tasks (10,000 tasks), measured
 * from the first CreateService to every service steady; {@code tasksEach} 1 gives the 2,000-task
 * point for the growth check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ColdStartBenchmark {

    @Param({"1", "5"})
    public int tasksEach;

    @Benchmark
    public long thousandInstancesTwoThousandServices() {
        FakeEcs ecs = Worlds.bigCluster(1_000);
        return Worlds.servicesToSteadyState(ecs, 2_000, tasksEach);
    }
}
