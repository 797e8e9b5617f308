// ECS (AWS JSON 1.1) and Elastic Load Balancing v2 (AWS Query) through the JS SDK v3 against fake-ecs started with
// --clock manual: an ALB, an ip target group and a listener, a Fargate service behind them, the clock moved through
// the control API until the deployment completes and every task is a healthy target.
//   node ecs-elb.js http://127.0.0.1:PORT
"use strict";

const ecsSdk = require("@aws-sdk/client-ecs");
const elbSdk = require("@aws-sdk/client-elastic-load-balancing-v2");
const { clientConfig, advance, recordWire, expectError, run } = require("./common");

// subnets named after their zones: ELB and ECS then agree on the zone of every task (see docs/fidelity.md)
const SUBNETS = ["subnet-us-east-1a", "subnet-us-east-1b"];

run(async ([endpoint]) => {
  const ecs = new ecsSdk.ECSClient(clientConfig(endpoint));
  const elb = new elbSdk.ElasticLoadBalancingV2Client(clientConfig(endpoint));
  const ecsWire = recordWire(ecs);
  const elbWire = recordWire(elb);

  const lb = (await elb.send(new elbSdk.CreateLoadBalancerCommand({ Name: "web-alb", Subnets: SUBNETS })))
    .LoadBalancers[0];
  const tg = (await elb.send(new elbSdk.CreateTargetGroupCommand({
    Name: "web-tg", Protocol: "HTTP", Port: 80, VpcId: "vpc-1", TargetType: "ip", HealthCheckPath: "/health",
    HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 }))).TargetGroups[0];
  const listener = (await elb.send(new elbSdk.CreateListenerCommand({
    LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80,
    DefaultActions: [{ Type: "forward", TargetGroupArn: tg.TargetGroupArn }] }))).Listeners[0];

  const cluster = (await ecs.send(new ecsSdk.CreateClusterCommand({ clusterName: "prod" }))).cluster;
  const taskDefinition = (await ecs.send(new ecsSdk.RegisterTaskDefinitionCommand({
    family: "web", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
    containerDefinitions: [{ name: "web", image: "nginx:1", portMappings: [{ containerPort: 80 }] }],
  }))).taskDefinition;
  await ecs.send(new ecsSdk.CreateServiceCommand({
    cluster: "prod", serviceName: "web", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE",
    healthCheckGracePeriodSeconds: 30,
    networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS } },
    loadBalancers: [{ targetGroupArn: tg.TargetGroupArn, containerName: "web", containerPort: 80 }],
  }));

  let service;
  let health;
  let seconds = 0;
  for (; seconds < 900; seconds += 15) {
    await advance(endpoint, 15);
    service = (await ecs.send(new ecsSdk.DescribeServicesCommand({ cluster: "prod", services: ["web"] })))
      .services[0];
    health = (await elb.send(new elbSdk.DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn })))
      .TargetHealthDescriptions;
    const healthy = health.filter((d) => d.TargetHealth.State === "healthy").length;
    if (service.deployments[0].rolloutState === "COMPLETED" && healthy === 2) {
      break;
    }
  }
  const deployments = (await ecs.send(new ecsSdk.ListServiceDeploymentsCommand({ cluster: "prod", service: "web" })))
    .serviceDeployments;

  const missingCluster = await expectError(() => ecs.send(new ecsSdk.DescribeServicesCommand({
    cluster: "nope", services: ["web"] })));
  missingCluster.isClusterNotFound = missingCluster.className === "ClusterNotFoundException";
  const missingTargetGroup = await expectError(() => elb.send(new elbSdk.DescribeTargetHealthCommand({
    TargetGroupArn: tg.TargetGroupArn.replace("web-tg", "gone-tg") })));
  missingTargetGroup.isTargetGroupNotFound = missingTargetGroup.className === "TargetGroupNotFoundException";

  return {
    loadBalancer: { arn: lb.LoadBalancerArn, dns: lb.DNSName, type: lb.Type, state: lb.State.Code,
      zones: lb.AvailabilityZones.map((z) => z.ZoneName).sort(), createdIsDate: lb.CreatedTime instanceof Date },
    targetGroup: { arn: tg.TargetGroupArn, port: tg.Port, healthCheckPath: tg.HealthCheckPath },
    listener: { arn: listener.ListenerArn, port: listener.Port,
      forwardTo: listener.DefaultActions[0].TargetGroupArn },
    cluster: { arn: cluster.clusterArn, status: cluster.status },
    taskDefinition: { arn: taskDefinition.taskDefinitionArn, revision: taskDefinition.revision },
    seconds,
    service: { status: service.status, running: service.runningCount, desired: service.desiredCount,
      rolloutState: service.deployments[0].rolloutState, loadBalancers: service.loadBalancers.length,
      createdIsDate: service.createdAt instanceof Date,
      events: service.events.map((e) => e.message) },
    health: health.map((d) => ({ id: d.Target.Id, port: d.Target.Port, state: d.TargetHealth.State,
      zone: d.Target.AvailabilityZone })),
    deployments: deployments.map((d) => ({ arn: d.serviceDeploymentArn, status: d.status,
      targetServiceRevisionArn: d.targetServiceRevisionArn })),
    missingCluster,
    missingTargetGroup,
    ecsWire: ecsWire.map((w) => ({ target: w.requestHeaders["x-amz-target"] ?? null,
      requestContentType: w.requestHeaders["content-type"] ?? null, status: w.status })),
    elbWire: elbWire.map((w) => ({ requestContentType: w.requestHeaders["content-type"] ?? null,
      responseContentType: w.responseHeaders ? w.responseHeaders["content-type"] ?? null : null, status: w.status })),
  };
});
