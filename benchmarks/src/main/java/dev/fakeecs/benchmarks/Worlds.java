package dev.fakeecs.benchmarks;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.quota.Quotas;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
import java.util.List;

/** Worlds the benchmarks build: a large EC2 cluster, and services on it. */
final class Worlds {

    private Worlds() {
    }

    /** A cluster "big" with {@code instances} m5.xlarge hosts spread over three zones, and a small family "app". */
    static FakeEcs bigCluster(int instances) {
        FakeEcs ecs = FakeEcs.builder().seed(1).quotas(Quotas.aws2026()).build();
        ecs.api().createCluster(r -> r.clusterName("big"));
        List<String> zones = ecs.defaultRegion().availabilityZones();
        var hosts = RegionEngine.of(ecs.defaultRegion());
        hosts.read(() -> {
            for (int i = 0; i < instances; i++) {
                hosts.containerInstances().launchHost("big", "m5.xlarge", zones.get(i % zones.size()), null);
            }
            return null;
        });
        ecs.api().registerTaskDefinition(r -> r.family("app").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/app:1").cpu(256)
                        .memory(512).build()));
        return ecs;
    }

    /** Creates {@code services} EC2 services of {@code tasksEach} tasks and runs the world until all are steady. */
    static long servicesToSteadyState(FakeEcs ecs, int services, int tasksEach) {
        for (int i = 0; i < services; i++) {
            String name = "svc-" + i;
            ecs.api().createService(r -> r.cluster("big").serviceName(name).taskDefinition("app")
                    .desiredCount(tasksEach).launchType(LaunchType.EC2));
        }
        var state = RegionEngine.of(ecs.defaultRegion());
        ecs.clock().advance(Duration.ofMinutes(5));
        for (var s : state.services().inCluster("big")) {
            if (!s.primary().isCompleted() || state.services().tasksOf(s).size() != tasksEach) {
                throw new IllegalStateException(s.name() + " is not steady after 5 virtual minutes");
            }
        }
        return state.tasks().activeInCluster("big").size();
    }
}
