package dev.fakeecs.benchmarks;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.quota.Quotas;
import dev.fakeecs.server.FakeEcsServer;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one SDK call (DescribeClusters, RunTask of one Fargate task) through a real {@link EcsClient},
 * in process ({@code ecs.newClient()}, no sockets) and over loopback HTTP ({@code FakeEcsServer.start(ecs)} with the
 * url-connection client). Sample mode, so the report gives the median (p0.50). Target: in-process median
 * under 50 microseconds.
 *
 * <pre>{@code
 * mvn -q package -DskipTests && java -jar benchmarks/target/benchmarks.jar ApiLatencyBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ApiLatencyBenchmark {

    /** Fargate tasks wait in PROVISIONING until time moves; move it now and then to stay under the 500 cap. */
    private static final int ADVANCE_EVERY = 400;

    @Param({"in-process", "loopback-http"})
    public String transport;

    private FakeEcs ecs;
    private EcsClient client;
    private int launched;

    private final DescribeClustersRequest describeClusters = DescribeClustersRequest.builder().clusters("bench").build();
    private final RunTaskRequest runTask = RunTaskRequest.builder().cluster("bench").taskDefinition("app")
            .launchType(LaunchType.FARGATE)
            .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a"))).build();

    @Setup(Level.Iteration)
    public void setUp() {
        ecs = FakeEcs.builder().seed(1).quotas(Quotas.aws2026()).build();
        if ("in-process".equals(transport)) {
            client = ecs.newClient();
        } else {
            FakeEcsServer server = FakeEcsServer.start(ecs);
            client = EcsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
        }
        client.createCluster(r -> r.clusterName("bench").capacityProviders("FARGATE"));
        client.registerTaskDefinition(r -> r.family("app").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("acme/app:1")));
        launched = 0;
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        if (!"in-process".equals(transport)) {
            client.close();
        }
        ecs.close();
    }

    @Benchmark
    public DescribeClustersResponse describeClusters() {
        return client.describeClusters(describeClusters);
    }

    @Benchmark
    public RunTaskResponse runTask() {
        if (++launched % ADVANCE_EVERY == 0) {
            ecs.clock().advance(Duration.ofMinutes(2));
        }
        return client.runTask(runTask);
    }
}
