package dev.fakeecs.express;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateExpressGatewayServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ECSManagedResources;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceConfiguration;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceInclude;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceStatusCode;
import software.amazon.awssdk.services.ecs.model.ManagedResourceStatus;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ECS Express Mode through the real SDK clients in process: CreateExpressGatewayService builds the task definition,
 * service, load balancer, target groups, rule, scaling and alarms AWS builds, each visible through its own API;
 * Update rolls out a new service revision by canary; Delete drains and removes the resources.
 */
class ExpressGatewayApiTest {

    static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    static final String INFRASTRUCTURE_ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices";

    private final FakeEcs world = FakeEcs.builder().seed(11).start(Instant.parse("2026-03-06T18:00:00Z")).build();
    private final EcsClient ecs = world.newClient();
    private final ElasticLoadBalancingV2Client elb = world.newLoadBalancingClient();
    private final ApplicationAutoScalingClient aas = world.newApplicationAutoScalingClient();
    private final CloudWatchClient cloudWatch = world.newCloudWatchClient();

    @AfterEach
    void close() {
        world.close();
    }

    static CreateExpressGatewayServiceRequest.Builder minimal() {
        return CreateExpressGatewayServiceRequest.builder().executionRoleArn(EXECUTION_ROLE)
                .infrastructureRoleArn(INFRASTRUCTURE_ROLE).primaryContainer(c -> c.image("acme/web:1"));
    }

    @Test
    void should_create_the_service_its_task_definition_and_the_default_cluster_with_fargate() {
        // when
        ECSExpressGatewayService created = ecs.createExpressGatewayService(minimal().serviceName("web").build())
                .service();

        // then
        assertThat(created.serviceArn()).matches("arn:aws:ecs:us-east-1:\\d{12}:service/default/web");
        assertThat(created.cluster()).endsWith(":cluster/default");
        assertThat(created.status().statusCode()).isEqualTo(ExpressGatewayServiceStatusCode.ACTIVE);
        assertThat(created.infrastructureRoleArn()).isEqualTo(INFRASTRUCTURE_ROLE);
        ExpressGatewayServiceConfiguration config = created.activeConfigurations().get(0);
        assertThat(config.cpu()).isEqualTo("1024");
        assertThat(config.memory()).isEqualTo("2048");
        assertThat(config.healthCheckPath()).isEqualTo("/ping");
        assertThat(config.primaryContainer().containerPort()).isEqualTo(80);
        assertThat(config.primaryContainer().awsLogsConfiguration().logGroup()).matches("/aws/ecs/default/web-[0-9a-f]{4}");
        assertThat(config.scalingTarget().minTaskCount()).isEqualTo(1);
        assertThat(config.scalingTarget().maxTaskCount()).isEqualTo(20);
        assertThat(config.scalingTarget().autoScalingTargetValue()).isEqualTo(60);
        assertThat(config.networkConfiguration().subnets())
                .containsExactly("subnet-us-east-1a", "subnet-us-east-1b", "subnet-us-east-1c");
        assertThat(config.ingressPaths()).singleElement().satisfies(p -> {
            assertThat(p.accessTypeAsString()).isEqualTo("PUBLIC");
            assertThat(p.endpoint()).matches("https://we-[0-9a-f]{32}\\.ecs\\.us-east-1\\.on\\.aws");
        });
        assertThat(config.serviceRevisionArn()).matches(".*:service-revision/default/web/\\d+");

        Cluster cluster = ecs.describeClusters(r -> r.clusters("default")).clusters().get(0);
        assertThat(cluster.capacityProviders()).contains("FARGATE");

        TaskDefinition td = ecs.describeTaskDefinition(r -> r.taskDefinition(config.taskDefinitionArn()))
                .taskDefinition();
        assertThat(td.networkModeAsString()).isEqualTo("awsvpc");
        assertThat(td.requiresCompatibilitiesAsStrings()).containsExactly("FARGATE");
        assertThat(td.cpu()).isEqualTo("1024");
        assertThat(td.memory()).isEqualTo("2048");
        ContainerDefinition main = td.containerDefinitions().get(0);
        assertThat(main.name()).isEqualTo("Main");
        assertThat(main.essential()).isTrue();
        assertThat(main.portMappings().get(0).containerPort()).isEqualTo(80);
        assertThat(main.linuxParameters().initProcessEnabled()).isTrue();
        assertThat(main.stopTimeout()).isEqualTo(30);
        assertThat(main.logConfiguration().options()).containsEntry("mode", "non-blocking")
                .containsEntry("max-buffer-size", "25m").containsEntry("awslogs-stream-prefix", "ecs");

        Service service = ecs.describeServices(r -> r.cluster("default").services("web")).services().get(0);
        assertThat(service.schedulingStrategyAsString()).isEqualTo("REPLICA");
        assertThat(service.desiredCount()).isEqualTo(1);
        assertThat(service.healthCheckGracePeriodSeconds()).isEqualTo(300);
        assertThat(service.capacityProviderStrategy().get(0).capacityProvider()).isEqualTo("FARGATE");
        DeploymentConfiguration dc = service.deploymentConfiguration();
        assertThat(dc.strategyAsString()).isEqualTo("CANARY");
        assertThat(dc.canaryConfiguration().canaryPercent()).isEqualTo(5.0);
        assertThat(dc.canaryConfiguration().canaryBakeTimeInMinutes()).isEqualTo(3);
        assertThat(dc.bakeTimeInMinutes()).isEqualTo(3);
        assertThat(dc.alarms().enable()).isTrue();
        assertThat(dc.alarms().rollback()).isTrue();
        assertThat(service.loadBalancers().get(0).containerName()).isEqualTo("Main");
    }

