package dev.fakeecs.internal.task;

import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where a Fargate task lands: Fargate ignores placement strategies and spreads a group's tasks
 * across the availability zones of the task's subnets.
 *
 * <p>The fake has no VPC model. A subnet whose id ends with an availability zone's name
 * ({@code subnet-us-east-1b}) pins tasks to that zone; any other subnet id allows every zone of
 * the region. Among allowed zones the one with the fewest tasks of the same group wins, ties going
 * to the zone listed first.
 */
public final class FargateZones {

    private FargateZones() {
    }

    /** The zones a Fargate task with this network configuration may run in (see class doc). */
    public static List<String> allowedZones(RegionContext region, NetworkConfiguration network) {
        List<String> zones = region.availabilityZones();
        if (network == null || network.awsvpcConfiguration() == null
                || !network.awsvpcConfiguration().hasSubnets()) {
            return zones;
        }
        List<String> pinned = new ArrayList<>();
        boolean anyUnpinned = false;
        for (String subnet : network.awsvpcConfiguration().subnets()) {
            String match = null;
            for (String zone : zones) {
                if (subnet.endsWith(zone)) {
                    match = zone;
                }
            }
            if (match == null) {
                anyUnpinned = true;
            } else if (!pinned.contains(match)) {
                pinned.add(match);
            }
        }
        return anyUnpinned || pinned.isEmpty() ? zones : pinned;
    }

    /** The zone with the fewest tasks of the group ({@code counts} per zone), among {@code zones} accepted by {@code usable}; or null. */
    static String pick(List<String> zones, java.util.Map<String, Integer> counts, Predicate<String> usable) {
        String best = null;
        int bestCount = Integer.MAX_VALUE;
        for (String zone : zones) {
            if (!usable.test(zone)) {
                continue;
            }
            int count = counts.getOrDefault(zone, 0);
            if (count < bestCount) {
                best = zone;
                bestCount = count;
            }
        }
        return best;
    }
}
