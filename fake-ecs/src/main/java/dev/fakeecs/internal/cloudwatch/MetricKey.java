package dev.fakeecs.internal.cloudwatch;

import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What identifies a metric: namespace, name and dimensions (a metric with different dimensions is another
 * metric; dimension order does not matter).
 *
 * <pre>{@code
 * MetricKey k = MetricKey.of("AWS/ECS", "CPUUtilization", Map.of("ClusterName", "prod", "ServiceName", "web"));
 * }</pre>
 */
public record MetricKey(String namespace, String name, SortedMap<String, String> dimensions) {

    public MetricKey {
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    /** A key from a dimension map. */
    public static MetricKey of(String namespace, String name, Map<String, String> dimensions) {
        return new MetricKey(namespace, name, new TreeMap<>(dimensions));
    }

    /** A key from the SDK's dimensions. */
    static MetricKey of(String namespace, String name, List<Dimension> dimensions) {
        TreeMap<String, String> d = new TreeMap<>();
        if (dimensions != null) {
            for (Dimension dim : dimensions) {
                d.put(dim.name(), dim.value());
            }
        }
        return new MetricKey(namespace, name, d);
    }

    /** The SDK's dimensions, in name order. */
    List<Dimension> sdkDimensions() {
        List<Dimension> list = new ArrayList<>(dimensions.size());
        dimensions.forEach((n, v) -> list.add(Dimension.builder().name(n).value(v).build()));
        return list;
    }

    /** The metric as ListMetrics shows it. */
    Metric sdkMetric() {
        return Metric.builder().namespace(namespace).metricName(name).dimensions(sdkDimensions()).build();
    }
}
