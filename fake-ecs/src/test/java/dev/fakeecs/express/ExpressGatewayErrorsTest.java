package dev.fakeecs.express;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ECSExpressGatewayService;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.time.Duration;
import java.time.Instant;

import static dev.fakeecs.express.ExpressGatewayApiTest.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Express Gateway operations' errors through the real SDK client over the wire: ECS's exception types, messages
 * naming the field, and no resource left behind by a refused request.
 */
class ExpressGatewayErrorsTest {

    private final FakeEcs world = FakeEcs.builder().seed(5).start(Instant.parse("2026-03-06T18:00:00Z")).build();
    private final EcsClient ecs = world.newClient();
    private final ElasticLoadBalancingV2Client elb = world.newLoadBalancingClient();

    @AfterEach
    void close() {
        world.close();
    }

    private String arn(String cluster, String name) {
        return "arn:aws:ecs:us-east-1:" + world.accountId() + ":service/" + cluster + "/" + name;
    }

    @Test
    void should_refuse_a_create_without_its_required_fields_naming_them() {
        assertThatThrownBy(() -> ecs.createExpressGatewayService(r -> r.infrastructureRoleArn(
                ExpressGatewayApiTest.INFRASTRUCTURE_ROLE).primaryContainer(c -> c.image("acme/web:1"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("executionRoleArn");
        assertThatThrownBy(() -> ecs.createExpressGatewayService(r -> r.executionRoleArn(
                ExpressGatewayApiTest.EXECUTION_ROLE).primaryContainer(c -> c.image("acme/web:1"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("infrastructureRoleArn");
        assertThatThrownBy(() -> ecs.createExpressGatewayService(r -> r.executionRoleArn(
                ExpressGatewayApiTest.EXECUTION_ROLE).infrastructureRoleArn(ExpressGatewayApiTest.INFRASTRUCTURE_ROLE)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("primaryContainer");
        assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
    }

    @Test
    void should_refuse_invalid_fields_naming_them() {
        assertThatThrownBy(() -> ecs.createExpressGatewayService(minimal().healthCheckPath("health").build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("healthCheckPath");
        assertThatThrownBy(() -> ecs.createExpressGatewayService(minimal()
                .primaryContainer(c -> c.image("acme/web:1").containerPort(70000)).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("primaryContainer.containerPort");
        assertThatThrownBy(() -> ecs.createExpressGatewayService(minimal()
                .scalingTarget(s -> s.minTaskCount(5).maxTaskCount(2)).build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("scalingTarget.maxTaskCount");
        assertThatThrownBy(() -> ecs.createExpressGatewayService(minimal().serviceName("bad name!").build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("serviceName");
        assertThatThrownBy(() -> ecs.createExpressGatewayService(minimal().executionRoleArn("not-a-role").build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("executionRoleArn");
        assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
        assertThat(elb.describeTargetGroups().targetGroups()).isEmpty();
    }

    @Test
    void should_refuse_a_cpu_and_memory_pair_fargate_does_not_offer() {
        assertThatThrownBy(() -> ecs.createExpressGatewayService(minimal().cpu("256").memory("8192").build()))
                .isInstanceOf(software.amazon.awssdk.services.ecs.model.ClientException.class)
                .hasMessageContaining("No Fargate configuration exists for given values.");
        assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
    }

    @Test
    void should_refuse_a_second_service_of_the_same_name() {
        ecs.createExpressGatewayService(minimal().serviceName("web").build());

        assertThatThrownBy(() -> ecs.createExpressGatewayService(minimal().serviceName("web").build()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not idempotent");
        assertThat(elb.describeTargetGroups().targetGroups()).hasSize(2);
    }

    @Test
    void should_leave_nothing_behind_when_ecs_refuses_the_service() {
        // given: a cluster without the FARGATE capacity provider
        ecs.createCluster(r -> r.clusterName("ec2-only"));

        // when
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                ecs.createExpressGatewayService(minimal().cluster("ec2-only").build()));

        // then
        assertThat(refused).isInstanceOf(InvalidParameterException.class);
        assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
        assertThat(elb.describeTargetGroups().targetGroups()).isEmpty();
        assertThat(world.newCloudWatchClient().describeAlarms().metricAlarms()).isEmpty();
    }

    @Test
    void should_answer_cluster_not_found_for_a_cluster_that_does_not_exist() {
        assertThatThrownBy(() -> ecs.createExpressGatewayService(minimal().cluster("nowhere").build()))
                .isInstanceOf(ClusterNotFoundException.class);
        assertThatThrownBy(() -> ecs.describeExpressGatewayService(r -> r.serviceArn(arn("nowhere", "web"))))
                .isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void should_answer_resource_not_found_on_describe_and_service_not_found_on_update_and_delete() {
        ecs.createCluster(r -> r.clusterName("default"));

        assertThatThrownBy(() -> ecs.describeExpressGatewayService(r -> r.serviceArn(arn("default", "ghost"))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(arn("default", "ghost"));
        assertThatThrownBy(() -> ecs.updateExpressGatewayService(r -> r.serviceArn(arn("default", "ghost"))
                .cpu("2048")))
                .isInstanceOf(ServiceNotFoundException.class);
        assertThatThrownBy(() -> ecs.deleteExpressGatewayService(r -> r.serviceArn(arn("default", "ghost"))))
                .isInstanceOf(ServiceNotFoundException.class);
        assertThatThrownBy(() -> ecs.describeExpressGatewayService(r -> r.serviceArn("web")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("serviceArn");
    }

    @Test
    void should_answer_service_not_active_once_deleted() {
        ECSExpressGatewayService s = ecs.createExpressGatewayService(minimal().serviceName("web").build()).service();
        ecs.deleteExpressGatewayService(r -> r.serviceArn(s.serviceArn()));

        assertThatThrownBy(() -> ecs.updateExpressGatewayService(r -> r.serviceArn(s.serviceArn()).cpu("2048")))
                .isInstanceOf(ServiceNotActiveException.class);
        assertThatThrownBy(() -> ecs.deleteExpressGatewayService(r -> r.serviceArn(s.serviceArn())))
                .isInstanceOf(ServiceNotActiveException.class);
        world.clock().advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> ecs.deleteExpressGatewayService(r -> r.serviceArn(s.serviceArn())))
                .isInstanceOf(ServiceNotActiveException.class);
    }

    @Test
    void should_refuse_an_express_operation_on_an_ordinary_service_and_a_port_change() {
        ECSExpressGatewayService s = ecs.createExpressGatewayService(minimal().serviceName("web").build()).service();

        assertThatThrownBy(() -> ecs.updateExpressGatewayService(r -> r.serviceArn(s.serviceArn())
                .primaryContainer(c -> c.image("acme/web:2").containerPort(8080))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("primaryContainer.containerPort");
        ecs.registerTaskDefinition(r -> r.family("plain").containerDefinitions(c -> c.name("a").image("a").memory(64)));
        ecs.createService(r -> r.cluster("default").serviceName("plain").taskDefinition("plain").desiredCount(0)
                .launchType("EC2"));
        assertThatThrownBy(() -> ecs.updateExpressGatewayService(r -> r.serviceArn(arn("default", "plain"))
                .cpu("2048")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not an Express service");
    }
}
