package dev.fakeecs.internal.cloudwatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one region and their datapoints on the virtual clock, with CloudWatch's retention: datapoints
 * are kept as put for 15 days (sub-minute detail only answers queries for 3 hours), then rolled up into 5-minute
 * statistic sets kept to 63 days, then hourly ones kept to 455 days; older data is dropped, and so is a metric
 * left with none. {@link #prune} runs from the region's CloudWatch tick, so memory stays bounded in long runs.
 *
 * <pre>{@code
 * store.add(MetricKey.of("AWS/ECS", "CPUUtilization", dims), Sample.value(t, 42.0, "Percent", 60));
 * List<Sample> s = store.samples(key, from, to);
 * }</pre>
 */
final class MetricStore {

    static final long HIGH_RESOLUTION_RETENTION = Duration.ofHours(3).toMillis();
    static final long MINUTE_RETENTION = Duration.ofDays(15).toMillis();
    static final long FIVE_MINUTE_RETENTION = Duration.ofDays(63).toMillis();
    static final long HOUR_RETENTION = Duration.ofDays(455).toMillis();

    /** One metric's samples, sorted by time (ties in insertion order), and when it last got one. */
    static final class Series {
        final MetricKey key;
        final List<Sample> samples = new ArrayList<>();
        long lastPut;

        Series(MetricKey key) {
            this.key = key;
        }
    }

    private final Map<MetricKey, Series> series = new LinkedHashMap<>();

    /** Stores one datapoint (its time may be in the past). */
    void add(MetricKey key, Sample sample, long now) {
        Series s = series.computeIfAbsent(key, Series::new);
        List<Sample> list = s.samples;
        int i = list.size();
        while (i > 0 && list.get(i - 1).time() > sample.time()) {
            i--;
        }
        list.add(i, sample);
        s.lastPut = Math.max(s.lastPut, now);
    }

    /** Every metric, in the order it first got a datapoint. */
    Collection<Series> all() {
        return series.values();
    }

    Series get(MetricKey key) {
        return series.get(key);
    }

    /** The samples with {@code from <= time < to} (binary search; the list is sorted). */
    static List<Sample> between(Series s, long from, long to) {
        List<Sample> list = s.samples;
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).time() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < list.size() && list.get(end).time() < to) {
            end++;
        }
        return list.subList(lo, end);
    }

    /** Applies the retention rules at {@code now}. */
    void prune(long now) {
        series.values().removeIf(s -> {
            rollUp(s.samples, now - MINUTE_RETENTION, 300_000L);
            rollUp(s.samples, now - FIVE_MINUTE_RETENTION, 3_600_000L);
            int drop = 0;
            while (drop < s.samples.size() && s.samples.get(drop).time() < now - HOUR_RETENTION) {
                drop++;
            }
            s.samples.subList(0, drop).clear();
            return s.samples.isEmpty();
        });
    }

    /** Merges the samples older than {@code cutoff} into statistic sets of {@code bucket} ms. */
    private static void rollUp(List<Sample> samples, long cutoff, long bucket) {
        int end = 0;
        boolean needed = false;
        while (end < samples.size() && samples.get(end).time() < cutoff) {
            if (samples.get(end).resolution() * 1000L < bucket) {
                needed = true;
            }
            end++;
        }
        if (!needed) {
            return;
        }
        List<Sample> merged = new ArrayList<>();
        Sample acc = null;
        for (Sample s : samples.subList(0, end)) {
            long b = Math.floorDiv(s.time(), bucket) * bucket;
            if (acc != null && acc.time() == b) {
                acc = new Sample(b, acc.sampleCount() + s.sampleCount(), acc.sum() + s.sum(),
                        Math.min(acc.minimum(), s.minimum()), Math.max(acc.maximum(), s.maximum()), null, null,
                        acc.unit(), (int) (bucket / 1000));
            } else {
                if (acc != null) {
                    merged.add(acc);
                }
                acc = new Sample(b, s.sampleCount(), s.sum(), s.minimum(), s.maximum(), null, null, s.unit(),
                        (int) (bucket / 1000));
            }
        }
        if (acc != null) {
            merged.add(acc);
        }
        samples.subList(0, end).clear();
        samples.addAll(0, merged);
    }

    /** How many metrics are stored. */
    int size() {
        return series.size();
    }
}
