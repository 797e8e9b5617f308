package dev.fakeecs.internal.protocol.rpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;

/**
 * A CloudWatch test double: records every request, answers PutMetricData, DescribeAlarms, GetMetricStatistics and
 * SetAlarmState with canned answers; SetAlarmState of an alarm other than {@link #ALARM} throws ResourceNotFound as
 * CloudWatch does; {@link #failWith} makes the next call throw.
 */
public final class RecordingCloudWatch implements CloudWatchClient {

    public static final String ALARM = "web-5xx";
    public static final String ALARM_ARN = "arn:aws:cloudwatch:us-east-1:000000000000:alarm:web-5xx";
    public static final Instant UPDATED = Instant.parse("2026-01-02T03:04:05.678Z");
    public static final Instant POINT = Instant.parse("2026-01-02T03:00:00Z");

    final List<SdkRequest> requests = new ArrayList<>();
    private RuntimeException failure;

    public <T extends SdkRequest> T last(Class<T> type) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (type.isInstance(requests.get(i))) {
                return type.cast(requests.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " recorded");
    }

    void failWith(RuntimeException e) {
        this.failure = e;
    }

    private void record(SdkRequest request) {
        requests.add(request);
        RuntimeException f = failure;
        failure = null;
        if (f != null) {
            throw f;
        }
    }

    @Override
    public PutMetricDataResponse putMetricData(PutMetricDataRequest request) {
        record(request);
        return PutMetricDataResponse.builder().build();
    }

    @Override
    public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest request) {
        record(request);
        return DescribeAlarmsResponse.builder().metricAlarms(MetricAlarm.builder()
                .alarmName(ALARM).alarmArn(ALARM_ARN).namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count").statistic("Sum").period(60).evaluationPeriods(3)
                .threshold(5.0).comparisonOperator("GreaterThanThreshold").stateValue("ALARM")
                .stateReason("Threshold Crossed").stateUpdatedTimestamp(UPDATED)
                .dimensions(Dimension.builder().name("TargetGroup").value("targetgroup/web/1").build())
                .actionsEnabled(true).build())
                .nextToken("page-2").build();
    }

    @Override
    public GetMetricStatisticsResponse getMetricStatistics(GetMetricStatisticsRequest request) {
        record(request);
        return GetMetricStatisticsResponse.builder().label(request.metricName())
                .datapoints(Datapoint.builder().timestamp(POINT).average(42.5).sampleCount(3.0).unit("Percent").build())
                .build();
    }

    @Override
    public SetAlarmStateResponse setAlarmState(SetAlarmStateRequest request) {
        record(request);
        if (!ALARM.equals(request.alarmName())) {
            throw ResourceNotFoundException.builder().statusCode(404)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFound")
                            .errorMessage("Alarm " + request.alarmName() + " not found").build())
                    .build();
        }
        return SetAlarmStateResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return "monitoring";
    }

    @Override
    public void close() {
    }
}
