package dev.fakeecs.benchmarks;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.internal.cloudwatch.CloudWatch;
import dev.fakeecs.internal.region.RegionEngine;
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
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CloudWatch alarm evaluation: one virtual hour (60 evaluation ticks) of a world with {@code alarms} metric alarms,
 * half on {@code PutMetricData} metrics (20 App/Latency series, a datapoint a minute each, put before every hour),
 * half on the {@code AWS/ECS} CPUUtilization the simulation publishes for 10 Fargate services of 2 tasks. The run
 * with 0 alarms is the rest of the hour (ECS, publishing, pruning, the metrics put); the cost of evaluating one alarm
 * for one virtual minute is {@code (score(N) - score(0)) / (N * 60)} (docs/performance.md).
 *
 * <pre>{@code
 * benchmarks/run.sh quick AlarmEvaluation
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class AlarmEvaluationBenchmark {

    private static final int SERVICES = 10;
    private static final int CUSTOM_METRICS = 20;

    @Param({"0", "100", "1000"})
    public int alarms;

    private FakeEcs ecs;
    private CloudWatch cw;
    private long seed = 11;

    @Setup(Level.Trial)
    public void setUp() {
        ecs = FakeEcs.builder().seed(1).build();
        ecs.declareImage("acme/web:1", ImageBehavior.DEFAULT.withCpuPercent(40).withMemoryMiB(256));
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.api().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("web").image("acme/web:1")));
        for (int i = 0; i < SERVICES; i++) {
            String name = "svc-" + i;
            ecs.api().createService(r -> r.cluster("prod").serviceName(name).taskDefinition("web").desiredCount(2)
                    .launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-a"))));
        }
        cw = RegionEngine.of(ecs.defaultRegion()).service(CloudWatch.SERVICE);
        cw.startCollecting();
        ecs.clock().advance(Duration.ofMinutes(5));
        for (int i = 0; i < alarms; i++) {
            int n = i;
            if (i % 2 == 0) {
                cw.putMetricAlarm(r -> r.alarmName("latency-" + n).namespace("App").metricName("Latency")
                        .dimensions(dim("Service", "svc-" + (n / 2) % CUSTOM_METRICS))
                        .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(3).datapointsToAlarm(2)
                        .threshold(50.0 + n % 100).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
            } else {
                cw.putMetricAlarm(r -> r.alarmName("cpu-" + n).namespace("AWS/ECS").metricName("CPUUtilization")
                        .dimensions(dim("ClusterName", "prod"), dim("ServiceName", "svc-" + (n / 2) % SERVICES))
                        .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(5)
                        .threshold(20.0 + n % 50).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
            }
        }
    }

    private static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    /** A datapoint a minute for every App/Latency series over the hour to come (values 40 to 160 ms). */
    @Setup(Level.Invocation)
    public void putTheNextHour() {
        Instant now = ecs.clock().instant();
        List<MetricDatum> data = new ArrayList<>();
        for (int m = 0; m < CUSTOM_METRICS; m++) {
            for (int minute = 0; minute < 60; minute++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                data.add(MetricDatum.builder().metricName("Latency").dimensions(dim("Service", "svc-" + m))
                        .unit("Milliseconds").value(40.0 + (seed >>> 33) % 121)
                        .timestamp(now.plusSeconds(minute * 60L + 30)).build());
                if (data.size() == 1000) {
                    put(data);
                }
            }
        }
        put(data);
    }

    private void put(List<MetricDatum> data) {
        if (!data.isEmpty()) {
            List<MetricDatum> batch = List.copyOf(data);
            cw.putMetricData(r -> r.namespace("App").metricData(batch));
            data.clear();
        }
    }

    /** The hours measured judged real datapoints: no alarm is left without data. */
    @TearDown(Level.Trial)
    public void checkEveryAlarmHadData() {
        for (int i = 0; i < alarms; i++) {
            String name = (i % 2 == 0 ? "latency-" : "cpu-") + i;
            String state = cw.alarmState(name);
            if (!"OK".equals(state) && !"ALARM".equals(state)) {
                throw new IllegalStateException("alarm " + name + " is " + state + " after the run");
            }
        }
    }

    @Benchmark
    public Instant oneVirtualHour() {
        ecs.clock().advance(Duration.ofHours(1));
        return ecs.clock().instant();
    }
}
