// ECS-native CANARY deployments with a lifecycle hook and CloudWatch alarm rollback, through the JS SDK v3 (ECS,
// Elastic Load Balancing v2, CloudWatch) against fake-ecs started with --clock manual; the hook function's answers
// are declared through POST /_fake-ecs/hooks and the clock moved through the control API.
//   node deployments.js http://127.0.0.1:PORT
"use strict";

const ecsSdk = require("@aws-sdk/client-ecs");
const elbSdk = require("@aws-sdk/client-elastic-load-balancing-v2");
const cwSdk = require("@aws-sdk/client-cloudwatch");
const { clientConfig, control, advance, run } = require("./common");

const SUBNETS = ["subnet-us-east-1a", "subnet-us-east-1b"];
const GATE = "arn:aws:lambda:us-east-1:123456789012:function:gate";

run(async ([endpoint]) => {
  const ecs = new ecsSdk.ECSClient(clientConfig(endpoint));
  const elb = new elbSdk.ElasticLoadBalancingV2Client(clientConfig(endpoint));
  const cw = new cwSdk.CloudWatchClient(clientConfig(endpoint));

  const lb = (await elb.send(new elbSdk.CreateLoadBalancerCommand({ Name: "shop-alb", Subnets: SUBNETS })))
    .LoadBalancers[0];
  const targetGroup = async (Name) => (await elb.send(new elbSdk.CreateTargetGroupCommand({
    Name, Protocol: "HTTP", Port: 80, VpcId: "vpc-1", TargetType: "ip" }))).TargetGroups[0].TargetGroupArn;
  const blue = await targetGroup("shop-blue");
  const green = await targetGroup("shop-green");
  const listener = async (Port) => (await elb.send(new elbSdk.CreateListenerCommand({
    LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port,
    DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404" } }] }))).Listeners[0];
  const rule = async (l) => (await elb.send(new elbSdk.CreateRuleCommand({
    ListenerArn: l.ListenerArn, Priority: 1, Conditions: [{ Field: "path-pattern", Values: ["/*"] }],
    Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [
      { TargetGroupArn: blue, Weight: 1 }, { TargetGroupArn: green, Weight: 0 }] } }] }))).Rules[0].RuleArn;
  const production = await rule(await listener(80));
  const test = await rule(await listener(8080));
  const weights = async (ruleArn) => Object.fromEntries(
    (await elb.send(new elbSdk.DescribeRulesCommand({ RuleArns: [ruleArn] }))).Rules[0].Actions[0].ForwardConfig
      .TargetGroups.map((t) => [t.TargetGroupArn === blue ? "blue" : "green", t.Weight]));

  await cw.send(new cwSdk.PutMetricAlarmCommand({
    AlarmName: "shop-5xx", Namespace: "AWS/ApplicationELB", MetricName: "HTTPCode_Target_5XX_Count",
    Statistic: "Sum", Period: 60, EvaluationPeriods: 1, Threshold: 1,
    ComparisonOperator: "GreaterThanOrEqualToThreshold", TreatMissingData: "notBreaching" }));
  await control(endpoint, "hooks", { hookTargetArn: GATE, status: "SUCCEEDED", afterSeconds: 0 });

  await ecs.send(new ecsSdk.CreateClusterCommand({ clusterName: "prod" }));
  for (const image of ["shop:1", "shop:2", "shop:3"]) {
    await ecs.send(new ecsSdk.RegisterTaskDefinitionCommand({
      family: "shop", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
      containerDefinitions: [{ name: "web", image, portMappings: [{ containerPort: 80 }] }] }));
  }
  await ecs.send(new ecsSdk.CreateServiceCommand({
    cluster: "prod", serviceName: "shop", taskDefinition: "shop:1", desiredCount: 2, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS } },
    loadBalancers: [{ targetGroupArn: blue, containerName: "web", containerPort: 80, advancedConfiguration: {
      alternateTargetGroupArn: green, productionListenerRule: production, testListenerRule: test,
      roleArn: "arn:aws:iam::123456789012:role/ecs-lb" } }],
    deploymentConfiguration: {
      strategy: "CANARY", bakeTimeInMinutes: 3,
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
      alarms: { alarmNames: ["shop-5xx"], enable: true, rollback: true },
      lifecycleHooks: [{ hookTargetArn: GATE, roleArn: "arn:aws:iam::123456789012:role/hooks",
        lifecycleStages: ["POST_SCALE_UP"] }],
    },
  }));

  const latest = async () => {
    const arn = (await ecs.send(new ecsSdk.ListServiceDeploymentsCommand({ cluster: "prod", service: "shop" })))
      .serviceDeployments[0].serviceDeploymentArn;
    return (await ecs.send(new ecsSdk.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })))
      .serviceDeployments[0];
  };
  // follows the latest deployment every 10 virtual seconds until it is final: stages, statuses, production weights
  const follow = async (maxSeconds, onStep) => {
    const trail = { stages: [], greenWeights: [], blueWeights: [] };
    for (let s = 0; s < maxSeconds; s += 10) {
      await advance(endpoint, 10);
      const d = await latest();
      const w = await weights(production);
      const push = (list, v) => { if (v !== undefined && list[list.length - 1] !== v) list.push(v); };
      push(trail.stages, d.lifecycleStage);
      push(trail.greenWeights, w.green);
      push(trail.blueWeights, w.blue);
      if (onStep) await onStep(d, s);
      if (!["PENDING", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS"].includes(d.status)) {
        trail.status = d.status;
        trail.deployment = d;
        trail.seconds = s + 10;
        return trail;
      }
    }
    trail.status = (await latest()).status;
    return trail;
  };

  const first = await follow(1800);

  await ecs.send(new ecsSdk.UpdateServiceCommand({ cluster: "prod", service: "shop", taskDefinition: "shop:2" }));
  const good = await follow(1800);

  // the third revision: the gate answers IN_PROGRESS (ECS invokes it again every 30 s) until the test lets it pass;
  // at 10 % of production traffic the 5XX alarm goes off
  await control(endpoint, "hooks", { hookTargetArn: GATE, status: "IN_PROGRESS", afterSeconds: 2 });
  await ecs.send(new ecsSdk.UpdateServiceCommand({ cluster: "prod", service: "shop", taskDefinition: "shop:3" }));
  let waitingAtGate = null;
  let alarmSet = false;
  const bad = await follow(1800, async (d, s) => {
    if (s === 300) {
      waitingAtGate = { stage: d.lifecycleStage, status: d.status,
        hooks: (d.lifecycleHookDetails || []).map((h) => ({ targetArn: h.targetArn, status: h.status })) };
      await control(endpoint, "hooks", { hookTargetArn: GATE, status: "SUCCEEDED", afterSeconds: 0 });
    }
    if (!alarmSet && d.lifecycleStage === "PRODUCTION_TRAFFIC_SHIFT"
        && d.targetServiceRevision.requestedProductionTrafficWeight === 10) {
      alarmSet = true;
      await cw.send(new cwSdk.SetAlarmStateCommand({ AlarmName: "shop-5xx", StateValue: "ALARM",
        StateReason: "5XX from the canary" }));
    }
  });

  // a failed hook rolls back too; then StopServiceDeployment ROLLBACK during the canary's bake
  await control(endpoint, "hooks", { hookTargetArn: GATE, status: "FAILED", afterSeconds: 5 });
  await ecs.send(new ecsSdk.UpdateServiceCommand({ cluster: "prod", service: "shop", taskDefinition: "shop:3" }));
  const hookFailed = await follow(1800);
  await control(endpoint, "hooks", { hookTargetArn: GATE, status: "SUCCEEDED", afterSeconds: 0 });
  await ecs.send(new ecsSdk.UpdateServiceCommand({ cluster: "prod", service: "shop", taskDefinition: "shop:3" }));
  let stopped = false;
  const userStopped = await follow(1800, async (d) => {
    if (!stopped && d.lifecycleStage === "PRODUCTION_TRAFFIC_SHIFT"
        && d.targetServiceRevision.requestedProductionTrafficWeight === 10) {
      stopped = true;
      await ecs.send(new ecsSdk.StopServiceDeploymentCommand({ serviceDeploymentArn: d.serviceDeploymentArn,
        stopType: "ROLLBACK" }));
    }
  });

  const service = (await ecs.send(new ecsSdk.DescribeServicesCommand({ cluster: "prod", services: ["shop"] })))
    .services[0];
  const runningArns = (await ecs.send(new ecsSdk.ListTasksCommand({ cluster: "prod", desiredStatus: "RUNNING" })))
    .taskArns;
  const running = (await ecs.send(new ecsSdk.DescribeTasksCommand({ cluster: "prod", tasks: runningArns }))).tasks;
  return {
    first: { status: first.status, stages: first.stages, greenWeights: first.greenWeights },
    good: { status: good.status, stages: good.stages, blueWeights: good.blueWeights,
      strategy: good.deployment.deploymentConfiguration.strategy },
    bad: { status: bad.status, stages: bad.stages, blueWeights: bad.blueWeights, waitingAtGate, alarmSet,
      alarms: bad.deployment.alarms, rollbackReason: bad.deployment.rollback && bad.deployment.rollback.reason },
    hookFailed: { status: hookFailed.status, stages: hookFailed.stages,
      rollbackReason: hookFailed.deployment.rollback && hookFailed.deployment.rollback.reason },
    userStopped: { status: userStopped.status, stopped, blueWeights: userStopped.blueWeights },
    finalWeights: await weights(production),
    runningTaskDefinitions: [...new Set(running.map((t) => t.taskDefinitionArn.split("/")[1]))],
    events: service.events.map((e) => e.message),
  };
});
