package dev.fakeecs.dsl.internal.apply;

import dev.fakeecs.dsl.cluster.DaemonSpec;
import dev.fakeecs.dsl.cluster.ManagedInstancesProviderSpec;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.cluster.AutoScalingGroupSpec;
import dev.fakeecs.dsl.cluster.ClusterSpec;
import dev.fakeecs.dsl.cluster.HostGroup;
import dev.fakeecs.dsl.cluster.StrategyItem;
import dev.fakeecs.region.Region;
import dev.fakeecs.spi.AutoScalingGroupConfig;
import dev.fakeecs.spi.EngineSetup;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates or updates one cluster: first its Auto Scaling groups and their capacity providers, then
 * the cluster (CreateCluster, or UpdateClusterSettings / PutClusterCapacityProviders when it
 * exists), Spot draining, and the EC2 hosts still missing from the declared host groups.
 *
 * <pre>{@code
 * new ClusterApplier(ecs, "us-east-1").apply(clusterSpec);
 * }</pre>
 */
public final class ClusterApplier {

    private final Region region;
    private final EngineSetup setup;
    private final String accountId;

    /** Applies clusters to {@code region} of {@code ecs} (IllegalArgumentException if the world lacks it). */
    public ClusterApplier(FakeEcs ecs, String region) {
        this.region = ecs.region(region);
        this.setup = EngineSetup.of(ecs);
        this.accountId = ecs.accountId();
    }

    public void apply(ClusterSpec spec) {
        for (AutoScalingGroupSpec asg : spec.autoScalingGroups()) {
            applyGroup(spec.name(), asg);
        }
        Cluster existing = setup.cluster(region.name(), spec.name()).orElse(null);
        if (existing == null || !"ACTIVE".equals(existing.status())) {
            region.api().createCluster(spec.toRequest());
        } else {
            update(spec);
        }
        applyManagedInstances(spec);
        if (spec.spotDraining() != null) {
            setup.spotInstanceDraining(region.name(), spec.name(), spec.spotDraining());
        }
        launchMissingHosts(spec);
    }

    private void applyGroup(String cluster, AutoScalingGroupSpec spec) {
        String groupArn = setup.putAutoScalingGroup(region.name(), new AutoScalingGroupConfig(spec.name(),
                spec.instanceType(), spec.min(), spec.max(), spec.desired(), spec.zones(), spec.spot(), cluster));
        boolean providerExists = setup.capacityProvider(region.name(), spec.name())
                .filter(cp -> "ACTIVE".equals(cp.statusAsString())).isPresent();
        if (!providerExists) {
            region.api().createCapacityProvider(spec.toRequest(groupArn));
        }
    }

    /** Managed Instances providers (after the cluster), the full provider list and strategy, then the daemons. */
    private void applyManagedInstances(ClusterSpec spec) {
        if (spec.managedInstancesProviders().isEmpty()) {
            return;
        }
        for (ManagedInstancesProviderSpec mi : spec.managedInstancesProviders()) {
            boolean exists = setup.capacityProvider(region.name(), mi.name())
                    .filter(cp -> !"INACTIVE".equals(cp.statusAsString())).isPresent();
            if (!exists) {
                region.api().createCapacityProvider(mi.toRequest(spec.name(), accountId));
            }
        }
        update(spec);
        for (DaemonSpec daemon : spec.daemons()) {
            String daemonArn = "arn:aws:ecs:" + region.name() + ":" + accountId + ":daemon/" + spec.name() + "/"
                    + daemon.name();
            boolean exists = region.api().listDaemons(r -> r.clusterArn(spec.name())).daemonSummariesList().stream()
                    .anyMatch(d -> d.daemonArn().equals(daemonArn));
            if (exists) {
                continue;
            }
            String td = region.api().registerDaemonTaskDefinition(daemon.toTaskDefinitionRequest())
                    .daemonTaskDefinitionArn();
            List<String> providers = daemon.capacityProviders().stream()
                    .map(p -> setup.capacityProvider(region.name(), p).orElseThrow().capacityProviderArn()).toList();
            region.api().createDaemon(r -> r.daemonName(daemon.name()).clusterArn(spec.name())
                    .daemonTaskDefinitionArn(td).capacityProviderArns(providers));
        }
    }

    private void update(ClusterSpec spec) {
        if (spec.containerInsights() != null) {
            region.api().updateClusterSettings(UpdateClusterSettingsRequest.builder().cluster(spec.name())
                    .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS)
                            .value(spec.containerInsights()).build())
                    .build());
        }
        List<CapacityProviderStrategyItem> strategy = spec.defaultStrategy().stream().map(StrategyItem::toSdk)
                .toList();
        List<String> providers = spec.capacityProviders();
        Cluster existing = setup.cluster(region.name(), spec.name()).orElseThrow();
        boolean same = Objects.equals(existing.capacityProviders(), providers)
                && Objects.equals(existing.defaultCapacityProviderStrategy(), strategy);
        if (!same) {
            region.api().putClusterCapacityProviders(PutClusterCapacityProvidersRequest.builder()
                    .cluster(spec.name()).capacityProviders(providers).defaultCapacityProviderStrategy(strategy)
                    .build());
        }
    }

    private void launchMissingHosts(ClusterSpec spec) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (HostGroup group : spec.hostGroups()) {
            for (String zone : group.placements(region.availabilityZones())) {
                wanted.merge(key(group.instanceType(), zone, group.capacityProvider()), 1, Integer::sum);
            }
        }
        setup.locked(() -> {
            Map<String, Integer> have = new LinkedHashMap<>();
            for (ContainerInstance ci : setup.containerInstances(region.name(), spec.name())) {
                have.merge(key(attribute(ci, "ecs.instance-type"), attribute(ci, "ecs.availability-zone"),
                        ci.capacityProviderName()), 1, Integer::sum);
            }
            wanted.forEach((key, count) -> {
                String[] parts = key.split("\\|", -1);
                String provider = parts[2].isEmpty() ? null : parts[2];
                for (int i = have.getOrDefault(key, 0); i < count; i++) {
                    setup.launchHost(region.name(), spec.name(), parts[0], parts[1], provider);
                }
            });
            return null;
        });
    }

    /** A built-in attribute of a host (the agent's {@code ecs.*} attributes cannot be overwritten). */
    private static String attribute(ContainerInstance ci, String name) {
        return ci.attributes().stream().filter(a -> name.equals(a.name())).map(Attribute::value).findFirst()
                .orElse(null);
    }

    private static String key(String type, String zone, String provider) {
        return type + "|" + zone + "|" + (provider == null ? "" : provider);
    }
}
