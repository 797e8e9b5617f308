package dev.fakeecs.benchmarks;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.LoadModel;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.spi.EngineSetup;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Wall time and retained heap of a virtual day of 500 services, each with an Application Auto Scaling target
 * tracking policy on CPU (60 %) configured through {@link ApplicationAutoScalingClient}, i.e. 1,000 CloudWatch alarms
 * evaluated on one-minute datapoints that CloudWatch publishes for every service (issue 15's benchmark). Each
 * service runs 2-8 Fargate tasks and gets 40 requests a second, three times that during a two-hour peak whose start
 * differs per service (50 requests per task at full CPU), so every service scales out and back in once a day. The
 * clock moves a minute at a time through 24 hours. Prints wall time per phase, scaling activities, journal entries and
 * the heap retained after a GC.
 * Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.fakeecs.benchmarks.TargetTrackingDay [SERVICES]}.
 */
public final class TargetTrackingDay {

    private TargetTrackingDay() {
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long before = Measure.usedAfterGc();
        long start = System.nanoTime(); // wall time of the benchmark itself, outside the engine
        try (FakeEcs ecs = FakeEcs.builder().seed(500).build()) {
            EcsClient client = ecs.newClient();
            ApplicationAutoScalingClient aas = ecs.newApplicationAutoScalingClient();
            String region = ecs.defaultRegion().name();
            client.createCluster(r -> r.clusterName("prod"));
            client.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("web").image("acme/web:1")));
            for (int i = 0; i < services; i++) {
                String name = "svc-" + i;
                client.createService(r -> r.cluster("prod").serviceName(name).taskDefinition("web").desiredCount(2)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a",
                                "subnet-us-east-1b"))));
                String resource = "service/prod/" + name;
                aas.registerScalableTarget(r -> r.serviceNamespace("ecs").scalableDimension("ecs:service:DesiredCount")
                        .resourceId(resource).minCapacity(2).maxCapacity(8));
                aas.putScalingPolicy(r -> r.serviceNamespace("ecs").scalableDimension("ecs:service:DesiredCount")
                        .resourceId(resource).policyName("cpu60").policyType("TargetTrackingScaling")
                        .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0)
                                .predefinedMetricSpecification(m -> m.predefinedMetricType(
                                        "ECSServiceAverageCPUUtilization"))));
                LocalTime peakFrom = LocalTime.of(0, 0).plusMinutes((i * 37L) % (22 * 60));
                LocalTime peakTo = peakFrom.plusHours(2);
                LoadModel load = at -> {
                    LocalTime t = at.atZone(ZoneOffset.UTC).toLocalTime();
                    return !t.isBefore(peakFrom) && t.isBefore(peakTo) ? 120 : 40;
                };
                EngineSetup.of(ecs).setServiceLoad(region, "prod", name, new ServiceLoad(load, 50));
            }
            long built = System.nanoTime();
            System.out.printf("build: %d services, %d scalable targets, %d alarms, wall=%d ms%n", services, services,
                    2 * services, (built - start) / 1_000_000);
            for (int minute = 0; minute < 24 * 60; minute++) {
                ecs.clock().advance(Duration.ofMinutes(1));
            }
            long day = System.nanoTime();
            int activities = 0;
            String token = null;
            do {
                String page = token;
                var response = aas.describeScalingActivities(r -> r.serviceNamespace("ecs").nextToken(page));
                activities += response.scalingActivities().size();
                token = response.nextToken();
            } while (token != null);
            long after = Measure.usedAfterGc();
            System.out.printf("day: 24 h virtual a minute at a time, wall=%d ms (%.1f ms per virtual hour); %d scaling "
                    + "activities%n", (day - built) / 1_000_000, (day - built) / 1e6 / 24, activities);
            System.out.printf("total wall=%d ms processCpu=%d ms retainedHeap=%.1f MiB journalEntries=%d%n",
                    (System.nanoTime() - start) / 1_000_000, Measure.processCpuMillis(), (after - before) / 1048576.0,
                    ecs.journal().size());
        }
    }
}
