package dev.fakeecs.samples.golden;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dns.Endpoint;
import dev.fakeecs.dns.FailoverRecord;
import dev.fakeecs.dns.HealthCheck;
import dev.fakeecs.dns.Route53;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.junit.EcsCluster;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.junit.handle.EcsServiceHandle;
import dev.fakeecs.registry.ImageRegistries;
import dev.fakeecs.samples.deploy.Deployer;
import dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform;
import dev.fakeecs.traffic.LoadProfile;
import dev.fakeecs.traffic.TrafficModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LimitExceededException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.fakeecs.dsl.Ecs.world;
import static dev.fakeecs.junit.EcsAssertions.assertThat;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.CLUSTER;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.ORDERS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.ORDER_REPOSITORY;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.PRIMARY;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.RECOMMENDATIONS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.RESTAURANTS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.tasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden journals of the sample worlds: every world the samples' tests build, replayed with the
 * same declarations ({@link FoodDeliveryPlatform}, {@link Deployer}, the quick start's
 * {@code @EcsCluster}) and the same timeline (each clock step, API call and fault of the sample
 * test, copied here where it lives inside a test method), its {@code journal().toJsonLines()}
 * compared byte for byte with {@code src/test/resources/golden/<world>-seed<N>.jsonl} (N: the
 * world's seed).
 *
 * <p><b>What they are for.</b> They guard refactors of the engine, the DSL and the JUnit
 * extension: behaviour must not change, and the journal is the complete, ordered record of it.
 * A refactor that keeps every golden journal byte-identical changed nothing these worlds can see.
 *
 * <p><b>When one does not match.</b> The failure names the world, the first differing line and
 * both lines; the actual journal is in {@code target/golden-actual/}. Fix the code, not the file.
 * Update a golden file <em>only</em> for a deliberate behaviour change, re-record it, review the
 * diff, and say in the commit message which behaviour changed and why. When a sample test's own
 * timeline changes, change its replay here the same way and re-record that world (say so in the
 * commit).
 *
 * <p><b>How to (re-)record</b>, on the engine whose behaviour is the reference (from the repository
 * root; {@code -am} builds the engine, DSL and extension from this checkout):
 * <pre>
 * mvn -B -ntp -pl samples -am test -Dtest=SampleWorldGoldenJournalsTest -Dsurefire.failIfNoSpecifiedTests=false -Dfakeecs.golden.record=true
 * </pre>
 * then run it without {@code -Dfakeecs.golden.record=true} at least twice (fresh JVMs) and commit
 * {@code samples/src/test/resources/golden/}.
 *
 * <p><b>What is replayed and what is not.</b> The sample tests' reads that pick a target (a victim
 * task or host) are kept; reads that only feed assertions are left out: describing and listing
 * change nothing in the journal (no API fault is active in these worlds), and the sample tests
 * themselves assert on the outcomes. {@code SeedQuotasTest}'s worlds are left out: they are
 * bulk request loops with no clock step (10,000 RunTask tasks, 2,000 services, 1,000 revisions of one
 * family), whose journals would be several MB of near-identical lines for three limit checks that
 * test already asserts exactly; only the smallest, the 1,000 revisions of a family, is recorded.
 */
class SampleWorldGoldenJournalsTest {

    /** One sample world; its golden file is {@code <name>-seed<seed>.jsonl}. */
    record SampleWorld(String name, long seed, int minLines, Callable<FakeEcs> run) {
        String file() {
            return name + "-seed" + seed;
        }

        @Override
        public String toString() {
            return file();
        }
    }

    static final long MAX_FILE_BYTES = 1_000_000;
    static final long MAX_TOTAL_BYTES = 3_000_000;
    static final String QUICK_START = "quick-start-seed42";

