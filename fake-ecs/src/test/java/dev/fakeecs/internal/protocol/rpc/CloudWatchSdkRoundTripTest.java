package dev.fakeecs.internal.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.internal.client.CloudWatchClients;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** A real SDK CloudWatchClient (Smithy RPC v2 CBOR), in process, through the RPC handler to a recording double. */
class CloudWatchSdkRoundTripTest {

    private final RecordingCloudWatch engine = new RecordingCloudWatch();
    private final List<ProtocolRequest> seen = new ArrayList<>();
    private final ProtocolRouter router = ProtocolRouter.builder()
            .service(SimulatedServices.cloudWatch(name -> name.equals("us-east-1") ? engine : null, "us-east-1"))
            .build();
    private final ProtocolRouter recording = ProtocolRouter.builder().service(new Spy()).build();
    private final CloudWatchClient cw = CloudWatchClients.sync(recording, "us-east-1");

    @AfterEach
    void close() {
        cw.close();
    }

    @Test
    void should_speak_cbor_to_the_service_path() {
        cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("Latency").value(1.0)));

        ProtocolRequest request = seen.get(0);
        assertThat(request.path()).isEqualTo("/service/GraniteServiceVersion20100801/operation/PutMetricData");
        assertThat(request.contentType()).isEqualTo("application/cbor");
        assertThat(request.target()).isNull();
        assertThat(request.authorization()).contains("/us-east-1/monitoring/aws4_request");
    }

    @Test
    void should_carry_put_metric_data_with_timestamps_dimensions_and_statistic_sets() {
        Instant at = Instant.parse("2026-01-02T03:04:05.250Z");
        cw.putMetricData(r -> r.namespace("App").metricData(
                d -> d.metricName("Latency").value(12.5).unit("Milliseconds").timestamp(at)
                        .dimensions(x -> x.name("Service").value("web"), x -> x.name("Cluster").value("prod")),
                d -> d.metricName("Requests").statisticValues(s -> s.sampleCount(3.0).sum(30.0).minimum(5.0).maximum(15.0))
                        .storageResolution(1),
                d -> d.metricName("Sizes").values(1.0, 2.0).counts(3.0, 4.0)));

        PutMetricDataRequest got = engine.last(PutMetricDataRequest.class);
        assertThat(got.namespace()).isEqualTo("App");
        assertThat(got.metricData()).hasSize(3);
        assertThat(got.metricData().get(0).timestamp()).isEqualTo(at);
        assertThat(got.metricData().get(0).value()).isEqualTo(12.5);
        assertThat(got.metricData().get(0).unitAsString()).isEqualTo("Milliseconds");
        assertThat(got.metricData().get(0).dimensions()).extracting(d -> d.name() + "=" + d.value())
                .containsExactly("Service=web", "Cluster=prod");
        assertThat(got.metricData().get(1).statisticValues().sum()).isEqualTo(30.0);
        assertThat(got.metricData().get(1).storageResolution()).isEqualTo(1);
        assertThat(got.metricData().get(2).values()).containsExactly(1.0, 2.0);
        assertThat(got.metricData().get(2).counts()).containsExactly(3.0, 4.0);
    }

    @Test
    void should_carry_describe_alarms_both_ways() {
        DescribeAlarmsResponse response = cw.describeAlarms(r -> r.alarmNames("web-5xx", "other")
                .stateValue(StateValue.ALARM).maxRecords(10));

        assertThat(engine.last(software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest.class))
                .satisfies(got -> {
                    assertThat(got.alarmNames()).containsExactly("web-5xx", "other");
                    assertThat(got.stateValue()).isEqualTo(StateValue.ALARM);
                    assertThat(got.maxRecords()).isEqualTo(10);
                });
        assertThat(response.nextToken()).isEqualTo("page-2");
        assertThat(response.metricAlarms()).singleElement().satisfies(alarm -> {
            assertThat(alarm.alarmName()).isEqualTo(RecordingCloudWatch.ALARM);
            assertThat(alarm.alarmArn()).isEqualTo(RecordingCloudWatch.ALARM_ARN);
            assertThat(alarm.threshold()).isEqualTo(5.0);
            assertThat(alarm.period()).isEqualTo(60);
            assertThat(alarm.stateValue()).isEqualTo(StateValue.ALARM);
            assertThat(alarm.stateUpdatedTimestamp()).isEqualTo(RecordingCloudWatch.UPDATED);
            assertThat(alarm.actionsEnabled()).isTrue();
            assertThat(alarm.dimensions()).extracting(d -> d.name() + "=" + d.value())
                    .containsExactly("TargetGroup=targetgroup/web/1");
        });
    }

    @Test
    void should_carry_get_metric_statistics_timestamps_both_ways() {
        Instant start = Instant.parse("2026-01-02T00:00:00Z");
        Instant end = Instant.parse("2026-01-02T06:00:00.500Z");
        GetMetricStatisticsResponse response = cw.getMetricStatistics(r -> r.namespace("AWS/ECS")
                .metricName("CPUUtilization").startTime(start).endTime(end).period(300)
                .statistics(Statistic.AVERAGE, Statistic.SAMPLE_COUNT)
                .dimensions(d -> d.name("ClusterName").value("prod")));

        GetMetricStatisticsRequest got = engine.last(GetMetricStatisticsRequest.class);
        assertThat(got.startTime()).isEqualTo(start);
        assertThat(got.endTime()).isEqualTo(end);
        assertThat(got.statistics()).containsExactly(Statistic.AVERAGE, Statistic.SAMPLE_COUNT);
        assertThat(response.label()).isEqualTo("CPUUtilization");
        assertThat(response.datapoints()).singleElement().satisfies(p -> {
            assertThat(p.timestamp()).isEqualTo(RecordingCloudWatch.POINT);
            assertThat(p.average()).isEqualTo(42.5);
            assertThat(p.unitAsString()).isEqualTo("Percent");
        });
    }

    @Test
    void should_carry_set_alarm_state() {
        cw.setAlarmState(r -> r.alarmName("web-5xx").stateValue(StateValue.OK).stateReason("test"));

        SetAlarmStateRequest got = engine.last(SetAlarmStateRequest.class);
        assertThat(got.stateValue()).isEqualTo(StateValue.OK);
        assertThat(got.stateReason()).isEqualTo("test");
    }

    @Test
    void should_raise_the_modeled_exception_with_the_query_code() {
        assertThatThrownBy(() -> cw.setAlarmState(r -> r.alarmName("nope").stateValue(StateValue.OK).stateReason("x")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Alarm nope not found");
                });
    }

    @Test
    void should_raise_missing_parameter_for_a_missing_required_member() {
        assertThatThrownBy(() -> cw.setAlarmState(r -> r.alarmName("web-5xx").stateValue(StateValue.OK)))
                .isInstanceOfSatisfying(MissingRequiredParameterException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("'StateReason'")
                            .contains("Member must not be null");
                });
    }

    @Test
    void should_raise_invalid_parameter_value_for_a_value_out_of_range() {
        assertThatThrownBy(() -> cw.describeAlarms(r -> r.maxRecords(101)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '101' "
                            + "at 'MaxRecords' failed to satisfy constraint: Member must have value less than or equal to 100");
                });
    }

    @Test
    void should_answer_an_operation_the_double_does_not_implement_as_unsupported() {
        assertThatThrownBy(() -> cw.listDashboards(r -> { }))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("fake-ecs does not support the operation ListDashboards yet");
                });
    }

    /** Records each request on its way to the CloudWatch handler. */
    private final class Spy implements dev.fakeecs.internal.protocol.ServiceProtocolHandler {
        @Override
        public String signingName() {
            return "monitoring";
        }

        @Override
        public String targetPrefix() {
            return null;
        }

        @Override
        public boolean servesPath(String path) {
            return true;
        }

        @Override
        public ProtocolResponse handle(ProtocolRequest request) {
            seen.add(request);
            return router.handle(request);
        }
    }
}
