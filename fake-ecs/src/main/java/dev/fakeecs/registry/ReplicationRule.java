package dev.fakeecs.registry;

import java.time.Duration;

/**
 * Cross-region replication from one registry to another: every image pushed to the source after
 * the rule exists arrives in the destination {@code lag} later (ECR replicates asynchronously,
 * "most within 30 minutes", no SLA; only pushes after configuration; no chaining, no deletes).
 *
 * @param sourceRegion      where images are pushed
 * @param destinationRegion where they are copied to
 * @param lag               how long each copy takes
 */
public record ReplicationRule(String sourceRegion, String destinationRegion, Duration lag) {

    public ReplicationRule {
        if (sourceRegion.equals(destinationRegion)) {
            throw new IllegalArgumentException("a replication rule needs two different regions: " + sourceRegion);
        }
        if (lag.isNegative()) {
            throw new IllegalArgumentException("replication lag must not be negative: " + lag);
        }
    }
}
