package dev.fakeecs.dsl.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Simulated EC2 hosts that register with a cluster when the world starts: {@code count} hosts of
 * {@code instanceType}, either spread round-robin over {@code zones} ({@code perZone == false}:
 * {@code count} in total) or {@code count} in each zone ({@code perZone == true}). No zones means
 * every zone of the region.
 *
 * <pre>{@code
 * new HostGroup("g4dn.xlarge", 3, List.of("us-east-1a", "us-east-1b"), false)
 *     .placements(List.of("us-east-1a", "us-east-1b", "us-east-1c"));   // [us-east-1a, us-east-1b, us-east-1a]
 * }</pre>
 *
 * @param capacityProvider the Auto Scaling group capacity provider the hosts belong to, or null
 */
public record HostGroup(String instanceType, int count, List<String> zones, boolean perZone,
                        String capacityProvider) {

    public HostGroup {
        zones = List.copyOf(zones);
    }

    public HostGroup(String instanceType, int count, List<String> zones, boolean perZone) {
        this(instanceType, count, zones, perZone, null);
    }

    /** The zone of each host to launch, in launch order, given the region's zones. */
    public List<String> placements(List<String> regionZones) {
        List<String> over = zones.isEmpty() ? regionZones : zones;
        List<String> result = new ArrayList<>();
        if (perZone) {
            for (String zone : over) {
                for (int i = 0; i < count; i++) {
                    result.add(zone);
                }
            }
        } else {
            for (int i = 0; i < count; i++) {
                result.add(over.get(i % over.size()));
            }
        }
        return result;
    }
}
