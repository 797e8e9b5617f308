package dev.fakeecs.traffic;

import dev.fakeecs.dns.Endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a traffic run saw: requests served and failed, the outage windows, and how long traffic
 * took to reach another endpoint after the first failure (time to failover).
 *
 * <pre>{@code
 * AvailabilityReport r = traffic.report();
 * assertThat(r.availability()).isGreaterThanOrEqualTo(0.995);
 * assertThat(r.timeToFailover()).isLessThanOrEqualTo(Duration.ofSeconds(90));
 * }</pre>
 *
 * @param served         requests served
 * @param failed         requests failed
 * @param outages        the outage windows, in order
 * @param servedBy       requests served per endpoint
 * @param timeToFailover from the start of the first outage until requests were first served by a
 *                       different endpoint than before it, or null if that never happened
 */
public record AvailabilityReport(long served, long failed, List<Outage> outages, Map<Endpoint, Long> servedBy,
                                 Duration timeToFailover) {

    public long total() {
        return served + failed;
    }

    /** Served / total (1.0 when nothing was sent). */
    public double availability() {
        return total() == 0 ? 1.0 : (double) served / total();
    }

    /** The longest outage, or zero. */
    public Duration longestOutage() {
        Duration longest = Duration.ZERO;
        for (Outage o : outages) {
            if (o.duration() != null && o.duration().compareTo(longest) > 0) {
                longest = o.duration();
            }
        }
        return longest;
    }

    @Override
    public String toString() {
        return String.format("served %d, failed %d (%.4f %%), outages %s, time to failover %s", served, failed,
                availability() * 100, outages, timeToFailover);
    }
}
