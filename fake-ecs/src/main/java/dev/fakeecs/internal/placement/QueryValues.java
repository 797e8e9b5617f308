package dev.fakeecs.internal.placement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * How the query language reads and compares its typed values: agent versions (numerically by
 * component, so {@code 1.14.5 < 1.88.0}), registration dates in the four formats ECS accepts,
 * and numbers.
 */
final class QueryValues {

    private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+)*");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private QueryValues() {
    }

    static boolean isVersion(String text) {
        return VERSION.matcher(text).matches();
    }

    /** Compares dotted versions component by component as numbers; a missing component counts as 0. */
    static int compareVersions(String a, String b) {
        String[] left = strip(a).split("\\.");
        String[] right = strip(b).split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            BigDecimal l = i < left.length ? number(left[i]) : BigDecimal.ZERO;
            BigDecimal r = i < right.length ? number(right[i]) : BigDecimal.ZERO;
            if (l == null || r == null) {
                return a.compareTo(b);
            }
            int c = l.compareTo(r);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String strip(String version) {
        return version.startsWith("v") ? version.substring(1) : version;
    }

    /** The number the text spells, or null. */
    static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isDateOnly(String text) {
        return DATE_ONLY.matcher(text).matches();
    }

    /**
     * Reads {@code 2018-06-18T22:28:28+00:00}, {@code 2018-06-18T22:28:28Z}, {@code 2018-06-18T22:28:28}
     * (UTC) or {@code 2018-06-18} (midnight UTC); null when it is none of those.
     */
    static Instant date(String text) {
        try {
            if (isDateOnly(text)) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
