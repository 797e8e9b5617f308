package dev.fakeecs.internal.task;

/**
 * A say in where tasks may start, used by faults: an AZ outage closes a zone, a Spot capacity
 * shortage closes a capacity provider.
 *
 * <pre>{@code
 * PlacementGate outage = new PlacementGate() {
 *     public boolean zoneUsable(String zone) { return !zone.equals("us-east-1a"); }
 * };
 * tasks.addGate(outage);
 * }</pre>
 */
public interface PlacementGate {

    /** Whether new tasks may start in {@code zone}. */
    default boolean zoneUsable(String zone) {
        return true;
    }

    /** Whether {@code capacityProvider} (e.g. FARGATE_SPOT) has capacity in {@code zone} now. */
    default boolean hasCapacity(String capacityProvider, String zone) {
        return true;
    }
}
