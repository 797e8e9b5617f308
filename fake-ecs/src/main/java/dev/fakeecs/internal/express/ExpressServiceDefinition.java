package dev.fakeecs.internal.express;

import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CanaryConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentAlarms;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * The ECS service behind an Express service, as AWS creates it: REPLICA, desired count = the minimum task count,
 * capacity provider strategy FARGATE (base 1, weight 1), platform LATEST, awsvpc in the configuration's subnets
 * and security groups with a public IP, the primary target group for container {@code Main} at the container port
 * with the alternate target group and the host rule for canary deployments, a 300 s health check grace period,
 * the CANARY strategy (5 % for 3 minutes, then a 3 minute bake) with the deployment-failure alarms rolling back,
 * AZ rebalancing on, ECS managed tags, tags propagated from the service. Update changes the task definition and
 * network configuration only: the strategy and load balancer configuration of an Express service cannot change.
 *
 * <pre>{@code
 * services.createService(ExpressServiceDefinition.create("default", "web", taskDefinitionArn, configuration, s));
 * }</pre>
 */
final class ExpressServiceDefinition {

    static final double CANARY_PERCENT = 5.0;
    static final int CANARY_BAKE_MINUTES = 3;
    static final int BAKE_MINUTES = 3;
    static final int HEALTH_CHECK_GRACE_SECONDS = 300;

    private ExpressServiceDefinition() {
    }

    static CreateServiceRequest create(String cluster, String name, String taskDefinitionArn,
                                       ExpressGatewayServiceConfiguration c, ExpressService s) {
        ExpressIngress.Attachment a = s.ingress;
        return CreateServiceRequest.builder()
                .cluster(cluster)
                .serviceName(name)
                .taskDefinition(taskDefinitionArn)
                .desiredCount(c.scalingTarget().minTaskCount())
                .schedulingStrategy("REPLICA")
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE")
                        .base(1).weight(1).build())
                .platformVersion("LATEST")
                .networkConfiguration(network(c))
                .loadBalancers(LoadBalancer.builder()
                        .targetGroupArn(a.primaryTargetGroup.arn)
                        .containerName(ExpressTaskDefinition.CONTAINER)
                        .containerPort(c.primaryContainer().containerPort())
                        .advancedConfiguration(AdvancedConfiguration.builder()
                                .alternateTargetGroupArn(a.alternateTargetGroup.arn)
                                .productionListenerRule(a.rule.arn)
                                .roleArn(s.infrastructureRoleArn).build())
                        .build())
                .healthCheckGracePeriodSeconds(HEALTH_CHECK_GRACE_SECONDS)
                .deploymentController(d -> d.type("ECS"))
                .deploymentConfiguration(DeploymentConfiguration.builder()
                        .strategy("CANARY")
                        .canaryConfiguration(CanaryConfiguration.builder().canaryPercent(CANARY_PERCENT)
                                .canaryBakeTimeInMinutes(CANARY_BAKE_MINUTES).build())
                        .bakeTimeInMinutes(BAKE_MINUTES)
                        .alarms(DeploymentAlarms.builder().alarmNames(s.alarmNames).enable(true).rollback(true)
                                .build())
                        .build())
                .availabilityZoneRebalancing("ENABLED")
                .enableECSManagedTags(true)
                .propagateTags("SERVICE")
                .tags(s.tags)
                .build();
    }

    static UpdateServiceRequest update(String cluster, String name, String taskDefinitionArn,
                                       ExpressGatewayServiceConfiguration c) {
        return UpdateServiceRequest.builder()
                .cluster(cluster)
                .service(name)
                .taskDefinition(taskDefinitionArn)
                .networkConfiguration(network(c))
                .build();
    }

    private static NetworkConfiguration network(ExpressGatewayServiceConfiguration c) {
        return NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder()
                .subnets(c.networkConfiguration().subnets())
                .securityGroups(c.networkConfiguration().securityGroups())
                .assignPublicIp("ENABLED").build()).build();
    }
}
