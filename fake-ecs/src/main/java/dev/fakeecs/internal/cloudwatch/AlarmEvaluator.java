package dev.fakeecs.internal.cloudwatch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Evaluates one metric alarm at a tick, as CloudWatch does (neighbours 4.2): it reads an evaluation range of
 * N+2 periods ending at the tick; with at least N real datapoints it judges the newest N; with fewer it applies
 * TreatMissingData ({@code missing} and {@code ignore} judge the real points only, {@code breaching} and
 * {@code notBreaching} fill the newest N periods); with none at all the state is INSUFFICIENT_DATA, OK, ALARM or
 * unchanged respectively. ALARM when at least M (DatapointsToAlarm) judged datapoints breach, else OK. The
 * outcome carries AWS's reason text and StateReasonData JSON.
 *
 * <pre>{@code
 * AlarmEvaluator.Outcome o = AlarmEvaluator.evaluate(alarm, store, now);
 * if (o != null && !o.state().equals(alarm.state)) { transition(alarm, o); }
 * }</pre>
 */
final class AlarmEvaluator {

    /**
     * The state evaluation computed, with its reason and reason data (null reasonData for INSUFFICIENT_DATA). The
     * two texts are built only when asked for: the caller needs them only when the state changes, and building them
     * (number and date formatting) was most of an evaluation's cost (AlarmEvaluationBenchmark).
     */
    static final class Outcome {
        private final String state;
        private final Supplier<String> reason;
        private final Supplier<String> reasonData;

        Outcome(String state, Supplier<String> reason, Supplier<String> reasonData) {
            this.state = state;
            this.reason = reason;
            this.reasonData = reasonData;
        }

        String state() {
            return state;
        }

        String reason() {
            return reason.get();
        }

        String reasonData() {
            return reasonData.get();
        }
    }

    /** One period of the evaluation range: its start, the statistic (NaN when missing) and its sample count. */
    record Point(long start, double value, double sampleCount) {
        boolean missing() {
            return Double.isNaN(value);
        }
    }

    static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter JSON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private AlarmEvaluator() {
    }

    /** The periods of the evaluation range ending at {@code now}, newest first. */
    static List<Point> range(AlarmRecord a, MetricStore store, long now) {
        long p = a.period * 1000L;
        long end = Math.floorDiv(now, a.highResolution() ? 10_000L : 60_000L) * (a.highResolution() ? 10_000L : 60_000L);
        MetricStore.Series series = store.get(a.metric);
        List<Point> points = new ArrayList<>(a.evaluationPeriods + 2);
        for (int i = 0; i < a.evaluationPeriods + 2; i++) {
            long to = end - i * p;
            long from = to - p;
            if (series == null) {
                points.add(new Point(from, Double.NaN, 0));
                continue;
            }
            List<Sample> samples = MetricStore.between(series, from, to);
            if (a.unit != null) {
                samples = samples.stream().filter(s -> a.unit.equals(s.unit())).toList();
            }
            points.add(new Point(from, Statistics.of(a.evaluatedStatistic(), samples),
                    Statistics.of("SampleCount", samples)));
        }
        return points;
    }

    /** The state the alarm's data gives at {@code now}, or null when it keeps its state (ignore, no data). */
    static Outcome evaluate(AlarmRecord a, MetricStore store, long now) {
        List<Point> range = range(a, store, now);
        int n = a.evaluationPeriods;
        int m = a.datapointsToAlarm;
        List<Point> real = new ArrayList<>();
        for (Point p : range) {
            if (!p.missing()) {
                real.add(p);
            }
        }
        List<Point> judged = new ArrayList<>();
        int filled = 0;
        boolean fillBreaching = "breaching".equals(a.treatMissingData);
        if (real.size() >= n) {
            judged.addAll(real.subList(0, n));
        } else if (real.isEmpty() && ("missing".equals(a.treatMissingData) || "ignore".equals(a.treatMissingData))) {
            if ("ignore".equals(a.treatMissingData)) {
                return null;
            }
            return new Outcome("INSUFFICIENT_DATA", () -> "Insufficient Data: " + n + (n == 1
                    ? " datapoint was unknown." : " datapoints were unknown."), () -> null);
        } else if ("missing".equals(a.treatMissingData) || "ignore".equals(a.treatMissingData)) {
            judged.addAll(real);
        } else {
            for (Point p : range.subList(0, n)) {
                judged.add(p);
                if (p.missing()) {
                    filled++;
                }
            }
        }
        int breaching = 0;
        List<Point> breachingPoints = new ArrayList<>();
        List<Point> clearPoints = new ArrayList<>();
        for (Point p : judged) {
            boolean b = p.missing() ? fillBreaching : breaches(a.comparisonOperator, p.value(), a.threshold);
            if (b) {
                breaching++;
                breachingPoints.add(p);
            } else {
                clearPoints.add(p);
            }
        }
        boolean alarm = breaching >= m;
        String state = alarm ? "ALARM" : "OK";
        List<Point> agreeing = alarm ? breachingPoints : clearPoints;
        int filledPeriods = filled;
        return new Outcome(state, () -> reason(a, state, agreeing, judged.size(), filledPeriods, fillBreaching),
                () -> reasonData(a, range, judged, now));
    }

