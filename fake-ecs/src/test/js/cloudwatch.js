// CloudWatch through @aws-sdk/client-cloudwatch against fake-ecs started with --clock manual.
//   node cloudwatch.js http://127.0.0.1:PORT cbor   # Smithy RPC v2 CBOR (AwsSmithyRpcV2CborProtocol)
//   node cloudwatch.js http://127.0.0.1:PORT json   # the client's default protocol, AWS JSON 1.0
// Prints one JSON object: what each call answered and what went over the wire.
"use strict";

const cw = require("@aws-sdk/client-cloudwatch");
const { AwsSmithyRpcV2CborProtocol } = require("@aws-sdk/core/protocols");
const { clientConfig, advance, now, recordWire, expectError, run } = require("./common");

const MINUTE = 60 * 1000;
const DIMENSIONS = [{ Name: "Service", Value: "web" }];

run(async ([endpoint, protocol]) => {
  const config = clientConfig(endpoint);
  if (protocol === "cbor") {
    config.protocol = AwsSmithyRpcV2CborProtocol;
  } else if (protocol !== "json") {
    throw new Error(`protocol must be cbor or json, not ${protocol}`);
  }
  const client = new cw.CloudWatchClient(config);
  const wire = recordWire(client);
  const start = await now(endpoint);

  // Datapoints one minute apart, the newest at the clock's time: 20, 40, 60 and 250 ms.
  await client.send(new cw.PutMetricDataCommand({
    Namespace: "App",
    MetricData: [20, 40, 60, 250].map((value, i) => ({
      MetricName: "Latency", Dimensions: DIMENSIONS, Unit: "Milliseconds", Value: value,
      Timestamp: new Date(start.getTime() - (3 - i) * MINUTE),
    })),
  }));
  await client.send(new cw.PutMetricDataCommand({
    Namespace: "App",
    MetricData: [{ MetricName: "Errors", Dimensions: DIMENSIONS, Unit: "Count", Values: [1, 2], Counts: [3, 1],
      Timestamp: start }],
  }));

  const statistics = await client.send(new cw.GetMetricStatisticsCommand({
    Namespace: "App", MetricName: "Latency", Dimensions: DIMENSIONS,
    StartTime: new Date(start.getTime() - 5 * MINUTE), EndTime: new Date(start.getTime() + MINUTE), Period: 60,
    Statistics: ["Average", "Maximum", "SampleCount"], Unit: "Milliseconds",
  }));
  const data = await client.send(new cw.GetMetricDataCommand({
    StartTime: new Date(start.getTime() - 5 * MINUTE), EndTime: new Date(start.getTime() + MINUTE),
    ScanBy: "TimestampAscending",
    MetricDataQueries: [{
      Id: "latency", Label: "p-latency", ReturnData: true,
      MetricStat: { Metric: { Namespace: "App", MetricName: "Latency", Dimensions: DIMENSIONS }, Period: 120, Stat: "Sum" },
    }],
  }));
  const metrics = await client.send(new cw.ListMetricsCommand({ Namespace: "App" }));

  await client.send(new cw.PutMetricAlarmCommand({
    AlarmName: "latency-high", AlarmDescription: "p-latency over 100 ms",
    Namespace: "App", MetricName: "Latency", Dimensions: DIMENSIONS, Statistic: "Average", Period: 60,
    EvaluationPeriods: 1, Threshold: 100, ComparisonOperator: "GreaterThanThreshold", TreatMissingData: "missing",
    AlarmActions: ["arn:aws:sns:us-east-1:123456789012:pager"],
  }));
  const created = (await client.send(new cw.DescribeAlarmsCommand({ AlarmNames: ["latency-high"] }))).MetricAlarms[0];

  // The next whole minute judges the minute holding the 250 ms datapoint.
  await advance(endpoint, 120);
  const fired = (await client.send(new cw.DescribeAlarmsCommand({ AlarmNamePrefix: "latency" }))).MetricAlarms[0];

  await client.send(new cw.SetAlarmStateCommand({ AlarmName: "latency-high", StateValue: "OK",
    StateReason: "manual reset from the JS SDK" }));
  const reset = (await client.send(new cw.DescribeAlarmsCommand({ StateValue: "OK" }))).MetricAlarms;
  const history = await client.send(new cw.DescribeAlarmHistoryCommand({ AlarmName: "latency-high",
    HistoryItemType: "StateUpdate", ScanBy: "TimestampAscending" }));

  const missingAlarm = await expectError(() => client.send(new cw.SetAlarmStateCommand({
    AlarmName: "no-such-alarm", StateValue: "ALARM", StateReason: "test" })));
  const badUnit = await expectError(() => client.send(new cw.PutMetricDataCommand({
    Namespace: "App", MetricData: [{ MetricName: "Latency", Value: 1, Unit: "Furlongs" }] })));
  missingAlarm.isResourceNotFound = missingAlarm.className === "ResourceNotFound";

  await client.send(new cw.DeleteAlarmsCommand({ AlarmNames: ["latency-high"] }));
  const afterDelete = (await client.send(new cw.DescribeAlarmsCommand({}))).MetricAlarms;

  return {
    protocol,
    start: start.toISOString(),
    statistics: statistics.Datapoints
      .sort((a, b) => a.Timestamp - b.Timestamp)
      .map((d) => ({ timestamp: d.Timestamp.toISOString(), average: d.Average, maximum: d.Maximum,
        sampleCount: d.SampleCount, unit: d.Unit })),
    statisticsLabel: statistics.Label,
    data: data.MetricDataResults.map((r) => ({ id: r.Id, label: r.Label, statusCode: r.StatusCode,
      timestamps: r.Timestamps.map((t) => t.toISOString()), values: r.Values })),
    metrics: metrics.Metrics.map((m) => `${m.Namespace}/${m.MetricName}`
      + m.Dimensions.map((d) => ` ${d.Name}=${d.Value}`).join("")).sort(),
    created: { state: created.StateValue, threshold: created.Threshold, operator: created.ComparisonOperator,
      actions: created.AlarmActions, arn: created.AlarmArn, updatedIsDate: created.StateUpdatedTimestamp instanceof Date },
    fired: { state: fired.StateValue, reason: fired.StateReason, reasonData: fired.StateReasonData,
      updated: fired.StateUpdatedTimestamp.toISOString() },
    reset: reset.map((a) => ({ name: a.AlarmName, state: a.StateValue, reason: a.StateReason })),
    history: history.AlarmHistoryItems.map((h) => ({ type: h.HistoryItemType, summary: h.HistorySummary,
      timestamp: h.Timestamp.toISOString() })),
    missingAlarm,
    badUnit,
    afterDelete: afterDelete.length,
    wire: wire.map((w) => ({
      path: w.path, status: w.status,
      requestContentType: w.requestHeaders["content-type"] ?? null,
      requestProtocol: w.requestHeaders["smithy-protocol"] ?? null,
      target: w.requestHeaders["x-amz-target"] ?? null,
      responseContentType: w.responseHeaders["content-type"] ?? null,
      responseProtocol: w.responseHeaders["smithy-protocol"] ?? null,
    })),
  };
});
