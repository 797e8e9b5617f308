package dev.fakeecs.golden;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dns.Endpoint;
import dev.fakeecs.dns.FailoverRecord;
import dev.fakeecs.dns.HealthCheck;
import dev.fakeecs.dns.Route53;
import dev.fakeecs.fault.ChaosMonkey;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.registry.ImageRegistries;
import dev.fakeecs.timing.TimingModel;
import dev.fakeecs.traffic.LoadProfile;
import dev.fakeecs.traffic.TrafficModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementConstraintType;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.PlacementStrategyType;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint;
import software.amazon.awssdk.services.ecs.model.TaskSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden journals: sixteen engine scenarios (eighteen runs: two of them at two seeds), each a
 * deterministic function {@code seed -> FakeEcs run -> journal().toJsonLines()}, compared byte for
 * byte with a journal recorded on the engine before a refactor
 * ({@code src/test/resources/golden/<scenario>-seed<N>.jsonl}).
 *
 * <p><b>What they are for.</b> They guard refactors of the engine (rewiring, package moves,
 * renames, split classes): behaviour must not change, and the journal is the engine's complete,
 * ordered record of behaviour — every task state, placement, service event, deployment, scaling
 * decision and fault, stamped with virtual time. A refactor that keeps every golden journal
 * byte-identical changed no observable behaviour in these scenarios.
 *
 * <p><b>When a golden journal does not match.</b> The failure names the scenario, the first
 * differing line and both lines; the actual journal is in {@code target/golden-actual/} to diff.
 * Fix the code, not the file. Update a golden file <em>only</em> for a deliberate behaviour change
 * (a fidelity fix, a new journal detail), re-record it, review the diff line by line, and say in
 * the commit message which behaviour changed and why.
 *
 * <p><b>How to (re-)record</b>, on the engine whose behaviour is the reference:
 * <pre>
 * mvn -B -ntp -pl fake-ecs test -Dtest=GoldenJournalsTest -Dsurefire.failIfNoSpecifiedTests=false -Dfakeecs.golden.record=true
 * </pre>
 * then run the same command without {@code -Dfakeecs.golden.record=true} at least twice (each run
 * is a fresh JVM) to be sure the files are stable, and commit {@code src/test/resources/golden/}.
 * Adding a scenario: add it to {@link #scenarios()}, record, commit its file.
 *
 * <p><b>Entry points.</b> The scenarios drive the engine as the engine's own tests do, through the
 * stable entry points: {@code FakeEcs.builder()}, {@code ecs.api()} / {@code ecs.region(name).api()}
 * (hosts register with RegisterContainerInstance), {@code ecs.declareImage},
 * {@code ecs.clock()}, {@code FaultInjector.of(ecs)}, {@code ChaosMonkey.builder(ecs)},
 * {@code Route53.of(ecs)}, {@code ImageRegistries.of(ecs)}, {@code TrafficModel.start}. What ECS's
 * API cannot do (Auto Scaling groups, Spot draining, Application Auto Scaling) goes through
 * {@link EngineHooks}, the one class to adapt when those engine classes move.
 *
 * <p>Determinism in one JVM is {@code DeterminismTest}'s job; these files also catch what changes
 * between JVM runs (hash order, wall-clock time), since each build is a new JVM.
 */
class GoldenJournalsTest {

    /** One scenario at one seed; its golden file is {@code <name>-seed<seed>.jsonl}. */
    record Scenario(String name, long seed, int minLines, LongFunction<FakeEcs> run) {
        String file() {
            return name + "-seed" + seed;
        }

        @Override
        public String toString() {
            return file();
        }
    }

    /** A golden file may be at most this big (keeps the repository and the build light). */
    static final long MAX_FILE_BYTES = 1_000_000;
    /** All golden files of this module together. */
    static final long MAX_TOTAL_BYTES = 6_000_000;

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("rolling-deployment-fargate", 11, 250, GoldenJournalsTest::rollingDeploymentFargate),
                new Scenario("rolling-deployment-ec2-bridge", 23, 180, GoldenJournalsTest::rollingDeploymentEc2Bridge),
                new Scenario("circuit-breaker-rollback", 11, 130, GoldenJournalsTest::circuitBreakerRollback),
                new Scenario("health-check-replacement", 7, 300, GoldenJournalsTest::healthCheckReplacement),
                new Scenario("daemon-services", 23, 90, GoldenJournalsTest::daemonServices),
                new Scenario("placement-ec2", 29, 250, GoldenJournalsTest::placementEc2),
                new Scenario("capacity-provider-strategy", 13, 260, GoldenJournalsTest::capacityProviderStrategy),
                new Scenario("asg-managed-scaling", 31, 100, GoldenJournalsTest::asgManagedScaling),
                new Scenario("host-faults", 5, 250, GoldenJournalsTest::hostFaults),
                new Scenario("spot-interruptions", 5, 140, GoldenJournalsTest::spotInterruptions),
                new Scenario("zone-and-region-outage", 5, 190, GoldenJournalsTest::zoneAndRegionOutage),
                new Scenario("service-auto-scaling", 19, 220, GoldenJournalsTest::serviceAutoScaling),
                new Scenario("multi-region-failover", 1930, 100, GoldenJournalsTest::multiRegionFailover),
                new Scenario("task-sets-external", 11, 70, GoldenJournalsTest::taskSetsExternal),
                new Scenario("run-stop-churn-jitter", 2026, 400, GoldenJournalsTest::runStopChurnWithJitter),
                new Scenario("run-stop-churn-jitter", 7, 400, GoldenJournalsTest::runStopChurnWithJitter),
                new Scenario("chaos-monkey", 2026, 800, GoldenJournalsTest::chaosMonkey),
                new Scenario("chaos-monkey", 99, 800, GoldenJournalsTest::chaosMonkey));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void journal_matches_its_golden_file(Scenario scenario) {
        String journal;
        try (FakeEcs ecs = scenario.run().apply(scenario.seed())) {
            journal = ecs.journal().toJsonLines();
        }

        GoldenJournal.assertMatches(scenario.file(), journal);
        assertThat(journal.lines().count()).as("lines in the journal of %s (a meaningful run)", scenario)
                .isGreaterThanOrEqualTo(scenario.minLines());
        assertThat((long) journal.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .as("bytes in the journal of %s", scenario).isLessThan(MAX_FILE_BYTES);
    }

    @Test
    void every_golden_file_belongs_to_a_scenario_and_they_stay_small() throws IOException {
        Path dir = GoldenJournal.SOURCE_DIR;
        if (!Files.isDirectory(dir)) {
            return;     // not run from the module directory (an IDE); the scenarios still compare
        }
        Set<String> expected = scenarios().map(s -> s.file() + ".jsonl").collect(Collectors.toSet());
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .as("golden files without a scenario in %s (delete them or restore their scenario)", dir)
                .allMatch(expected::contains);
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        assertThat(total).as("bytes of all golden files in %s", dir).isLessThan(MAX_TOTAL_BYTES);
    }

    // ---------------------------------------------------------------- shared setup

    private static final NetworkConfiguration NETWORK = NetworkConfiguration.builder()
            .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets("subnet-1", "subnet-2").build()).build();

    private static CapacityProviderStrategyItem provider(String name, int base, int weight) {
        return CapacityProviderStrategyItem.builder().capacityProvider(name).base(base).weight(weight).build();
    }

    /** A Fargate family of 256 CPU units / 512 MiB, with a container health check when asked. */
    private static String fargateFamily(EcsClient api, String family, String image, boolean healthCheck) {
        ContainerDefinition.Builder c = ContainerDefinition.builder().name("app").image(image)
                .portMappings(PortMapping.builder().containerPort(8080).build());
        if (healthCheck) {
            c.healthCheck(h -> h.command("CMD-SHELL", "curl -f localhost:8080/health || exit 1").interval(10)
                    .retries(3));
        }
        return api.registerTaskDefinition(r -> r.family(family).requiresCompatibilities(Compatibility.FARGATE)
                        .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512").containerDefinitions(c.build()))
                .taskDefinition().taskDefinitionArn();
    }

    /** A bridge-mode EC2 family; {@code hostPort} -1: no port mapping, 0: a dynamic host port. */
    private static String ec2Family(EcsClient api, String family, String image, int cpu, int memory, int hostPort) {
        ContainerDefinition.Builder c = ContainerDefinition.builder().name("app").image(image).cpu(cpu).memory(memory);
        if (hostPort >= 0) {
            c.portMappings(PortMapping.builder().containerPort(8080).hostPort(hostPort).build());
        }
        return api.registerTaskDefinition(r -> r.family(family).networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c.build())).taskDefinition().taskDefinitionArn();
    }

    /** Registers an EC2 host with the cluster as its agent would; answers its container instance ARN. */
    private static String host(EcsClient api, String cluster, String instanceType, String zone) {
        String doc = "{\"instanceType\":\"" + instanceType + "\",\"availabilityZone\":\"" + zone + "\"}";
        return api.registerContainerInstance(r -> r.cluster(cluster).instanceIdentityDocument(doc))
                .containerInstance().containerInstanceArn();
    }

    private static List<Task> tasks(EcsClient api, String cluster, String service, String desiredStatus) {
        List<String> arns = api.listTasks(r -> r.cluster(cluster).serviceName(service).desiredStatus(desiredStatus))
                .taskArns();
        List<Task> out = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += 100) {
            List<String> page = arns.subList(i, Math.min(arns.size(), i + 100));
            out.addAll(api.describeTasks(r -> r.cluster(cluster).tasks(page)).tasks());
        }
        return out;
    }

    private static List<ContainerInstance> hosts(EcsClient api, String cluster) {
        List<String> arns = api.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();
        return arns.isEmpty() ? List.of()
                : api.describeContainerInstances(r -> r.cluster(cluster).containerInstances(arns)).containerInstances();
    }

    /** The ACTIVE host with the most running tasks (the first listed on a tie). */
    private static ContainerInstance busiestHost(EcsClient api, String cluster, Set<String> except) {
        return hosts(api, cluster).stream()
                .filter(ci -> "ACTIVE".equals(ci.status()) && !except.contains(ci.containerInstanceArn()))
                .max(Comparator.comparingInt(ContainerInstance::runningTasksCount)).orElseThrow();
    }

    private static void advance(FakeEcs ecs, Duration d) {
        ecs.clock().advance(d);
    }

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    // ---------------------------------------------------------------- scenarios

    /**
     * Rolling deployments on Fargate: v1 -> v2 (min 50 / max 150 %), then v3 with the default
     * 100 / 200 % and a desired count change in the middle of it, then a forced new deployment.
     */
    static FakeEcs rollingDeploymentFargate(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        ecs.declareImage("acme/orders:2", ImageBehavior.DEFAULT.healthyAfter(Duration.ofSeconds(30)));
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        String v1 = fargateFamily(api, "orders", "acme/orders:1", true);
        String v2 = fargateFamily(api, "orders", "acme/orders:2", true);
        String v3 = fargateFamily(api, "orders", "acme/orders:3", true);
        api.createService(r -> r.cluster("prod").serviceName("orders").taskDefinition(v1).desiredCount(6)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK).healthCheckGracePeriodSeconds(60)
                .deploymentConfiguration(c -> c.minimumHealthyPercent(50).maximumPercent(150)));
        advance(ecs, minutes(5));

        api.updateService(r -> r.cluster("prod").service("orders").taskDefinition(v2));
        advance(ecs, minutes(10));

        api.updateService(r -> r.cluster("prod").service("orders").taskDefinition(v3)
                .deploymentConfiguration(c -> c.minimumHealthyPercent(100).maximumPercent(200)));
        advance(ecs, Duration.ofSeconds(60));
        api.updateService(r -> r.cluster("prod").service("orders").desiredCount(8));
        advance(ecs, minutes(10));

        api.updateService(r -> r.cluster("prod").service("orders").forceNewDeployment(true));
        advance(ecs, minutes(10));
        return ecs;
    }

    /**
     * Rolling deployments on EC2 with bridge networking: a static host port (only one task per
     * host, so min 50 / max 100 %) and a dynamic one (default 100 / 200 %) on six hosts, then a
     * host set to DRAINING.
     */
    static FakeEcs rollingDeploymentEc2Bridge(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        api.createCluster(r -> r.clusterName("prod"));
        List<String> hosts = new ArrayList<>();
        for (String zone : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
            hosts.add(host(api, "prod", "m5.large", zone));
            hosts.add(host(api, "prod", "c5.xlarge", zone));
        }
        String web1 = ec2Family(api, "web", "acme/web:1", 256, 512, 8080);
        String web2 = ec2Family(api, "web", "acme/web:2", 256, 512, 8080);
        String api1 = ec2Family(api, "api", "acme/api:1", 512, 1024, 0);
        String api2 = ec2Family(api, "api", "acme/api:2", 512, 1024, 0);
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(web1).desiredCount(6)
                .launchType(LaunchType.EC2)
                .deploymentConfiguration(c -> c.minimumHealthyPercent(50).maximumPercent(100)));
        api.createService(r -> r.cluster("prod").serviceName("api").taskDefinition(api1).desiredCount(4)
                .launchType(LaunchType.EC2).placementStrategy(
                        PlacementStrategy.builder().type(PlacementStrategyType.SPREAD)
                                .field("attribute:ecs.availability-zone").build(),
                        PlacementStrategy.builder().type(PlacementStrategyType.BINPACK).field("memory").build()));
        advance(ecs, minutes(5));

        api.updateService(r -> r.cluster("prod").service("web").taskDefinition(web2));
        api.updateService(r -> r.cluster("prod").service("api").taskDefinition(api2));
        advance(ecs, minutes(10));

        api.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(hosts.get(0))
                .status(ContainerInstanceStatus.DRAINING));
        advance(ecs, minutes(5));
        api.updateService(r -> r.cluster("prod").service("web").desiredCount(5));
        advance(ecs, minutes(5));
        return ecs;
    }

    /**
     * The deployment circuit breaker: a crashing image with rollback (ECS rolls back), an image
     * that cannot be pulled without rollback (the deployment FAILS, the old tasks serve), and an
     * unhealthy rollout stopped by StopServiceDeployment with ROLLBACK.
     */
    static FakeEcs circuitBreakerRollback(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        ecs.declareImage("acme/orders:bad", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(5), 1));
        ecs.declareImage("acme/payments:missing", ImageBehavior.DEFAULT.failingToPull());
        ecs.declareImage("acme/kitchen:slow", ImageBehavior.DEFAULT.unhealthy());
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        String ordersGood = fargateFamily(api, "orders", "acme/orders:1", false);
        String ordersBad = fargateFamily(api, "orders", "acme/orders:bad", false);
        String paymentsGood = fargateFamily(api, "payments", "acme/payments:1", false);
        String paymentsBad = fargateFamily(api, "payments", "acme/payments:missing", false);
        String kitchenGood = fargateFamily(api, "kitchen", "acme/kitchen:1", true);
        String kitchenSlow = fargateFamily(api, "kitchen", "acme/kitchen:slow", true);
        api.createService(r -> r.cluster("prod").serviceName("orders").taskDefinition(ordersGood).desiredCount(3)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK)
                .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
        api.createService(r -> r.cluster("prod").serviceName("payments").taskDefinition(paymentsGood).desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK)
                .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(false))));
        api.createService(r -> r.cluster("prod").serviceName("kitchen").taskDefinition(kitchenGood).desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK).healthCheckGracePeriodSeconds(3600));
        advance(ecs, minutes(5));

        api.updateService(r -> r.cluster("prod").service("orders").taskDefinition(ordersBad));
        api.updateService(r -> r.cluster("prod").service("payments").taskDefinition(paymentsBad));
        api.updateService(r -> r.cluster("prod").service("kitchen").taskDefinition(kitchenSlow));
        advance(ecs, minutes(2));
        String kitchenRollout = api.listServiceDeployments(r -> r.cluster("prod").service("kitchen"))
                .serviceDeployments().get(0).serviceDeploymentArn();
        api.stopServiceDeployment(r -> r.serviceDeploymentArn(kitchenRollout)
                .stopType(StopServiceDeploymentStopType.ROLLBACK));
        advance(ecs, minutes(30));
        return ecs;
    }

    /**
     * Health checks: an image that never turns healthy (replaced again and again), the same with a
     * two-minute grace period, and a healthy service whose checks fail for 30 s (a fault).
     */
    static FakeEcs healthCheckReplacement(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        ecs.declareImage("acme/sick:1", ImageBehavior.DEFAULT.unhealthy());
        ecs.declareImage("acme/orders:1", ImageBehavior.DEFAULT.healthyAfter(Duration.ofSeconds(20)));
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        String sick = fargateFamily(api, "sick", "acme/sick:1", true);
        String orders = fargateFamily(api, "orders", "acme/orders:1", true);
        api.createService(r -> r.cluster("prod").serviceName("sick").taskDefinition(sick).desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK));
        api.createService(r -> r.cluster("prod").serviceName("sick-graced").taskDefinition(sick).desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK).healthCheckGracePeriodSeconds(120));
        api.createService(r -> r.cluster("prod").serviceName("orders").taskDefinition(orders).desiredCount(3)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK));
        advance(ecs, minutes(5));

        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.HEALTH_CHECK_FAILURE).cluster("prod").service("orders")
                .duration(Duration.ofSeconds(30)).build());
        advance(ecs, minutes(10));
        api.updateService(r -> r.cluster("prod").service("sick").desiredCount(0));
        advance(ecs, minutes(3));
        return ecs;
    }

    /**
     * DAEMON services: one task per ACTIVE host as hosts join, drain, get terminated; a daemon
     * limited by a memberOf constraint; a daemon rolled to a new revision.
     */
    static FakeEcs daemonServices(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        api.createCluster(r -> r.clusterName("prod"));
        String a = host(api, "prod", "m5.large", "us-east-1a");
        String b = host(api, "prod", "m5.large", "us-east-1b");
        String agent1 = ec2Family(api, "agent", "acme/agent:1", 128, 128, -1);
        String agent2 = ec2Family(api, "agent", "acme/agent:2", 128, 128, -1);
        String gpuAgent = api.registerTaskDefinition(r -> r.family("compute-agent").networkMode(NetworkMode.BRIDGE)
                .placementConstraints(TaskDefinitionPlacementConstraint.builder().type("memberOf")
                        .expression("attribute:ecs.instance-type =~ c5.*").build())
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/compute-agent:1")
                        .cpu(128).memory(256).build())).taskDefinition().taskDefinitionArn();
        api.createService(r -> r.cluster("prod").serviceName("agent").taskDefinition(agent1)
                .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.EC2));
        api.createService(r -> r.cluster("prod").serviceName("compute-agent").taskDefinition(gpuAgent)
                .schedulingStrategy(SchedulingStrategy.DAEMON).launchType(LaunchType.EC2));
        advance(ecs, minutes(2));

        host(api, "prod", "c5.large", "us-east-1c");
        host(api, "prod", "c5.xlarge", "us-east-1a");
        advance(ecs, minutes(2));

        api.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(a)
                .status(ContainerInstanceStatus.DRAINING));
        advance(ecs, minutes(3));

        api.updateService(r -> r.cluster("prod").service("agent").taskDefinition(agent2));
        advance(ecs, minutes(5));

        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster("prod")
                .containerInstance(b).build());
        advance(ecs, minutes(3));
        api.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(a)
                .status(ContainerInstanceStatus.ACTIVE));
        advance(ecs, minutes(3));
        return ecs;
    }

    /**
     * Placement on EC2 container instances: binpack on memory and CPU, spread over zones then
     * instances, random, distinctInstance, memberOf on a built-in and a custom attribute, static
     * port conflicts, tasks that fit nowhere, and a service's scale-in.
     */
    static FakeEcs placementEc2(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        api.createCluster(r -> r.clusterName("prod"));
        List<String> hosts = new ArrayList<>();
        for (String zone : List.of("us-east-1a", "us-east-1b")) {
            hosts.add(host(api, "prod", "m5.large", zone));
            hosts.add(host(api, "prod", "m5.large", zone));
        }
        hosts.add(host(api, "prod", "c5.xlarge", "us-east-1c"));
        hosts.add(host(api, "prod", "c5.xlarge", "us-east-1c"));
        api.putAttributes(r -> r.cluster("prod").attributes(
                Attribute.builder().name("stack").value("blue").targetId(hosts.get(1)).build(),
                Attribute.builder().name("stack").value("blue").targetId(hosts.get(4)).build()));
        ec2Family(api, "batch", "acme/batch:1", 512, 1024, -1);
        ec2Family(api, "worker", "acme/worker:1", 256, 256, -1);
        ec2Family(api, "cache", "acme/cache:1", 256, 512, 8080);
        ec2Family(api, "blue", "acme/blue:1", 128, 128, -1);
        ec2Family(api, "huge", "acme/huge:1", 4096, 16384, -1);

        api.runTask(r -> r.cluster("prod").taskDefinition("batch").count(6).launchType(LaunchType.EC2)
                .placementStrategy(PlacementStrategy.builder().type(PlacementStrategyType.BINPACK).field("memory")
                        .build()));
        api.runTask(r -> r.cluster("prod").taskDefinition("worker").count(9).launchType(LaunchType.EC2)
                .placementStrategy(
                        PlacementStrategy.builder().type(PlacementStrategyType.SPREAD)
                                .field("attribute:ecs.availability-zone").build(),
                        PlacementStrategy.builder().type(PlacementStrategyType.SPREAD).field("instanceId").build()));
        api.runTask(r -> r.cluster("prod").taskDefinition("cache").count(8).launchType(LaunchType.EC2)
                .placementConstraints(PlacementConstraint.builder().type(PlacementConstraintType.DISTINCT_INSTANCE)
                        .build()));
        api.runTask(r -> r.cluster("prod").taskDefinition("worker").count(5).launchType(LaunchType.EC2)
                .placementStrategy(PlacementStrategy.builder().type(PlacementStrategyType.RANDOM).build()));
        api.runTask(r -> r.cluster("prod").taskDefinition("blue").count(4).launchType(LaunchType.EC2)
                .placementConstraints(PlacementConstraint.builder().type(PlacementConstraintType.MEMBER_OF)
                        .expression("attribute:stack == blue").build()));
        api.runTask(r -> r.cluster("prod").taskDefinition("huge").count(2).launchType(LaunchType.EC2));
        advance(ecs, minutes(3));

        api.createService(r -> r.cluster("prod").serviceName("compute").taskDefinition("worker").desiredCount(6)
                .launchType(LaunchType.EC2)
                .placementConstraints(PlacementConstraint.builder().type(PlacementConstraintType.MEMBER_OF)
                        .expression("attribute:ecs.instance-type =~ m5.*").build())
                .placementStrategy(PlacementStrategy.builder().type(PlacementStrategyType.BINPACK).field("cpu")
                        .build()));
        advance(ecs, minutes(3));
        for (Task t : api.describeTasks(r -> r.cluster("prod").tasks(api.listTasks(l -> l.cluster("prod")
                .family("batch")).taskArns())).tasks()) {
            api.stopTask(r -> r.cluster("prod").task(t.taskArn()).reason("batch done"));
        }
        api.updateService(r -> r.cluster("prod").service("compute").desiredCount(2));
        advance(ecs, minutes(3));
        api.runTask(r -> r.cluster("prod").taskDefinition("batch").count(4).launchType(LaunchType.EC2)
                .placementStrategy(PlacementStrategy.builder().type(PlacementStrategyType.BINPACK).field("cpu")
                        .build()));
        advance(ecs, minutes(3));
        return ecs;
    }

    /**
     * Capacity provider strategies on Fargate: FARGATE base 2 weight 1 + FARGATE_SPOT weight 4 for
     * a service scaled 12 -> 20 -> 5, the cluster's default strategy (FARGATE base 1 + SPOT 3) for
     * a second service and for RunTask.
     */
    static FakeEcs capacityProviderStrategy(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(provider("FARGATE", 1, 1),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(3).build()));
        String orders = fargateFamily(api, "orders", "acme/orders:1", false);
        String couriers = fargateFamily(api, "couriers", "acme/couriers:1", false);
        api.createService(r -> r.cluster("prod").serviceName("orders").taskDefinition(orders).desiredCount(12)
                .networkConfiguration(NETWORK).capacityProviderStrategy(provider("FARGATE", 2, 1),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(4).build()));
        api.createService(r -> r.cluster("prod").serviceName("couriers").taskDefinition(couriers).desiredCount(8)
                .networkConfiguration(NETWORK));
        advance(ecs, minutes(3));

        api.updateService(r -> r.cluster("prod").service("orders").desiredCount(20));
        api.runTask(r -> r.cluster("prod").taskDefinition(couriers).count(6).networkConfiguration(NETWORK));
        advance(ecs, minutes(3));

        api.updateService(r -> r.cluster("prod").service("orders").desiredCount(5));
        api.updateService(r -> r.cluster("prod").service("couriers").desiredCount(3));
        advance(ecs, minutes(3));

        api.updateService(r -> r.cluster("prod").service("couriers").capacityProviderStrategy(
                provider("FARGATE", 0, 1)).forceNewDeployment(true));
        advance(ecs, minutes(6));
        return ecs;
    }

    /**
     * An Auto Scaling group capacity provider with managed scaling: no hosts at first; a service of
     * three bridge tasks makes it launch hosts; scale-out to 8, scale-in to 1 (hosts terminated after
     * fifteen low minutes).
     */
    static FakeEcs asgManagedScaling(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        api.createCluster(r -> r.clusterName("prod"));
        String asg = EngineHooks.autoScalingGroup(ecs, "us-east-1", "web", "m5.large", 0, 10, 0,
                List.of("us-east-1a", "us-east-1b"), false, null);
        api.createCapacityProvider(r -> r.name("web-cp").autoScalingGroupProvider(p -> p
                .autoScalingGroupArn(asg).managedScaling(s -> s.status(ManagedScalingStatus.ENABLED)
                        .targetCapacity(100).minimumScalingStepSize(1).maximumScalingStepSize(10)
                        .instanceWarmupPeriod(300))));
        api.putClusterCapacityProviders(r -> r.cluster("prod").capacityProviders("web-cp")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("web-cp")
                        .weight(1).build()));
        String web = ec2Family(api, "web", "acme/web:1", 1024, 3000, 0);

        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(web).desiredCount(3));
        advance(ecs, minutes(10));
        api.updateService(r -> r.cluster("prod").service("web").desiredCount(8));
        advance(ecs, minutes(10));
        api.updateService(r -> r.cluster("prod").service("web").desiredCount(1));
        advance(ecs, minutes(30));
        return ecs;
    }

    /**
     * Host faults on an Auto Scaling group of four hosts running an EC2 service: terminate (the
     * group replaces the host), stop for ten minutes, agent disconnect while the service scales
     * out, half the hosts drained; and a host outside any group terminated.
     */
    static FakeEcs hostFaults(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        FaultInjector faults = FaultInjector.of(ecs);
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        EngineHooks.autoScalingGroup(ecs, "us-east-1", "hosts", "m5.large", 0, 10, 4, List.of(), false, "prod");
        advance(ecs, Duration.ofSeconds(60));
        String loner = host(api, "prod", "c5.large", "us-east-1c");
        String web = ec2Family(api, "web", "acme/web:1", 256, 512, -1);
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(web).desiredCount(6)
                .launchType(LaunchType.EC2));
        advance(ecs, minutes(3));

        ContainerInstance terminated = busiestHost(api, "prod", Set.of(loner));
        faults.inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster("prod")
                .containerInstance(terminated.containerInstanceArn()).build());
        advance(ecs, minutes(2));

        ContainerInstance stopped = busiestHost(api, "prod", Set.of(loner));
        faults.inject(FaultSpec.of(FaultType.STOP_INSTANCE).containerInstance(stopped.containerInstanceArn())
                .duration(minutes(10)).build());
        advance(ecs, minutes(3));

        ContainerInstance partitioned = busiestHost(api, "prod", Set.of(loner, stopped.containerInstanceArn()));
        faults.inject(FaultSpec.of(FaultType.DISCONNECT_AGENT).containerInstance(partitioned.containerInstanceArn())
                .duration(minutes(20)).build());
        api.updateService(r -> r.cluster("prod").service("web").desiredCount(9));
        advance(ecs, minutes(10));

        faults.inject(FaultSpec.of(FaultType.DRAIN_CONTAINER_INSTANCES).cluster("prod").percentage(50)
                .duration(minutes(10)).build());
        advance(ecs, minutes(5));
        faults.inject(FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster("prod").containerInstance(loner).build());
        advance(ecs, minutes(15));
        return ecs;
    }

    /**
     * Spot: a Fargate Spot task interrupted (two-minute warning), every Spot task of the service
     * interrupted while Spot capacity is unavailable, an EC2 Spot host interrupted with draining
     * on and one more without a target (the injector picks it).
     */
    static FakeEcs spotInterruptions(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        FaultInjector faults = FaultInjector.of(ecs);
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        EngineHooks.autoScalingGroup(ecs, "us-east-1", "spot-hosts", "m5.large", 0, 10, 3, List.of(), true, "prod");
        EngineHooks.spotInstanceDraining(ecs, "us-east-1", "prod");
        advance(ecs, Duration.ofSeconds(60));
        String couriers = fargateFamily(api, "couriers", "acme/couriers:1", false);
        String kitchen = ec2Family(api, "kitchen", "acme/kitchen:1", 256, 512, -1);
        api.createService(r -> r.cluster("prod").serviceName("couriers").taskDefinition(couriers).desiredCount(4)
                .networkConfiguration(NETWORK).capacityProviderStrategy(
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(1).build()));
        api.createService(r -> r.cluster("prod").serviceName("kitchen").taskDefinition(kitchen).desiredCount(3)
                .launchType(LaunchType.EC2));
        advance(ecs, minutes(3));

        String victim = tasks(api, "prod", "couriers", "RUNNING").get(0).taskArn();
        faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).task(victim).build());
        advance(ecs, minutes(3));

        faults.inject(FaultSpec.of(FaultType.SPOT_CAPACITY_UNAVAILABLE).duration(minutes(10)).build());
        faults.inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster("prod").service("couriers")
                .percentage(100).build());
        advance(ecs, minutes(15));

        ContainerInstance spotHost = busiestHost(api, "prod", Set.of());
        faults.inject(FaultSpec.of(FaultType.EC2_SPOT_INTERRUPTION)
                .containerInstance(spotHost.containerInstanceArn()).build());
        advance(ecs, minutes(5));
        faults.inject(FaultSpec.of(FaultType.EC2_SPOT_INTERRUPTION).cluster("prod")
                .notice(Duration.ofSeconds(60)).build());
        advance(ecs, minutes(5));
        return ecs;
    }

    /**
     * Zones and regions: a 20-minute outage of us-east-1a (EC2 hosts stop, Fargate tasks are lost,
     * rebalancing after), the FIS power-interruption preset on us-east-1b, then a 15-minute outage
     * of the whole region.
     */
    static FakeEcs zoneAndRegionOutage(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        FaultInjector faults = FaultInjector.of(ecs);
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        EngineHooks.autoScalingGroup(ecs, "us-east-1", "hosts", "m5.large", 0, 10, 3, List.of(), false, "prod");
        advance(ecs, Duration.ofSeconds(60));
        String kitchen = ec2Family(api, "kitchen", "acme/kitchen:1", 256, 512, -1);
        String orders = fargateFamily(api, "orders", "acme/orders:1", false);
        api.createService(r -> r.cluster("prod").serviceName("kitchen").taskDefinition(kitchen).desiredCount(3)
                .launchType(LaunchType.EC2));
        api.createService(r -> r.cluster("prod").serviceName("orders").taskDefinition(orders).desiredCount(6)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK));
        advance(ecs, minutes(3));

        faults.inject(FaultSpec.of(FaultType.AZ_OUTAGE).availabilityZone("us-east-1a").duration(minutes(20)).build());
        advance(ecs, minutes(35));

        faults.inject(FaultSpec.azPowerInterruption("us-east-1", "us-east-1b"));
        advance(ecs, minutes(40));

        faults.inject(FaultSpec.of(FaultType.REGION_OUTAGE).region("us-east-1").duration(minutes(15)).build());
        advance(ecs, minutes(20));
        api.updateService(r -> r.cluster("prod").service("orders").desiredCount(4));
        advance(ecs, minutes(3));
        return ecs;
    }

    /** 60 requests per second, ten times that from 19:00 to 21:00 UTC. */
    private static double dinnerPeak(Instant at) {
        LocalTime t = at.atZone(ZoneOffset.UTC).toLocalTime();
        return !t.isBefore(LocalTime.of(19, 0)) && t.isBefore(LocalTime.of(21, 0)) ? 600 : 60;
    }

    /**
     * Target-tracking service auto scaling from 18:00 to 22:00: order-service 2-20 on CPU 60 % with
     * the dinner-peak load model (50 rps per task at full CPU), and a service scaled on the CPU its
     * image declares (no load model).
     */
    static FakeEcs serviceAutoScaling(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).start(Instant.parse("2026-03-06T18:00:00Z")).build();
        EcsClient api = ecs.api();
        ecs.declareImage("acme/search:1", ImageBehavior.DEFAULT.withCpuPercent(90));
        api.createCluster(r -> r.clusterName("food-delivery-prod"));
        api.registerTaskDefinition(r -> r.family("order-service").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                .containerDefinitions(ContainerDefinition.builder().name("orders").image("acme/orders:1").build()));
        String search = fargateFamily(api, "search", "acme/search:1", false);
        api.createService(r -> r.cluster("food-delivery-prod").serviceName("order-service")
                .taskDefinition("order-service").desiredCount(2).launchType(LaunchType.FARGATE)
                .networkConfiguration(NETWORK));
        api.createService(r -> r.cluster("food-delivery-prod").serviceName("search").taskDefinition(search)
                .desiredCount(2).launchType(LaunchType.FARGATE).networkConfiguration(NETWORK));
        EngineHooks.cpuTargetTracking(ecs, "us-east-1", "food-delivery-prod", "order-service", 2, 20, 60,
                GoldenJournalsTest::dinnerPeak, 50);
        EngineHooks.cpuTargetTracking(ecs, "us-east-1", "food-delivery-prod", "search", 2, 10, 60, null, 0);

        ecs.clock().advanceTo(Instant.parse("2026-03-06T22:00:00Z"));
        return ecs;
    }

    /**
     * Two regions: order-service in us-east-1 and a standby in us-west-2, Route 53 failover on fast
     * health checks, an hour and a half of dinner traffic through a 30-minute outage of us-east-1
     * (the standby scales out on failover), ECR replicating east to west with a 15-minute lag: a
     * task in us-west-2 gets the stale digest of {@code latest}, one for a tag not yet replicated
     * fails to pull.
     */
    static FakeEcs multiRegionFailover(long seed) {
        Instant day = Instant.parse("2026-03-06T18:00:00Z");
        Instant outage = Instant.parse("2026-03-06T19:30:00Z");
        FakeEcs ecs = FakeEcs.builder().seed(seed).start(day).region("us-east-1").region("us-west-2").build();
        EcsClient east = ecs.region("us-east-1").api();
        EcsClient west = ecs.region("us-west-2").api();
        ImageRegistries ecr = ImageRegistries.of(ecs);
        ecr.replicate("us-east-1", "us-west-2", minutes(15));
        ecr.region("us-east-1").push("acme/orders", "latest");
        advance(ecs, minutes(15));
        for (EcsClient api : List.of(east, west)) {
            api.createCluster(r -> r.clusterName("food").capacityProviders("FARGATE"));
            api.registerTaskDefinition(r -> r.family("orders").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                    .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/orders:latest")
                            .build()));
        }
        east.createService(r -> r.cluster("food").serviceName("orders").taskDefinition("orders").desiredCount(4)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK));
        west.createService(r -> r.cluster("food").serviceName("orders").taskDefinition("orders").desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(NETWORK));
        ecs.clock().advanceTo(Instant.parse("2026-03-06T18:55:00Z"));

        ecr.region("us-east-1").push("acme/orders", "latest");
        ecr.region("us-east-1").push("acme/orders", "2.0");
        west.registerTaskDefinition(r -> r.family("orders-2").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/orders:2.0").build()));
        west.runTask(r -> r.cluster("food").taskDefinition("orders-2").launchType(LaunchType.FARGATE)
                .networkConfiguration(NETWORK));
        west.runTask(r -> r.cluster("food").taskDefinition("orders").launchType(LaunchType.FARGATE)
                .networkConfiguration(NETWORK));

        Route53 dns = Route53.of(ecs);
        Endpoint primary = Endpoint.of("us-east-1", "food", "orders");
        Endpoint standby = Endpoint.of("us-west-2", "food", "orders");
        FailoverRecord record = dns.failoverRecord("api.food.example", Duration.ofSeconds(10),
                primary, dns.createHealthCheck(primary, HealthCheck.FAST_INTERVAL, 3),
                standby, dns.createHealthCheck(standby, HealthCheck.FAST_INTERVAL, 3));
        record.onFailover((from, to) -> {
            if (to.equals(standby)) {
                west.updateService(r -> r.cluster("food").service("orders").desiredCount(6));
            }
        });
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.REGION_OUTAGE).region("us-east-1")
                .at(Duration.between(ecs.clock().instant(), outage)).duration(minutes(30)).build());
        ecs.clock().advanceTo(Instant.parse("2026-03-06T19:00:00Z"));

        TrafficModel traffic = TrafficModel.start(ecs, record,
                LoadProfile.dinnerPeak(200, 1000, LocalTime.of(19, 0), LocalTime.of(21, 0)));
        ecs.clock().advanceTo(Instant.parse("2026-03-06T20:30:00Z"));
        traffic.stop();
        return ecs;
    }

    /**
     * Task sets of an EXTERNAL deployment controller: blue at 100 %, green at 50 %, green scaled to
     * 100 % and made primary, blue deleted (drained), then the service's desired count changed.
     */
    static FakeEcs taskSetsExternal(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        String blueTd = fargateFamily(api, "web", "acme/web:blue", false);
        String greenTd = fargateFamily(api, "web", "acme/web:green", false);
        api.createService(r -> r.cluster("prod").serviceName("web").desiredCount(4)
                .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));
        TaskSet blue = api.createTaskSet(r -> r.cluster("prod").service("web").taskDefinition(blueTd)
                .externalId("blue").launchType(LaunchType.FARGATE).networkConfiguration(NETWORK)
                .scale(s -> s.unit(ScaleUnit.PERCENT).value(100.0))).taskSet();
        advance(ecs, minutes(3));

        TaskSet green = api.createTaskSet(r -> r.cluster("prod").service("web").taskDefinition(greenTd)
                .externalId("green").launchType(LaunchType.FARGATE).networkConfiguration(NETWORK)
                .scale(s -> s.unit(ScaleUnit.PERCENT).value(50.0))).taskSet();
        advance(ecs, minutes(3));

        api.updateTaskSet(r -> r.cluster("prod").service("web").taskSet(green.id())
                .scale(s -> s.unit(ScaleUnit.PERCENT).value(100.0)));
        api.updateServicePrimaryTaskSet(r -> r.cluster("prod").service("web").primaryTaskSet(green.taskSetArn()));
        advance(ecs, minutes(3));

        api.deleteTaskSet(r -> r.cluster("prod").service("web").taskSet(blue.id()).force(true));
        advance(ecs, minutes(2));
        api.updateService(r -> r.cluster("prod").service("web").desiredCount(6));
        advance(ecs, minutes(3));
        return ecs;
    }

    /**
     * RunTask / StopTask churn with 20 % jitter in the timing model: Fargate (FARGATE base 1 +
     * FARGATE_SPOT 3) and crashing bridge tasks on six EC2 hosts with the random strategy, five
     * rounds of launches and stops, then half an hour of quiet.
     */
    static FakeEcs runStopChurnWithJitter(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).timing(TimingModel.defaults().withJitter(0.2)).build();
        EcsClient api = ecs.api();
        ecs.declareImage("acme/crashy:1", ImageBehavior.DEFAULT.exitAfter(minutes(3), 1));
        api.createCluster(r -> r.clusterName("busy").capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(provider("FARGATE", 1, 1),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(3).build()));
        for (String zone : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
            for (String type : List.of("m5.large", "c5.xlarge")) {
                host(api, "busy", type, zone);
            }
        }
        api.registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").build()));
        ec2Family(api, "crashy", "acme/crashy:1", 256, 256, -1);
        for (int round = 0; round < 5; round++) {
            api.runTask(r -> r.cluster("busy").taskDefinition("web").count(10).networkConfiguration(NETWORK));
            api.runTask(r -> r.cluster("busy").taskDefinition("crashy").count(4).launchType(LaunchType.EC2)
                    .placementStrategy(PlacementStrategy.builder().type(PlacementStrategyType.RANDOM).build()));
            advance(ecs, Duration.ofSeconds(45));
            List<String> web = api.listTasks(r -> r.cluster("busy").family("web")).taskArns();
            api.stopTask(r -> r.cluster("busy").task(web.get(0)));
            api.stopTask(r -> r.cluster("busy").task(web.get(web.size() - 1)).reason("scaled down by the test"));
        }
        advance(ecs, minutes(30));
        return ecs;
    }

    /**
     * The chaos monkey, seeded by the world's seed: an hour at 40 faults per hour (up to 8 minutes
     * each) over hosts of an On-Demand and a Spot Auto Scaling group, Fargate and Fargate Spot
     * services; invariants checked after every event (as {@code ChaosSoakTest}).
     */
    static FakeEcs chaosMonkey(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        EcsClient api = ecs.api();
        api.createCluster(r -> r.clusterName("food-delivery").capacityProviders("FARGATE", "FARGATE_SPOT"));
        EngineHooks.spotInstanceDraining(ecs, "us-east-1", "food-delivery");
        EngineHooks.autoScalingGroup(ecs, "us-east-1", "kitchen-hosts", "m5.large", 0, 10, 4, List.of(), false,
                "food-delivery");
        EngineHooks.autoScalingGroup(ecs, "us-east-1", "spot-hosts", "m5.large", 0, 10, 2, List.of(), true,
                "food-delivery");
        api.registerTaskDefinition(r -> r.family("orders").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("512").memory("1024")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("food/orders:1")
                        .healthCheck(h -> h.command("CMD-SHELL", "true").interval(10)).build()));
        api.registerTaskDefinition(r -> r.family("couriers").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("food/couriers:1").build()));
        ec2Family(api, "kitchen", "food/kitchen:1", 512, 1024, -1);
        advance(ecs, Duration.ofSeconds(60));
        api.createService(r -> r.cluster("food-delivery").serviceName("orders").taskDefinition("orders")
                .desiredCount(4).launchType(LaunchType.FARGATE).networkConfiguration(NETWORK));
        api.createService(r -> r.cluster("food-delivery").serviceName("couriers").taskDefinition("couriers")
                .desiredCount(3).networkConfiguration(NETWORK).capacityProviderStrategy(
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(1).build()));
        api.createService(r -> r.cluster("food-delivery").serviceName("kitchen").taskDefinition("kitchen")
                .desiredCount(6).launchType(LaunchType.EC2));
        advance(ecs, minutes(3));

        ChaosMonkey.builder(ecs).cluster("food-delivery").faultsPerHour(40).maxFaultDuration(minutes(8)).build()
                .run(Duration.ofHours(1));
        advance(ecs, minutes(10));
        return ecs;
    }
}
