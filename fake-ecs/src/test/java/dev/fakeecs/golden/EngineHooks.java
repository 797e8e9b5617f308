package dev.fakeecs.golden;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.spi.EngineSetup;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.autoscaling.TargetTrackingPolicy;
import dev.fakeecs.internal.region.RegionEngine;

import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The only calls of {@link GoldenJournalsTest} that reach below the stable entry points
 * ({@code FakeEcs.builder()}, {@code ecs.api()}, {@code ecs.declareImage}, {@code ecs.clock()},
 * {@code FaultInjector.of(ecs)}, ...): things ECS's own API cannot do — Auto Scaling groups, the
 * agent's Spot draining setting, Application Auto Scaling. They are made exactly as the engine's
 * own tests make them.
 *
 * <p>When a refactor moves or renames these engine classes, change the bodies here (same calls,
 * same order) and nothing else: the signatures use only JDK types so the scenarios stay untouched,
 * and the golden journals must still match.
 */
final class EngineHooks {

    private EngineHooks() {
    }

    private static RegionEngine state(FakeEcs ecs, String region) {
        return RegionEngine.of(ecs.region(region));
    }

    /**
     * Creates an EC2 Auto Scaling group (launching its desired hosts) whose hosts register with
     * {@code cluster} (null: hosts that register nowhere until a capacity provider takes the group);
     * answers the group's ARN.
     */
    static String autoScalingGroup(FakeEcs ecs, String region, String name, String instanceType, int min, int max,
                                   int desired, List<String> zones, boolean spot, String cluster) {
        var group = state(ecs, region).capacityProviders().autoScalingGroups()
                .createGroup(name, instanceType, min, max, desired, zones, spot);
        if (cluster != null) {
            group.clusterName(cluster);
        }
        return group.arn();
    }

    /** The agent's {@code ECS_ENABLE_SPOT_INSTANCE_DRAINING=true} on every host of the cluster. */
    static void spotInstanceDraining(FakeEcs ecs, String region, String cluster) {
        state(ecs, region).clusters().find(cluster).spotInstanceDraining(true);
    }

    /**
     * Application Auto Scaling for a service: a scalable target of {@code min..max} tasks, a
     * target-tracking policy on average CPU, and (when {@code requestsPerSecond} is not null) a
     * load model driving that CPU, one task serving {@code requestsPerTaskAtFullCpu} at 100 %.
     */
    static void cpuTargetTracking(FakeEcs ecs, String region, String cluster, String service, int min, int max,
                                  double targetCpuPercent, ToDoubleFunction<Instant> requestsPerSecond,
                                  double requestsPerTaskAtFullCpu) {
        EngineSetup setup = EngineSetup.of(ecs);
        setup.registerScalableTarget(region, cluster, service, min, max,
                java.util.List.of(TargetTrackingPolicy.cpu(targetCpuPercent)));
        if (requestsPerSecond != null) {
            setup.setServiceLoad(region, cluster, service, new ServiceLoad(requestsPerSecond::applyAsDouble,
                    requestsPerTaskAtFullCpu));
        }
    }
}
