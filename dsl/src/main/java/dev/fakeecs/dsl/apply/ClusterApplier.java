package dev.fakeecs.dsl.apply;

import dev.fakeecs.internal.capacity.AutoScalingGroup;
import dev.fakeecs.internal.cluster.Cluster;
import dev.fakeecs.internal.containerinstance.ContainerInstance;
import dev.fakeecs.dsl.cluster.AutoScalingGroupSpec;
import dev.fakeecs.dsl.cluster.ClusterSpec;
import dev.fakeecs.dsl.cluster.HostGroup;
import dev.fakeecs.dsl.cluster.StrategyItem;
import dev.fakeecs.region.Region;
import dev.fakeecs.internal.region.RegionEngine;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
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
 * new ClusterApplier(ecs.defaultRegion()).apply(clusterSpec);
 * }</pre>
 */
public final class ClusterApplier {

    private final Region region;
    private final RegionEngine state;

    public ClusterApplier(Region region) {
        this.region = region;
        this.state = region.engine();
    }

    public void apply(ClusterSpec spec) {
        for (AutoScalingGroupSpec asg : spec.autoScalingGroups()) {
            applyGroup(spec.name(), asg);
        }
        Cluster existing = state.read(() -> state.clusters().find(spec.name()));
        if (existing == null || !existing.isActive()) {
            region.api().createCluster(spec.toRequest());
        } else {
            update(spec, existing);
        }
        if (spec.spotDraining() != null) {
            state.read(() -> {
                state.clusters().find(spec.name()).spotInstanceDraining(spec.spotDraining());
                return null;
            });
        }
        launchMissingHosts(spec);
    }

    private void applyGroup(String cluster, AutoScalingGroupSpec spec) {
        AutoScalingGroup group = state.read(() -> {
            AutoScalingGroup found = state.capacityProviders().autoScalingGroups().find(spec.name());
            if (found == null) {
                return state.capacityProviders().autoScalingGroups().createGroup(spec.name(), spec.instanceType(),
                        spec.min(), spec.max(), spec.desired(), spec.zones(), spec.spot()).clusterName(cluster);
            }
            found.limits(spec.min(), spec.max());
            found.desired(spec.desired(), "declared");
            return found;
        });
        boolean providerExists = state.read(() -> state.capacityProviders().find(spec.name()) != null
                && state.capacityProviders().isUsable(spec.name()));
        if (!providerExists) {
            region.api().createCapacityProvider(spec.toRequest(group.arn()));
        }
    }

    private void update(ClusterSpec spec, Cluster existing) {
        if (spec.containerInsights() != null) {
            region.api().updateClusterSettings(UpdateClusterSettingsRequest.builder().cluster(spec.name())
                    .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS)
                            .value(spec.containerInsights()).build())
                    .build());
        }
        List<CapacityProviderStrategyItem> strategy = spec.defaultStrategy().stream().map(StrategyItem::toSdk)
                .toList();
        List<String> providers = spec.capacityProviders();
        boolean same = state.read(() -> Objects.equals(existing.capacityProviders(), providers)
                && Objects.equals(existing.defaultStrategy(), strategy));
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
        state.read(() -> {
            Map<String, Integer> have = new LinkedHashMap<>();
            for (ContainerInstance ci : state.containerInstances().inCluster(spec.name())) {
                have.merge(key(ci.instanceType().name(), ci.availabilityZone(), ci.capacityProviderName()), 1,
                        Integer::sum);
            }
            wanted.forEach((key, count) -> {
                String[] parts = key.split("\\|", -1);
                String provider = parts[2].isEmpty() ? null : parts[2];
                for (int i = have.getOrDefault(key, 0); i < count; i++) {
                    state.containerInstances().launchHost(spec.name(), parts[0], parts[1], provider);
                }
            });
            return null;
        });
    }

    private static String key(String type, String zone, String provider) {
        return type + "|" + zone + "|" + (provider == null ? "" : provider);
    }
}
