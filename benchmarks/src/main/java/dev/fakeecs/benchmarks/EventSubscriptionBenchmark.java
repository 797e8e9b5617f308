package dev.fakeecs.benchmarks;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.journal.JournalRetention;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Events per second the subscription API sustains: a busy world (a 20-task Fargate service crash-looping, its image
 * exiting after 30 s, and a 10-task EC2 service on 4 hosts crash-looping the same way, so task, container instance
 * and service action events all flow) runs one virtual hour per operation while a listener hears every event. The
 * score is virtual hours per second; the auxiliary counter {@code events} is events delivered per second of wall
 * time. {@code listener}: {@code none} (no listener; the world keeps the events), {@code count} (a listener that
 * counts, never reads the JSON), {@code json} (a listener that takes each event's JSON, as a forwarder to a queue
 * or an HTTP reader does). {@code retention}: {@code all} (tests' default) or {@code last:100000} (the server's).
 *
 * <p>Registers its listener by reflection, so the same source measures builds from before events existed
 * ({@code listener=none} only) for the baseline in docs/performance.md.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar EventSubscription -wi 2 -i 5 -w 2s -r 4s -f 1
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class EventSubscriptionBenchmark {

    @Param({"none", "count", "json"})
    public String listener;

    @Param({"all", "last:100000"})
    public String retention;

    private FakeEcs ecs;
    private long heard;
    private long chars;
    /** The world's event stream and its mark() (null in a build from before events). */
    private Object stream;
    private java.lang.reflect.Method mark;

    /** Events the listener heard (JMH reports them per second). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Heard {
        public long events;
    }

    @Setup(Level.Iteration)
    public void setUp() throws ReflectiveOperationException {
        ecs = FakeEcs.builder().seed(12).journalRetention(retention.equals("all") ? JournalRetention.keepAll()
                : JournalRetention.parse(retention)).build();
        ecs.declareImage("acme/crash:1", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(30), 1));
        ecs.api().createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE"));
        ecs.api().registerTaskDefinition(r -> r.family("crash").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("acme/crash:1")));
        ecs.api().createService(r -> r.cluster("prod").serviceName("crash").taskDefinition("crash").desiredCount(20)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
        var hosts = dev.fakeecs.internal.region.RegionEngine.of(ecs.defaultRegion());
        hosts.read(() -> {
            for (int i = 0; i < 4; i++) {
                hosts.containerInstances().launchHost("prod", "m5.xlarge",
                        ecs.defaultRegion().availabilityZones().get(i % 3), null);
            }
            return null;
        });
        ecs.api().registerTaskDefinition(r -> r.family("crash-ec2").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("app").image("acme/crash:1").cpu(256).memory(256)));
        ecs.api().createService(r -> r.cluster("prod").serviceName("crash-ec2").taskDefinition("crash-ec2")
                .desiredCount(10).launchType(LaunchType.EC2));
        heard = 0;
        chars = 0;
        try {
            stream = FakeEcs.class.getMethod("events").invoke(ecs);
            mark = stream.getClass().getMethod("mark");
        } catch (NoSuchMethodException before) {
            stream = null;
        }
        if (!listener.equals("none")) {
            boolean json = listener.equals("json");
            Consumer<Object> l = e -> {
                heard++;
                if (json) {
                    chars += e.toString().length();   // EcsEvent.toString() is its JSON
                }
            };
            stream.getClass().getMethod("addListener", Consumer.class).invoke(stream, l);
        }
    }

    /** The world being run (for harnesses that measure it another way). */
    FakeEcs world() {
        return ecs;
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        ecs.close();
    }

    @Benchmark
    public long virtualHour(Heard counters) throws ReflectiveOperationException {
        long before = emitted();
        ecs.clock().advance(Duration.ofHours(1));
        counters.events += emitted() - before;
        return chars + heard;
    }

    /** Events emitted so far (heard by the listener, when there is one). */
    private long emitted() throws ReflectiveOperationException {
        if (!listener.equals("none")) {
            return heard;
        }
        return stream == null ? 0 : (long) mark.invoke(stream);
    }
}
