package dev.fakeecs.internal.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric alarm's configuration and state, as PutMetricAlarm set it and evaluation moved it (mutable; the
 * region's {@link Alarms} owns it and guards it with the engine lock).
 *
 * <pre>{@code
 * AlarmRecord a = alarms.find("orders-5xx");
 * String state = a.state;   // OK | ALARM | INSUFFICIENT_DATA
 * }</pre>
 */
final class AlarmRecord {

    final String name;
    final String arn;
    String description;
    boolean actionsEnabled = true;
    List<String> okActions = new ArrayList<>();
    List<String> alarmActions = new ArrayList<>();
    List<String> insufficientDataActions = new ArrayList<>();
    MetricKey metric;
    String statistic;
    String extendedStatistic;
    int period;
    int evaluationPeriods;
    int datapointsToAlarm;
    boolean datapointsToAlarmGiven;
    double threshold;
    String comparisonOperator;
    String treatMissingData;
    boolean treatMissingDataGiven;
    String evaluateLowSampleCountPercentile;
    String unit;
    String state = "INSUFFICIENT_DATA";
    String stateReason = "Unchecked: Initial alarm creation";
    String stateReasonData;
    Instant stateUpdated;
    Instant stateTransitioned;
    /** The last instant the alarm went into ALARM (SetAlarmState included), or null. */
    Instant enteredAlarm;
    Instant configurationUpdated;
    final Map<String, String> tags = new LinkedHashMap<>();

    AlarmRecord(String name, String arn) {
        this.name = name;
        this.arn = arn;
    }

    /** The statistic the alarm evaluates: its Statistic or its ExtendedStatistic. */
    String evaluatedStatistic() {
        return statistic != null ? statistic : extendedStatistic;
    }

    /** Whether it is evaluated every 10 seconds (a high-resolution period). */
    boolean highResolution() {
        return period < 60;
    }
}
