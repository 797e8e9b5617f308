package dev.fakeecs.internal.cloudwatch;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.region.RegionEngine;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** A world (as FakeEcs builds it) starting at a whole minute, with its default region's CloudWatch at hand. */
final class CwWorld {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final FakeEcs ecs;
    final CloudWatch cw;

    CwWorld() {
        this(7);
    }

    CwWorld(long seed) {
        ecs = FakeEcs.builder().seed(seed).start(START).build();
        cw = RegionEngine.of(ecs.defaultRegion()).service(CloudWatch.SERVICE);
    }

    /** Advances to {@code START + seconds}. */
    void at(long seconds) {
        ecs.clock().advanceTo(START.plusSeconds(seconds));
    }

    /** Puts one value of App/Latency now, or at {@code START + seconds} when {@code seconds >= 0}. */
    void put(double value, long seconds) {
        cw.putMetricData(r -> r.namespace("App").metricData(d -> {
            d.metricName("Latency").value(value);
            if (seconds >= 0) {
                d.timestamp(START.plusSeconds(seconds));
            }
        }));
    }

    /** An alarm on App/Latency Average, 60 s periods, N of N, >= threshold, customised by {@code more}. */
    void alarm(String name, int n, double threshold, Consumer<PutMetricAlarmRequest.Builder> more) {
        PutMetricAlarmRequest.Builder b = PutMetricAlarmRequest.builder().alarmName(name).namespace("App")
                .metricName("Latency").statistic(Statistic.AVERAGE).period(60).evaluationPeriods(n)
                .threshold(threshold).comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        more.accept(b);
        cw.putMetricAlarm(b.build());
    }

    String state(String alarm) {
        return cw.alarmState(alarm);
    }

    String reason(String alarm) {
        return cw.inspectAlarm(alarm).stateReason();
    }

    void advance(Duration d) {
        ecs.clock().advance(d);
    }
}
