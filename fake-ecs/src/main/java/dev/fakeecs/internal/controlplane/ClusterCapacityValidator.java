package dev.fakeecs.internal.controlplane;

import dev.fakeecs.internal.capacity.CapacityProviders;
import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;

import java.util.LinkedHashSet;
import java.util.List;

/** The rules for a cluster's capacity providers and default strategy (CreateCluster, PutClusterCapacityProviders). */
final class ClusterCapacityValidator {

    private ClusterCapacityValidator() {
    }

    static void validate(RegionContext region, CapacityProviders capacityProviders, List<String> providers, List<CapacityProviderStrategyItem> strategy) {
        int max = region.engine().quotas().capacityProvidersPerCluster();
        if (providers.size() > max) {
            throw EcsErrors.limitExceeded("capacityProviders: a cluster can have at most " + max
                    + " capacity providers.");
        }
        if (new LinkedHashSet<>(providers).size() != providers.size()) {
            throw EcsErrors.invalidParameter("capacityProviders: the list contains duplicates.");
        }
        for (String name : providers) {
            if (!capacityProviders.isUsable(name)) {
                throw EcsErrors.invalidParameter("The specified capacity provider '" + name + "' does not exist.");
            }
        }
        for (CapacityProviderStrategyItem item : strategy) {
            if (!providers.contains(item.capacityProvider())) {
                throw EcsErrors.invalidParameter("The specified capacity provider strategy cannot contain a "
                        + "capacity provider that is not associated with the cluster. Associate the capacity "
                        + "provider with the cluster or specify a valid capacity provider and try again.");
            }
        }
        capacityProviders.validateStrategy(strategy);
    }
}