    static Stream<SampleWorld> worlds() {
        return Stream.of(
                new SampleWorld("food-delivery-dinner-peak", 42, 300, SampleWorldGoldenJournalsTest::dinnerPeak),
                new SampleWorld("food-delivery-dinner-peak-spot-interruption", 42, 280,
                        SampleWorldGoldenJournalsTest::dinnerPeakSpotInterruption),
                new SampleWorld("food-delivery-task-start-times", 42, 150,
                        SampleWorldGoldenJournalsTest::taskStartTimes),
                new SampleWorld("food-delivery-gpu-host-loss", 42, 140, SampleWorldGoldenJournalsTest::gpuHostLoss),
                new SampleWorld("food-delivery-zone-outage", 42, 300, SampleWorldGoldenJournalsTest::zoneOutage),
                new SampleWorld("food-delivery-regional-failover", 42, 580,
                        SampleWorldGoldenJournalsTest::regionalFailover),
                new SampleWorld("deployer-good-image", 2024, 45, SampleWorldGoldenJournalsTest::deployerGoodImage),
                new SampleWorld("deployer-crash-deployer-rolls-back", 2024, 75,
                        SampleWorldGoldenJournalsTest::deployerCrashDeployerRollsBack),
                new SampleWorld("deployer-crash-ecs-rolls-back", 2024, 50,
                        SampleWorldGoldenJournalsTest::deployerCrashEcsRollsBack),
                new SampleWorld("deployer-host-loss-midway", 2024, 100,
                        SampleWorldGoldenJournalsTest::deployerHostLossMidway),
                new SampleWorld("seed-quotas-1000-revisions", 10, 1000,
                        SampleWorldGoldenJournalsTest::seedQuotasRevisions));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worlds")
    void journal_matches_its_golden_file(SampleWorld world) throws Exception {
        String journal;
        try (FakeEcs ecs = world.run().call()) {
            journal = ecs.journal().toJsonLines();
        }
        checkAndCompare(world.file(), world.minLines(), journal);
    }

    /** {@code QuickStartTest}'s test body, under the same {@code @EcsCluster} declaration. */
    @Test
    @EcsCluster(name = "food-delivery-prod", seed = 42)
    void quick_start_journal_matches_its_golden_file(EcsClusterHandle cluster) {
        EcsServiceHandle orders = cluster.fargateService("order-service", "acme/orders:1.4", 2);
        assertThat(orders).eventually(Duration.ofMinutes(2)).hasRunningCount(2);

        cluster.scale("order-service", 20);

        assertThat(orders).eventually(Duration.ofMinutes(5)).hasRunningCount(20).hasReachedSteadyState();

        checkAndCompare(QUICK_START, 90, cluster.ecs().journal().toJsonLines());
    }

    @Test
    void every_golden_file_belongs_to_a_world_and_they_stay_small() throws IOException {
        Path dir = GoldenJournal.SOURCE_DIR;
        if (!Files.isDirectory(dir)) {
            return;     // not run from the module directory (an IDE); the worlds still compare
        }
        Set<String> expected = Stream.concat(worlds().map(SampleWorld::file), Stream.of(QUICK_START))
                .map(f -> f + ".jsonl").collect(Collectors.toSet());
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .as("golden files without a world in %s (delete them or restore their world)", dir)
                .allMatch(expected::contains);
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        assertThat(total).as("bytes of all golden files in %s", dir).isLessThan(MAX_TOTAL_BYTES);
    }

    private static void checkAndCompare(String file, int minLines, String journal) {
        GoldenJournal.assertMatches(file, journal);
        assertThat(journal.lines().count()).as("lines in the journal of %s (a meaningful run)", file)
                .isGreaterThanOrEqualTo(minLines);
        assertThat((long) journal.getBytes(StandardCharsets.UTF_8).length).as("bytes in the journal of %s", file)
                .isLessThan(MAX_FILE_BYTES);
    }

    private static Instant friday(String time) {
        return Instant.parse("2026-03-06T" + time + "Z");
    }

    // ---------------------------------------------------------------- food delivery (seed 42)

    /** {@code DinnerPeakTest.the_dinner_peak_scales_order_service_from_2_to_20_and_back_to_2}. */
    static FakeEcs dinnerPeak() {
        FakeEcs ecs = FoodDeliveryPlatform.start();
        ecs.clock().advanceTo(friday("19:00:00"));
        ecs.clock().advanceTo(friday("19:02:00"));
        ecs.clock().advanceTo(friday("19:03:29"));
        ecs.clock().advanceTo(friday("19:03:30"));
        ecs.clock().advanceTo(friday("19:10:00"));
        ecs.clock().advanceTo(friday("21:13:59"));
        ecs.clock().advanceTo(friday("21:14:00"));
        ecs.clock().advanceTo(friday("21:15:00"));
        return ecs;
    }

    /** {@code DinnerPeakTest.a_fargate_spot_interruption_during_the_peak_is_replaced_without_losing_desired_count}. */
    static FakeEcs dinnerPeakSpotInterruption() {
        FakeEcs ecs = FoodDeliveryPlatform.start();
        ecs.clock().advanceTo(friday("19:30:00"));
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION)
                .cluster(CLUSTER).service(ORDERS).percentage(50).build());
        ecs.clock().advance(Duration.ZERO);
        ecs.clock().advance(Duration.ofSeconds(35));
        ecs.clock().advance(Duration.ofSeconds(55));
        return ecs;
    }

    /**
     * {@code TaskStartTimesTest}: its third test, whose timeline extends the other two (they only
     * advance five minutes): ml-recommendation scaled to six after five minutes.
     */
    static FakeEcs taskStartTimes() {
        FakeEcs ecs = FoodDeliveryPlatform.start();
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.api().updateService(r -> r.cluster(CLUSTER).service(RECOMMENDATIONS).desiredCount(6));
        ecs.clock().advance(Duration.ofSeconds(20));
        ecs.clock().advance(Duration.ofSeconds(40));
        return ecs;
    }

    /** {@code GpuHostLossTest}: the host of restaurant-service's first task is terminated. */
    static FakeEcs gpuHostLoss() {
        FakeEcs ecs = FoodDeliveryPlatform.start();
        ecs.clock().advance(Duration.ofMinutes(30));
        Task victimTask = tasks(ecs, RESTAURANTS, "RUNNING").get(0);
        ContainerInstance victim = ecs.api().describeContainerInstances(r -> r.cluster(CLUSTER)
                .containerInstances(victimTask.containerInstanceArn())).containerInstances().get(0);
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster(CLUSTER)
                .containerInstance(victim.containerInstanceArn()).build());
        ecs.clock().advance(Duration.ofSeconds(59));
        ecs.clock().advance(Duration.ofSeconds(1));
        return ecs;
    }

    /** {@code ZoneOutageTest}: us-east-1a dark for 30 minutes from 18:30. */
    static FakeEcs zoneOutage() {
        Instant outage = friday("18:30:00");
        FakeEcs ecs = FoodDeliveryPlatform.start();
        ecs.clock().advanceTo(outage);
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.AZ_OUTAGE).availabilityZone("us-east-1a")
                .duration(Duration.ofMinutes(30)).build());
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.clock().advanceTo(outage.plus(Duration.ofMinutes(29)));
        ecs.clock().advanceTo(outage.plus(Duration.ofMinutes(35)));
        return ecs;
    }

    /**
     * {@code RegionalFailoverTest}: us-east-1 down from 19:30 for 30 minutes during the dinner peak,
     * Route 53 failover to a warm standby in us-west-2 that scales out on a stale image (ECR
     * replication lag 30 minutes, a hotfix pushed at 19:15).
     */
    static FakeEcs regionalFailover() {
        String standbyRegion = "us-west-2";
        Duration replicationLag = Duration.ofMinutes(30);
        Duration ttl = Duration.ofSeconds(10);
        Instant hotfix = friday("19:15:00");
        Instant outage = friday("19:30:00");
        Instant trafficFrom = friday("19:00:00");
        Instant trafficTo = friday("21:00:00");

        FakeEcs ecs = FoodDeliveryPlatform.startWithStandbyRegion(standbyRegion);
        EcsClient east = ecs.region(PRIMARY).api();
        EcsClient west = ecs.region(standbyRegion).api();
        ImageRegistries ecr = ImageRegistries.of(ecs);

        ecr.replicate(PRIMARY, standbyRegion, replicationLag);
        ecr.region(PRIMARY).push(ORDER_REPOSITORY, "prod");
        ecs.clock().advance(replicationLag);
        FoodDeliveryPlatform.warmStandby(standbyRegion).applyTo(ecs);

        ecs.clock().advanceTo(trafficFrom.minusSeconds(60));
        Route53 dns = Route53.of(ecs);
        Endpoint primary = Endpoint.of(PRIMARY, CLUSTER, ORDERS);
        Endpoint standby = Endpoint.of(standbyRegion, CLUSTER, ORDERS);
        FailoverRecord api = dns.failoverRecord("api.food.example", ttl,
                primary, dns.createHealthCheck(primary, HealthCheck.FAST_INTERVAL, 3),
                standby, dns.createHealthCheck(standby, HealthCheck.FAST_INTERVAL, 3));
        api.onFailover((from, to) -> {
            if (to.equals(standby)) {
                west.updateService(r -> r.cluster(CLUSTER).service(ORDERS).desiredCount(20));
            }
        });
        ecs.clock().scheduleAt(hotfix, "hotfix", () -> {
            ecr.region(PRIMARY).push(ORDER_REPOSITORY, "prod");
            east.updateService(r -> r.cluster(CLUSTER).service(ORDERS).forceNewDeployment(true));
        });
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.REGION_OUTAGE).region(PRIMARY)
                .at(Duration.between(ecs.clock().instant(), outage)).duration(Duration.ofMinutes(30)).build());
        LoadProfile dinner = LoadProfile.dinnerPeak(60, 600, LocalTime.of(19, 0), LocalTime.of(21, 0));
        ecs.clock().advanceTo(trafficFrom);

        TrafficModel traffic = TrafficModel.start(ecs, api, dinner);
        ecs.clock().advanceTo(outage.minusSeconds(1));
        ecs.clock().advanceTo(outage.plus(Duration.ofMinutes(5)));
        ecs.clock().advanceTo(trafficTo.minusSeconds(1));
        traffic.stop();
        return ecs;
    }

    // ---------------------------------------------------------------- deployer (seed 2024)

    /** The world of {@code DeployerTest.given_a_running_service}, its client and deployer. */
    private record DeployerWorld(FakeEcs ecs, EcsClient client, Deployer deployer) {
        static DeployerWorld start() {
            FakeEcs ecs = FakeEcs.builder().seed(2024).build();
            EcsClient client = ecs.newClient();
            Deployer deployer = new Deployer(client, d -> ecs.clock().advance(d), Duration.ofSeconds(15),
                    Duration.ofMinutes(30));
            client.createCluster(r -> r.clusterName("prod"));
            client.registerTaskDefinition(r -> r.family("orders").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image("acme/orders:1.0")));
            ecs.declareImage("acme/orders:crash", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(10), 1));
            return new DeployerWorld(ecs, client, deployer);
        }

        void createService(boolean ecsRollback) {
            client.createService(r -> r.cluster("prod").serviceName("orders").taskDefinition("orders:1")
                    .desiredCount(3).launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-a")))
                    .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true)
                            .rollback(ecsRollback))));
            ecs.clock().advance(Duration.ofMinutes(5));
        }
    }

    /** {@code DeployerTest.a_good_image_completes}. */
    static FakeEcs deployerGoodImage() throws Exception {
        DeployerWorld w = DeployerWorld.start();
        w.createService(false);
        w.deployer().deploy("prod", "orders", "app", "acme/orders:2.0");
        return w.ecs();
    }

    /** {@code DeployerTest.a_crashing_image_trips_the_circuit_breaker_and_the_deployer_rolls_back}. */
    static FakeEcs deployerCrashDeployerRollsBack() throws Exception {
        DeployerWorld w = DeployerWorld.start();
        w.createService(false);
        w.deployer().deploy("prod", "orders", "app", "acme/orders:crash");
        return w.ecs();
    }

    /** {@code DeployerTest.a_crashing_image_is_rolled_back_by_ecs_when_the_breaker_rolls_back}. */
    static FakeEcs deployerCrashEcsRollsBack() throws Exception {
        DeployerWorld w = DeployerWorld.start();
        w.createService(true);
        w.deployer().deploy("prod", "orders", "app", "acme/orders:crash");
        return w.ecs();
    }

    /** {@code DeployerTest.a_deployment_that_meets_a_host_loss_midway_still_completes}. */
    static FakeEcs deployerHostLossMidway() throws Exception {
        DeployerWorld w = DeployerWorld.start();
        FakeEcs ecs = w.ecs();
        EcsClient client = w.client();
        world().cluster("prod", c -> c.autoScalingGroup("kitchen-hosts", g -> g.instanceType("m5.large")
                .min(3).max(3).desired(3).zones("us-east-1a", "us-east-1b", "us-east-1c"))).applyTo(ecs);
        ecs.clock().advance(Duration.ofMinutes(1));
        client.registerTaskDefinition(r -> r.family("kitchen").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("app").image("acme/kitchen:1.0").cpu(256).memory(512)));
        client.createService(r -> r.cluster("prod").serviceName("kitchen").taskDefinition("kitchen:1").desiredCount(6)
                .launchType(LaunchType.EC2)
                .placementStrategy(p -> p.type("spread").field("attribute:ecs.availability-zone"))
                .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(5));
        ContainerInstance victim = client.describeContainerInstances(r -> r.cluster("prod").containerInstances(
                        client.listContainerInstances(l -> l.cluster("prod")).containerInstanceArns()))
                .containerInstances().get(0);
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster("prod")
                .containerInstance(victim.containerInstanceArn()).at(Duration.ofSeconds(45)).build());
        w.deployer().deploy("prod", "kitchen", "app", "acme/kitchen:2.0");
        return ecs;
    }

    // ---------------------------------------------------------------- seed quotas (seed 10)

    /** {@code SeedQuotasTest.the_1001st_revision_of_a_family_is_refused}. */
    static FakeEcs seedQuotasRevisions() {
        FakeEcs ecs = FakeEcs.builder().seed(10).build();
        EcsClient api = ecs.api();
        Runnable registerOrders = () -> api.registerTaskDefinition(r -> r.family("orders")
                .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("acme/orders:1")));
        for (int i = 0; i < 1_000; i++) {
            registerOrders.run();
        }
        assertThatThrownBy(registerOrders::run).isInstanceOf(LimitExceededException.class);
        return ecs;
    }
}
