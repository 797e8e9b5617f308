package dev.fakeecs.autoscaling;

import java.time.Instant;

/**
 * Requests per second sent to a service at a virtual instant: the load that drives a service's
 * CPU utilisation and so its target-tracking auto scaling. Must be a pure function of time.
 *
 * <pre>{@code
 * LoadModel dinner = at -> {
 *     int hour = at.atZone(ZoneOffset.UTC).getHour();
 *     return hour >= 19 && hour < 21 ? 600 : 60;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface LoadModel {

    double requestsPerSecond(Instant at);

    /** The same load at every instant. */
    static LoadModel constant(double rps) {
        return at -> rps;
    }
}
