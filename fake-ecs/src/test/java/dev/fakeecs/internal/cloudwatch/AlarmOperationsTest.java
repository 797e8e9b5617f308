package dev.fakeecs.internal.cloudwatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** DescribeAlarms filters and paging, DescribeAlarmsForMetric, actions enabled, tags, the internal API. */
class AlarmOperationsTest {

    private final CwWorld w = new CwWorld();

    @AfterEach
    void close() {
        w.ecs.close();
    }

    @Test
    void should_filter_and_page_describe_alarms_in_name_order() {
        // given
        for (String name : new String[]{"web-5xx", "web-cpu", "db-cpu"}) {
            w.alarm(name, 2, 1, b -> b.alarmActions("arn:aws:sns:us-east-1:123456789012:" + name));
        }
        w.cw.setAlarmState(r -> r.alarmName("web-cpu").stateValue("ALARM").stateReason("test"));

        // when
        DescribeAlarmsResponse first = w.cw.describeAlarms(r -> r.maxRecords(2));
        DescribeAlarmsResponse second = w.cw.describeAlarms(r -> r.maxRecords(2).nextToken(first.nextToken()));

        // then
        assertThat(first.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("db-cpu", "web-5xx");
        assertThat(second.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("web-cpu");
        assertThat(second.nextToken()).isNull();
        assertThat(w.cw.describeAlarms(r -> r.alarmNamePrefix("web-")).metricAlarms()).hasSize(2);
        assertThat(w.cw.describeAlarms(r -> r.stateValue("ALARM")).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("web-cpu");
        assertThat(w.cw.describeAlarms(r -> r.actionPrefix("arn:aws:sns:us-east-1:123456789012:db")).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("db-cpu");
        assertThat(w.cw.describeAlarms(r -> r.alarmTypesWithStrings("CompositeAlarm")).metricAlarms()).isEmpty();
        MetricAlarm shown = w.cw.describeAlarms(r -> r.alarmNames("db-cpu")).metricAlarms().get(0);
        assertThat(shown.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:db-cpu");
        assertThat(shown.evaluationPeriods()).isEqualTo(2);
        assertThat(shown.datapointsToAlarm()).isNull();
        assertThat(shown.actionsEnabled()).isTrue();
    }

    @Test
    void should_find_alarms_for_a_metric_and_toggle_actions_and_tags() {
        // given
        w.alarm("plain", 1, 1, b -> b.tags(Tag.builder().key("team").value("orders").build()));
        w.alarm("dimensioned", 1, 1, b -> b.dimensions(Dimension.builder().name("Service").value("a").build()));

        // when
        w.cw.disableAlarmActions(r -> r.alarmNames("plain", "unknown"));
        String arn = w.cw.inspectAlarm("plain").alarmArn();
        w.cw.tagResource(r -> r.resourceARN(arn).tags(Tag.builder().key("env").value("prod").build()));
        w.cw.untagResource(r -> r.resourceARN(arn).tagKeys("team"));

        // then
        assertThat(w.cw.describeAlarmsForMetric(r -> r.namespace("App").metricName("Latency")
                .statistic(Statistic.AVERAGE)).metricAlarms()).extracting(MetricAlarm::alarmName)
                .containsExactly("plain");
        assertThat(w.cw.describeAlarmsForMetric(r -> r.namespace("App").metricName("Latency")
                .dimensions(Dimension.builder().name("Service").value("a").build())).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("dimensioned");
        assertThat(w.cw.inspectAlarm("plain").actionsEnabled()).isFalse();
        assertThat(w.cw.listTagsForResource(r -> r.resourceARN(arn)).tags())
                .containsExactly(Tag.builder().key("env").value("prod").build());
        assertThat(w.cw.evaluationSpan("plain")).isEqualTo(Duration.ofMinutes(1));
        assertThat(w.cw.evaluationSpan("none")).isNull();
        assertThat(w.cw.alarmState("none")).isNull();
    }
}
