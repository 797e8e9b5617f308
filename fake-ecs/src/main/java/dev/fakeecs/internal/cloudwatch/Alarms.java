package dev.fakeecs.internal.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.paging.PageTokens;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The region's metric alarms: PutMetricAlarm (create, or update keeping the state), DescribeAlarms,
 * DescribeAlarmsForMetric, DeleteAlarms, SetAlarmState, Enable/DisableAlarmActions, tags, and the state
 * transitions evaluation and SetAlarmState make (history item, journal entry {@code ALARM_STATE}, listeners).
 * Actions are stored and shown, not executed. Alarms are listed in name order.
 *
 * <pre>{@code
 * alarms.put(PutMetricAlarmRequest.builder().alarmName("cpu-high").namespace("AWS/ECS")
 *         .metricName("CPUUtilization").statistic("Average").period(60).evaluationPeriods(3)
 *         .threshold(80.0).comparisonOperator("GreaterThanThreshold").build());
 * }</pre>
 */
final class Alarms {

    static final Set<String> OPERATORS = Set.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");
    static final Set<String> ANOMALY_OPERATORS = Set.of("LessThanLowerOrGreaterThanUpperThreshold",
            "LessThanLowerThreshold", "GreaterThanUpperThreshold");
    static final Set<String> TREATMENTS = Set.of("missing", "notBreaching", "breaching", "ignore");
    static final Set<String> STATES = Set.of("OK", "ALARM", "INSUFFICIENT_DATA");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegionContext region;
    private final MetricStore store;
    private final AlarmHistory history;
    private final TreeMap<String, AlarmRecord> alarms = new TreeMap<>();
    private final List<AlarmStateListener> listeners = new CopyOnWriteArrayList<>();
    private Runnable onChange = () -> { };

    Alarms(RegionContext region, MetricStore store, AlarmHistory history) {
        this.region = region;
        this.store = store;
        this.history = history;
    }

    /** Called after an alarm is created, updated or deleted (the ticker may change its cadence). */
    void onChange(Runnable onChange) {
        this.onChange = onChange;
    }

    void addListener(AlarmStateListener listener) {
        listeners.add(listener);
    }

    AlarmRecord find(String name) {
        return alarms.get(name);
    }

    boolean isEmpty() {
        return alarms.isEmpty();
    }

    boolean anyHighResolution() {
        for (AlarmRecord a : alarms.values()) {
            if (a.highResolution()) {
                return true;
            }
        }
        return false;
    }

