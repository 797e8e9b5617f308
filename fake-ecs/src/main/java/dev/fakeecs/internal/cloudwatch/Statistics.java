package dev.fakeecs.internal.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aggregates samples into one statistic: SampleCount, Average, Sum, Minimum, Maximum, or an extended
 * percentile {@code pNN} / {@code pNN.NN} (nearest rank over the individual values; NaN when a statistic set
 * hides them).
 *
 * <pre>{@code
 * double avg = Statistics.of("Average", samples);
 * double p99 = Statistics.of("p99", samples);
 * }</pre>
 */
final class Statistics {

    static final List<String> STANDARD = List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d{1,2})?|100)");

    private Statistics() {
    }

    /** Whether this is a valid extended statistic (a percentile p0..p100 with up to two decimals). */
    static boolean isPercentile(String statistic) {
        if (statistic == null) {
            return false;
        }
        Matcher m = PERCENTILE.matcher(statistic);
        return m.matches();
    }

    /** The statistic over the samples, NaN when there are none (or a percentile of statistic sets). */
    static double of(String statistic, List<Sample> samples) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Sample s : samples) {
            count += s.sampleCount();
            sum += s.sum();
            min = Math.min(min, s.minimum());
            max = Math.max(max, s.maximum());
        }
        return switch (statistic) {
            case "SampleCount" -> count;
            case "Sum" -> sum;
            case "Average" -> count == 0 ? Double.NaN : sum / count;
            case "Minimum" -> min;
            case "Maximum" -> max;
            default -> percentile(Double.parseDouble(statistic.substring(1)), samples);
        };
    }

    private static double percentile(double p, List<Sample> samples) {
        List<double[]> weighted = new ArrayList<>();
        double total = 0;
        for (Sample s : samples) {
            if (!s.hasValues()) {
                return Double.NaN;
            }
            if (s.values() == null) {
                weighted.add(new double[]{s.minimum(), 1});
                total += 1;
            } else {
                for (int i = 0; i < s.values().length; i++) {
                    double c = s.counts() == null ? 1 : s.counts()[i];
                    weighted.add(new double[]{s.values()[i], c});
                    total += c;
                }
            }
        }
        weighted.sort((a, b) -> Double.compare(a[0], b[0]));
        double rank = Math.max(1, Math.ceil(p / 100.0 * total));
        double seen = 0;
        for (double[] w : weighted) {
            seen += w[1];
            if (seen >= rank) {
                return w[0];
            }
        }
        return weighted.get(weighted.size() - 1)[0];
    }
}
