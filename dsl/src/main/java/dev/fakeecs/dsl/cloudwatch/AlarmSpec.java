package dev.fakeecs.dsl.cloudwatch;

import dev.fakeecs.dsl.internal.Check;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * A CloudWatch metric alarm, read like {@code aws cloudwatch put-metric-alarm}: name, namespace, metric and
 * dimensions, statistic, period, evaluation periods (and datapoints to alarm), threshold and comparison, and how
 * missing data counts. Immutable; wraps the SDK's {@link PutMetricAlarmRequest} so JSON import keeps every member.
 * The world applier puts it through the region's CloudWatch client after the load balancers: a
 * {@code LoadBalancer} or {@code TargetGroup} dimension may name a declared load balancer or target group
 * ({@code "web-alb"}, or a real dimension value such as {@code app/web-alb/50dc6c495c0c9188}), which becomes the
 * dimension value AWS publishes for it in this world.
 *
 * <pre>{@code
 * AlarmSpec fiveXx = AlarmSpec.builder("web-5xx")
 *     .namespace("AWS/ApplicationELB").metric("HTTPCode_Target_5XX_Count").dimension("LoadBalancer", "web-alb")
 *     .statistic(Statistic.SUM).period(Duration.ofMinutes(1)).evaluationPeriods(1)
 *     .greaterThanOrEqualTo(1).treatMissingData("notBreaching")
 *     .build();
 * }</pre>
 */
public final class AlarmSpec {

    /** The values {@code treatMissingData} takes. */
    public static final Set<String> MISSING_DATA = Set.of("breaching", "notBreaching", "ignore", "missing");

    private final PutMetricAlarmRequest base;
    private final String region;

    private AlarmSpec(Builder b) {
        this.base = b.r;
        this.region = b.region;
    }

    public static Builder builder(String alarmName) {
        return new Builder(PutMetricAlarmRequest.builder().alarmName(alarmName).build());
    }

    /** Wraps an SDK request (as imported from put-metric-alarm JSON), validating it. */
    public static AlarmSpec from(PutMetricAlarmRequest request) {
        return new Builder(request).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(base);
        b.region = region;
        return b;
    }

    public String name() { return base.alarmName(); }
    /** The region, or null for the world's default region. */
    public String region() { return region; }
    public String namespace() { return base.namespace(); }
    public String metric() { return base.metricName(); }
    public List<Dimension> dimensions() { return base.dimensions(); }
    public Statistic statistic() { return base.statistic(); }
    public Duration period() { return Duration.ofSeconds(base.period()); }
    public int evaluationPeriods() { return base.evaluationPeriods(); }
    public double threshold() { return base.threshold(); }
    public ComparisonOperator comparison() { return base.comparisonOperator(); }
    /** How missing data counts ({@code missing} when none is declared, as in CloudWatch). */
    public String treatMissingData() { return base.treatMissingData() == null ? "missing" : base.treatMissingData(); }

    /** The PutMetricAlarm request as declared. */
    public PutMetricAlarmRequest toRequest() {
        return base;
    }

