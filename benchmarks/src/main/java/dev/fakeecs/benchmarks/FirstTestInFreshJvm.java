package dev.fakeecs.benchmarks;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import dev.fakeecs.junit.time.VirtualTime;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The first test in a fresh JVM: each case runs in its own new JVM (the classpath of this one), a few times, and
 * prints the median of each phase. Cases: an empty plain JUnit test (the JVM and JUnit alone), the first
 * {@code @EcsCluster} test (one Fargate service to steady state), the same with {@code virtualTimeFor}, and probes
 * that time the pieces on their own (engine, in-process SDK client and first call, Byte Buddy's agent).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.fakeecs.benchmarks.FirstTestInFreshJvm 5
 * java -cp ... FirstTestInFreshJvm 5 -XX:TieredStopAtLevel=1   # options after the count go to the fresh JVMs
 * }</pre>
 */
public final class FirstTestInFreshJvm {

    /** An empty test: what the JVM and the JUnit launcher cost by themselves. */
    public static class PlainTest {
        @Test
        void nothing() {
        }
    }

    /** A first @EcsCluster test. */
    @EcsCluster(name = "prod", seed = 1)
    public static class FirstEcsTest {
        @Test
        void one_service_reaches_a_steady_state(EcsClusterHandle prod) {
            EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);
            assertThat(orders).eventually(Duration.ofMinutes(3)).hasRunningCount(2).isSteady();
        }
    }

    /** The same with virtual time for code the test cannot change. */
    @EcsCluster(name = "prod", seed = 1, virtualTimeFor = "com.acme.deploy")
    public static class FirstEcsTestWithVirtualTime {
        @Test
        void one_service_reaches_a_steady_state(EcsClusterHandle prod) {
            EcsServiceHandle orders = prod.fargateService("orders", "acme/orders:1", 2);
            assertThat(orders).eventually(Duration.ofMinutes(3)).hasRunningCount(2).isSteady();
        }
    }

    private static final Map<String, Class<?>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("plain JUnit test", PlainTest.class);
        CASES.put("first @EcsCluster test", FirstEcsTest.class);
        CASES.put("first @EcsCluster test, virtualTimeFor", FirstEcsTestWithVirtualTime.class);
    }

    private FirstTestInFreshJvm() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1]);
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> jvmOptions = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Map<String, Map<String, List<Long>>> results = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(CASES.keySet());
        names.add("probe");
        for (int i = 0; i < runs; i++) {
            for (String name : names) {
                for (Map.Entry<String, Long> phase : runChild(name, jvmOptions).entrySet()) {
                    results.computeIfAbsent(name, k -> new LinkedHashMap<>())
                            .computeIfAbsent(phase.getKey(), k -> new ArrayList<>()).add(phase.getValue());
                }
            }
        }
        System.out.println("Medians of " + runs + " fresh JVMs each (ms; JDK " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores" + (jvmOptions.isEmpty() ? ""
                : ", options " + String.join(" ", jvmOptions)) + "):");
        System.out.println("| case | phase | median ms | min | max |");
        System.out.println("|---|---|---:|---:|---:|");
        results.forEach((name, phases) -> phases.forEach((phase, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            System.out.printf("| %s | %s | %d | %d | %d |%n", name, phase, sorted.get(sorted.size() / 2),
                    sorted.get(0), sorted.get(sorted.size() - 1));
        }));
    }

    /** Runs one case in a new JVM and reads its "phase=millis" lines. */
    private static Map<String, Long> runChild(String name, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FirstTestInFreshJvm.class.getName(),
                "child", name));
        long spawned = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Long> phases = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("phase ")) {
                    String[] kv = line.substring(6).split("=", 2);
                    phases.put(kv[0], Long.parseLong(kv[1]));
                } else {
                    other.add(line);
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(name + " failed: " + String.join("\n", other));
        }
        phases.put("process, spawn to exit", (System.nanoTime() - spawned) / 1_000_000);
        return phases;
    }

    private static void child(String name) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        phase("JVM start to main", mainAt - jvmStart);
        if (name.equals("probe")) {
            probe();
            return;
        }
        long t0 = System.nanoTime();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectClass(CASES.get(name))).build(), listener);
        if (listener.getSummary().getTestsSucceededCount() != 1) {
            listener.getSummary().printFailuresTo(new java.io.PrintWriter(System.out), 20);
            throw new IllegalStateException("the test did not pass");
        }
        phase("first run: discover and run the one test (cold)", ms(t0));
        phase("classes loaded", ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        long t1 = System.nanoTime();
        SummaryGeneratingListener again = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectClass(CASES.get(name))).build(), again);
        if (again.getSummary().getTestsSucceededCount() != 1) {
            throw new IllegalStateException("the test did not pass the second time");
        }
        phase("second run in the same JVM (warm)", ms(t1));
    }

    /** The pieces of a first @EcsCluster test, one after the other, each timed on its own. */
    private static void probe() {
        long t = System.nanoTime();
        FakeEcs ecs = FakeEcs.builder().seed(1).build();
        phase("probe: FakeEcs.builder().build()", ms(t));
        t = System.nanoTime();
        EcsClient client = ecs.newClient();
        phase("probe: in-process EcsClient built", ms(t));
        t = System.nanoTime();
        client.createCluster(r -> r.clusterName("prod"));
        phase("probe: first API call (CreateCluster)", ms(t));
        t = System.nanoTime();
        client.listClusters();
        phase("probe: second API call", ms(t));
        t = System.nanoTime();
        VirtualTime.rewrite(Set.of("com.acme.deploy"));
        phase("probe: virtual time agent (attach + transformer)", ms(t));
        ecs.close();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void phase(String name, long value) {
        System.out.println("phase " + name + "=" + value);
    }
}
