package dev.fakeecs.benchmarks;

import dev.fakeecs.internal.clock.EventQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The simulation kernel: scheduled events run per second (each op schedules one event at a
 * pseudo-random offset and runs it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class KernelBenchmark {

    private static final int EVENTS = 100_000;
    private long counter;

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long scheduleAndRunEvents() {
        EventQueue clock = new EventQueue(Instant.parse("2026-01-01T00:00:00Z"), new ReentrantLock());
        long seed = 7;
        for (int i = 0; i < EVENTS; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            long offset = (seed >>> 40) % 86_400_000L;
            clock.schedule(Duration.ofMillis(offset), "event", () -> counter++);
        }
        clock.runUntilIdle(Duration.ofDays(2));
        return counter;
    }
}
