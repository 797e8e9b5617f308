package dev.fakeecs.internal.cloudwatch;

import dev.fakeecs.internal.alarms.AlarmDirectory;
import dev.fakeecs.internal.clock.QueuedEvent;
import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.neighbour.ApiCalls;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.neighbour.RegionalService;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchServiceClientConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * CloudWatch in one region: metrics (the ones the simulation publishes and the ones clients put) and metric
 * alarms evaluated on the virtual clock. Implements the SDK's client interface, so the wire handlers (Smithy RPC
 * v2 CBOR, AWS JSON 1.0, Query) call it as the ECS handler calls the ECS control plane (every operation under the
 * engine lock, after the region's interceptors and auto clock step); an operation it does not implement throws
 * {@link UnsupportedOperationException}.
 *
 * <p>One clock event per region does all the work: every whole virtual minute it stores the published metrics
 * ({@link PublishedMetrics}) and evaluates every alarm; while an alarm has a 10/20/30 s period it also ticks every
 * 10 s for the high-resolution alarms. The ticker starts with the region's first CloudWatch call (or
 * {@link #startCollecting}), so a world that never uses CloudWatch queues nothing and journals as before.
 *
 * <pre>{@code
 * CloudWatch cw = RegionEngine.of(ecs.region("us-east-1")).service(CloudWatch.SERVICE);
 * cw.describeAlarms(b -> b.alarmNames("orders-5xx"));
 * cw.addAlarmStateListener((alarm, from, to, reason) -> log(alarm + " " + to));
 * String state = cw.alarmState("orders-5xx");   // OK | ALARM | INSUFFICIENT_DATA, null when there is none
 * }</pre>
 */
public final class CloudWatch implements CloudWatchClient {

    /** The service as every region builds it. */
    public static final RegionalService<CloudWatch> SERVICE = CloudWatch::new;

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final RegionContext region;
    private final ApiCalls calls;
    private final MetricStore store = new MetricStore();
    private final AlarmHistory history = new AlarmHistory();
    private final Metrics metrics;
    private final Alarms alarms;
    private final PublishedMetrics published;
    private QueuedEvent ticker;
    private Duration tickerPeriod;

    CloudWatch(RegionContext region, EcsNeighbourhood ecs) {
        this.region = region;
        this.calls = ecs.apiCalls();
        this.metrics = new Metrics(region, store);
        this.alarms = new Alarms(region, store, history);
        this.published = new PublishedMetrics(ecs, store);
        alarms.onChange(this::retune);
        ecs.publishAlarms(new AlarmDirectory() {
            @Override
            public String state(String alarmName) {
                AlarmRecord a = alarms.find(alarmName);
                return a == null ? null : a.state;
            }

            @Override
            public java.time.Instant enteredAlarmAt(String alarmName) {
                AlarmRecord a = alarms.find(alarmName);
                return a == null ? null : a.enteredAlarm;
            }

            @Override
            public Duration evaluationSpan(String alarmName) {
                AlarmRecord a = alarms.find(alarmName);
                return a == null ? null : Duration.ofSeconds((long) a.period * a.evaluationPeriods);
            }
        });
    }

    private <T> T call(String operation, Supplier<T> body) {
        Supplier<T> started = () -> {
            startCollecting();
            return body.get();
        };
        if (calls != null) {
            return calls.invoke(operation, started);
        }
        return region.read(started);
    }

    // ----- internal API (deployments, tests) -----

    /** The alarm's state (OK, ALARM, INSUFFICIENT_DATA), or null when the region has no alarm of that name. */
    public String alarmState(String alarmName) {
        return region.read(() -> {
            AlarmRecord a = alarms.find(alarmName);
            return a == null ? null : a.state;
        });
    }

    /** The alarm as DescribeAlarms shows it, or null: a read, not an API call (no interceptor, fault or clock step). */
    public MetricAlarm inspectAlarm(String alarmName) {
        return region.read(() -> {
            AlarmRecord a = alarms.find(alarmName);
            return a == null ? null : alarms.render(a);
        });
    }

    /**
     * Period × EvaluationPeriods of the alarm (what ECS's rolling-deployment bake time is computed from), or null
     * when the region has no alarm of that name.
     */
    public Duration evaluationSpan(String alarmName) {
        return region.read(() -> {
            AlarmRecord a = alarms.find(alarmName);
            return a == null ? null : Duration.ofSeconds((long) a.period * a.evaluationPeriods);
        });
    }

    /**
     * Creates or updates an alarm on behalf of another service of the region (Application Auto Scaling's target
     * tracking alarms): validated as PutMetricAlarm is, but not an API call (no interceptor, fault or clock step);
     * starts the ticker.
     */
    public void putManagedAlarm(PutMetricAlarmRequest request) {
        region.read(() -> {
            startCollecting();
            alarms.put(request);
            return null;
        });
    }

    /** Deletes alarms on behalf of another service of the region (names it does not have are ignored). */
    public void deleteManagedAlarms(java.util.List<String> alarmNames) {
        region.read(() -> {
            java.util.List<String> present = alarmNames.stream().filter(n -> alarms.find(n) != null).toList();
            return present.isEmpty() ? null : alarms.delete(DeleteAlarmsRequest.builder().alarmNames(present).build());
        });
    }

    /**
     * The alarm's newest datapoint (its statistic over its newest period with data in its evaluation range ending
     * now), or NaN when it has none or there is no such alarm: what a scaling policy the alarm invokes sees.
     */
    public double latestDatapoint(String alarmName) {
        return region.read(() -> {
            AlarmRecord a = alarms.find(alarmName);
            if (a == null) {
                return Double.NaN;
            }
            for (AlarmEvaluator.Point p : AlarmEvaluator.range(a, store, region.now().toEpochMilli())) {
                if (!p.missing()) {
                    return p.value();
                }
            }
            return Double.NaN;
        });
    }

    /**
     * The alarms of the region with an action (alarm, OK or insufficient-data) starting with {@code actionPrefix},
     * in name order, as DescribeAlarms shows them: a read, not an API call.
     */
    public java.util.List<MetricAlarm> alarmsWithAction(String actionPrefix) {
        return region.read(() -> {
            java.util.List<MetricAlarm> found = new java.util.ArrayList<>();
            String token = null;
            do {
                DescribeAlarmsResponse page = alarms.describe(DescribeAlarmsRequest.builder()
                        .actionPrefix(actionPrefix).maxRecords(100).nextToken(token).build());
                found.addAll(page.metricAlarms());
                token = page.nextToken();
            } while (token != null);
            return found;
        });
    }

    /** Tells {@code listener} of every alarm state change of the region from now on (under the engine lock). */
    public void addAlarmStateListener(AlarmStateListener listener) {
        alarms.addListener(listener);
    }

    /** Starts publishing metrics and evaluating alarms every virtual minute (idempotent). */
    public void startCollecting() {
        region.read(() -> {
            if (ticker == null) {
                schedule(alarms.anyHighResolution() ? TEN_SECONDS : MINUTE);
            }
            return null;
        });
    }

    private void schedule(Duration period) {
        long now = region.now().toEpochMilli();
        long p = period.toMillis();
        long next = Math.floorDiv(now, p) * p + p;
        tickerPeriod = period;
        ticker = region.engine().clock().schedulePeriodic(Duration.ofMillis(next - now), period,
                "cloudwatch " + region.name(), this::tick);
    }

    /** Switches between the 60 s and the 10 s cadence when high-resolution alarms come or go. */
    private void retune() {
        if (ticker == null) {
            return;
        }
        Duration wanted = alarms.anyHighResolution() ? TEN_SECONDS : MINUTE;
        if (!wanted.equals(tickerPeriod)) {
            ticker.cancel();
            schedule(wanted);
        }
    }

    private void tick() {
        Instant now = region.now();
        long ms = now.toEpochMilli();
        if (ms % 60_000 == 0) {
            published.publish(ms);
            if (ms % 3_600_000 == 0) {
                store.prune(ms);
                history.prune(now);
            }
        }
        alarms.evaluate(now);
    }

    // ----- metrics -----

    @Override
    public PutMetricDataResponse putMetricData(PutMetricDataRequest request) {
        return call("PutMetricData", () -> metrics.put(request));
    }

    @Override
    public GetMetricStatisticsResponse getMetricStatistics(GetMetricStatisticsRequest request) {
        return call("GetMetricStatistics", () -> metrics.statistics(request));
    }

    @Override
    public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
        return call("GetMetricData", () -> metrics.data(request));
    }

    @Override
    public ListMetricsResponse listMetrics(ListMetricsRequest request) {
        return call("ListMetrics", () -> metrics.list(request));
    }

    // ----- alarms -----

    @Override
    public PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest request) {
        return call("PutMetricAlarm", () -> {
            alarms.put(request);
            return PutMetricAlarmResponse.builder().build();
        });
    }

    @Override
    public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest request) {
        return call("DescribeAlarms", () -> alarms.describe(request));
    }

    @Override
    public DescribeAlarmsForMetricResponse describeAlarmsForMetric(DescribeAlarmsForMetricRequest request) {
        return call("DescribeAlarmsForMetric", () -> alarms.forMetric(request));
    }

    @Override
    public DeleteAlarmsResponse deleteAlarms(DeleteAlarmsRequest request) {
        return call("DeleteAlarms", () -> alarms.delete(request));
    }

    @Override
    public SetAlarmStateResponse setAlarmState(SetAlarmStateRequest request) {
        return call("SetAlarmState", () -> {
            alarms.setState(request);
            return SetAlarmStateResponse.builder().build();
        });
    }

    @Override
    public DescribeAlarmHistoryResponse describeAlarmHistory(DescribeAlarmHistoryRequest request) {
        return call("DescribeAlarmHistory", () -> history.describe(request));
    }

    @Override
    public EnableAlarmActionsResponse enableAlarmActions(EnableAlarmActionsRequest request) {
        return call("EnableAlarmActions", () -> {
            alarms.actionsEnabled(request.hasAlarmNames() ? request.alarmNames() : null, true);
            return EnableAlarmActionsResponse.builder().build();
        });
    }

    @Override
    public DisableAlarmActionsResponse disableAlarmActions(DisableAlarmActionsRequest request) {
        return call("DisableAlarmActions", () -> {
            alarms.actionsEnabled(request.hasAlarmNames() ? request.alarmNames() : null, false);
            return DisableAlarmActionsResponse.builder().build();
        });
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return call("TagResource", () -> {
            alarms.tag(request);
            return TagResourceResponse.builder().build();
        });
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return call("UntagResource", () -> {
            alarms.untag(request);
            return UntagResourceResponse.builder().build();
        });
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return call("ListTagsForResource", () -> alarms.tags(request));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public CloudWatchServiceClientConfiguration serviceClientConfiguration() {
        throw new UnsupportedOperationException("the simulated CloudWatch has no client configuration");
    }

    @Override
    public void close() {
    }
}
