package dev.fakeecs.internal.applicationautoscaling;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * A scheduled action's {@code Schedule}: {@code at(yyyy-mm-ddThh:mm:ss)} once, {@code rate(N minute(s)|hour(s)|
 * day(s))} every N from its start, or {@code cron(minutes hours day-of-month month day-of-week year)} in the AWS
 * cron syntax ({@code *}, {@code ?}, lists, ranges, {@code /} steps, month and weekday names, Sunday = 1), each in
 * the action's timezone. Parsing answers {@code ValidationException} for anything else.
 *
 * <pre>{@code
 * Schedule s = Schedule.parse("cron(0 19 * * ? *)");
 * Instant next = s.next(now, ZoneId.of("Europe/Paris"), created);   // the next 19:00 Paris time after now
 * }</pre>
 */
abstract class Schedule {

    private static final int SEARCH_DAYS = 366 * 5;
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
            Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
            Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11),
            Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5,
            "FRI", 6, "SAT", 7);

    /** The first run strictly after {@code after}, or null when there is none. */
    abstract Instant next(Instant after, ZoneId zone, Instant start);

    static Schedule parse(String expression) {
        String e = expression == null ? "" : expression.trim();
        try {
            if (e.startsWith("at(") && e.endsWith(")")) {
                LocalDateTime at = LocalDateTime.parse(e.substring(3, e.length() - 1));
                return new Schedule() {
                    @Override
                    Instant next(Instant after, ZoneId zone, Instant start) {
                        Instant when = at.atZone(zone).toInstant();
                        return when.isAfter(after) ? when : null;
                    }
                };
            }
            if (e.startsWith("rate(") && e.endsWith(")")) {
                return rate(e, e.substring(5, e.length() - 1).trim().split("\\s+"));
            }
            if (e.startsWith("cron(") && e.endsWith(")")) {
                return cron(e, e.substring(5, e.length() - 1).trim().split("\\s+"));
            }
        } catch (DateTimeException | NumberFormatException ex) {
            throw invalid(expression);
        }
        throw invalid(expression);
    }

    private static Schedule rate(String e, String[] parts) {
        if (parts.length != 2) {
            throw invalid(e);
        }
        long n = Long.parseLong(parts[0]);
        Duration unit = switch (parts[1]) {
            case "minute", "minutes" -> Duration.ofMinutes(1);
            case "hour", "hours" -> Duration.ofHours(1);
            case "day", "days" -> Duration.ofDays(1);
            default -> throw invalid(e);
        };
        if (n < 1 || (n == 1) == parts[1].endsWith("s")) { // rate(1 hour), rate(5 minutes)
            throw invalid(e);
        }
        Duration every = unit.multipliedBy(n);
        return new Schedule() {
            @Override
            Instant next(Instant after, ZoneId zone, Instant start) {
                if (after.isBefore(start)) {
                    return start.plus(every);
                }
                long periods = Duration.between(start, after).toMillis() / every.toMillis() + 1;
                return start.plus(every.multipliedBy(periods));
            }
        };
    }

    private static Schedule cron(String e, String[] f) {
        if (f.length != 6) {
            throw invalid(e);
        }
        BitSet minutes = field(e, f[0], 0, 59, Map.of());
        BitSet hours = field(e, f[1], 0, 23, Map.of());
        boolean anyDom = f[2].equals("?");
        boolean anyDow = f[4].equals("?");
        if (anyDom == anyDow) {
            throw invalid(e); // exactly one of day-of-month and day-of-week must be ?
        }
        BitSet dom = anyDom ? null : field(e, f[2], 1, 31, Map.of());
        BitSet months = field(e, f[3], 1, 12, MONTHS);
        BitSet dow = anyDow ? null : field(e, f[4], 1, 7, DAYS);
        BitSet years = field(e, f[5], 1970, 2199, Map.of());
        return new Schedule() {
            @Override
            Instant next(Instant after, ZoneId zone, Instant start) {
                ZonedDateTime from = after.atZone(zone).withSecond(0).withNano(0).plusMinutes(1);
                LocalDate day = from.toLocalDate();
                for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
                    if (!years.get(day.getYear()) || !months.get(day.getMonthValue())
                            || dom != null && !dom.get(day.getDayOfMonth())
                            || dow != null && !dow.get(day.getDayOfWeek().getValue() % 7 + 1)) {
                        continue;
                    }
                    for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                        for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                            ZonedDateTime t = day.atTime(h, m).atZone(zone);
                            if (!t.isBefore(from)) {
                                return t.toInstant();
                            }
                        }
                    }
                }
                return null;
            }
        };
    }

    private static BitSet field(String e, String text, int min, int max, Map<String, Integer> names) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
                if (step < 1) {
                    throw invalid(e);
                }
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else {
                int dash = range.indexOf('-');
                lo = value(e, dash >= 0 ? range.substring(0, dash) : range, names);
                hi = dash >= 0 ? value(e, range.substring(dash + 1), names) : slash >= 0 ? max : lo;
            }
            if (lo < min || hi > max || lo > hi) {
                throw invalid(e);
            }
            for (int v = lo; v <= hi; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int value(String e, String text, Map<String, Integer> names) {
        Integer named = names.get(text.toUpperCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        if (!text.matches("\\d{1,4}")) {
            throw invalid(e);
        }
        return Integer.parseInt(text);
    }

    private static RuntimeException invalid(String expression) {
        return AutoScalingErrors.validation("Schedule expression is invalid: " + expression
                + ". Use at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields)");
    }
}
