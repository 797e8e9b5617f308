package dev.fakeecs.internal.targets;

import java.time.Duration;
import java.time.Instant;

/**
 * The requests ECS's services offer to a target group: the current load ({@code ServiceLoad}'s load model,
 * multiplier windows included) of the region's ACTIVE services whose {@code loadBalancers} name the target
 * group, summed. Published by ECS to the Elastic Load Balancing v2 simulation of the same region, which turns it
 * into traffic; called under the engine lock.
 *
 * <pre>{@code
 * double perMinute = offered.requests(tgArn, minuteStart, Duration.ofMinutes(1));  // 3600.0 at 60 rps
 * double rps = offered.requestsPerSecond(tgArn, clock.instant());                  // 60.0
 * }</pre>
 */
@FunctionalInterface
public interface OfferedLoad {

    /** A world without ECS services: nothing offers load anywhere. */
    OfferedLoad NONE = (targetGroupArn, from, period) -> 0;

    /**
     * Requests offered to the target group (ARN) during {@code [from, from + period)}: each service's requests per
     * second sampled at every whole second of the period, summed; 0 when no service names the group.
     */
    double requests(String targetGroupArn, Instant from, Duration period);

    /** Requests per second offered to the target group at {@code at} (the one-second sample). */
    default double requestsPerSecond(String targetGroupArn, Instant at) {
        return requests(targetGroupArn, at, Duration.ofSeconds(1));
    }
}
