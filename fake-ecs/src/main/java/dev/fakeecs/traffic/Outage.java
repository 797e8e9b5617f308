package dev.fakeecs.traffic;

import java.time.Duration;
import java.time.Instant;

/**
 * One stretch of time in which requests failed.
 *
 * @param start          the first second with failed requests (its tick's start)
 * @param end            the end of the last second with failed requests, or null while it lasts
 * @param failedRequests requests failed in it
 */
public record Outage(Instant start, Instant end, long failedRequests) {

    public Duration duration() {
        return end == null ? null : Duration.between(start, end);
    }
}
