package dev.fakeecs.internal.cloudwatch;

import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.paging.PageTokens;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PutMetricData, GetMetricStatistics, GetMetricData (MetricStat queries) and ListMetrics over the region's
 * {@link MetricStore}, with CloudWatch's limits and error codes. Periods are cut from the request's StartTime
 * (truncated to the second) in steps of Period.
 *
 * <pre>{@code
 * metrics.put(PutMetricDataRequest.builder().namespace("App").metricData(d -> d.metricName("Errors").value(1.0)).build());
 * }</pre>
 */
final class Metrics {

    static final int MAX_DATAPOINTS = 1440;
    static final int LIST_PAGE = 500;
    private static final Pattern QUERY_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

    private final RegionContext region;
    private final MetricStore store;

    Metrics(RegionContext region, MetricStore store) {
        this.region = region;
        this.store = store;
    }

    PutMetricDataResponse put(PutMetricDataRequest request) {
        String namespace = request.namespace();
        if (namespace == null || namespace.isEmpty()) {
            throw CloudWatchErrors.missing("Namespace");
        }
        if (namespace.startsWith("AWS/")) {
            throw CloudWatchErrors.invalidValue("The value " + namespace + " for parameter Namespace is invalid.");
        }
        if (namespace.length() > 255) {
            throw CloudWatchErrors.validation("1 validation error detected: Value '" + namespace
                    + "' at 'namespace' failed to satisfy constraint: Member must have length less than or equal to 255");
        }
        List<MetricDatum> data = request.metricData();
        if (data == null || data.isEmpty()) {
            throw CloudWatchErrors.missing("MetricData");
        }
        if (data.size() > 1000) {
            throw CloudWatchErrors.invalidValue("The collection MetricData must not have a size greater than 1000.");
        }
        long now = region.now().toEpochMilli();
        List<MetricKey> keys = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            MetricDatum d = data.get(i);
            String member = "MetricData.member." + (i + 1);
            samples.add(sample(d, member, now));
            keys.add(MetricKey.of(namespace, d.metricName(), d.dimensions()));
        }
        for (int i = 0; i < keys.size(); i++) {
            store.add(keys.get(i), samples.get(i), now);
        }
        return PutMetricDataResponse.builder().build();
    }

    private static Sample sample(MetricDatum d, String member, long now) {
        if (d.metricName() == null || d.metricName().isEmpty()) {
            throw CloudWatchErrors.missing(member + ".MetricName");
        }
        if (d.dimensions() != null && d.dimensions().size() > 30) {
            throw CloudWatchErrors.invalidValue("The collection " + member
                    + ".Dimensions must not have a size greater than 30.");
        }
        if (d.dimensions() != null) {
            for (int j = 0; j < d.dimensions().size(); j++) {
                var dim = d.dimensions().get(j);
                if (dim.name() == null || dim.name().isEmpty()) {
                    throw CloudWatchErrors.missing(member + ".Dimensions.member." + (j + 1) + ".Name");
                }
                if (dim.value() == null || dim.value().isEmpty()) {
                    throw CloudWatchErrors.missing(member + ".Dimensions.member." + (j + 1) + ".Value");
                }
            }
        }
        long time = d.timestamp() == null ? now : d.timestamp().toEpochMilli();
        if (time < now - Duration.ofDays(14).toMillis()) {
            throw CloudWatchErrors.invalidValue("The parameter " + member
                    + ".Timestamp must specify a time no more than two weeks in the past.");
        }
        if (time > now + Duration.ofHours(2).toMillis()) {
            throw CloudWatchErrors.invalidValue("The parameter " + member
                    + ".Timestamp must specify a time no more than two hours in the future.");
        }
        int resolution = d.storageResolution() == null ? 60 : d.storageResolution();
        if (resolution != 1 && resolution != 60) {
            throw CloudWatchErrors.invalidValue("The value " + resolution + " for parameter " + member
                    + ".StorageResolution is invalid.");
        }
        String unit = d.unit() == null ? "None" : d.unitAsString();
        boolean hasValues = d.hasValues() && !d.values().isEmpty();
        int given = (d.value() != null ? 1 : 0) + (d.statisticValues() != null ? 1 : 0) + (hasValues ? 1 : 0);
        if (given > 1) {
            throw CloudWatchErrors.invalidCombination("The parameters " + member + ".Value, " + member
                    + ".Values and " + member + ".StatisticValues are mutually exclusive and you have specified more than one.");
        }
        if (given == 0) {
            throw CloudWatchErrors.missing(member + ".Value");
        }
        if (d.value() != null) {
            check(d.value(), member + ".Value");
            return Sample.value(time, d.value(), unit, resolution);
        }
        if (hasValues) {
            if (d.values().size() > 150) {
                throw CloudWatchErrors.invalidValue("The collection " + member
                        + ".Values must not have a size greater than 150.");
            }
            boolean hasCounts = d.hasCounts() && !d.counts().isEmpty();
            if (hasCounts && d.counts().size() != d.values().size()) {
                throw CloudWatchErrors.invalidValue("The parameters " + member + ".Values and " + member
                        + ".Counts must be of the same size.");
            }
            double[] values = new double[d.values().size()];
            double[] counts = hasCounts ? new double[values.length] : null;
            double n = 0;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < values.length; j++) {
                values[j] = check(d.values().get(j), member + ".Values.member." + (j + 1));
                double c = hasCounts ? check(d.counts().get(j), member + ".Counts.member." + (j + 1)) : 1;
                if (counts != null) {
                    counts[j] = c;
                }
                n += c;
                sum += values[j] * c;
                min = Math.min(min, values[j]);
                max = Math.max(max, values[j]);
            }
            return new Sample(time, n, sum, min, max, values, counts, unit, resolution);
        }
        StatisticSet set = d.statisticValues();
        String prefix = member + ".StatisticValues.";
        if (set.sampleCount() == null) {
            throw CloudWatchErrors.missing(prefix + "SampleCount");
        }
        if (set.sum() == null) {
            throw CloudWatchErrors.missing(prefix + "Sum");
        }
        if (set.minimum() == null) {
            throw CloudWatchErrors.missing(prefix + "Minimum");
        }
        if (set.maximum() == null) {
            throw CloudWatchErrors.missing(prefix + "Maximum");
        }
        return new Sample(time, check(set.sampleCount(), prefix + "SampleCount"), check(set.sum(), prefix + "Sum"),
                check(set.minimum(), prefix + "Minimum"), check(set.maximum(), prefix + "Maximum"), null, null,
                unit, resolution);
    }

    private static double check(Double value, String parameter) {
        if (value == null || value.isNaN() || value.isInfinite() || Math.abs(value) > 1e108
                || value != 0 && Math.abs(value) < 1e-130) {
            throw CloudWatchErrors.invalidValue("The value " + value + " for parameter " + parameter + " is invalid.");
        }
        return value;
    }

    GetMetricStatisticsResponse statistics(GetMetricStatisticsRequest r) {
        if (r.namespace() == null) {
            throw CloudWatchErrors.missing("Namespace");
        }
        if (r.metricName() == null) {
            throw CloudWatchErrors.missing("MetricName");
        }
        if (r.startTime() == null) {
            throw CloudWatchErrors.missing("StartTime");
        }
        if (r.endTime() == null) {
            throw CloudWatchErrors.missing("EndTime");
        }
        if (r.period() == null) {
            throw CloudWatchErrors.missing("Period");
        }
        List<String> stats = r.hasStatistics() ? r.statisticsAsStrings() : List.of();
        List<String> extended = r.hasExtendedStatistics() ? r.extendedStatistics() : List.of();
        if (stats.isEmpty() && extended.isEmpty()) {
            throw CloudWatchErrors.invalidCombination("Must specify either Statistics or ExtendedStatistics.");
        }
        if (stats.size() > 5) {
            throw CloudWatchErrors.invalidValue("The collection Statistics must not have a size greater than 5.");
        }
        if (extended.size() > 10) {
            throw CloudWatchErrors.invalidValue("The collection ExtendedStatistics must not have a size greater than 10.");
        }
        for (String s : stats) {
            if (!Statistics.STANDARD.contains(s)) {
                throw CloudWatchErrors.invalidValue("The value " + s + " for parameter Statistics is invalid.");
            }
        }
        for (String s : extended) {
            if (!Statistics.isPercentile(s)) {
                throw CloudWatchErrors.invalidValue("The value " + s + " for parameter ExtendedStatistics is invalid.");
            }
        }
        long[] range = range(r.startTime(), r.endTime(), r.period(), "Period");
        long start = range[0];
        long period = r.period() * 1000L;
        MetricStore.Series series = store.get(MetricKey.of(r.namespace(), r.metricName(), r.dimensions()));
        List<Datapoint> points = new ArrayList<>();
        if (series != null) {
            for (long t = start; t < range[1]; t += period) {
                List<Sample> samples = visible(MetricStore.between(series, t, Math.min(t + period, range[1])),
                        r.period(), r.unit() == null ? null : r.unitAsString());
                if (samples.isEmpty()) {
                    continue;
                }
                Datapoint.Builder p = Datapoint.builder().timestamp(Instant.ofEpochMilli(t)).unit(samples.get(0).unit());
                for (String s : stats) {
                    double v = Statistics.of(s, samples);
                    switch (s) {
                        case "SampleCount" -> p.sampleCount(v);
                        case "Average" -> p.average(v);
                        case "Sum" -> p.sum(v);
                        case "Minimum" -> p.minimum(v);
                        default -> p.maximum(v);
                    }
                }
                if (!extended.isEmpty()) {
                    java.util.Map<String, Double> ext = new java.util.LinkedHashMap<>();
                    for (String s : extended) {
                        double v = Statistics.of(s, samples);
                        if (!Double.isNaN(v)) {
                            ext.put(s, v);
                        }
                    }
                    p.extendedStatistics(ext);
                }
                points.add(p.build());
            }
        }
        return GetMetricStatisticsResponse.builder().label(r.metricName()).datapoints(points).build();
    }

    /** [start, end) in ms, after checking the period, the order of the times and the 1,440 points cap. */
    private long[] range(Instant startTime, Instant endTime, Integer periodSeconds, String periodName) {
        int p = periodSeconds;
        if (p < 1) {
            throw CloudWatchErrors.validation("1 validation error detected: Value '" + p + "' at 'period' failed to"
                    + " satisfy constraint: Member must have value greater than or equal to 1");
        }
        if (p != 1 && p != 5 && p != 10 && p != 30 && p % 60 != 0) {
            throw CloudWatchErrors.invalidValue("The parameter " + periodName
                    + " must be 1, 5, 10, 30 or a multiple of 60.");
        }
        long start = startTime.getEpochSecond() * 1000;
        long end = endTime.getEpochSecond() * 1000;
        if (start >= end) {
            throw CloudWatchErrors.invalidValue("The parameter StartTime must be less than the parameter EndTime.");
        }
        long points = (end - start + p * 1000L - 1) / (p * 1000L);
        if (points > MAX_DATAPOINTS) {
            throw CloudWatchErrors.invalidCombination("You have requested up to " + String.format("%,d", points)
                    + " datapoints, which exceeds the limit of 1,440. You may reduce the datapoints requested by"
                    + " increasing Period, or decreasing the time range.");
        }
        return new long[]{start, end};
    }

    /** The samples a query sees: of the unit asked for, and sub-minute detail only in its 3 hours. */
    private List<Sample> visible(List<Sample> samples, int period, String unit) {
        if (unit == null && period >= 60) {
            return samples;
        }
        long highResSince = region.now().toEpochMilli() - MetricStore.HIGH_RESOLUTION_RETENTION;
        List<Sample> out = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            if (unit != null && !unit.equals(s.unit())) {
                continue;
            }
            if (period < 60 && s.time() < highResSince) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    GetMetricDataResponse data(GetMetricDataRequest r) {
        if (r.startTime() == null) {
            throw CloudWatchErrors.missing("StartTime");
        }
        if (r.endTime() == null) {
            throw CloudWatchErrors.missing("EndTime");
        }
        if (!r.hasMetricDataQueries() || r.metricDataQueries().isEmpty()) {
            throw CloudWatchErrors.missing("MetricDataQueries");
        }
        if (r.metricDataQueries().size() > 500) {
            throw CloudWatchErrors.invalidValue("The collection MetricDataQueries must not have a size greater than 500.");
        }
        if (r.nextToken() != null) {
            throw CloudWatchErrors.invalidNextToken();
        }
        boolean ascending = "TimestampAscending".equals(r.scanByAsString());
        List<MetricDataResult> results = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < r.metricDataQueries().size(); i++) {
            MetricDataQuery q = r.metricDataQueries().get(i);
            String member = "MetricDataQueries.member." + (i + 1);
            if (q.id() == null || !QUERY_ID.matcher(q.id()).matches()) {
                throw CloudWatchErrors.validation("The value " + q.id() + " for parameter " + member
                        + ".Id is invalid: it must start with a lower-case letter and hold only letters, digits"
                        + " and underscores.");
            }
            if (q.expression() != null) {
                throw CloudWatchErrors.invalidValue("Metric math expressions are not supported by this simulation"
                        + " (query " + q.id() + "); use MetricStat queries.");
            }
            MetricStat stat = q.metricStat();
            if (stat == null) {
                throw CloudWatchErrors.invalidCombination("Exactly one of " + member + ".MetricStat and " + member
                        + ".Expression must be specified.");
            }
            if (stat.metric() == null || stat.metric().metricName() == null || stat.metric().namespace() == null) {
                throw CloudWatchErrors.missing(member + ".MetricStat.Metric");
            }
            if (stat.period() == null) {
                throw CloudWatchErrors.missing(member + ".MetricStat.Period");
            }
            String s = stat.stat();
            if (s == null || !Statistics.STANDARD.contains(s) && !Statistics.isPercentile(s)) {
                throw CloudWatchErrors.invalidValue("The value " + s + " for parameter " + member
                        + ".MetricStat.Stat is invalid.");
            }
            long[] range = range(r.startTime(), r.endTime(), stat.period(), member + ".MetricStat.Period");
            long period = stat.period() * 1000L;
            Metric m = stat.metric();
            MetricStore.Series series = store.get(MetricKey.of(m.namespace(), m.metricName(), m.dimensions()));
            List<Instant> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            if (series != null) {
                for (long t = range[0]; t < range[1]; t += period) {
                    List<Sample> samples = visible(MetricStore.between(series, t, Math.min(t + period, range[1])),
                            stat.period(), stat.unit() == null ? null : stat.unitAsString());
                    double v = Statistics.of(s, samples);
                    if (!Double.isNaN(v)) {
                        times.add(Instant.ofEpochMilli(t));
                        values.add(v);
                    }
                }
            }
            if (!ascending) {
                java.util.Collections.reverse(times);
                java.util.Collections.reverse(values);
            }
            total += values.size();
            if (Boolean.FALSE.equals(q.returnData())) {
                continue;
            }
            results.add(MetricDataResult.builder().id(q.id()).label(q.label() == null ? m.metricName() : q.label())
                    .timestamps(times).values(values).statusCode(StatusCode.COMPLETE).build());
        }
        if (total > 100_800) {
            throw CloudWatchErrors.invalidCombination("You have requested up to " + String.format("%,d", total)
                    + " datapoints, which exceeds the limit of 100,800.");
        }
        return GetMetricDataResponse.builder().metricDataResults(results).build();
    }

    ListMetricsResponse list(ListMetricsRequest r) {
        if (r.recentlyActive() != null && !"PT3H".equals(r.recentlyActiveAsString())) {
            throw CloudWatchErrors.invalidValue("The value " + r.recentlyActiveAsString()
                    + " for parameter RecentlyActive is invalid.");
        }
        long now = region.now().toEpochMilli();
        long since = r.recentlyActive() != null ? now - Duration.ofHours(3).toMillis()
                : now - Duration.ofDays(14).toMillis();
        List<Metric> matching = new ArrayList<>();
        for (MetricStore.Series s : store.all()) {
            MetricKey k = s.key;
            if (s.lastPut < since
                    || r.namespace() != null && !r.namespace().equals(k.namespace())
                    || r.metricName() != null && !r.metricName().equals(k.name())
                    || !matches(k, r.hasDimensions() ? r.dimensions() : List.of())) {
                continue;
            }
            matching.add(k.sdkMetric());
        }
        int offset = 0;
        if (r.nextToken() != null) {
            try {
                offset = PageTokens.decode(r.nextToken(), "ListMetrics");
            } catch (IllegalArgumentException e) {
                throw CloudWatchErrors.invalidNextToken();
            }
        }
        int end = Math.min(matching.size(), offset + LIST_PAGE);
        ListMetricsResponse.Builder b = ListMetricsResponse.builder()
                .metrics(offset >= matching.size() ? List.of() : matching.subList(offset, end));
        if (end < matching.size()) {
            b.nextToken(PageTokens.encode(end, "ListMetrics"));
        }
        return b.build();
    }

    private static boolean matches(MetricKey k, List<DimensionFilter> filters) {
        for (DimensionFilter f : filters) {
            String v = k.dimensions().get(f.name());
            if (v == null || f.value() != null && !f.value().equals(v)) {
                return false;
            }
        }
        return true;
    }
}
