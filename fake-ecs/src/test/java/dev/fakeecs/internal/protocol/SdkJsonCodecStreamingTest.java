package dev.fakeecs.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricWidgetImageResponse;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/** {@link SdkJsonCodec#toJson} writes the very bytes that serialising {@link SdkJsonCodec#encode}'s tree gives. */
class SdkJsonCodecStreamingTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private final SdkJsonCodec codec = SdkJsonCodec.instance();

    private void assertSameBytes(SdkPojo pojo) throws Exception {
        byte[] tree = MAPPER.writeValueAsBytes(codec.encode(pojo));
        byte[] streamed = codec.toJson(pojo, MAPPER);
        assertThat(new String(streamed, StandardCharsets.UTF_8)).isEqualTo(new String(tree, StandardCharsets.UTF_8));
        assertThat(streamed).isEqualTo(tree);
    }

    @Test
    void should_write_the_same_bytes_as_the_tree_for_nested_lists_maps_timestamps_and_numbers() throws Exception {
        Task task = Task.builder()
                .taskArn("arn:aws:ecs:us-east-1:123456789012:task/prod/0123")
                .createdAt(Instant.parse("2026-01-01T00:00:00.123Z"))
                .startedAt(Instant.parse("2026-01-01T00:01:00Z"))
                .stoppedAt(Instant.parse("1969-12-31T23:59:59.001Z"))
                .containers(Container.builder().name("app \"quoted\" \u00e9\u4e2d\ud83d\ude00 \n\t\u0001").exitCode(-1).build(),
                        Container.builder().name("side").build())
                .tags(List.of())
                .version(Long.MAX_VALUE)
                .build();
        assertSameBytes(DescribeTasksResponse.builder().tasks(task).failures(List.of()).build());
        assertSameBytes(DescribeTasksResponse.builder().build());
        assertSameBytes(DescribeClustersResponse.builder().clusters(Cluster.builder().clusterName("bench")
                .statistics(KeyValuePair.builder().name("a").value("1").build()).registeredContainerInstancesCount(0)
                .tags(Tag.builder().key("k").value("").build()).build()).build());
        assertSameBytes(RegisterTaskDefinitionRequest.builder().family("web")
                .containerDefinitions(ContainerDefinition.builder().name("app")
                        .logConfiguration(LogConfiguration.builder().logDriver("awslogs")
                                .options(new LinkedHashMap<>(Map.of("b", "2", "a", "1"))).build())
                        .dockerLabels(Map.of()).build())
                .build());
        assertSameBytes(GetMetricWidgetImageResponse.builder()
                .metricWidgetImage(SdkBytes.fromByteArray(new byte[] {0, -1, 42, 7, 99})).build());
    }

    @Property(tries = 200)
    void should_write_the_same_bytes_for_any_double_long_and_integer(@ForAll @DoubleRange(min = -1e300, max = 1e300) double d,
            @ForAll long l, @ForAll int i, @ForAll long millis) throws Exception {
        Resource resource = Resource.builder().name("CPU").type("INTEGER").doubleValue(d).longValue(l).integerValue(i)
                .stringSetValue(new ArrayList<>(List.of("x", "y"))).build();
        assertSameBytes(software.amazon.awssdk.services.ecs.model.ContainerInstance.builder()
                .registeredResources(resource).remainingResources(resource)
                .registeredAt(Instant.ofEpochMilli(millis % 32_000_000_000_000L)).build());
    }

    @Test
    void should_write_big_decimals_as_the_tree_does() throws Exception {
        for (String value : new String[] {"0", "1.50", "1E+3", "-0.000000001", "123456789012345678901234567890.5"}) {
            assertSameBytes(software.amazon.awssdk.services.cloudwatch.model.Datapoint.builder()
                    .average(new BigDecimal(value).doubleValue()).build());
        }
    }
}
