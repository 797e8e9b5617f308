package dev.fakeecs.internal.managedinstances;

import java.util.ArrayList;
import java.util.List;

/**
 * The availability zones of a Managed Instances provider's subnets, by the fake's subnet rule (there is no
 * VPC model): a subnet id ending with a zone name of the region ({@code subnet-us-east-1b}) is in that zone;
 * every other subnet takes, in request order, the first zone of the region no earlier subnet took (wrapping
 * round when there are more such subnets than zones). Zones come back in the region's order, once each.
 *
 * <pre>{@code
 * ProviderZones.of(List.of("subnet-a", "subnet-us-east-1c"), List.of("us-east-1a", "us-east-1b", "us-east-1c"));
 * // [us-east-1a, us-east-1c]
 * }</pre>
 */
final class ProviderZones {

    private ProviderZones() {
    }

    static List<String> of(List<String> subnets, List<String> regionZones) {
        List<String> taken = new ArrayList<>();
        List<String> unpinned = new ArrayList<>();
        for (String subnet : subnets) {
            String pinned = null;
            for (String zone : regionZones) {
                if (subnet.endsWith(zone)) {
                    pinned = zone;
                }
            }
            if (pinned == null) {
                unpinned.add(subnet);
            } else if (!taken.contains(pinned)) {
                taken.add(pinned);
            }
        }
        int next = 0;
        for (int i = 0; i < unpinned.size(); i++) {
            String free = null;
            for (String zone : regionZones) {
                if (!taken.contains(zone)) {
                    free = zone;
                    break;
                }
            }
            if (free == null) {
                free = regionZones.get(next++ % regionZones.size());
            }
            if (!taken.contains(free)) {
                taken.add(free);
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String zone : regionZones) {
            if (taken.contains(zone)) {
                ordered.add(zone);
            }
        }
        return ordered;
    }
}