    @Test
    void should_create_the_load_balancer_target_groups_and_host_rule_through_elastic_load_balancing() {
        // when
        ECSExpressGatewayService created = ecs.createExpressGatewayService(minimal().serviceName("web")
                .primaryContainer(c -> c.image("acme/web:1").containerPort(8080)).healthCheckPath("/health").build())
                .service();

        // then
        LoadBalancer lb = elb.describeLoadBalancers().loadBalancers().get(0);
        assertThat(lb.typeAsString()).isEqualTo("application");
        assertThat(lb.schemeAsString()).isEqualTo("internet-facing");
        Listener listener = elb.describeListeners(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners().get(0);
        assertThat(listener.protocolAsString()).isEqualTo("HTTPS");
        assertThat(listener.port()).isEqualTo(443);
        assertThat(listener.certificates().get(0).certificateArn()).startsWith("arn:aws:acm:us-east-1:");
        List<TargetGroup> groups = elb.describeTargetGroups(r -> r.loadBalancerArn(lb.loadBalancerArn()))
                .targetGroups();
        assertThat(groups).hasSize(2).allSatisfy(tg -> {
            assertThat(tg.targetTypeAsString()).isEqualTo("ip");
            assertThat(tg.protocolAsString()).isEqualTo("HTTP");
            assertThat(tg.protocolVersion()).isEqualTo("HTTP1");
            assertThat(tg.port()).isEqualTo(8080);
            assertThat(tg.healthCheckPath()).isEqualTo("/health");
            assertThat(tg.healthCheckIntervalSeconds()).isEqualTo(30);
            assertThat(tg.healthCheckTimeoutSeconds()).isEqualTo(5);
            assertThat(tg.healthyThresholdCount()).isEqualTo(5);
            assertThat(tg.unhealthyThresholdCount()).isEqualTo(2);
        });
        Rule rule = elb.describeRules(r -> r.listenerArn(listener.listenerArn())).rules().stream()
                .filter(r -> !r.isDefault()).findFirst().orElseThrow();
        String endpoint = created.activeConfigurations().get(0).ingressPaths().get(0).endpoint();
        assertThat(rule.conditions().get(0).field()).isEqualTo("host-header");
        assertThat(rule.conditions().get(0).values()).containsExactly(endpoint.substring("https://".length()));

        ECSManagedResources managed = ecs.describeServiceRevisions(r -> r.serviceRevisionArns(
                created.activeConfigurations().get(0).serviceRevisionArn())).serviceRevisions().get(0)
                .ecsManagedResources();
        assertThat(managed.ingressPaths().get(0).loadBalancer().arn()).isEqualTo(lb.loadBalancerArn());
        assertThat(managed.ingressPaths().get(0).listener().arn()).isEqualTo(listener.listenerArn());
        assertThat(managed.ingressPaths().get(0).rule().arn()).isEqualTo(rule.ruleArn());
        assertThat(managed.ingressPaths().get(0).targetGroups()).extracting(t -> t.arn())
                .containsExactlyInAnyOrderElementsOf(groups.stream().map(TargetGroup::targetGroupArn).toList());
        assertThat(managed.ingressPaths().get(0).loadBalancer().status()).isEqualTo(ManagedResourceStatus.PROVISIONING);
    }

    @Test
    void should_register_scaling_and_alarms_and_turn_the_managed_resources_active_after_30_seconds() {
        // given
        ECSExpressGatewayService created = ecs.createExpressGatewayService(minimal().serviceName("web")
                .scalingTarget(s -> s.minTaskCount(2).maxTaskCount(6).autoScalingTargetValue(70)).build()).service();
        String revision = created.activeConfigurations().get(0).serviceRevisionArn();

        // then: Application Auto Scaling and CloudWatch show what ECS created
        ScalableTarget target = aas.describeScalableTargets(r -> r.serviceNamespace("ecs")).scalableTargets().get(0);
        assertThat(target.resourceId()).isEqualTo("service/default/web");
        assertThat(target.minCapacity()).isEqualTo(2);
        assertThat(target.maxCapacity()).isEqualTo(6);
        ScalingPolicy policy = aas.describeScalingPolicies(r -> r.serviceNamespace("ecs")).scalingPolicies().get(0);
        assertThat(policy.policyTypeAsString()).isEqualTo("TargetTrackingScaling");
        assertThat(policy.targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification()
                .predefinedMetricTypeAsString()).isEqualTo("ECSServiceAverageCPUUtilization");
        assertThat(policy.targetTrackingScalingPolicyConfiguration().targetValue()).isEqualTo(70.0);
        assertThat(ecs.describeServices(r -> r.cluster("default").services("web")).services().get(0).desiredCount())
                .isEqualTo(2);
        Service service = ecs.describeServices(r -> r.cluster("default").services("web")).services().get(0);
        List<MetricAlarm> alarms = cloudWatch.describeAlarms(r -> r.alarmNames(
                service.deploymentConfiguration().alarms().alarmNames())).metricAlarms();
        assertThat(alarms).hasSize(2).allSatisfy(a -> {
            assertThat(a.namespace()).isEqualTo("AWS/ApplicationELB");
            assertThat(a.metricName()).isEqualTo("HTTPCode_Target_5XX_Count");
        });
        ECSManagedResources before = managed(revision);
        assertThat(before.autoScaling().scalableTarget().arn()).isEqualTo(target.scalableTargetARN());
        assertThat(before.autoScaling().applicationAutoScalingPolicies().get(0).arn()).isEqualTo(policy.policyARN());
        assertThat(before.autoScaling().scalableTarget().status()).isEqualTo(ManagedResourceStatus.PROVISIONING);
        assertThat(before.metricAlarms()).extracting(a -> a.arn())
                .containsExactlyElementsOf(alarms.stream().map(MetricAlarm::alarmArn).toList());

        // when
        world.clock().advance(Duration.ofSeconds(29));
        assertThat(managed(revision).ingressPaths().get(0).rule().status()).isEqualTo(ManagedResourceStatus.PROVISIONING);
        world.clock().advance(Duration.ofSeconds(1));

        // then
        ECSManagedResources after = managed(revision);
        assertThat(after.ingressPaths().get(0).loadBalancer().status()).isEqualTo(ManagedResourceStatus.ACTIVE);
        assertThat(after.ingressPaths().get(0).targetGroups()).allSatisfy(t ->
                assertThat(t.status()).isEqualTo(ManagedResourceStatus.ACTIVE));
        assertThat(after.autoScaling().scalableTarget().status()).isEqualTo(ManagedResourceStatus.ACTIVE);
        assertThat(after.metricAlarms()).allSatisfy(a -> assertThat(a.status()).isEqualTo(ManagedResourceStatus.ACTIVE));
    }

    @Test
    void should_run_the_service_tasks_healthy_behind_the_load_balancer() {
        // given
        ECSExpressGatewayService created = ecs.createExpressGatewayService(minimal().serviceName("web").build())
                .service();

        // when
        world.clock().advance(Duration.ofMinutes(15));

        // then
        Service service = ecs.describeServices(r -> r.cluster("default").services("web")).services().get(0);
        assertThat(service.runningCount()).isEqualTo(1);
        assertThat(service.deployments()).singleElement().satisfies(d ->
                assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
        // the canary pair: the tasks serve from one of the two target groups, the other is empty
        List<String> states = elb.describeTargetGroups().targetGroups().stream()
                .flatMap(tg -> elb.describeTargetHealth(r -> r.targetGroupArn(tg.targetGroupArn()))
                        .targetHealthDescriptions().stream())
                .map(h -> h.targetHealth().stateAsString()).toList();
        assertThat(states).containsExactly("healthy");
        assertThat(ecs.describeExpressGatewayService(r -> r.serviceArn(created.serviceArn())).service()
                .currentDeployment()).contains(":service-deployment/default/web/");
    }

    @Test
    void should_roll_out_an_update_as_a_new_service_revision_by_canary() {
        // given
        ECSExpressGatewayService created = ecs.createExpressGatewayService(minimal().serviceName("web").build())
                .service();
        world.clock().advance(Duration.ofMinutes(15));

        // when
        var updated = ecs.updateExpressGatewayService(r -> r.serviceArn(created.serviceArn())
                .primaryContainer(c -> c.image("acme/web:2")).healthCheckPath("/ready")).service();

        // then
        String before = created.activeConfigurations().get(0).serviceRevisionArn();
        assertThat(updated.targetConfiguration().serviceRevisionArn()).isNotEqualTo(before);
        assertThat(updated.targetConfiguration().primaryContainer().image()).isEqualTo("acme/web:2");
        assertThat(updated.targetConfiguration().taskDefinitionArn()).endsWith(":task-definition/web:2");
        assertThat(elb.describeTargetGroups().targetGroups()).allSatisfy(tg ->
                assertThat(tg.healthCheckPath()).isEqualTo("/ready"));
        world.clock().advance(Duration.ofMinutes(2));
        ECSExpressGatewayService during = ecs.describeExpressGatewayService(r -> r.serviceArn(created.serviceArn()))
                .service();
        assertThat(during.activeConfigurations()).extracting(ExpressGatewayServiceConfiguration::serviceRevisionArn)
                .contains(before, updated.targetConfiguration().serviceRevisionArn());
        Service service = ecs.describeServices(r -> r.cluster("default").services("web")).services().get(0);
        var deployment = ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(during.currentDeployment()))
                .serviceDeployments().get(0);
        assertThat(deployment.targetServiceRevision().arn()).isEqualTo(updated.targetConfiguration().serviceRevisionArn());

        world.clock().advance(Duration.ofMinutes(20));
        ECSExpressGatewayService after = ecs.describeExpressGatewayService(r -> r.serviceArn(created.serviceArn()))
                .service();
        assertThat(after.activeConfigurations()).singleElement().satisfies(c ->
                assertThat(c.serviceRevisionArn()).isEqualTo(updated.targetConfiguration().serviceRevisionArn()));
        assertThat(ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(during.currentDeployment()))
                .serviceDeployments().get(0).statusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(service.taskDefinition()).endsWith(":task-definition/web:2");
    }

    @Test
    void should_keep_the_port_and_logs_when_an_update_leaves_them_out_and_change_the_scaling() {
        // given
        ECSExpressGatewayService created = ecs.createExpressGatewayService(minimal().serviceName("web")
                .primaryContainer(c -> c.image("acme/web:1").containerPort(8080)).build()).service();

        // when
        var updated = ecs.updateExpressGatewayService(r -> r.serviceArn(created.serviceArn())
                .primaryContainer(c -> c.image("acme/web:2"))
                .scalingTarget(s -> s.maxTaskCount(9).autoScalingMetric("AVERAGE_MEMORY"))).service();

        // then
        var container = updated.targetConfiguration().primaryContainer();
        assertThat(container.containerPort()).isEqualTo(8080);
        assertThat(container.awsLogsConfiguration()).isEqualTo(created.activeConfigurations().get(0)
                .primaryContainer().awsLogsConfiguration());
        assertThat(aas.describeScalableTargets(r -> r.serviceNamespace("ecs")).scalableTargets().get(0).maxCapacity())
                .isEqualTo(9);
        assertThat(aas.describeScalingPolicies(r -> r.serviceNamespace("ecs")).scalingPolicies()).singleElement()
                .satisfies(p -> assertThat(p.targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification()
                        .predefinedMetricTypeAsString()).isEqualTo("ECSServiceAverageMemoryUtilization"));
    }

    @Test
    void should_not_roll_out_a_new_revision_when_only_the_scaling_changes() {
        // given
        ECSExpressGatewayService created = ecs.createExpressGatewayService(minimal().serviceName("web").build())
                .service();
        world.clock().advance(Duration.ofMinutes(15));

        // when
        var updated = ecs.updateExpressGatewayService(r -> r.serviceArn(created.serviceArn())
                .scalingTarget(s -> s.minTaskCount(3))).service();

        // then
        assertThat(updated.targetConfiguration().serviceRevisionArn())
                .isEqualTo(created.activeConfigurations().get(0).serviceRevisionArn());
        assertThat(updated.targetConfiguration().scalingTarget().minTaskCount()).isEqualTo(3);
        Service service = ecs.describeServices(r -> r.cluster("default").services("web")).services().get(0);
        assertThat(service.taskDefinition()).endsWith(":task-definition/web:1");
        assertThat(service.desiredCount()).isEqualTo(3);
        assertThat(ecs.describeExpressGatewayService(r -> r.serviceArn(created.serviceArn())).service()
                .activeConfigurations()).singleElement().satisfies(c ->
                assertThat(c.scalingTarget().minTaskCount()).isEqualTo(3));
    }

    @Test
    void should_drain_the_service_and_remove_its_resources_on_delete() {
        // given
        ECSExpressGatewayService created = ecs.createExpressGatewayService(minimal().serviceName("web").build())
                .service();
        String revision = created.activeConfigurations().get(0).serviceRevisionArn();
        world.clock().advance(Duration.ofMinutes(15));

        // when
        ECSExpressGatewayService deleting = ecs.deleteExpressGatewayService(r -> r.serviceArn(created.serviceArn()))
                .service();

        // then
        assertThat(deleting.status().statusCode()).isEqualTo(ExpressGatewayServiceStatusCode.DRAINING);
        assertThat(managed(revision).ingressPaths().get(0).rule().status()).isEqualTo(ManagedResourceStatus.DEPROVISIONING);
        world.clock().advance(Duration.ofMinutes(10));
        ECSExpressGatewayService gone = ecs.describeExpressGatewayService(r -> r.serviceArn(created.serviceArn()))
                .service();
        assertThat(gone.status().statusCode()).isEqualTo(ExpressGatewayServiceStatusCode.INACTIVE);
        assertThat(ecs.describeServices(r -> r.cluster("default").services("web")).services().get(0).status())
                .isEqualTo("INACTIVE");
        assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
        assertThat(elb.describeTargetGroups().targetGroups()).isEmpty();
        assertThat(aas.describeScalableTargets(r -> r.serviceNamespace("ecs")).scalableTargets()).isEmpty();
        assertThat(cloudWatch.describeAlarms().metricAlarms()).isEmpty();
        assertThat(managed(revision).ingressPaths().get(0).loadBalancer().status()).isEqualTo(ManagedResourceStatus.DELETED);
    }

    @Test
    void should_share_one_load_balancer_between_25_services_and_add_another_for_the_26th() {
        // when
        for (int i = 1; i <= 26; i++) {
            String name = "svc" + i;
            ecs.createExpressGatewayService(minimal().serviceName(name).build());
        }

        // then
        List<LoadBalancer> lbs = elb.describeLoadBalancers().loadBalancers();
        assertThat(lbs).hasSize(2);
        assertThat(elb.describeTargetGroups(r -> r.loadBalancerArn(lbs.get(0).loadBalancerArn())).targetGroups())
                .hasSize(50);
        assertThat(elb.describeTargetGroups(r -> r.loadBalancerArn(lbs.get(1).loadBalancerArn())).targetGroups())
                .hasSize(2);
    }

    @Test
    void should_show_tags_only_when_asked() {
        ECSExpressGatewayService created = ecs.createExpressGatewayService(minimal().serviceName("web")
                .tags(t -> t.key("team").value("payments")).build()).service();

        assertThat(ecs.describeExpressGatewayService(r -> r.serviceArn(created.serviceArn())).service().hasTags())
                .isFalse();
        assertThat(ecs.describeExpressGatewayService(r -> r.serviceArn(created.serviceArn())
                .include(ExpressGatewayServiceInclude.TAGS)).service().tags())
                .singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("payments"));
    }

    @Test
    void should_name_a_service_after_its_image_when_no_name_is_given() {
        ECSExpressGatewayService created = ecs.createExpressGatewayService(minimal()
                .primaryContainer(c -> c.image("public.ecr.aws/acme/Shop.Front:3")).build()).service();

        assertThat(created.serviceName()).matches("shop-front-[0-9a-f]{4}");
    }

    private ECSManagedResources managed(String revisionArn) {
        return ecs.describeServiceRevisions(r -> r.serviceRevisionArns(revisionArn)).serviceRevisions().get(0)
                .ecsManagedResources();
    }
}