    static boolean breaches(String operator, double value, double threshold) {
        return switch (operator) {
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            case "GreaterThanThreshold" -> value > threshold;
            case "LessThanThreshold" -> value < threshold;
            case "LessThanOrEqualToThreshold" -> value <= threshold;
            default -> false;
        };
    }

    static String phrase(String operator) {
        return switch (operator) {
            case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
            case "GreaterThanThreshold" -> "greater than";
            case "LessThanThreshold" -> "less than";
            default -> "less than or equal to";
        };
    }

    private static String reason(AlarmRecord a, String state, List<Point> agreeing, int judged, int filled,
                                 boolean fillBreaching) {
        int k = agreeing.size();
        boolean onlyFilled = k > 0 && agreeing.stream().allMatch(Point::missing);
        if (onlyFilled) {
            return "Threshold Crossed: no datapoints were received for " + filled + (filled == 1 ? " period" : " periods")
                    + " and " + filled + " missing " + (filled == 1 ? "datapoint was" : "datapoints were")
                    + " treated as [" + (fillBreaching ? "Breaching" : "NonBreaching") + "].";
        }
        StringBuilder list = new StringBuilder("[");
        for (Point p : agreeing) {
            if (p.missing()) {
                continue;
            }
            if (list.length() > 1) {
                list.append(", ");
            }
            list.append(p.value()).append(" (").append(REASON_TIME.format(Instant.ofEpochMilli(p.start()))).append(')');
        }
        list.append(']');
        String verb = (k == 1 ? "was " : "were ") + ("ALARM".equals(state) ? "" : "not ");
        String compared = verb + phrase(a.comparisonOperator) + " the threshold (" + a.threshold + ")";
        if (a.datapointsToAlarm == a.evaluationPeriods) {
            return "Threshold Crossed: " + k + (k == 1 ? " datapoint " : " datapoints ") + list + " " + compared + ".";
        }
        int minimum = "ALARM".equals(state) ? a.datapointsToAlarm : a.evaluationPeriods - a.datapointsToAlarm + 1;
        String from = "ALARM".equals(state) ? "OK" : "ALARM";
        return "Threshold Crossed: " + k + " out of the last " + judged + " datapoints " + list + " " + compared
                + " (minimum " + minimum + (minimum == 1 ? " datapoint" : " datapoints") + " for " + from + " -> "
                + state + " transition).";
    }

    private static String reasonData(AlarmRecord a, List<Point> range, List<Point> judged, long now) {
        StringBuilder json = new StringBuilder("{\"version\":\"1.0\",\"queryDate\":\"")
                .append(JSON_TIME.format(Instant.ofEpochMilli(now))).append("\",\"startDate\":\"")
                .append(JSON_TIME.format(Instant.ofEpochMilli(range.get(range.size() - 1).start()))).append("\",");
        json.append(a.statistic != null ? "\"statistic\":\"" + a.statistic + "\""
                : "\"extendedStatistic\":\"" + a.extendedStatistic + "\"");
        json.append(",\"period\":").append(a.period).append(",\"recentDatapoints\":[");
        boolean first = true;
        for (int i = range.size() - 1; i >= 0; i--) {
            if (!range.get(i).missing()) {
                json.append(first ? "" : ",").append(range.get(i).value());
                first = false;
            }
        }
        json.append("],\"threshold\":").append(a.threshold).append(",\"evaluatedDatapoints\":[");
        first = true;
        for (Point p : judged) {
            json.append(first ? "" : ",").append("{\"timestamp\":\"")
                    .append(JSON_TIME.format(Instant.ofEpochMilli(p.start()))).append('"');
            if (!p.missing()) {
                json.append(",\"sampleCount\":").append(p.sampleCount()).append(",\"value\":").append(p.value());
            }
            json.append('}');
            first = false;
        }
        return json.append("]}").toString();
    }
}
