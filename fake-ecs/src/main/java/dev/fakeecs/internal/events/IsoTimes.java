package dev.fakeecs.internal.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The two timestamp forms of ECS events: {@code detail} timestamps with milliseconds
 * ({@code 2026-01-01T00:01:30.000Z}), the envelope's {@code time} without ({@code 2026-01-01T00:01:30Z}).
 *
 * <pre>{@code
 * IsoTimes.withMillis(now);   // "2026-01-01T00:01:30.000Z"
 * IsoTimes.seconds(now);      // "2026-01-01T00:01:30Z"
 * }</pre>
 */
final class IsoTimes {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private IsoTimes() {
    }

    static String withMillis(Instant instant) {
        return MILLIS.format(instant);
    }

    static String seconds(Instant instant) {
        return SECONDS.format(instant);
    }
}
