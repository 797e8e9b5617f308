package dev.fakeecs.traffic;

import java.time.Duration;
import java.time.Instant;

/**
 * What DNS failover should cost, worked out on paper: when the primary's health check turns
 * unhealthy, when clients follow, and how many requests fail meanwhile, for an outage that
 * starts at an instant and lasts past the failover.
 *
 * <p>The primary's checks run at {@code firstCheck + k x interval}; the first one at or after the
 * outage fails, and the {@code failureThreshold}-th consecutive failure flips the record.
 * Resolvers refresh every TTL from {@code firstLookup}; clients move at the first refresh at or
 * after the flip. Requests are lost for every second from the outage to that refresh.
 *
 * <pre>{@code
 * FailoverPrediction p = FailoverPrediction.of(outageAt, checksFrom, Duration.ofSeconds(10), 3,
 *         trafficFrom, Duration.ofSeconds(10));
 * long lost = p.lostRequests(LoadProfile.constant(1000));
 * }</pre>
 *
 * @param outageStart     when the primary went down
 * @param detectedAt      when its health check turns unhealthy and the record fails over
 * @param clientsSwitchAt when resolvers hand out the secondary
 */
public record FailoverPrediction(Instant outageStart, Instant detectedAt, Instant clientsSwitchAt) {

    public static FailoverPrediction of(Instant outageStart, Instant firstCheck, Duration interval,
                                        int failureThreshold, Instant firstLookup, Duration ttl) {
        Instant firstFailing = firstAtOrAfter(firstCheck, interval, outageStart);
        Instant detected = firstFailing.plus(interval.multipliedBy(failureThreshold - 1L));
        Instant switched = firstAtOrAfter(firstLookup, ttl, detected);
        return new FailoverPrediction(outageStart, detected, switched);
    }

    /** How long clients are sent to the dead primary. */
    public Duration outageWindow() {
        return Duration.between(outageStart, clientsSwitchAt);
    }

    /** The requests the load profile sends during the outage window (one second at a time). */
    public long lostRequests(LoadProfile profile) {
        long lost = 0;
        for (Instant t = outageStart; t.isBefore(clientsSwitchAt); t = t.plusSeconds(1)) {
            lost += profile.requestsPerSecond(t);
        }
        return lost;
    }

    private static Instant firstAtOrAfter(Instant origin, Duration step, Instant target) {
        if (!target.isAfter(origin)) {
            return origin;
        }
        long steps = (Duration.between(origin, target).toMillis() + step.toMillis() - 1) / step.toMillis();
        return origin.plus(step.multipliedBy(steps));
    }
}
