package dev.fakeecs.internal.elbv2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Availability Zone a load balancer's subnet is in. The fake has no VPC model; the rule (the same one
 * ECS uses for Fargate tasks, extended): a subnet id ending with a zone name of the region
 * ({@code subnet-us-east-1b}) is in that zone; every other subnet id of the request takes, in request order,
 * the first zone of the region that no earlier subnet of the request took (so two such subnets span two
 * zones); with more such subnets than free zones the extra ones are refused ({@code InvalidConfigurationRequest}).
 *
 * <pre>{@code
 * Map<String, String> zones = SubnetZones.zones(List.of("subnet-a", "subnet-b"), List.of("us-east-1a", "us-east-1b"));
 * // {us-east-1a=subnet-a, us-east-1b=subnet-b}
 * }</pre>
 */
final class SubnetZones {

    private SubnetZones() {
    }

    /** Zone → subnet for the subnets of one request, in the region's zone order. */
    static Map<String, String> zones(List<String> subnets, List<String> regionZones) {
        Map<String, String> byZone = new LinkedHashMap<>();
        List<String> unpinned = new ArrayList<>();
        for (String subnet : subnets) {
            if (subnet == null || subnet.isBlank()) {
                throw ElbErrors.of("SubnetNotFound", "The specified subnet does not exist.");
            }
            String zone = pinnedZone(subnet, regionZones);
            if (zone == null) {
                unpinned.add(subnet);
            } else {
                put(byZone, zone, subnet);
            }
        }
        for (String subnet : unpinned) {
            String free = regionZones.stream().filter(z -> !byZone.containsKey(z)).findFirst().orElse(null);
            if (free == null) {
                throw ElbErrors.invalidConfiguration(
                        "You cannot specify multiple subnets in the same Availability Zone");
            }
            byZone.put(free, subnet);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String zone : regionZones) {
            if (byZone.containsKey(zone)) {
                ordered.put(zone, byZone.get(zone));
            }
        }
        return ordered;
    }

    /**
     * Whether any subnet of a load balancer is unpinned (its id names no zone of the region). ECS lets a Fargate
     * task of an unpinned subnet run in any zone, so such a load balancer serves targets in every zone: without a
     * VPC model, the zone the load balancer shows for that subnet is only a label.
     */
    static boolean anyUnpinned(Map<String, String> zoneToSubnet, List<String> regionZones) {
        for (String subnet : zoneToSubnet.values()) {
            if (pinnedZone(subnet, regionZones) == null) {
                return true;
            }
        }
        return false;
    }

    private static void put(Map<String, String> byZone, String zone, String subnet) {
        if (byZone.containsKey(zone) && !byZone.get(zone).equals(subnet)) {
            throw ElbErrors.invalidConfiguration("You cannot specify multiple subnets in the same Availability Zone");
        }
        byZone.put(zone, subnet);
    }

    private static String pinnedZone(String subnet, List<String> regionZones) {
        String match = null;
        for (String zone : regionZones) {
            if (subnet.endsWith(zone) && (match == null || zone.length() > match.length())) {
                match = zone;
            }
        }
        return match;
    }
}
