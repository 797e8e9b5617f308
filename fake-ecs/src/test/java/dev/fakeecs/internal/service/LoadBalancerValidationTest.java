package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;

import java.util.ArrayList;
import java.util.List;

import static dev.fakeecs.internal.service.LoadBalancerFixtures.awsvpcFamily;
import static dev.fakeecs.internal.service.LoadBalancerFixtures.bridgeFamily;
import static dev.fakeecs.internal.service.LoadBalancerFixtures.lb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CreateService, UpdateService and CreateTaskSet check {@code loadBalancers} with ECS's messages. */
class LoadBalancerValidationTest {

    private final FakeEcs ecs = ServiceFixtures.world();
    private final FakeTargetGroups elb = FakeTargetGroups.install(ecs).manual();
    private final String ipGroup = elb.add("web-ip", "ip", 300);
    private final String instanceGroup = elb.add("web-instance", "instance", 300);
    private final String detached = elb.add("detached", "ip", 300, false);
    private final String fargate = awsvpcFamily(ecs, "web", "acme/web:1");
    private final String bridge = bridgeFamily(ecs, "classic", "acme/classic:1");

    private void createFargate(String name, List<LoadBalancer> lbs, String role) {
        ServiceFixtures.createFargateService(ecs, name, fargate, 1, r -> {
            r.loadBalancers(lbs);
            if (role != null) {
                r.role(role);
            }
        });
    }

    private void createBridge(String name, List<LoadBalancer> lbs, String role) {
        ecs.api().createService(r -> r.cluster("prod").serviceName(name).taskDefinition(bridge).desiredCount(0)
                .launchType(LaunchType.EC2).loadBalancers(lbs).role(role));
    }

    @Test
    void should_refuse_a_target_group_that_does_not_exist_or_has_no_load_balancer() {
        String missing = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/nope/00000000000000ff";

        assertThatThrownBy(() -> createFargate("a", List.of(lb(missing, 8080)), null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The target group with targetGroupArn " + missing
                        + " does not have an associated load balancer.");
        assertThatThrownBy(() -> createFargate("b", List.of(lb(detached, 8080)), null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The target group with targetGroupArn " + detached
                        + " does not have an associated load balancer.");
        assertThat(ecs.api().listServices(r -> r.cluster("prod")).serviceArns()).isEmpty();
    }

    @Test
    void should_refuse_a_target_type_that_does_not_suit_the_network_mode() {
        assertThatThrownBy(() -> createFargate("a", List.of(lb(instanceGroup, 8080)), null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The provided target group " + instanceGroup + " has target type instance, "
                        + "which is incompatible with the awsvpc network mode specified in the task definition.");
        assertThatThrownBy(() -> createBridge("b", List.of(lb(ipGroup, 80)), null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The provided target group " + ipGroup + " has target type ip, which is "
                        + "incompatible with the bridge network mode specified in the task definition.");
    }

    @Test
    void should_refuse_an_unknown_container_or_a_port_it_does_not_map() {
        LoadBalancer unknownContainer = LoadBalancer.builder().targetGroupArn(ipGroup).containerName("sidecar")
                .containerPort(8080).build();

        assertThatThrownBy(() -> createFargate("a", List.of(unknownContainer), null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The container sidecar does not exist in the task definition.");
        assertThatThrownBy(() -> createFargate("b", List.of(lb(ipGroup, 9090)), null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The container app did not have a container port 9090 defined.");
    }

    @Test
    void should_allow_at_most_five_target_groups() {
        List<LoadBalancer> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(lb(elb.add("g" + i, "ip", 300), 8080));
        }

        assertThatThrownBy(() -> createFargate("a", six, null)).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("A service can have at most 5 target groups.");
        createFargate("b", six.subList(0, 5), null);
        assertThat(ServiceFixtures.describe(ecs, "b").loadBalancers()).hasSize(5);
    }

    @Test
    void should_refuse_a_role_where_the_service_linked_role_is_required_and_default_to_it() {
        assertThatThrownBy(() -> createFargate("a", List.of(lb(ipGroup, 8080)), "ecsServiceRole"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("You cannot specify an IAM role for services that require a service linked "
                        + "role.");
        String second = elb.add("web-instance-2", "instance", 300);
        assertThatThrownBy(() -> createBridge("b", List.of(lb(instanceGroup, 80), lb(second, 80)), "ecsServiceRole"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("You cannot specify an IAM role for services that require a service linked "
                        + "role.");

        createBridge("c", List.of(lb(instanceGroup, 80)), "ecsServiceRole");
        createFargate("d", List.of(lb(ipGroup, 8080)), null);

        assertThat(ServiceFixtures.describe(ecs, "c").roleArn()).isEqualTo("arn:aws:iam::" + ecs.accountId()
                + ":role/ecsServiceRole");
        assertThat(ServiceFixtures.describe(ecs, "d").roleArn()).isEqualTo("arn:aws:iam::" + ecs.accountId()
                + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
        assertThat(ServiceFixtures.describe(ecs, "d").loadBalancers()).containsExactly(lb(ipGroup, 8080));
    }

    @Test
    void should_check_load_balancers_on_update_service_and_start_a_deployment_when_they_change() {
        ServiceFixtures.createFargateService(ecs, "web", fargate, 1, r -> { });
        ecs.clock().advance(java.time.Duration.ofMinutes(3));

        assertThatThrownBy(() -> ecs.api().updateService(r -> r.cluster("prod").service("web")
                .loadBalancers(lb(ipGroup, 9090)))).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The container app did not have a container port 9090 defined.");
        assertThat(ServiceFixtures.describe(ecs, "web").deployments()).hasSize(1);

        Service updated = ecs.api().updateService(r -> r.cluster("prod").service("web")
                .loadBalancers(lb(ipGroup, 8080))).service();

        assertThat(updated.deployments()).hasSize(2);
        assertThat(updated.loadBalancers()).containsExactly(lb(ipGroup, 8080));
        String noPorts = ServiceFixtures.fargateFamily(ecs, "bare", "acme/bare:1", false);
        assertThatThrownBy(() -> ecs.api().updateService(r -> r.cluster("prod").service("web")
                .taskDefinition(noPorts))).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The container app did not have a container port 8080 defined.");
    }

    @Test
    void should_check_load_balancers_of_a_task_set() {
        ecs.api().createService(r -> r.cluster("prod").serviceName("ext").desiredCount(1)
                .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));

        assertThatThrownBy(() -> ecs.api().createTaskSet(r -> r.cluster("prod").service("ext")
                .taskDefinition(fargate).launchType(LaunchType.FARGATE).networkConfiguration(ServiceFixtures.NETWORK)
                .loadBalancers(lb(instanceGroup, 8080)))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("has target type instance, which is incompatible with the awsvpc network mode");
        assertThat(ecs.api().createTaskSet(r -> r.cluster("prod").service("ext").taskDefinition(fargate)
                .launchType(LaunchType.FARGATE).networkConfiguration(ServiceFixtures.NETWORK)
                .loadBalancers(lb(ipGroup, 8080))).taskSet().loadBalancers()).containsExactly(lb(ipGroup, 8080));
    }
}