    /**
     * The PutMetricAlarm request with each dimension value passed through {@code dimensionValue(name, value)}
     * (how the applier turns a declared load balancer or target group name into its dimension value).
     */
    public PutMetricAlarmRequest toRequest(BinaryOperator<String> dimensionValue) {
        if (base.dimensions().isEmpty()) {
            return base;
        }
        List<Dimension> resolved = base.dimensions().stream().map(d -> Dimension.builder().name(d.name())
                .value(dimensionValue.apply(d.name(), d.value())).build()).toList();
        return base.toBuilder().dimensions(resolved).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlarmSpec a && a.base.equals(base) && java.util.Objects.equals(a.region, region);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    @Override
    public String toString() {
        return "Alarm[" + name() + ": " + statistic() + " of " + namespace() + "/" + metric() + " " + comparison()
                + " " + base.threshold() + " for " + base.evaluationPeriods() + " x " + base.period() + "s]";
    }

    /** Builds an {@link AlarmSpec}; {@link #build()} validates. */
    public static final class Builder {
        private PutMetricAlarmRequest r;
        private String region;

        private Builder(PutMetricAlarmRequest request) {
            this.r = request;
        }

        private Builder edit(Consumer<PutMetricAlarmRequest.Builder> change) {
            PutMetricAlarmRequest.Builder b = r.toBuilder();
            change.accept(b);
            r = b.build();
            return this;
        }

        /** The region (default: the world's default region). */
        public Builder region(String value) { this.region = value; return this; }
        public Builder namespace(String value) { return edit(b -> b.namespace(value)); }
        public Builder metric(String metricName) { return edit(b -> b.metricName(metricName)); }
        public Builder description(String value) { return edit(b -> b.alarmDescription(value)); }

        /** A dimension of the metric (added; at most 30). */
        public Builder dimension(String name, String value) {
            List<Dimension> dims = new ArrayList<>(r.dimensions());
            dims.add(Dimension.builder().name(name).value(value).build());
            return edit(b -> b.dimensions(dims));
        }

        public Builder statistic(Statistic value) { return edit(b -> b.statistic(value)); }
        /** The period the statistic is taken over: 10 s, 30 s or a multiple of 60 s. */
        public Builder period(Duration value) {
            return edit(b -> b.period(value == null ? null : Math.toIntExact(value.toSeconds())));
        }
        public Builder evaluationPeriods(int value) { return edit(b -> b.evaluationPeriods(value)); }
        /** How many of the evaluation periods must breach (M of N); default all of them. */
        public Builder datapointsToAlarm(int value) { return edit(b -> b.datapointsToAlarm(value)); }
        public Builder threshold(double value) { return edit(b -> b.threshold(value)); }
        public Builder comparison(ComparisonOperator value) { return edit(b -> b.comparisonOperator(value)); }

        /** Alarms when the statistic is {@code >= threshold}. */
        public Builder greaterThanOrEqualTo(double threshold) {
            return comparison(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).threshold(threshold);
        }

        /** Alarms when the statistic is {@code > threshold}. */
        public Builder greaterThan(double threshold) {
            return comparison(ComparisonOperator.GREATER_THAN_THRESHOLD).threshold(threshold);
        }

        /** Alarms when the statistic is {@code < threshold}. */
        public Builder lessThan(double threshold) {
            return comparison(ComparisonOperator.LESS_THAN_THRESHOLD).threshold(threshold);
        }

        /** Alarms when the statistic is {@code <= threshold}. */
        public Builder lessThanOrEqualTo(double threshold) {
            return comparison(ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD).threshold(threshold);
        }

        /** {@code breaching}, {@code notBreaching}, {@code ignore} or {@code missing} (the default). */
        public Builder treatMissingData(String value) { return edit(b -> b.treatMissingData(value)); }

        /** Anything else the SDK's PutMetricAlarmRequest has (alarm actions, units, tags...). */
        public Builder sdk(Consumer<PutMetricAlarmRequest.Builder> change) { return edit(change); }

        public AlarmSpec build() {
            String name = r.alarmName();
            Check.notBlank("alarm", "AlarmName", name);
            String spec = "alarm " + name;
            Check.that(name.length() <= 255, spec, "AlarmName", name, "must be at most 255 characters");
            Check.notBlank(spec, "Namespace", r.namespace());
            Check.notBlank(spec, "MetricName", r.metricName());
            Check.that(r.statistic() != null || r.extendedStatistic() != null, spec, "Statistic", null,
                    "is required (SampleCount, Average, Sum, Minimum or Maximum)");
            Check.that(r.period() != null, spec, "Period", null, "is required");
            int period = r.period();
            Check.that(period == 10 || period == 30 || (period >= 60 && period % 60 == 0), spec, "Period", period,
                    "must be 10, 30 or a multiple of 60 seconds");
            Check.that(r.evaluationPeriods() != null, spec, "EvaluationPeriods", null, "is required");
            Check.range(spec, "EvaluationPeriods", r.evaluationPeriods(), 1, Integer.MAX_VALUE);
            Check.range(spec, "Period x EvaluationPeriods", (long) period * r.evaluationPeriods(), 10, 7 * 86400);
            if (r.datapointsToAlarm() != null) {
                Check.range(spec, "DatapointsToAlarm", r.datapointsToAlarm(), 1, r.evaluationPeriods());
            }
            Check.that(r.threshold() != null, spec, "Threshold", null, "is required");
            Check.that(r.comparisonOperator() != null, spec, "ComparisonOperator", r.comparisonOperatorAsString(),
                    "is required (greaterThanOrEqualTo, greaterThan, lessThan, lessThanOrEqualTo)");
            Check.that(r.treatMissingData() == null || MISSING_DATA.contains(r.treatMissingData()), spec,
                    "TreatMissingData", r.treatMissingData(), "must be breaching, notBreaching, ignore or missing");
            Check.range(spec, "Dimensions.size", r.dimensions().size(), 0, 30);
            for (int i = 0; i < r.dimensions().size(); i++) {
                Check.notBlank(spec, "Dimensions[" + i + "].Name", r.dimensions().get(i).name());
                Check.notBlank(spec, "Dimensions[" + i + "].Value", r.dimensions().get(i).value());
            }
            return new AlarmSpec(this);
        }
    }
}
