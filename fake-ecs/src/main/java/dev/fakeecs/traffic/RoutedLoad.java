package dev.fakeecs.traffic;

import dev.fakeecs.autoscaling.LoadModel;
import dev.fakeecs.dns.Endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Where a {@link TrafficModel}'s requests went, second by second, as the load of each endpoint's service: an
 * endpoint gets the profile's requests per second at the instants the resolver sent traffic to it, and none
 * otherwise. Routing changes are kept for {@link #HISTORY} (CloudWatch and the load balancers read the last
 * minute); instants not yet sent are routed as the latest second, instants before the first one get nothing.
 *
 * <pre>{@code
 * RoutedLoad routing = new RoutedLoad(profile);
 * routing.sent(now, east);
 * LoadModel eastLoad = routing.loadOf(east);   // profile at instants routed to east, else 0
 * }</pre>
 */
final class RoutedLoad {

    /** How far back routing is remembered. */
    static final Duration HISTORY = Duration.ofHours(1);

    private final LoadProfile profile;
    private final NavigableMap<Instant, Endpoint> changes = new TreeMap<>();
    private boolean stopped;
    private Instant stoppedAt;

    RoutedLoad(LoadProfile profile) {
        this.profile = profile;
    }

    /** The second starting at {@code at} went to {@code target}. */
    void sent(Instant at, Endpoint target) {
        Map.Entry<Instant, Endpoint> last = changes.lastEntry();
        if (last == null || !last.getValue().equals(target)) {
            changes.put(at, target);
        }
        Instant horizon = at.minus(HISTORY);
        while (changes.size() > 1 && !changes.higherKey(changes.firstKey()).isAfter(horizon)) {
            changes.pollFirstEntry();
        }
    }

    /** No more traffic from {@code at} on. */
    void stop(Instant at) {
        stopped = true;
        stoppedAt = at;
    }

    /** The load {@code endpoint}'s service gets from this traffic. */
    LoadModel loadOf(Endpoint endpoint) {
        return at -> {
            if (stopped && !at.isBefore(stoppedAt)) {
                return 0;
            }
            Map.Entry<Instant, Endpoint> routed = changes.floorEntry(at);
            return routed != null && routed.getValue().equals(endpoint) ? profile.requestsPerSecond(at) : 0;
        };
    }
}
