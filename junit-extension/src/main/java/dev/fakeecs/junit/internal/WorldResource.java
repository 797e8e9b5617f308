package dev.fakeecs.junit.internal;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.WorldSpec;
import dev.fakeecs.dsl.cluster.ClusterSpec;
import dev.fakeecs.junit.handle.Capacity;
import dev.fakeecs.junit.handle.EcsClusterHandle;
import dev.fakeecs.server.FakeEcsServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.ecs.EcsAsyncClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.ecs.model.Cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One world as stored in JUnit's {@code ExtensionContext.Store}: the {@link FakeEcs}, its cluster
 * handles, clients and server. Closing it closes the world (JUnit closes stored {@link AutoCloseable}s
 * from 5.13 on, and {@code CloseableResource}s before; closing twice is harmless).
 */
@SuppressWarnings("deprecation")
public final class WorldResource implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final WorldDeclaration declaration;
    private final FakeEcs ecs;
    private final Map<String, EcsClusterHandle> clusters = new LinkedHashMap<>();
    private final Map<String, EcsClient> clients = new LinkedHashMap<>();
    private final Map<String, EcsAsyncClient> asyncClients = new LinkedHashMap<>();
    private final Map<String, ElasticLoadBalancingV2Client> loadBalancingClients = new LinkedHashMap<>();
    private final Map<String, CloudWatchClient> cloudWatchClients = new LinkedHashMap<>();
    private FakeEcsServer server;
    private boolean closed;

    private WorldResource(WorldDeclaration declaration, FakeEcs ecs) {
        this.declaration = declaration;
        this.ecs = ecs;
        if (declaration.server()) {
            ensureServer();
        }
    }

    /** Builds the declared world. */
    public static WorldResource create(WorldDeclaration d) {
        WorldSpec spec = null;
        if (d.spec() != null) {
            spec = d.spec().get();
        }
        FakeEcs ecs;
        if (spec != null) {
            WorldSpec.Builder b = spec.toBuilder();
            if (d.seed() != null) {
                b.seed(d.seed());
            }
            if (d.start() != null) {
                b.startingAt(d.start());
            }
            d.regions().forEach((name, zones) -> b.region(name, zones.toArray(String[]::new)));
            try {
                ecs = b.start();
            } catch (RuntimeException e) {
                throw Misconfiguration.specInvalid(d.source(), spec.toString(), e);
            }
        } else {
            FakeEcs.Builder b = FakeEcs.builder().seed(d.seed() == null ? 0 : d.seed());
            if (d.start() != null) {
                b.start(d.start());
            }
            d.regions().forEach((name, zones) -> b.region(name, zones.toArray(String[]::new)));
            ecs = b.build();
        }
        try {
            WorldResource resource = new WorldResource(d, ecs);
            resource.declareClusters(spec);
            for (Consumer<FakeEcs> customizer : d.customizers()) {
                customizer.accept(ecs);
            }
            return resource;
        } catch (RuntimeException e) {
            ecs.close();
            throw e;
        }
    }

    private void declareClusters(WorldSpec spec) {
        boolean specClusters = spec != null && !spec.clusters().isEmpty();
        String firstRegion = ecs.defaultRegion().name();
        for (ClusterDeclaration c : declaration.clusters()) {
            String name = c.effectiveName(specClusters);
            if (name == null) {
                continue;
            }
            String region = c.region() == null ? firstRegion : c.region();
            EcsClusterHandle handle = new EcsClusterHandle(ecs, region, name);
            Cluster existing = handle.describe();
            if (existing == null || !"ACTIVE".equals(existing.status())) {
                List<String> providers = new ArrayList<>();
                if (c.capacity().contains(Capacity.FARGATE)) {
                    providers.add("FARGATE");
                }
                if (c.capacity().contains(Capacity.FARGATE_SPOT)) {
                    providers.add("FARGATE_SPOT");
                }
                handle.api().createCluster(r -> r.clusterName(name).capacityProviders(providers));
            }
            if (c.ec2Hosts() > 0) {
                handle.launchHosts(c.ec2InstanceType(), c.ec2Hosts());
            }
            clusters.put(name, handle);
        }
        if (spec != null) {
            for (ClusterSpec c : spec.clusters()) {
                String region = spec.regionOf(c.region());
                clusters.putIfAbsent(c.name(), new EcsClusterHandle(ecs, region, c.name()));
            }
        }
    }

    public WorldDeclaration declaration() {
        return declaration;
    }

    public FakeEcs ecs() {
        return ecs;
    }

    /** The declared clusters by name, in declaration order. */
    public Map<String, EcsClusterHandle> clusters() {
        return clusters;
    }

    /** The loopback server, started on first use. */
    public synchronized FakeEcsServer ensureServer() {
        if (server == null) {
            server = FakeEcsServer.start(ecs);
        }
        return server;
    }


    /** One SDK client per region, made on first use. */
    public synchronized EcsClient client(String region) {
        return clients.computeIfAbsent(region, ecs::newClient);
    }

    /** One Elastic Load Balancing v2 SDK client per region, made on first use. */
    public synchronized ElasticLoadBalancingV2Client loadBalancingClient(String region) {
        return loadBalancingClients.computeIfAbsent(region, ecs::newLoadBalancingClient);
    }

    /** One CloudWatch SDK client per region, made on first use (the world closes it). */
    public synchronized CloudWatchClient cloudWatchClient(String region) {
        return cloudWatchClients.computeIfAbsent(region, ecs::newCloudWatchClient);
    }

    /** One async SDK client per region, made on first use. */
    public synchronized EcsAsyncClient asyncClient(String region) {
        return asyncClients.computeIfAbsent(region, ecs::newAsyncClient);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            ecs.close();
        }
    }
}
