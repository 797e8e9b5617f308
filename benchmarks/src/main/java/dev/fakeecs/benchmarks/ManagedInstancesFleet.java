package dev.fakeecs.benchmarks;

import dev.fakeecs.FakeEcs;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time and retained heap of an ECS Managed Instances cluster brought to steady state (issue 16's benchmark):
 * one Managed Instances provider limited to 2 vCPU / 8 GiB instances over three zones, three Managed Daemons (128 CPU
 * units and 256 MiB each) on it, and 100 services of 100 host-mode tasks (166 CPU units, 512 MiB: ten per instance
 * beside the daemons), i.e. 10,000 tasks on about 1,000 instances each running 3 daemon tasks. The clock moves 30 s at
 * a time until every service runs its desired count and every instance runs its daemons. Today's AWS quotas (no
 * tasks-per-cluster limit: 13,000 tasks with the daemons'). Prints wall and process CPU
 * time, the instances launched, tasks running, journal entries and the heap retained after a GC.
 * Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.fakeecs.benchmarks.ManagedInstancesFleet [SERVICES]}.
 */
public final class ManagedInstancesFleet {

    private static final String[] SUBNETS = {"subnet-us-east-1a", "subnet-us-east-1b", "subnet-us-east-1c"};

    private ManagedInstancesFleet() {
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int tasksPerService = 100;
        long before = Measure.usedAfterGc();
        long start = System.nanoTime(); // wall time of the benchmark itself, outside the engine
        try (FakeEcs ecs = FakeEcs.builder().seed(1000).quotas(dev.fakeecs.quota.Quotas.aws2026()).build()) {
            EcsClient api = ecs.newClient();
            api.createCluster(r -> r.clusterName("prod"));
            String provider = api.createCapacityProvider(r -> r.name("mi").cluster("prod").managedInstancesProvider(p -> p
                    .infrastructureRoleArn("arn:aws:iam::123456789012:role/ecsInfrastructureRole")
                    .instanceLaunchTemplate(t -> t.ec2InstanceProfileArn(
                                    "arn:aws:iam::123456789012:instance-profile/ecsInstanceRole")
                            .networkConfiguration(n -> n.subnets(SUBNETS))
                            .instanceRequirements(q -> q.vCpuCount(v -> v.min(2).max(2))
                                    .memoryMiB(m -> m.min(8192).max(8192))))))
                    .capacityProvider().capacityProviderArn();
            api.putClusterCapacityProviders(r -> r.cluster("prod").capacityProviders("mi")
                    .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("mi")
                            .weight(1).build()));
            ecs.clock().advance(Duration.ofSeconds(30));
            for (String daemon : List.of("log-router", "metrics-agent", "security-agent")) {
                String td = api.registerDaemonTaskDefinition(r -> r.family(daemon).cpu("128").memory("256")
                        .containerDefinitions(c -> c.name(daemon).image("acme/" + daemon + ":1")))
                        .daemonTaskDefinitionArn();
                api.createDaemon(r -> r.daemonName(daemon).clusterArn("prod").daemonTaskDefinitionArn(td)
                        .capacityProviderArns(provider));
            }
            String td = api.registerTaskDefinition(r -> r.family("app").networkMode(NetworkMode.HOST)
                    .requiresCompatibilities(Compatibility.MANAGED_INSTANCES).cpu("166").memory("512")
                    .containerDefinitions(c -> c.name("app").image("acme/app:1").essential(true)))
                    .taskDefinition().taskDefinitionArn();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < services; i++) {
                String name = "svc-" + i;
                names.add(name);
                api.createService(r -> r.cluster("prod").serviceName(name).taskDefinition(td)
                        .desiredCount(tasksPerService).capacityProviderStrategy(CapacityProviderStrategyItem.builder()
                                .capacityProvider("mi").weight(1).build()));
            }
            long built = System.nanoTime();
            System.out.printf("build: %d services of %d tasks, 3 daemons, wall=%d ms%n", services, tasksPerService,
                    (built - start) / 1_000_000);
            Duration virtual = Duration.ZERO;
            int running = 0;
            while (virtual.compareTo(Duration.ofHours(6)) < 0) {
                ecs.clock().advance(Duration.ofSeconds(30));
                virtual = virtual.plusSeconds(30);
                if (virtual.toSeconds() % 300 == 0) {
                    running = running(api, names);
                    if (running == services * tasksPerService) {
                        break;
                    }
                }
            }
            long steady = System.nanoTime();
            int instances = api.listContainerInstances(r -> r.cluster("prod").maxResults(100)).containerInstanceArns()
                    .size();
            int allInstances = 0;
            String token = null;
            do {
                String page = token;
                var r = api.listContainerInstances(b -> b.cluster("prod").maxResults(100).nextToken(page));
                allInstances += r.containerInstanceArns().size();
                token = r.nextToken();
            } while (token != null);
            long after = Measure.usedAfterGc();
            System.out.printf("steady: %d of %d tasks RUNNING after %d min virtual on %d instances, wall=%d ms%n",
                    running, services * tasksPerService, virtual.toMinutes(), Math.max(instances, allInstances),
                    (steady - built) / 1_000_000);
            System.out.printf("total wall=%d ms processCpu=%d ms retainedHeap=%.1f MiB journalEntries=%d%n",
                    (System.nanoTime() - start) / 1_000_000, Measure.processCpuMillis(), (after - before) / 1048576.0,
                    ecs.journal().size());
        }
    }

    private static int running(EcsClient api, List<String> names) {
        int running = 0;
        for (int i = 0; i < names.size(); i += 10) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + 10));
            for (Service s : api.describeServices(r -> r.cluster("prod").services(batch)).services()) {
                running += s.runningCount();
            }
        }
        return running;
    }
}
