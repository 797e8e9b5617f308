package dev.fakeecs.junit.internal;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.VirtualClock;
import dev.fakeecs.events.EcsEvents;
import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.journal.Journal;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.server.FakeEcsServer;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.util.Map;
import java.util.Set;

/**
 * What each injectable type resolves to in a world, for parameters ({@link ParameterInjector}) and
 * fields ({@link FieldInjector}) alike.
 */
final class InjectableValues {

    /** The types the extension resolves. */
    static final Set<Class<?>> SUPPORTED = Set.of(FakeEcs.class, VirtualClock.class, EcsClusterHandle.class,
            EcsClient.class, EcsAsyncClient.class, ElasticLoadBalancingV2Client.class, CloudWatchClient.class,
            FaultInjector.class, Journal.class, EcsEvents.class, FakeEcsServer.class);

    private InjectableValues() {
    }

    static boolean supports(Class<?> type) {
        return SUPPORTED.contains(type);
    }

    /**
     * The value of a supported type.
     *
     * @param clusterName the {@code @ClusterName} on the target, or null
     * @param target      the parameter or field, for messages ("Parameter [FakeEcs ecs] of method T.test()")
     */
    static Object value(Class<?> type, String clusterName, WorldResource world, String target) {
        FakeEcs ecs = world.ecs();
        if (type == FakeEcs.class) {
            return ecs;
        }
        if (type == VirtualClock.class) {
            return ecs.clock();
        }
        if (type == Journal.class) {
            return ecs.journal();
        }
        if (type == EcsEvents.class) {
            return ecs.events();
        }
        if (type == FaultInjector.class) {
            return FaultInjector.of(ecs);
        }
        if (type == FakeEcsServer.class) {
            if (!world.declaration().server()) {
                throw Misconfiguration.serverNotStarted(target);
            }
            return world.ensureServer();
        }
        String region = clusterName == null && world.clusters().isEmpty() ? ecs.defaultRegion().name()
                : type == EcsClusterHandle.class || clusterName != null ? cluster(world, clusterName, target).region()
                : ecs.defaultRegion().name();
        if (type == EcsClusterHandle.class) {
            return cluster(world, clusterName, target);
        }
        if (type == EcsClient.class) {
            return world.client(region);
        }
        if (type == ElasticLoadBalancingV2Client.class) {
            return world.loadBalancingClient(region);
        }
        if (type == CloudWatchClient.class) {
            return world.cloudWatchClient(region);
        }
        if (type == EcsAsyncClient.class) {
            return world.asyncClient(region);
        }
        throw new ParameterResolutionException(target + " has an unsupported type");
    }

    private static EcsClusterHandle cluster(WorldResource world, String name, String target) {
        Map<String, EcsClusterHandle> clusters = world.clusters();
        if (name != null) {
            EcsClusterHandle h = clusters.get(name);
            if (h == null) {
                throw Misconfiguration.unknownCluster(target, name, clusters.keySet());
            }
            return h;
        }
        if (clusters.isEmpty()) {
            throw Misconfiguration.noCluster(target);
        }
        if (clusters.size() > 1) {
            throw Misconfiguration.ambiguousCluster(target, clusters.keySet());
        }
        return clusters.values().iterator().next();
    }
}
