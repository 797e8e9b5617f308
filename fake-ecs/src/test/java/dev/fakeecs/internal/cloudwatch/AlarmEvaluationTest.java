package dev.fakeecs.internal.cloudwatch;

import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Metric alarm evaluation per neighbours 4.2: M of N, TreatMissingData, the N+2 range, reasons, history. */
class AlarmEvaluationTest {

    private final CwWorld w = new CwWorld();

    @AfterEach
    void close() {
        w.ecs.close();
    }

    @Test
    void should_start_insufficient_and_go_to_alarm_on_one_breaching_datapoint_with_aws_reason_and_data() {
        // given
        w.alarm("lat", 1, 1.0, b -> { });
        assertThat(w.state("lat")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(w.reason("lat")).isEqualTo("Unchecked: Initial alarm creation");

        // when: 3.0 during the first minute; evaluation at 00:01:00
        w.at(30);
        w.put(3.0, -1);
        w.at(59);
        assertThat(w.state("lat")).isEqualTo("INSUFFICIENT_DATA");
        w.at(60);

        // then
        assertThat(w.state("lat")).isEqualTo("ALARM");
        assertThat(w.reason("lat")).isEqualTo(
                "Threshold Crossed: 1 datapoint [3.0 (01/01/26 00:00:00)] was greater than or equal to the threshold (1.0).");
        assertThat(w.cw.inspectAlarm("lat").stateReasonData()).isEqualTo("{\"version\":\"1.0\","
                + "\"queryDate\":\"2026-01-01T00:01:00.000+0000\",\"startDate\":\"2025-12-31T23:58:00.000+0000\","
                + "\"statistic\":\"Average\",\"period\":60,\"recentDatapoints\":[3.0],\"threshold\":1.0,"
                + "\"evaluatedDatapoints\":[{\"timestamp\":\"2026-01-01T00:00:00.000+0000\",\"sampleCount\":1.0,"
                + "\"value\":3.0}]}");
        assertThat(w.ecs.journal().ofType(JournalEventType.ALARM_STATE)).last()
                .satisfies(e -> assertThat(e.detail("to")).isEqualTo("ALARM"));
    }

    @Test
    void should_alarm_when_m_of_the_last_n_datapoints_breach_not_necessarily_consecutive() {
        // given: five minutes already stored: 0, 5, 0, 4, 0 (00:05 .. 00:09)
        w.at(600);
        double[] values = {0, 5, 0, 4, 0};
        for (int i = 0; i < values.length; i++) {
            w.put(values[i], 300 + 60L * i);
        }
        w.alarm("m-of-n", 5, 3.0, b -> b.datapointsToAlarm(2));

        // when
        w.at(660);

        // then
        assertThat(w.state("m-of-n")).isEqualTo("ALARM");
        assertThat(w.reason("m-of-n")).isEqualTo("Threshold Crossed: 2 out of the last 5 datapoints "
                + "[4.0 (01/01/26 00:08:00), 5.0 (01/01/26 00:06:00)] were greater than or equal to the threshold (3.0)"
                + " (minimum 2 datapoints for OK -> ALARM transition).");
    }

    @Test
    void should_stay_ok_when_fewer_than_m_datapoints_breach_and_recover_with_a_not_reason() {
        // given: 3 of 3; breaching for three minutes
        w.alarm("three", 3, 10.0, b -> { });
        for (int i = 0; i < 3; i++) {
            w.at(60L * i + 1);
            w.put(20.0, -1);
        }
        w.at(180);
        assertThat(w.state("three")).isEqualTo("ALARM");
        assertThat(w.reason("three")).isEqualTo("Threshold Crossed: 3 datapoints [20.0 (01/01/26 00:02:00), "
                + "20.0 (01/01/26 00:01:00), 20.0 (01/01/26 00:00:00)] were greater than or equal to the threshold (10.0).");

        // when: one datapoint below
        w.at(181);
        w.put(1.0, -1);
        w.at(240);

        // then
        assertThat(w.state("three")).isEqualTo("OK");
        assertThat(w.reason("three")).isEqualTo(
                "Threshold Crossed: 1 datapoint [1.0 (01/01/26 00:03:00)] was not greater than or equal to the threshold (10.0).");
    }

    @Test
    void should_go_insufficient_only_when_the_whole_n_plus_2_range_is_missing() {
        // given: N = 1, a datapoint in the first minute
        w.alarm("gone", 1, 10.0, b -> b.treatMissingData("missing"));
        w.put(1.0, 10);
        w.at(60);
        assertThat(w.state("gone")).isEqualTo("OK");

        // when: no more data; the range (3 periods) still holds the point at 120 and 180
        w.at(180);
        assertThat(w.state("gone")).isEqualTo("OK");
        w.at(240);

        // then
        assertThat(w.state("gone")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(w.reason("gone")).isEqualTo("Insufficient Data: 1 datapoint was unknown.");
    }

    @Test
    void should_treat_all_missing_as_ok_alarm_or_kept_state_per_treat_missing_data() {
        // given
        w.alarm("not-breaching", 1, 10.0, b -> b.treatMissingData("notBreaching"));
        w.alarm("breaching", 1, 10.0, b -> b.treatMissingData("breaching"));
        w.alarm("ignore", 1, 10.0, b -> b.treatMissingData("ignore"));

        // when: no data at all
        w.at(60);

        // then
        assertThat(w.state("not-breaching")).isEqualTo("OK");
        assertThat(w.reason("not-breaching")).isEqualTo("Threshold Crossed: no datapoints were received for 1 period"
                + " and 1 missing datapoint was treated as [NonBreaching].");
        assertThat(w.state("breaching")).isEqualTo("ALARM");
        assertThat(w.reason("breaching")).isEqualTo("Threshold Crossed: no datapoints were received for 1 period"
                + " and 1 missing datapoint was treated as [Breaching].");
        assertThat(w.state("ignore")).isEqualTo("INSUFFICIENT_DATA");

        // and: ignore keeps OK when the data stops
        w.at(61);
        w.put(1.0, -1);
        w.at(120);
        assertThat(w.state("ignore")).isEqualTo("OK");
        w.at(3600);
        assertThat(w.state("ignore")).isEqualTo("OK");
    }

    @Test
    void should_judge_the_newest_n_real_datapoints_of_the_range_before_filling_gaps() {
        // given: N = 2, M = 1, missing = breaching; real non-breaching points at 00:00 and 00:01, none at 00:02
        w.alarm("range", 2, 10.0, b -> b.datapointsToAlarm(1).treatMissingData("breaching"));
        w.put(1.0, 0);
        w.put(1.0, 60);

        // when: at 00:03 the newest period is missing, but the 4-period range holds 2 real points
        w.at(180);

        // then: the two real points are judged (filling the newest 2 periods would have breached)
        assertThat(w.state("range")).isEqualTo("OK");
        assertThat(w.reason("range")).isEqualTo("Threshold Crossed: 2 out of the last 2 datapoints "
                + "[1.0 (01/01/26 00:01:00), 1.0 (01/01/26 00:00:00)] were not greater than or equal to the threshold"
                + " (10.0) (minimum 2 datapoints for ALARM -> OK transition).");

        // and: still 2 real points in range at 00:04; at 00:05 only one is left, the newest 2 periods are filled
        w.at(240);
        assertThat(w.state("range")).isEqualTo("OK");
        w.at(300);
        assertThat(w.state("range")).isEqualTo("ALARM");
        assertThat(w.reason("range")).isEqualTo("Threshold Crossed: no datapoints were received for 2 periods"
                + " and 2 missing datapoints were treated as [Breaching].");
    }

    @Test
    void should_hold_set_alarm_state_until_the_next_evaluation_and_record_history() {
        // given: OK at 00:01
        w.alarm("held", 1, 10.0, b -> { });
        w.put(1.0, 10);
        w.at(60);
        w.put(1.0, -1);
        assertThat(w.state("held")).isEqualTo("OK");

        // when
        w.at(90);
        w.cw.setAlarmState(r -> r.alarmName("held").stateValue("ALARM").stateReason("testing the pager"));

        // then: held until the evaluation at 00:02
        w.at(119);
        assertThat(w.state("held")).isEqualTo("ALARM");
        assertThat(w.reason("held")).isEqualTo("testing the pager");
        w.at(120);
        assertThat(w.state("held")).isEqualTo("OK");

        List<AlarmHistoryItem> history = w.cw.describeAlarmHistory(r -> r.alarmName("held")
                .historyItemType(HistoryItemType.STATE_UPDATE).scanBy("TimestampAscending")).alarmHistoryItems();
        assertThat(history).extracting(AlarmHistoryItem::historySummary).containsExactly(
                "Alarm updated from INSUFFICIENT_DATA to OK", "Alarm updated from OK to ALARM",
                "Alarm updated from ALARM to OK");
        assertThat(history.get(1).timestamp()).isEqualTo(CwWorld.START.plusSeconds(90));
        assertThat(history.get(1).historyData()).contains("\"newState\":{\"stateValue\":\"ALARM\",\"stateReason\":\"testing the pager\"");
    }

    @Test
    void should_keep_state_on_update_and_history_after_delete_and_tell_listeners() {
        // given
        List<String> changes = new ArrayList<>();
        w.cw.addAlarmStateListener((alarm, from, to, reason) -> changes.add(alarm + ":" + from + "->" + to));
        w.alarm("kept", 1, 10.0, b -> { });
        w.put(20.0, 10);
        w.at(60);
        assertThat(w.state("kept")).isEqualTo("ALARM");

        // when: updated (new threshold), then deleted
        w.alarm("kept", 1, 50.0, b -> b.alarmDescription("higher"));
        assertThat(w.state("kept")).isEqualTo("ALARM");
        assertThat(w.cw.inspectAlarm("kept").alarmDescription()).isEqualTo("higher");
        w.cw.deleteAlarms(r -> r.alarmNames("kept"));

        // then
        assertThat(w.cw.describeAlarms(r -> r.alarmNames("kept")).metricAlarms()).isEmpty();
        assertThat(w.cw.describeAlarmHistory(r -> r.alarmName("kept")).alarmHistoryItems())
                .extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm \"kept\" updated", "Alarm updated from INSUFFICIENT_DATA to ALARM",
                        "Alarm \"kept\" created");
        assertThat(changes).containsExactly("kept:INSUFFICIENT_DATA->ALARM");
    }

    @Test
    void should_evaluate_high_resolution_alarms_every_10_seconds() {
        // given: a 10 s alarm on high-resolution data
        w.alarm("fast", 1, 10.0, b -> b.period(10));
        w.at(3);
        w.cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("Latency").value(50.0)
                .storageResolution(1)));

        // when
        w.at(10);

        // then
        assertThat(w.state("fast")).isEqualTo("ALARM");
        assertThat(w.reason("fast")).isEqualTo("Threshold Crossed: 1 datapoint [50.0 (01/01/26 00:00:00)] was greater"
                + " than or equal to the threshold (10.0).");
    }
}
