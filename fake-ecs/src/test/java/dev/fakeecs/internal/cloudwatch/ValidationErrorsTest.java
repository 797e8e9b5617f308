package dev.fakeecs.internal.cloudwatch;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CloudWatch's validation errors: the SDK's exception class, the Query code and the message. */
class ValidationErrorsTest {

    private final CwWorld w = new CwWorld();

    @AfterEach
    void close() {
        w.ecs.close();
    }

    private static void fails(ThrowingCallable call, Class<? extends CloudWatchException> type, String code,
                              String message) {
        assertThatThrownBy(call).isInstanceOf(type).satisfies(e -> {
            CloudWatchException c = (CloudWatchException) e;
            assertThat(c.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(c.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void should_reject_bad_alarm_configurations() {
        fails(() -> w.alarm("p", 1, 1, b -> b.period(45)), InvalidParameterValueException.class,
                "InvalidParameterValue", "The parameter Period must be 10, 20, 30 or a multiple of 60.");
        fails(() -> w.alarm("m", 2, 1, b -> b.datapointsToAlarm(3)), InvalidParameterCombinationException.class,
                "InvalidParameterCombination", "DatapointsToAlarm (3) must be less than or equal to EvaluationPeriods (2).");
        fails(() -> w.alarm("day", 1441, 1, b -> { }), InvalidParameterCombinationException.class,
                "InvalidParameterCombination",
                "Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be <= 86400).");
        fails(() -> w.alarm("both", 1, 1, b -> b.extendedStatistic("p99")), InvalidParameterCombinationException.class,
                "InvalidParameterCombination",
                "Exactly one of the parameters Statistic and ExtendedStatistic must be specified.");
        fails(() -> w.alarm("pct", 1, 1, b -> b.statistic((Statistic) null).extendedStatistic("p101")),
                InvalidParameterValueException.class, "InvalidParameterValue",
                "The value p101 for parameter ExtendedStatistic is invalid.");
        fails(() -> w.alarm("tmd", 1, 1, b -> b.treatMissingData("zero")), InvalidParameterValueException.class,
                "InvalidParameterValue", "The value zero for parameter TreatMissingData is invalid.");
        fails(() -> w.alarm("n0", 0, 1, b -> { }), CloudWatchException.class, "ValidationError",
                "1 validation error detected: Value '0' at 'evaluationPeriods' failed to satisfy constraint: Member"
                        + " must have value greater than or equal to 1");
        fails(() -> w.alarm("", 1, 1, b -> { }), MissingRequiredParameterException.class, "MissingParameter",
                "The parameter AlarmName is required.");
        fails(() -> w.alarm("t", 1, 1, b -> b.threshold((Double) null)), MissingRequiredParameterException.class,
                "MissingParameter", "The parameter Threshold is required.");
        assertThat(w.cw.describeAlarms(r -> { }).metricAlarms()).isEmpty();
    }

    @Test
    void should_reject_bad_set_alarm_state_and_delete_valid_names_even_with_wrong_ones() {
        w.alarm("real", 1, 1, b -> { });
        fails(() -> w.cw.setAlarmState(r -> r.alarmName("nope").stateValue("ALARM").stateReason("x")),
                ResourceNotFoundException.class, "ResourceNotFound", "Alarm nope not found");
        fails(() -> w.cw.setAlarmState(r -> r.alarmName("real").stateValue("ALARM").stateReason("x")
                .stateReasonData("{not json")), CloudWatchException.class, "InvalidFormat",
                "StateReasonData is not valid JSON.");
        fails(() -> w.cw.deleteAlarms(r -> r.alarmNames("real", "ghost")), ResourceNotFoundException.class,
                "ResourceNotFound", "The following alarms were not found: ghost");
        assertThat(w.cw.alarmState("real")).isNull();
    }

    @Test
    void should_reject_bad_metric_data_and_queries() {
        w.at(30L * 24 * 3600);
        fails(() -> w.cw.putMetricData(r -> r.namespace("AWS/ECS").metricData(d -> d.metricName("x").value(1.0))),
                InvalidParameterValueException.class, "InvalidParameterValue",
                "The value AWS/ECS for parameter Namespace is invalid.");
        fails(() -> w.cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("x").value(1.0)
                        .timestamp(CwWorld.START))), InvalidParameterValueException.class, "InvalidParameterValue",
                "The parameter MetricData.member.1.Timestamp must specify a time no more than two weeks in the past.");
        fails(() -> w.cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("x").values(1.0, 2.0)
                        .counts(1.0))), InvalidParameterValueException.class, "InvalidParameterValue",
                "The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be of the same size.");
        fails(() -> w.cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("x").value(1.0)
                        .storageResolution(5))), InvalidParameterValueException.class, "InvalidParameterValue",
                "The value 5 for parameter MetricData.member.1.StorageResolution is invalid.");
        fails(() -> w.cw.getMetricStatistics(r -> r.namespace("App").metricName("x").statistics(Statistic.SUM)
                        .period(60).startTime(CwWorld.START).endTime(CwWorld.START.plusSeconds(60 * 1441))),
                InvalidParameterCombinationException.class, "InvalidParameterCombination",
                "You have requested up to 1,441 datapoints, which exceeds the limit of 1,440. You may reduce the"
                        + " datapoints requested by increasing Period, or decreasing the time range.");
        fails(() -> w.cw.getMetricData(r -> r.startTime(CwWorld.START).endTime(CwWorld.START.plusSeconds(60))
                        .metricDataQueries(q -> q.id("e1").expression("SUM(METRICS())"))),
                InvalidParameterValueException.class, "InvalidParameterValue",
                "Metric math expressions are not supported by this simulation (query e1); use MetricStat queries.");
    }
}
