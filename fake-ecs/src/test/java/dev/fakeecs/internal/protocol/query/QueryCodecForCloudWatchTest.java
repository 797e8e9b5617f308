package dev.fakeecs.internal.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The Query codec is generic over the SDK client it fronts: CloudWatch's Query flavour (timestamps, doubles,
 * enums, lists of structures with nested lists, an operation without a result) decodes and encodes with the same
 * handler, given CloudWatch's API version, namespace and signing name.
 */
class QueryCodecForCloudWatchTest {

    private static final String NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    private final List<Object> received = new ArrayList<>();
    private final CloudWatchClient engine = new CloudWatchClient() {
        @Override
        public GetMetricStatisticsResponse getMetricStatistics(GetMetricStatisticsRequest request) {
            received.add(request);
            return GetMetricStatisticsResponse.builder().label(request.metricName()).datapoints(
                    Datapoint.builder().timestamp(Instant.parse("2026-01-01T00:01:00Z")).average(2.5).unit(StandardUnit.PERCENT).build())
                    .build();
        }

        @Override
        public PutMetricDataResponse putMetricData(PutMetricDataRequest request) {
            received.add(request);
            return PutMetricDataResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    };
    private final QueryProtocolHandler handler = QueryProtocolHandler.builder(CloudWatchClient.class)
            .apiVersion("2010-08-01").xmlNamespace(NS).signingName("monitoring")
            .regions(name -> engine).defaultRegion("us-east-1").build();

    private ProtocolResponse post(String body) {
        return handler.handle(new ProtocolRequest(null, "application/x-www-form-urlencoded", null,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void should_decode_timestamps_enums_and_nested_lists_and_encode_datapoints() {
        ProtocolResponse response = post("Action=GetMetricStatistics&Version=2010-08-01&Namespace=AWS%2FApplicationELB"
                + "&MetricName=TargetResponseTime&StartTime=2026-01-01T00%3A00%3A00Z&EndTime=1767226200.5&Period=60"
                + "&Statistics.member.1=Average&Statistics.member.2=Maximum"
                + "&Dimensions.member.1.Name=LoadBalancer&Dimensions.member.1.Value=app%2Fedge%2F1");

        GetMetricStatisticsRequest got = (GetMetricStatisticsRequest) received.get(0);
        assertThat(got.startTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(got.endTime()).isEqualTo(Instant.parse("2026-01-01T00:10:00.500Z"));
        assertThat(got.statistics()).containsExactly(Statistic.AVERAGE, Statistic.MAXIMUM);
        assertThat(got.dimensions()).extracting(d -> d.name() + "=" + d.value()).containsExactly("LoadBalancer=app/edge/1");
        assertThat(response.bodyAsString()).contains("<GetMetricStatisticsResponse xmlns=\"" + NS + "\">"
                + "<GetMetricStatisticsResult><Label>TargetResponseTime</Label><Datapoints><member>"
                + "<Timestamp>2026-01-01T00:01:00.000Z</Timestamp><Average>2.5</Average><Unit>Percent</Unit></member>"
                + "</Datapoints></GetMetricStatisticsResult>");
    }

    @Test
    void should_decode_doubles_inside_lists_of_structures_and_answer_an_empty_result() {
        ProtocolResponse response = post("Action=PutMetricData&Version=2010-08-01&Namespace=App"
                + "&MetricData.member.1.MetricName=Latency&MetricData.member.1.Value=0.25"
                + "&MetricData.member.1.Timestamp=2026-01-01T00%3A00%3A30.125Z"
                + "&MetricData.member.1.Dimensions.member.1.Name=Service&MetricData.member.1.Dimensions.member.1.Value=web"
                + "&MetricData.member.1.Values.member.1=1.5&MetricData.member.1.Values.member.2=-2E3");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).contains("<PutMetricDataResponse xmlns=\"" + NS + "\"><PutMetricDataResult/><ResponseMetadata>");
        PutMetricDataRequest got = (PutMetricDataRequest) received.get(0);
        assertThat(got.metricData()).singleElement().satisfies(d -> {
            assertThat(d.value()).isEqualTo(0.25);
            assertThat(d.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:30.125Z"));
            assertThat(d.dimensions()).extracting(x -> x.value()).containsExactly("web");
            assertThat(d.values()).containsExactly(1.5, -2000.0);
        });
    }

    @Test
    void should_check_cloudwatch_enums_generically() {
        ProtocolResponse response = post("Action=GetMetricStatistics&Version=2010-08-01&Statistics.member.1=Median");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsString()).contains("<Code>ValidationError</Code>")
                .contains("Value 'Median' at 'statistics.1.member' failed to satisfy constraint: Member must satisfy enum value set: [SampleCount, Average, Sum, Minimum, Maximum]");
        assertThat(received).isEmpty();
    }
}
