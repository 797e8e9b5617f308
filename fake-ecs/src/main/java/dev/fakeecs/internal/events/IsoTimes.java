package dev.fakeecs.internal.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The two timestamp forms of ECS events: {@code detail} timestamps with milliseconds
 * ({@code 2026-01-01T00:01:30.000Z}), the envelope's {@code time} without ({@code 2026-01-01T00:01:30Z}).
 * Written by hand: every event has several, and a formatter is the slow way to print them.
 *
 * <pre>{@code
 * IsoTimes.withMillis(now);   // "2026-01-01T00:01:30.000Z"
 * IsoTimes.seconds(now);      // "2026-01-01T00:01:30Z"
 * }</pre>
 */
final class IsoTimes {

    private IsoTimes() {
    }

    static String withMillis(Instant instant) {
        StringBuilder b = new StringBuilder(24);
        dateTime(b, instant);
        b.append('.');
        pad(b, instant.getNano() / 1_000_000, 3);
        return b.append('Z').toString();
    }

    static String seconds(Instant instant) {
        StringBuilder b = new StringBuilder(20);
        dateTime(b, instant);
        return b.append('Z').toString();
    }

    private static void dateTime(StringBuilder b, Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        pad(b, t.getYear(), 4);
        b.append('-');
        pad(b, t.getMonthValue(), 2);
        b.append('-');
        pad(b, t.getDayOfMonth(), 2);
        b.append('T');
        pad(b, t.getHour(), 2);
        b.append(':');
        pad(b, t.getMinute(), 2);
        b.append(':');
        pad(b, t.getSecond(), 2);
    }

    private static void pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }
}
