package dev.fakeecs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.deployment.HookInvocation;
import dev.fakeecs.deployment.LifecycleHookFunction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * The examples docs/deployments.md shows (regions between {@code // NAME-START} and {@code // NAME-END}, checked by
 * {@code DocSnippetsTest} in samples); each runs here and asserts what the guide says it does.
 */
class DeploymentGuideTest {

    private static final String SMOKE_ARN = "arn:aws:lambda:us-east-1:123456789012:function:checkout-smoke";

    private FakeEcs ecs;
    private EcsClient ecsClient;
    private ElasticLoadBalancingV2Client elb;
    private CloudWatchClient cloudWatch;
    private String blueTg;
    private String greenTg;
    private String productionRule;
    private String testRule;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.builder().seed(7).build();
        ecsClient = ecs.newClient();
        elb = ecs.newLoadBalancingClient();
        cloudWatch = ecs.newCloudWatchClient();
        ecsClient.createCluster(r -> r.clusterName("prod"));
        for (String image : List.of("checkout:1", "checkout:2")) {
            ecsClient.registerTaskDefinition(r -> r.family("checkout").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image(image).essential(true)
                            .portMappings(p -> p.containerPort(8080))));
        }
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    private void loadBalancer() {
        ElasticLoadBalancingV2Client elb = this.elb;
        // alb-setup-START
        String alb = elb.createLoadBalancer(r -> r.name("checkout-alb").subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                .loadBalancers().get(0).loadBalancerArn();
        String blueTg = elb.createTargetGroup(r -> r.name("checkout-blue").protocol("HTTP").port(8080)
                .vpcId("vpc-1").targetType("ip")).targetGroups().get(0).targetGroupArn();
        String greenTg = elb.createTargetGroup(r -> r.name("checkout-green").protocol("HTTP").port(8080)
                .vpcId("vpc-1").targetType("ip")).targetGroups().get(0).targetGroupArn();
        String[] rules = new String[2];
        int[] ports = {80, 8080};   // production listener, test listener
        for (int i = 0; i < 2; i++) {
            int port = ports[i];
            String listener = elb.createListener(r -> r.loadBalancerArn(alb).protocol("HTTP").port(port)
                    .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(f -> f.statusCode("404"))))
                    .listeners().get(0).listenerArn();
            // the rule ECS moves: it must forward to both target groups (blue 100, green 0)
            rules[i] = elb.createRule(r -> r.listenerArn(listener).priority(1)
                    .conditions(c -> c.field("path-pattern").values("/*"))
                    .actions(a -> a.type("forward").forwardConfig(f -> f.targetGroups(
                            TargetGroupTuple.builder().targetGroupArn(blueTg).weight(100).build(),
                            TargetGroupTuple.builder().targetGroupArn(greenTg).weight(0).build()))))
                    .rules().get(0).ruleArn();
        }
        String productionRule = rules[0];
        String testRule = rules[1];
        // alb-setup-END
        this.blueTg = blueTg;
        this.greenTg = greenTg;
        this.productionRule = productionRule;
        this.testRule = testRule;
    }

    private ServiceDeployment latest(String service) {
        String arn = ecsClient.listServiceDeployments(r -> r.cluster("prod").service(service)).serviceDeployments()
                .get(0).serviceDeploymentArn();
        return ecsClient.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
    }

    @Test
    void should_run_a_canary_behind_the_load_balancer_with_a_java_hook() {
        loadBalancer();
        EcsClient ecsClient = this.ecsClient;
        String blueTg = this.blueTg;
        String greenTg = this.greenTg;
        String productionRule = this.productionRule;
        String testRule = this.testRule;
        // canary-service-START
        ecsClient.createService(r -> r.cluster("prod").serviceName("checkout").taskDefinition("checkout:1")
                .desiredCount(4).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a")))
                .loadBalancers(l -> l.targetGroupArn(blueTg).containerName("app").containerPort(8080)
                        .advancedConfiguration(a -> a.alternateTargetGroupArn(greenTg)
                                .productionListenerRule(productionRule).testListenerRule(testRule)
                                .roleArn("arn:aws:iam::123456789012:role/ecsInfrastructureRole")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.CANARY).bakeTimeInMinutes(5)
                        .canaryConfiguration(c -> c.canaryPercent(10.0).canaryBakeTimeInMinutes(5))
                        .lifecycleHooks(DeploymentLifecycleHook.builder().hookTargetArn(SMOKE_ARN)
                                .roleArn("arn:aws:iam::123456789012:role/ecsHookRole")
                                .lifecycleStages(DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)
                                .hookDetails(Document.mapBuilder().putString("path", "/health/deep").build())
                                .build())));
        ecs.lifecycleHooks().function(SMOKE_ARN, new SmokeTestHook());
        // canary-service-END
        ecs.clock().advance(Duration.ofMinutes(20));
        assertThat(latest("checkout").statusAsString()).isEqualTo("SUCCESSFUL");

        // canary-update-START
        ecsClient.updateService(r -> r.cluster("prod").service("checkout").taskDefinition("checkout:2"));
        ecs.clock().advance(Duration.ofMinutes(5));
        ServiceDeployment d = latest("checkout");   // lifecycleStage PRODUCTION_TRAFFIC_SHIFT: the canary step
        List<TargetGroupTuple> forward = elb.describeRules(r -> r.ruleArns(productionRule)).rules().get(0)
                .actions().get(0).forwardConfig().targetGroups();
        // checkout-blue 10 (revision 2 registered there), checkout-green 90 (revision 1, placed there by the first
        // deployment): the groups swap roles with every deployment
        ecs.clock().advance(Duration.ofMinutes(20));
        // latest("checkout").statusAsString() is "SUCCESSFUL"; revision 1's tasks are stopped
        // canary-update-END
        assertThat(d.lifecycleStageAsString()).isEqualTo("PRODUCTION_TRAFFIC_SHIFT");
        assertThat(forward).extracting(TargetGroupTuple::targetGroupArn).containsExactly(blueTg, greenTg);
        assertThat(forward).extracting(TargetGroupTuple::weight).containsExactly(10, 90);
        assertThat(latest("checkout").statusAsString()).isEqualTo("SUCCESSFUL");
        List<HookInvocation> calls = ecs.lifecycleHooks().invocations();
        assertThat(calls).extracting(HookInvocation::lifecycleStage).containsOnly("POST_TEST_TRAFFIC_SHIFT");
        // two deployments (create and update), the smoke test answered IN_PROGRESS once, then SUCCEEDED
        assertThat(calls).extracting(HookInvocation::hookStatus)
                .containsExactly("IN_PROGRESS", "SUCCEEDED", "IN_PROGRESS", "SUCCEEDED");
    }

    // hook-function-START
    /** A smoke test hook: waits until the test listener sends all its traffic to the new revision, then checks it. */
    static final class SmokeTestHook implements LifecycleHookFunction {
        @Override
        public Map<String, Object> invoke(Map<String, Object> payload) {
            Map<?, ?> details = (Map<?, ?>) payload.get("executionDetails");
            Map<?, ?> hookDetails = (Map<?, ?>) payload.get("hookDetails");   // from the service, then our reply
            String revision = (String) details.get("targetServiceRevisionArn");
            if (!hookDetails.containsKey("attempt")) {
                // first call: start the checks and ask ECS to call again in 30 s, carrying state forward
                return Map.of("hookStatus", "IN_PROGRESS", "callBackDelay", 30,
                        "hookDetails", Map.of("attempt", 1, "revision", revision));
            }
            return Map.of("hookStatus", revision.equals(hookDetails.get("revision")) ? "SUCCEEDED" : "FAILED");
        }
    }
    // hook-function-END

    // request-handler-START
    /** The logic of a real Lambda hook, kept free of the Lambda runtime so tests can call it. */
    static final class CheckoutGate {
        static Map<String, Object> handle(Map<String, Object> event) {
            Object stage = event.get("lifecycleStage");
            return Map.of("hookStatus", "POST_SCALE_UP".equals(stage) ? "SUCCEEDED" : "FAILED");
        }
    }

    // The Lambda itself (aws-lambda-java-core) only delegates:
    //   public final class CheckoutGateLambda implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    //       public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    //           return CheckoutGate.handle(event);
    //       }
    //   }
    // request-handler-END

    @Test
    void should_run_a_request_handler_shaped_hook_and_roll_back_on_failed() {
        String gateArn = "arn:aws:lambda:us-east-1:123456789012:function:checkout-gate";
        headlessBlueGreen(DeploymentLifecycleHook.builder().hookTargetArn(gateArn)
                .lifecycleStages(DeploymentLifecycleHookStage.POST_SCALE_UP, DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)
                .build());
        // request-handler-register-START
        ecs.lifecycleHooks().function(gateArn, CheckoutGate::handle);
        // request-handler-register-END
        ecs.clock().advance(Duration.ofMinutes(15));

        ServiceDeployment d = latest("checkout");
        assertThat(d.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(d.rollback().reason()).contains("lifecycle hook " + gateArn + " failed at POST_TEST_TRAFFIC_SHIFT.");
    }

    /** A BLUE_GREEN service without a load balancer, settled at revision 1; then the update to 2 with the hooks. */
    private void headlessBlueGreen(DeploymentLifecycleHook... hooks) {
        ecsClient.createService(r -> r.cluster("prod").serviceName("checkout").taskDefinition("checkout:1")
                .desiredCount(2).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a")))
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(2)));
        ecs.clock().advance(Duration.ofMinutes(10));
        assertThat(latest("checkout").statusAsString()).isEqualTo("SUCCESSFUL");
        ecsClient.updateService(r -> r.cluster("prod").service("checkout").taskDefinition("checkout:2")
                .deploymentConfiguration(d -> d.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(2)
                        .lifecycleHooks(hooks)));
    }

    @Test
    void should_hold_a_deployment_on_a_scripted_in_progress_answer() {
        String gateArn = "arn:aws:lambda:us-east-1:123456789012:function:manual-gate";
        headlessBlueGreen(DeploymentLifecycleHook.builder().hookTargetArn(gateArn)
                .lifecycleStages(DeploymentLifecycleHookStage.POST_SCALE_UP).build());
        // scripted-answer-START
        ecs.lifecycleHooks().answer(gateArn, "IN_PROGRESS", Duration.ZERO);   // re-invoked every 30 s
        ecs.clock().advance(Duration.ofMinutes(10));
        // latest("checkout").lifecycleStageAsString() is still "POST_SCALE_UP"
        ecs.lifecycleHooks().answer(gateArn, "SUCCEEDED", Duration.ofSeconds(20));   // replies 20 s after the call
        ecs.clock().advance(Duration.ofMinutes(10));
        // scripted-answer-END
        assertThat(ecs.lifecycleHooks().invocations().stream()
                .filter(i -> "IN_PROGRESS".equals(i.hookStatus())).count()).isGreaterThanOrEqualTo(15);
        ServiceDeployment d = latest("checkout");
        assertThat(d.statusAsString()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void should_wait_on_a_pause_hook_until_continue_service_deployment() {
        headlessBlueGreen(DeploymentLifecycleHook.builder().targetType("PAUSE")
                .lifecycleStages(DeploymentLifecycleHookStage.POST_SCALE_UP).build());
        ecs.clock().advance(Duration.ofMinutes(30));
        EcsClient ecsClient = this.ecsClient;
        // pause-continue-START
        ServiceDeployment waiting = latest("checkout");   // ListServiceDeployments + DescribeServiceDeployments
        // waiting.lifecycleStageAsString() is "POST_SCALE_UP"; its hook is AWAITING_ACTION
        String hookId = waiting.lifecycleHookDetails().get(0).hookId();   // "ecs-pause-..."
        ecsClient.continueServiceDeployment(r -> r.serviceDeploymentArn(waiting.serviceDeploymentArn())
                .hookId(hookId));                        // action CONTINUE (default) or ROLLBACK
        ecs.clock().advance(Duration.ofMinutes(15));
        // pause-continue-END
        assertThat(waiting.lifecycleStageAsString()).isEqualTo("POST_SCALE_UP");
        assertThat(waiting.lifecycleHookDetails().get(0).statusAsString()).isEqualTo("AWAITING_ACTION");
        assertThat(latest("checkout").statusAsString()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void should_roll_back_a_rolling_deployment_when_its_alarm_fires() {
        CloudWatchClient cloudWatch = this.cloudWatch;
        EcsClient ecsClient = this.ecsClient;
        // alarm-service-START
        cloudWatch.putMetricAlarm(r -> r.alarmName("checkout-errors").namespace("Checkout").metricName("Errors")
                .statistic(Statistic.SUM).period(60).evaluationPeriods(3).threshold(5.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
        ecsClient.createService(r -> r.cluster("prod").serviceName("checkout").taskDefinition("checkout:1")
                .desiredCount(2).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a")))
                .deploymentConfiguration(d -> d.alarms(a -> a.alarmNames("checkout-errors").enable(true)
                        .rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(10));
        // alarm-service-END

        // alarm-trigger-START
        ecsClient.updateService(r -> r.cluster("prod").service("checkout").taskDefinition("checkout:2"));
        ecs.clock().advance(Duration.ofSeconds(90));                  // new tasks RUNNING: alarms watched
        cloudWatch.setAlarmState(r -> r.alarmName("checkout-errors").stateValue(StateValue.ALARM)
                .stateReason("errors spiked after the release"));    // holds until the next evaluation
        ecs.clock().advance(Duration.ofMinutes(10));                  // ECS polls the alarm within 60 s
        // alarm-trigger-END

        // detect-rollback-START
        String deploymentArn = ecsClient.listServiceDeployments(r -> r.cluster("prod").service("checkout")
                .status(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL)).serviceDeployments().get(0)
                .serviceDeploymentArn();
        ServiceDeployment failed = ecsClient.describeServiceDeployments(r -> r.serviceDeploymentArns(deploymentArn))
                .serviceDeployments().get(0);
        String reason = failed.rollback().reason();
        // "ECS deployment ecs-svc/... failed: alarm(s) checkout-errors in ALARM state."
        List<String> triggered = failed.alarms().triggeredAlarmNames();   // [checkout-errors]
        Service service = ecsClient.describeServices(r -> r.cluster("prod").services("checkout")).services().get(0);
        List<String> events = service.events().stream().map(ServiceEvent::message).toList();
        // "(service checkout) (deployment ecs-svc/...) deployment failed: alarm(s) checkout-errors in ALARM state."
        // "(service checkout) rolling back to deployment ecs-svc/...."
        // detect-rollback-END
        assertThat(failed.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(reason).startsWith("ECS deployment ecs-svc/").endsWith(" failed: alarm(s) checkout-errors in ALARM state.");
        assertThat(triggered).containsExactly("checkout-errors");
        assertThat(events).anySatisfy(e -> assertThat(e).startsWith("(service checkout) (deployment ecs-svc/")
                .endsWith(") deployment failed: alarm(s) checkout-errors in ALARM state."));
        assertThat(events).anySatisfy(e -> assertThat(e).startsWith("(service checkout) rolling back to deployment"));
        assertThat(service.deployments()).allSatisfy(dep -> assertThat(dep.taskDefinition()).endsWith(":1"));
    }

    @Test
    void should_keep_a_code_deploy_service_at_its_primary_revision() {
        loadBalancer();
        String blueTg = this.blueTg;
        // code-deploy-START
        ecsClient.createService(r -> r.cluster("prod").serviceName("legacy").taskDefinition("checkout:1")
                .desiredCount(2).launchType(LaunchType.FARGATE)
                .deploymentController(c -> c.type(DeploymentControllerType.CODE_DEPLOY))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-us-east-1a")))
                .loadBalancers(l -> l.targetGroupArn(blueTg).containerName("app").containerPort(8080)));
        ecs.clock().advance(Duration.ofMinutes(5));
        // code-deploy-END
        Service legacy = ecsClient.describeServices(r -> r.cluster("prod").services("legacy")).services().get(0);
        assertThat(legacy.deploymentController().typeAsString()).isEqualTo("CODE_DEPLOY");
        assertThat(legacy.runningCount()).isEqualTo(2);
        assertThat(legacy.deployments()).isEmpty();
        assertThat(legacy.taskSets()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo("PRIMARY");
            assertThat(t.taskDefinition()).endsWith("checkout:1");
        });
    }
}
