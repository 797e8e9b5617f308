// ECS Managed Instances, Managed Daemons and ECS Gateways through a 2026 JS SDK v3 (@aws-sdk/client-ecs 3.1178.0,
// installed as "client-ecs-2026"; needs node 20) against fake-ecs started with --clock manual: a Managed Instances
// provider, the daemon task definition and daemon operations, then every Gateway operation, and errors.
//   node daemons-gateways.js http://127.0.0.1:PORT
"use strict";

const ecsSdk = require("client-ecs-2026");
const { clientConfig, advance, expectError, run } = require("./common");

const ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRole";
const PROFILE = "arn:aws:iam::123456789012:instance-profile/ecsInstanceRole";

run(async ([endpoint]) => {
  const ecs = new ecsSdk.ECSClient(clientConfig(endpoint));
  const send = (command) => ecs.send(command);

  await send(new ecsSdk.CreateClusterCommand({ clusterName: "prod" }));
  const provider = (await send(new ecsSdk.CreateCapacityProviderCommand({
    name: "mi", cluster: "prod",
    managedInstancesProvider: {
      infrastructureRoleArn: ROLE,
      instanceLaunchTemplate: {
        ec2InstanceProfileArn: PROFILE,
        networkConfiguration: { subnets: ["subnet-us-east-1a", "subnet-us-east-1b"] },
        instanceRequirements: { vCpuCount: { min: 2, max: 8 }, memoryMiB: { min: 4096, max: 32768 } },
      },
    },
  }))).capacityProvider;
  await advance(endpoint, 30);

  // Managed Daemons
  const daemonTd = (await send(new ecsSdk.RegisterDaemonTaskDefinitionCommand({
    family: "log-router", cpu: "256", memory: "256",
    containerDefinitions: [{ name: "log-router", image: "fluent-bit:3" }],
  }))).daemonTaskDefinitionArn;
  const describedTd = (await send(new ecsSdk.DescribeDaemonTaskDefinitionCommand({
    daemonTaskDefinition: daemonTd }))).daemonTaskDefinition;
  const tds = (await send(new ecsSdk.ListDaemonTaskDefinitionsCommand({}))).daemonTaskDefinitions;
  const created = await send(new ecsSdk.CreateDaemonCommand({
    daemonName: "log-router", clusterArn: "prod", daemonTaskDefinitionArn: daemonTd,
    capacityProviderArns: [provider.capacityProviderArn],
  }));
  // an application task makes ECS launch an instance; the daemon runs on it first
  await send(new ecsSdk.RegisterTaskDefinitionCommand({
    family: "web", networkMode: "awsvpc", requiresCompatibilities: ["MANAGED_INSTANCES"], cpu: "512", memory: "1024",
    containerDefinitions: [{ name: "web", image: "nginx", essential: true }],
  }));
  await send(new ecsSdk.CreateServiceCommand({
    cluster: "prod", serviceName: "web", taskDefinition: "web", desiredCount: 2,
    capacityProviderStrategy: [{ capacityProvider: "mi", weight: 1 }],
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-us-east-1a"] } },
  }));
  await advance(endpoint, 300);
  const daemon = (await send(new ecsSdk.DescribeDaemonCommand({ daemonArn: created.daemonArn }))).daemon;
  const daemons = (await send(new ecsSdk.ListDaemonsCommand({ clusterArn: "prod" }))).daemonSummariesList;
  const deployments = (await send(new ecsSdk.ListDaemonDeploymentsCommand({ daemonArn: created.daemonArn })))
    .daemonDeployments;
  const deployment = (await send(new ecsSdk.DescribeDaemonDeploymentsCommand({
    daemonDeploymentArns: [created.deploymentArn] }))).daemonDeployments[0];
  const revisions = (await send(new ecsSdk.DescribeDaemonRevisionsCommand({
    daemonRevisionArns: [daemon.currentRevisions[0].arn] }))).daemonRevisions;
  const updated = await send(new ecsSdk.UpdateDaemonCommand({
    daemonArn: created.daemonArn, daemonTaskDefinitionArn: daemonTd,
    capacityProviderArns: [provider.capacityProviderArn] }));
  const missingDaemon = await expectError(() => send(new ecsSdk.DescribeDaemonCommand({
    daemonArn: created.daemonArn.replace("log-router", "ghost") })));

  // ECS Gateways
  const gateway = await send(new ecsSdk.CreateGatewayCommand({
    name: "edge", infrastructureRoleArn: ROLE, configuration: { hostSharedAlb: { scheme: "internet-facing" } },
  }));
  const associated = await send(new ecsSdk.AssociateGatewayWithClusterCommand({ gateway: "edge", cluster: "prod" }));
  const associations = (await send(new ecsSdk.ListGatewayClusterAssociationsCommand({ cluster: "prod" })))
    .gatewayClusterAssociations;
  await send(new ecsSdk.RegisterTaskDefinitionCommand({
    family: "api", containerDefinitions: [{ name: "api", image: "acme/api:1", memory: 128,
      portMappings: [{ containerPort: 8080, name: "http" }] }],
  }));
  await send(new ecsSdk.CreateServiceCommand({
    cluster: "prod", serviceName: "api", taskDefinition: "api", desiredCount: 0,
    gatewayConnectors: [{ portName: "http" }],
  }));
  await advance(endpoint, 60);
  const routes = (await send(new ecsSdk.ListGatewayRoutesCommand({ gateway: "edge" }))).gatewayRoutes;
  const route = (await send(new ecsSdk.DescribeGatewayRouteCommand({
    gatewayRouteArn: routes[0].gatewayRouteArn }))).gatewayRoute;
  const resources = await send(new ecsSdk.DescribeGatewayResourcesCommand({ gateway: "edge" }));
  const gatewayUpdated = await send(new ecsSdk.UpdateGatewayCommand({ gateway: "edge", deletionProtection: false }));
  const describedGateway = (await send(new ecsSdk.DescribeGatewayCommand({ gateway: "edge" }))).gateway;
  const gateways = (await send(new ecsSdk.ListGatewaysCommand({}))).gateways;
  const refused = await expectError(() => send(new ecsSdk.DeleteGatewayCommand({ gateway: "edge" })));
  await send(new ecsSdk.DeleteServiceCommand({ cluster: "prod", service: "api", force: true }));
  const leaving = await send(new ecsSdk.DisassociateGatewayFromClusterCommand({ gateway: "edge", cluster: "prod" }));
  await advance(endpoint, 120);
  const deletedGateway = await send(new ecsSdk.DeleteGatewayCommand({ gateway: "edge" }));
  const missingGateway = await expectError(() => send(new ecsSdk.DescribeGatewayCommand({ gateway: "ghost" })));

  // and the daemon side cleaned up
  const deletedDaemon = await send(new ecsSdk.DeleteDaemonCommand({ daemonArn: created.daemonArn }));
  const deletedTd = (await send(new ecsSdk.DeleteDaemonTaskDefinitionCommand({
    daemonTaskDefinition: daemonTd }))).daemonTaskDefinitionArn;

  return {
    provider: { type: provider.type, status: provider.status },
    daemonTd, describedTdFamily: describedTd.family, tds: tds.length,
    daemon: { arn: created.daemonArn, status: daemon.status, running: daemon.currentRevisions[0].totalRunningCount },
    daemons: daemons.length, deployments: deployments.length, deploymentStatus: deployment.status,
    revisions: revisions.length, updatedDeployment: updated.deploymentArn,
    missingDaemon,
    gateway: { arn: gateway.gatewayArn, status: gateway.status },
    associated: associated.status, associations: associations.length,
    routes: routes.length, routeStatus: route.status, resources: Object.keys(resources).length >= 0,
    gatewayUpdated: gatewayUpdated.gatewayArn, describedGateway: describedGateway.name, gateways: gateways.length,
    refused, leaving: leaving.status, deletedGateway: deletedGateway.status, missingGateway,
    deletedDaemon: deletedDaemon.status, deletedTd,
  };
});
