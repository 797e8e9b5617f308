package dev.fakeecs.benchmarks;

import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The cost of one {@code @EcsCluster} test run through the JUnit Platform launcher: a cluster with
 * three services brought to steady state, asserted, torn down; against the same launch of an
 * empty plain test, so the difference is fake-ecs's overhead per test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EcsClusterTestOverheadBenchmark {

    /** The measured test: what a team's quick test of three services looks like. */
    public static class ThreeServicesTest {
        @Test
        @EcsCluster(name = "prod", seed = 7)
        void three_services_reach_a_steady_state(EcsClusterHandle cluster, VirtualClock clock) {
            cluster.fargateService("web", "acme/web:1", 2);
            cluster.fargateService("api", "acme/api:1", 3);
            cluster.fargateService("worker", "acme/worker:1", 1);
            clock.advance(Duration.ofMinutes(3));
            assertThat(cluster.service("web")).hasRunningCount(2).isSteady();
            assertThat(cluster.service("api")).hasRunningCount(3).isSteady();
            assertThat(cluster.service("worker")).hasRunningCount(1).isSteady();
        }
    }

    /** The baseline: the launcher running a test that does nothing. */
    public static class EmptyTest {
        @Test
        void nothing() {
        }
    }

    private Launcher launcher;
    private LauncherDiscoveryRequest withEcs;
    private LauncherDiscoveryRequest empty;

    @Setup
    public void setUp() {
        launcher = LauncherFactory.create();
        withEcs = request().selectors(selectMethod(ThreeServicesTest.class, "three_services_reach_a_steady_state",
                EcsClusterHandle.class.getName() + "," + VirtualClock.class.getName())).build();
        empty = request().selectors(selectMethod(EmptyTest.class, "nothing")).build();
    }

    private long run(LauncherDiscoveryRequest request) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        if (listener.getSummary().getTotalFailureCount() > 0 || listener.getSummary().getTestsSucceededCount() != 1) {
            throw new IllegalStateException("the benchmarked test did not pass: "
                    + listener.getSummary().getFailures());
        }
        return listener.getSummary().getTestsSucceededCount();
    }

    @Benchmark
    public long ecsClusterTest() {
        return run(withEcs);
    }

    @Benchmark
    public long plainTest() {
        return run(empty);
    }
}
