// ECS Express Mode through the JS SDK v3 against fake-ecs started with --clock manual: CreateExpressGatewayService,
// the load balancer and target groups it made as the ELB client sees them, Describe once the tasks run, Update (a new
// service revision), Delete until INACTIVE, and a missing service's error.
//   node express.js http://127.0.0.1:PORT
"use strict";

const ecsSdk = require("@aws-sdk/client-ecs");
const elbSdk = require("@aws-sdk/client-elastic-load-balancing-v2");
const { clientConfig, advance, expectError, run } = require("./common");

const EXEC = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
const INFRA = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices";

run(async ([endpoint]) => {
  const ecs = new ecsSdk.ECSClient(clientConfig(endpoint));
  const elb = new elbSdk.ElasticLoadBalancingV2Client(clientConfig(endpoint));

  const created = (await ecs.send(new ecsSdk.CreateExpressGatewayServiceCommand({
    serviceName: "api", executionRoleArn: EXEC, infrastructureRoleArn: INFRA,
    primaryContainer: { image: "acme/api:1", containerPort: 3000 }, healthCheckPath: "/health",
  }))).service;
  const groups = (await elb.send(new elbSdk.DescribeTargetGroupsCommand({}))).TargetGroups;
  const listeners = (await elb.send(new elbSdk.DescribeListenersCommand({
    LoadBalancerArn: (await elb.send(new elbSdk.DescribeLoadBalancersCommand({}))).LoadBalancers[0].LoadBalancerArn,
  }))).Listeners;

  await advance(endpoint, 900);
  const described = (await ecs.send(new ecsSdk.DescribeExpressGatewayServiceCommand({
    serviceArn: created.serviceArn }))).service;
  const updated = (await ecs.send(new ecsSdk.UpdateExpressGatewayServiceCommand({
    serviceArn: created.serviceArn, primaryContainer: { image: "acme/api:2", containerPort: 3000 } }))).service;
  await advance(endpoint, 1200);
  const deleted = (await ecs.send(new ecsSdk.DeleteExpressGatewayServiceCommand({
    serviceArn: created.serviceArn }))).service;
  await advance(endpoint, 900);
  const gone = (await ecs.send(new ecsSdk.DescribeExpressGatewayServiceCommand({
    serviceArn: created.serviceArn }))).service;
  const missing = await expectError(() => ecs.send(new ecsSdk.DescribeExpressGatewayServiceCommand({
    serviceArn: created.serviceArn.replace("/api", "/ghost") })));

  return {
    created: { arn: created.serviceArn, status: created.status.statusCode,
      endpoint: created.activeConfigurations[0].ingressPaths[0].endpoint,
      createdIsDate: created.createdAt instanceof Date },
    targetGroups: groups.map((g) => ({ port: g.Port, type: g.TargetType, path: g.HealthCheckPath })),
    listeners: listeners.map((l) => ({ protocol: l.Protocol, port: l.Port })),
    described: { currentDeployment: described.currentDeployment,
      revision: described.activeConfigurations[0].serviceRevisionArn },
    updated: { image: updated.targetConfiguration.primaryContainer.image,
      revision: updated.targetConfiguration.serviceRevisionArn },
    deleted: deleted.status.statusCode,
    gone: gone.status.statusCode,
    missing,
  };
});
