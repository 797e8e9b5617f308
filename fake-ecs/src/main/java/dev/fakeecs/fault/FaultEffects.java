package dev.fakeecs.fault;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The world-wide effects of running faults that others read outside the engine lock: which regions are
 * unreachable (a region outage) and which API calls are slowed in wall time (API latency). The fault
 * injector answers its queries from here; the faults switch their effects on and off.
 *
 * <pre>{@code
 * effects.regionDown("us-east-1", true);
 * effects.regionReachable("us-east-1");              // false
 * effects.wallLatencyFor("us-east-1", "RunTask");    // the sum of the matching latency faults
 * }</pre>
 */
final class FaultEffects {

    private final Set<String> downRegions = ConcurrentHashMap.newKeySet();
    private final List<ApiLatencyFault> latencies = new CopyOnWriteArrayList<>();

    void regionDown(String region, boolean down) {
        if (down) {
            downRegions.add(region);
        } else {
            downRegions.remove(region);
        }
    }

    void latency(ApiLatencyFault fault, boolean active) {
        if (active) {
            latencies.add(fault);
        } else {
            latencies.remove(fault);
        }
    }

    /** Whether no region outage is running in {@code region}. */
    public boolean regionReachable(String region) {
        return !downRegions.contains(region);
    }

    /** The wall-clock latency the running API latency faults add to one call. */
    public Duration wallLatencyFor(String region, String operation) {
        Duration total = Duration.ZERO;
        for (ApiLatencyFault f : latencies) {
            if (f.matches(region, operation)) {
                total = total.plus(f.latency());
            }
        }
        return total;
    }
}