    void put(PutMetricAlarmRequest r) {
        String name = r.alarmName();
        if (name == null || name.isEmpty()) {
            throw CloudWatchErrors.missing("AlarmName");
        }
        if (name.length() > 255) {
            throw CloudWatchErrors.validation("1 validation error detected: Value '" + name + "' at 'alarmName' failed"
                    + " to satisfy constraint: Member must have length less than or equal to 255");
        }
        if (r.hasMetrics() && !r.metrics().isEmpty() || r.thresholdMetricId() != null) {
            throw CloudWatchErrors.invalidValue("Metric math and anomaly detection alarms are not supported by this"
                    + " simulation; give MetricName, Namespace and Statistic or ExtendedStatistic.");
        }
        if (r.namespace() == null) {
            throw CloudWatchErrors.missing("Namespace");
        }
        if (r.metricName() == null) {
            throw CloudWatchErrors.missing("MetricName");
        }
        if (r.period() == null) {
            throw CloudWatchErrors.missing("Period");
        }
        if (r.evaluationPeriods() == null) {
            throw CloudWatchErrors.missing("EvaluationPeriods");
        }
        if (r.comparisonOperator() == null) {
            throw CloudWatchErrors.missing("ComparisonOperator");
        }
        int period = r.period();
        if (period < 1) {
            throw tooSmall("period", period, 1);
        }
        if (period != 10 && period != 20 && period != 30 && period % 60 != 0) {
            throw CloudWatchErrors.invalidValue("The parameter Period must be 10, 20, 30 or a multiple of 60.");
        }
        int n = r.evaluationPeriods();
        if (n < 1) {
            throw tooSmall("evaluationPeriods", n, 1);
        }
        int m = r.datapointsToAlarm() == null ? n : r.datapointsToAlarm();
        if (m < 1) {
            throw tooSmall("datapointsToAlarm", m, 1);
        }
        if (m > n) {
            throw CloudWatchErrors.invalidCombination("DatapointsToAlarm (" + m
                    + ") must be less than or equal to EvaluationPeriods (" + n + ").");
        }
        long span = (long) period * n;
        if (period >= 3600 ? span > 604_800 : span > 86_400) {
            throw CloudWatchErrors.invalidCombination(period >= 3600
                    ? "Metrics cannot be checked across more than a week (EvaluationPeriods * Period must be <= 604800)."
                    : "Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be <= 86400).");
        }
        String statistic = r.statistic() == null ? null : r.statisticAsString();
        String extended = r.extendedStatistic();
        if ((statistic == null) == (extended == null)) {
            throw CloudWatchErrors.invalidCombination(
                    "Exactly one of the parameters Statistic and ExtendedStatistic must be specified.");
        }
        if (statistic != null && !Statistics.STANDARD.contains(statistic)) {
            throw CloudWatchErrors.invalidValue("The value " + statistic + " for parameter Statistic is invalid.");
        }
        if (extended != null && !Statistics.isPercentile(extended)) {
            throw CloudWatchErrors.invalidValue("The value " + extended + " for parameter ExtendedStatistic is invalid.");
        }
        String operator = r.comparisonOperatorAsString();
        if (ANOMALY_OPERATORS.contains(operator)) {
            throw CloudWatchErrors.invalidCombination("Comparison operator " + operator
                    + " is only for anomaly detection alarms, which this simulation does not support.");
        }
        if (!OPERATORS.contains(operator)) {
            throw CloudWatchErrors.invalidValue("The value " + operator + " for parameter ComparisonOperator is invalid.");
        }
        if (r.threshold() == null) {
            throw CloudWatchErrors.missing("Threshold");
        }
        String treatment = r.treatMissingData();
        if (treatment != null && !TREATMENTS.contains(treatment)) {
            throw CloudWatchErrors.invalidValue("The value " + treatment + " for parameter TreatMissingData is invalid.");
        }
        String low = r.evaluateLowSampleCountPercentile();
        if (low != null && !low.equals("evaluate") && !low.equals("ignore")) {
            throw CloudWatchErrors.invalidValue("The value " + low
                    + " for parameter EvaluateLowSampleCountPercentile is invalid.");
        }
        if (low != null && extended == null) {
            throw CloudWatchErrors.invalidCombination(
                    "EvaluateLowSampleCountPercentile can only be used with ExtendedStatistic.");
        }
        if (r.dimensions() != null && r.dimensions().size() > 30) {
            throw CloudWatchErrors.invalidValue("The collection Dimensions must not have a size greater than 30.");
        }
        checkActions("oKActions", r.okActions());
        checkActions("alarmActions", r.alarmActions());
        checkActions("insufficientDataActions", r.insufficientDataActions());
        if (r.unit() == software.amazon.awssdk.services.cloudwatch.model.StandardUnit.UNKNOWN_TO_SDK_VERSION) {
            throw CloudWatchErrors.invalidValue("The value " + r.unitAsString() + " for parameter Unit is invalid.");
        }
        Instant now = region.now();
        AlarmRecord a = alarms.get(name);
        boolean created = a == null;
        if (created) {
            a = new AlarmRecord(name, "arn:aws:cloudwatch:" + region.name() + ":" + region.engine().accountId()
                    + ":alarm:" + name);
            a.stateUpdated = now;
            a.stateTransitioned = now;
            if (r.hasTags()) {
                for (Tag t : r.tags()) {
                    a.tags.put(t.key(), t.value());
                }
            }
            alarms.put(name, a);
        }
        a.description = r.alarmDescription();
        a.actionsEnabled = r.actionsEnabled() == null || r.actionsEnabled();
        a.okActions = r.hasOkActions() ? List.copyOf(r.okActions()) : List.of();
        a.alarmActions = r.hasAlarmActions() ? List.copyOf(r.alarmActions()) : List.of();
        a.insufficientDataActions = r.hasInsufficientDataActions() ? List.copyOf(r.insufficientDataActions()) : List.of();
        a.metric = MetricKey.of(r.namespace(), r.metricName(), r.dimensions());
        a.statistic = statistic;
        a.extendedStatistic = extended;
        a.period = period;
        a.evaluationPeriods = n;
        a.datapointsToAlarm = m;
        a.datapointsToAlarmGiven = r.datapointsToAlarm() != null;
        a.threshold = r.threshold();
        a.comparisonOperator = operator;
        a.treatMissingData = treatment == null ? "missing" : treatment;
        a.treatMissingDataGiven = treatment != null;
        a.evaluateLowSampleCountPercentile = low;
        a.unit = r.unit() == null ? null : r.unitAsString();
        a.configurationUpdated = now;
        history.add(name, HistoryItemType.CONFIGURATION_UPDATE, "Alarm \"" + name + "\" " + (created ? "created" : "updated"),
                "{\"version\":\"1.0\",\"type\":\"" + (created ? "Create" : "Update") + "\"}", now);
        if (created) {
            region.record(JournalEventType.ALARM_STATE, a.arn, "alarm", name, "event", "created", "state", a.state);
        }
        onChange.run();
    }

