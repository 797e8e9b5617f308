package dev.fakeecs.internal.cloudwatch;

/**
 * One stored datapoint of a metric: a single value, a set of values with counts, or a statistic set. Kept
 * compact (a single value has no arrays), so long runs stay small.
 *
 * <pre>{@code
 * Sample s = Sample.value(now.toEpochMilli(), 42.0, "Percent", 60);
 * }</pre>
 *
 * @param time       epoch milliseconds
 * @param values     the individual values (with {@code counts}), null for a single value or a statistic set
 * @param counts     how many times each value occurred, null for once each
 * @param unit       the unit ("None" when not given)
 * @param resolution the storage resolution in seconds (1 or 60)
 */
record Sample(long time, double sampleCount, double sum, double minimum, double maximum, double[] values,
              double[] counts, String unit, int resolution) {

    /** A single value. */
    static Sample value(long time, double value, String unit, int resolution) {
        return new Sample(time, 1, value, value, value, null, null, unit, resolution);
    }

    /** Whether percentiles can be computed from this sample (not a statistic set of more than one value). */
    boolean hasValues() {
        return values != null || sampleCount == 1 && minimum == maximum;
    }
}
