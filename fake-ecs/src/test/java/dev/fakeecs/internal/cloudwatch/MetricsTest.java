package dev.fakeecs.internal.cloudwatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PutMetricData, GetMetricStatistics (statistics, percentiles, periods), GetMetricData, ListMetrics, retention. */
class MetricsTest {

    private final CwWorld w = new CwWorld();

    @AfterEach
    void close() {
        w.ecs.close();
    }

    @Test
    void should_aggregate_values_and_statistic_sets_per_period() {
        // given: minute 0 has 1..10 (values) and a statistic set; minute 1 has a single 7
        w.at(600);
        w.cw.putMetricData(r -> r.namespace("App").metricData(
                d -> d.metricName("Latency").values(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0)
                        .timestamp(CwWorld.START.plusSeconds(5)).unit("Milliseconds"),
                d -> d.metricName("Latency").timestamp(CwWorld.START.plusSeconds(6)).unit("Milliseconds")
                        .statisticValues(s -> s.sampleCount(2.0).sum(30.0).minimum(10.0).maximum(20.0))));
        w.put(7.0, 70);

        // when
        List<Datapoint> points = w.cw.getMetricStatistics(r -> r.namespace("App").metricName("Latency")
                .startTime(CwWorld.START).endTime(CwWorld.START.plusSeconds(180)).period(60)
                .statistics(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE, Statistic.MINIMUM,
                        Statistic.MAXIMUM)).datapoints();
        List<Datapoint> p90 = w.cw.getMetricStatistics(r -> r.namespace("App").metricName("Latency")
                .startTime(CwWorld.START.plusSeconds(60)).endTime(CwWorld.START.plusSeconds(120)).period(60)
                .extendedStatistics("p90")).datapoints();

        // then
        assertThat(points).hasSize(2);
        Datapoint first = points.get(0);
        assertThat(first.timestamp()).isEqualTo(CwWorld.START);
        assertThat(first.sampleCount()).isEqualTo(12.0);
        assertThat(first.sum()).isEqualTo(85.0);
        assertThat(first.minimum()).isEqualTo(1.0);
        assertThat(first.maximum()).isEqualTo(20.0);
        assertThat(first.unitAsString()).isEqualTo("Milliseconds");
        assertThat(points.get(1).average()).isEqualTo(7.0);
        assertThat(p90).singleElement().satisfies(p -> assertThat(p.extendedStatistics()).containsEntry("p90", 7.0));
    }

    @Test
    void should_compute_nearest_rank_percentiles() {
        w.at(60);
        w.cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("Latency")
                .values(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0).timestamp(CwWorld.START)));
        Datapoint p = w.cw.getMetricStatistics(r -> r.namespace("App").metricName("Latency")
                .startTime(CwWorld.START).endTime(CwWorld.START.plusSeconds(60)).period(60)
                .extendedStatistics("p50", "p90", "p99.9")).datapoints().get(0);
        assertThat(p.extendedStatistics()).containsEntry("p50", 5.0).containsEntry("p90", 9.0)
                .containsEntry("p99.9", 10.0);
    }

    @Test
    void should_answer_get_metric_data_newest_first_and_list_metrics_with_filters() {
        // given
        w.at(300);
        for (int i = 0; i < 3; i++) {
            int v = i;
            w.cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("Errors").value((double) v)
                    .timestamp(CwWorld.START.plusSeconds(60L * v)).dimensions(Dimension.builder().name("Service")
                            .value("orders").build())));
        }
        w.cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("Errors").value(1.0)
                .dimensions(Dimension.builder().name("Service").value("payments").build())));
        w.cw.putMetricData(r -> r.namespace("Other").metricData(d -> d.metricName("Queue").value(1.0)));

        // when
        MetricDataResult result = w.cw.getMetricData(r -> r.startTime(CwWorld.START)
                .endTime(CwWorld.START.plusSeconds(300)).metricDataQueries(q -> q.id("errors")
                        .metricStat(s -> s.stat("Sum").period(60).metric(m -> m.namespace("App").metricName("Errors")
                                .dimensions(Dimension.builder().name("Service").value("orders").build())))))
                .metricDataResults().get(0);
        ListMetricsResponse orders = w.cw.listMetrics(r -> r.namespace("App")
                .dimensions(f -> f.name("Service").value("orders")));
        ListMetricsResponse all = w.cw.listMetrics(r -> { });

        // then
        assertThat(result.id()).isEqualTo("errors");
        assertThat(result.label()).isEqualTo("Errors");
        assertThat(result.timestamps()).containsExactly(CwWorld.START.plusSeconds(120), CwWorld.START.plusSeconds(60),
                CwWorld.START);
        assertThat(result.values()).containsExactly(2.0, 1.0, 0.0);
        assertThat(orders.metrics()).singleElement().satisfies(m -> assertThat(m.dimensions())
                .containsExactly(Dimension.builder().name("Service").value("orders").build()));
        assertThat(all.metrics()).hasSize(3);
    }

    @Test
    void should_page_list_metrics_by_500() {
        w.at(60);
        for (int i = 0; i < 12; i++) {
            int batch = i;
            w.cw.putMetricData(r -> r.namespace("App").metricData(java.util.stream.IntStream.range(0, 50)
                    .mapToObj(j -> software.amazon.awssdk.services.cloudwatch.model.MetricDatum.builder()
                            .metricName("m" + (batch * 50 + j)).value(1.0).build()).toList()));
        }
        ListMetricsResponse first = w.cw.listMetrics(r -> r.namespace("App"));
        ListMetricsResponse second = w.cw.listMetrics(r -> r.namespace("App").nextToken(first.nextToken()));
        assertThat(first.metrics()).hasSize(500);
        assertThat(second.metrics()).hasSize(100);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void should_roll_up_and_drop_old_datapoints_by_retention() {
        // given: a point at 00:00:30
        w.put(4.0, 30);
        Instant start = CwWorld.START;

        // when: 16 days later (pruning runs hourly from the tick)
        w.at(16L * 24 * 3600);

        // then: it survives only as a 5-minute statistic set: a 60 s query within the 15-day limit sees it at 00:00
        List<Datapoint> fiveMinutes = w.cw.getMetricStatistics(r -> r.namespace("App").metricName("Latency")
                .startTime(start).endTime(start.plusSeconds(600)).period(300).statistics(Statistic.SUM)).datapoints();
        assertThat(fiveMinutes).singleElement().satisfies(p -> {
            assertThat(p.timestamp()).isEqualTo(start);
            assertThat(p.sum()).isEqualTo(4.0);
        });

        // and: after 455 days it is gone, and so is the metric
        w.at(456L * 24 * 3600);
        assertThat(w.cw.getMetricStatistics(r -> r.namespace("App").metricName("Latency")
                .startTime(start).endTime(start.plusSeconds(3600)).period(3600).statistics(Statistic.SUM))
                .datapoints()).isEmpty();
        assertThat(w.cw.listMetrics(r -> r.namespace("App")).metrics()).isEmpty();
    }
}