    private static RuntimeException tooSmall(String field, int value, int min) {
        return CloudWatchErrors.validation("1 validation error detected: Value '" + value + "' at '" + field
                + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
    }

    private static void checkActions(String field, List<String> actions) {
        if (actions != null && actions.size() > 5) {
            throw CloudWatchErrors.validation("1 validation error detected: Value '" + actions + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length less than or equal to 5");
        }
    }

    DescribeAlarmsResponse describe(DescribeAlarmsRequest r) {
        int max = r.maxRecords() == null ? 50 : r.maxRecords();
        if (max < 1 || max > 100) {
            throw CloudWatchErrors.validation("1 validation error detected: Value '" + max + "' at 'maxRecords' failed"
                    + " to satisfy constraint: Member must have value " + (max < 1 ? "greater than or equal to 1"
                    : "less than or equal to 100"));
        }
        List<String> names = r.hasAlarmNames() ? r.alarmNames() : List.of();
        if (names.size() > 100) {
            throw CloudWatchErrors.validation("1 validation error detected: Value '" + names + "' at 'alarmNames'"
                    + " failed to satisfy constraint: Member must have length less than or equal to 100");
        }
        if (!names.isEmpty() && r.alarmNamePrefix() != null) {
            throw CloudWatchErrors.invalidCombination("AlarmNames and AlarmNamePrefix cannot be used together.");
        }
        if (r.stateValue() != null && !STATES.contains(r.stateValueAsString())) {
            throw CloudWatchErrors.invalidValue("The value " + r.stateValueAsString()
                    + " for parameter StateValue is invalid.");
        }
        boolean metricAlarms = !r.hasAlarmTypes() || r.alarmTypes().isEmpty()
                || r.alarmTypes().contains(AlarmType.METRIC_ALARM);
        List<MetricAlarm> matching = new ArrayList<>();
        if (metricAlarms && r.childrenOfAlarmName() == null && r.parentsOfAlarmName() == null) {
            for (AlarmRecord a : alarms.values()) {
                if (!names.isEmpty() && !names.contains(a.name)
                        || r.alarmNamePrefix() != null && !a.name.startsWith(r.alarmNamePrefix())
                        || r.stateValue() != null && !r.stateValueAsString().equals(a.state)
                        || r.actionPrefix() != null && !hasActionWithPrefix(a, r.actionPrefix())) {
                    continue;
                }
                matching.add(render(a));
            }
        }
        int offset = 0;
        if (r.nextToken() != null) {
            try {
                offset = PageTokens.decode(r.nextToken(), "DescribeAlarms");
            } catch (IllegalArgumentException e) {
                throw CloudWatchErrors.invalidNextToken();
            }
        }
        int end = Math.min(matching.size(), offset + max);
        DescribeAlarmsResponse.Builder b = DescribeAlarmsResponse.builder()
                .metricAlarms(offset >= matching.size() ? List.of() : matching.subList(offset, end))
                .compositeAlarms(List.of());
        if (end < matching.size()) {
            b.nextToken(PageTokens.encode(end, "DescribeAlarms"));
        }
        return b.build();
    }

    private static boolean hasActionWithPrefix(AlarmRecord a, String prefix) {
        for (List<String> actions : List.of(a.alarmActions, a.okActions, a.insufficientDataActions)) {
            for (String action : actions) {
                if (action.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    DescribeAlarmsForMetricResponse forMetric(DescribeAlarmsForMetricRequest r) {
        if (r.metricName() == null) {
            throw CloudWatchErrors.missing("MetricName");
        }
        if (r.namespace() == null) {
            throw CloudWatchErrors.missing("Namespace");
        }
        MetricKey key = MetricKey.of(r.namespace(), r.metricName(), r.dimensions());
        List<MetricAlarm> matching = new ArrayList<>();
        for (AlarmRecord a : alarms.values()) {
            if (!a.metric.equals(key)
                    || r.statistic() != null && !r.statisticAsString().equals(a.statistic)
                    || r.extendedStatistic() != null && !r.extendedStatistic().equals(a.extendedStatistic)
                    || r.period() != null && r.period() != a.period
                    || r.unit() != null && !r.unitAsString().equals(a.unit)) {
                continue;
            }
            matching.add(render(a));
        }
        return DescribeAlarmsForMetricResponse.builder().metricAlarms(matching).build();
    }

    DeleteAlarmsResponse delete(DeleteAlarmsRequest r) {
        List<String> names = r.hasAlarmNames() ? r.alarmNames() : List.of();
        if (names.isEmpty()) {
            throw CloudWatchErrors.missing("AlarmNames");
        }
        if (names.size() > 100) {
            throw CloudWatchErrors.validation("1 validation error detected: Value '" + names + "' at 'alarmNames'"
                    + " failed to satisfy constraint: Member must have length less than or equal to 100");
        }
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            AlarmRecord a = alarms.remove(name);
            if (a == null) {
                missing.add(name);
            } else {
                region.record(JournalEventType.ALARM_STATE, a.arn, "alarm", name, "event", "deleted");
            }
        }
        onChange.run();
        if (!missing.isEmpty()) {
            throw CloudWatchErrors.notFound("The following alarms were not found: " + String.join(", ", missing));
        }
        return DeleteAlarmsResponse.builder().build();
    }

    void setState(SetAlarmStateRequest r) {
        if (r.alarmName() == null) {
            throw CloudWatchErrors.missing("AlarmName");
        }
        if (r.stateValue() == null) {
            throw CloudWatchErrors.missing("StateValue");
        }
        if (r.stateReason() == null) {
            throw CloudWatchErrors.missing("StateReason");
        }
        if (!STATES.contains(r.stateValueAsString())) {
            throw CloudWatchErrors.invalidValue("The value " + r.stateValueAsString()
                    + " for parameter StateValue is invalid.");
        }
        if (r.stateReason().length() > 1023) {
            throw CloudWatchErrors.validation("1 validation error detected: Value at 'stateReason' failed to satisfy"
                    + " constraint: Member must have length less than or equal to 1023");
        }
        if (r.stateReasonData() != null) {
            if (r.stateReasonData().length() > 4000) {
                throw CloudWatchErrors.validation("1 validation error detected: Value at 'stateReasonData' failed to"
                        + " satisfy constraint: Member must have length less than or equal to 4000");
            }
            try {
                JSON.readTree(r.stateReasonData());
            } catch (IOException e) {
                throw CloudWatchErrors.of("InvalidFormat", "StateReasonData is not valid JSON.", 400);
            }
        }
        AlarmRecord a = alarms.get(r.alarmName());
        if (a == null) {
            throw CloudWatchErrors.notFound("Alarm " + r.alarmName() + " not found");
        }
        transition(a, r.stateValueAsString(), r.stateReason(), r.stateReasonData());
    }

    /** Enables or disables the actions of the named alarms (unknown names are ignored). */
    void actionsEnabled(List<String> names, boolean enabled) {
        if (names == null || names.isEmpty()) {
            throw CloudWatchErrors.missing("AlarmNames");
        }
        for (String name : names) {
            AlarmRecord a = alarms.get(name);
            if (a != null) {
                a.actionsEnabled = enabled;
            }
        }
    }

    /** Evaluates every alarm due at {@code now} (whole minute: all; other 10 s ticks: high-resolution ones). */
    void evaluate(Instant now) {
        long ms = now.toEpochMilli();
        boolean wholeMinute = ms % 60_000 == 0;
        for (AlarmRecord a : new ArrayList<>(alarms.values())) {
            if (!wholeMinute && !a.highResolution()) {
                continue;
            }
            AlarmEvaluator.Outcome o = AlarmEvaluator.evaluate(a, store, ms);
            if (o != null && !o.state().equals(a.state)) {
                transition(a, o.state(), o.reason(), o.reasonData());
            }
        }
    }

    private void transition(AlarmRecord a, String to, String reason, String reasonData) {
        Instant now = region.now();
        String from = a.state;
        String oldReason = a.stateReason;
        a.state = to;
        a.stateReason = reason;
        a.stateReasonData = reasonData;
        a.stateUpdated = now;
        if (from.equals(to)) {
            return;
        }
        a.stateTransitioned = now;
        if ("ALARM".equals(to)) {
            a.enteredAlarm = now;
        }
        String data = "{\"version\":\"1.0\",\"oldState\":{\"stateValue\":\"" + from + "\",\"stateReason\":"
                + AlarmHistory.quote(oldReason) + "},\"newState\":{\"stateValue\":\"" + to + "\",\"stateReason\":"
                + AlarmHistory.quote(reason) + (reasonData == null ? "" : ",\"stateReasonData\":" + reasonData) + "}}";
        history.add(a.name, HistoryItemType.STATE_UPDATE, "Alarm updated from " + from + " to " + to, data, now);
        region.record(JournalEventType.ALARM_STATE, a.arn, "alarm", a.name, "from", from, "to", to, "reason", reason);
        for (AlarmStateListener l : listeners) {
            l.stateChanged(a.name, from, to, reason);
        }
    }

    MetricAlarm render(AlarmRecord a) {
        MetricAlarm.Builder b = MetricAlarm.builder().alarmName(a.name).alarmArn(a.arn).alarmDescription(a.description)
                .alarmConfigurationUpdatedTimestamp(a.configurationUpdated).actionsEnabled(a.actionsEnabled)
                .okActions(a.okActions).alarmActions(a.alarmActions).insufficientDataActions(a.insufficientDataActions)
                .stateValue(a.state).stateReason(a.stateReason).stateReasonData(a.stateReasonData)
                .stateUpdatedTimestamp(a.stateUpdated).stateTransitionedTimestamp(a.stateTransitioned)
                .metricName(a.metric.name()).namespace(a.metric.namespace()).statistic(a.statistic)
                .extendedStatistic(a.extendedStatistic).dimensions(a.metric.sdkDimensions()).period(a.period)
                .unit(a.unit).evaluationPeriods(a.evaluationPeriods).threshold(a.threshold)
                .comparisonOperator(a.comparisonOperator)
                .evaluateLowSampleCountPercentile(a.evaluateLowSampleCountPercentile);
        if (a.datapointsToAlarmGiven) {
            b.datapointsToAlarm(a.datapointsToAlarm);
        }
        if (a.treatMissingDataGiven) {
            b.treatMissingData(a.treatMissingData);
        }
        return b.build();
    }

    private AlarmRecord byArn(String arn) {
        if (arn == null) {
            throw CloudWatchErrors.missing("ResourceARN");
        }
        String prefix = "arn:aws:cloudwatch:" + region.name() + ":" + region.engine().accountId() + ":alarm:";
        AlarmRecord a = arn.startsWith(prefix) ? alarms.get(arn.substring(prefix.length())) : null;
        if (a == null) {
            throw CloudWatchErrors.notFound("The specified resource " + arn + " does not exist.");
        }
        return a;
    }

    void tag(TagResourceRequest r) {
        AlarmRecord a = byArn(r.resourceARN());
        List<Tag> tags = r.hasTags() ? r.tags() : List.of();
        Map<String, String> after = new java.util.LinkedHashMap<>(a.tags);
        for (Tag t : tags) {
            after.put(t.key(), t.value());
        }
        if (after.size() > 50) {
            throw CloudWatchErrors.of("LimitExceeded", "The maximum number of tags for a resource is 50.", 400);
        }
        a.tags.clear();
        a.tags.putAll(after);
    }

    void untag(UntagResourceRequest r) {
        AlarmRecord a = byArn(r.resourceARN());
        if (r.hasTagKeys()) {
            r.tagKeys().forEach(a.tags::remove);
        }
    }

    ListTagsForResourceResponse tags(ListTagsForResourceRequest r) {
        AlarmRecord a = byArn(r.resourceARN());
        List<Tag> tags = new ArrayList<>();
        a.tags.forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        return ListTagsForResourceResponse.builder().tags(tags).build();
    }
}
