package dev.fakeecs.express;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.ECSManagedResources;
import software.amazon.awssdk.services.ecs.model.ExpressGatewayServiceStatusCode;
import software.amazon.awssdk.services.ecs.model.ManagedResourceStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The code docs/express-mode.md shows (DocSnippetsTest keeps the two equal). */
class ExpressModeDocsExampleTest {

    private final FakeEcs world = FakeEcs.builder().seed(21).start(Instant.parse("2026-03-06T18:00:00Z")).build();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void should_run_the_documented_express_service_lifecycle() {
        // express-create-START
        EcsClient ecs = world.newClient();
        ECSExpressGatewayService web = ecs.createExpressGatewayService(r -> r
                .serviceName("web")
                .executionRoleArn("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
                .infrastructureRoleArn("arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices")
                .primaryContainer(c -> c.image("acme/web:1").containerPort(8080))
                .scalingTarget(s -> s.minTaskCount(2).maxTaskCount(10))).service();
        String url = web.activeConfigurations().get(0).ingressPaths().get(0).endpoint();
        // https://we-<32 hex>.ecs.us-east-1.on.aws
        // express-create-END
        assertThat(url).matches("https://we-[0-9a-f]{32}\\.ecs\\.us-east-1\\.on\\.aws");

        // express-neighbours-START
        ElasticLoadBalancingV2Client elb = world.newLoadBalancingClient();
        ApplicationAutoScalingClient aas = world.newApplicationAutoScalingClient();
        assertThat(elb.describeTargetGroups().targetGroups()).hasSize(2);          // the canary pair
        assertThat(aas.describeScalingPolicies(r -> r.serviceNamespace("ecs")).scalingPolicies()).hasSize(1);

        world.clock().advance(Duration.ofSeconds(30));                         // resources provisioned
        ECSManagedResources managed = ecs.describeServiceRevisions(r -> r.serviceRevisionArns(
                web.activeConfigurations().get(0).serviceRevisionArn())).serviceRevisions().get(0)
                .ecsManagedResources();
        assertThat(managed.ingressPaths().get(0).loadBalancer().status()).isEqualTo(ManagedResourceStatus.ACTIVE);
        // express-neighbours-END

        // express-update-delete-START
        world.clock().advance(Duration.ofMinutes(10));
        ecs.updateExpressGatewayService(r -> r.serviceArn(web.serviceArn())
                .primaryContainer(c -> c.image("acme/web:2").containerPort(8080)));   // a canary deployment
        world.clock().advance(Duration.ofMinutes(15));

        ecs.deleteExpressGatewayService(r -> r.serviceArn(web.serviceArn()));        // DRAINING
        world.clock().advance(Duration.ofMinutes(10));
        assertThat(ecs.describeExpressGatewayService(r -> r.serviceArn(web.serviceArn())).service().status()
                .statusCode()).isEqualTo(ExpressGatewayServiceStatusCode.INACTIVE);
        assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
        // express-update-delete-END
        assertThat(ecs.describeServices(r -> r.cluster("default").services("web")).services().get(0)
                .taskDefinition()).endsWith(":task-definition/web:2");
    }
}
