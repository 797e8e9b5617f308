package dev.fakeecs.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * ECS and Elastic Load Balancing v2 together, through the real SDK clients of both (in process, over their wire
 * protocols): a Fargate service behind an ALB target group registers its tasks, counts them only once their
 * targets are healthy, keeps replaced tasks DEACTIVATING for the deregistration delay during a rolling deployment, and rolls
 * back a revision whose application answers 500 to the health checks.
 */
class LoadBalancedServiceEndToEndTest {

    private FakeEcs ecs;
    private EcsClient client;
    private ElasticLoadBalancingV2Client elb;
    private String targetGroupArn;

    @BeforeEach
    void setUp() {
        // alb-setup-START
        ecs = FakeEcs.builder().seed(13).build();
        client = ecs.newClient();
        elb = ecs.newLoadBalancingClient();
        String lb = elb.createLoadBalancer(r -> r.name("web-alb").subnets("subnet-us-east-1a", "subnet-us-east-1b"))
                .loadBalancers().get(0).loadBalancerArn();
        targetGroupArn = elb.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(8080).vpcId("vpc-1")
                .targetType("ip")).targetGroups().get(0).targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(targetGroupArn)));
        // alb-setup-END
        client.createCluster(r -> r.clusterName("prod"));
        for (String image : List.of("web:v1", "web:v2", "web:broken")) {
            client.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                    .containerDefinitions(c -> c.name("app").image(image).essential(true)
                            .portMappings(p -> p.containerPort(8080))));
        }
        // broken-image-START
        ecs.declareImage("web:broken", ImageBehavior.DEFAULT.withHttpStatus(500));
        // broken-image-END
    }

    @AfterEach
    void tearDown() {
        ecs.close();
    }

    @Test
    void should_register_tasks_and_count_them_healthy_only_once_their_targets_are() {
        // when
        createService("web:1");
        ecs.clock().advance(Duration.ofMinutes(5));

        // then: two healthy targets, the tasks' IPs on the container port
        List<TargetHealthDescription> targets = elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn))
                .targetHealthDescriptions();
        List<Task> tasks = runningTasks();
        assertThat(targets).hasSize(2).allSatisfy(t -> {
            assertThat(t.targetHealth().stateAsString()).isEqualTo("healthy");
            assertThat(t.target().port()).isEqualTo(8080);
        });
        assertThat(targets.stream().map(t -> t.target().id()).collect(Collectors.toSet()))
                .isEqualTo(tasks.stream().map(LoadBalancedServiceEndToEndTest::privateIp).collect(Collectors.toSet()));
        Service service = service();
        assertThat(service.loadBalancers()).singleElement()
                .satisfies(l -> assertThat(l.targetGroupArn()).isEqualTo(targetGroupArn));
        assertThat(messages(service)).anyMatch(m -> m.equals("(service web) registered 1 targets in (target-group "
                + targetGroupArn + ")") || m.equals("(service web) registered 2 targets in (target-group "
                + targetGroupArn + ")"));
        assertThat(messages(service)).anyMatch(m -> m.equals("(service web) has reached a steady state."));
    }

    @Test
    void should_drain_old_tasks_for_the_deregistration_delay_during_a_rolling_deployment() {
        // given: steady behind the target group
        createService("web:1");
        ecs.clock().advance(Duration.ofMinutes(5));
        Instant updated = ecs.clock().instant();

        // when
        client.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
        ecs.clock().advance(Duration.ofMinutes(4));

        // then: the replaced tasks are still DEACTIVATING, their targets draining (300 s by default)
        List<TargetHealthDescription> midway = elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn))
                .targetHealthDescriptions();
        assertThat(midway).anyMatch(t -> t.targetHealth().stateAsString().equals("draining"));
        List<Task> draining = client.describeTasks(r -> r.cluster("prod").tasks(
                client.listTasks(l -> l.cluster("prod").desiredStatus("STOPPED")).taskArns())).tasks();
        assertThat(draining).isNotEmpty().allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("DEACTIVATING"));

        // and: each stops only after its full deregistration delay; the new revision serves, every target healthy
        ecs.clock().advance(Duration.ofMinutes(10));
        List<Task> stopped = client.describeTasks(r -> r.cluster("prod").tasks(
                draining.stream().map(Task::taskArn).toList())).tasks();
        assertThat(stopped).allSatisfy(t -> {
            assertThat(t.lastStatus()).isEqualTo("STOPPED");
            assertThat(Duration.between(t.stoppingAt(), t.executionStoppedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(300));
        });
        assertThat(primary().rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(Duration.between(updated, primary().updatedAt())).isGreaterThan(Duration.ofSeconds(60));
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions())
                .hasSize(2).allSatisfy(t -> assertThat(t.targetHealth().stateAsString()).isEqualTo("healthy"));
        assertThat(runningTasks()).allSatisfy(t -> assertThat(t.taskDefinitionArn()).endsWith(":2"));
        assertThat(messages(service())).anyMatch(m -> m.matches("\\(service web, taskSet ecs-svc/\\d+\\) has begun draining connections on \\d tasks\\."));
    }

    @Test
    void should_roll_back_a_revision_whose_application_fails_the_health_checks() {
        // given
        createService("web:1");
        ecs.clock().advance(Duration.ofMinutes(5));

        // when: the new revision answers 500
        client.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:3")
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(20)); // stopped tasks stay visible for an hour

        // then: its tasks were stopped for failing ELB health checks, and the service is back on revision 1
        List<Task> stopped = client.listTasks(r -> r.cluster("prod").desiredStatus("STOPPED")).taskArns().isEmpty()
                ? List.of()
                : client.describeTasks(r -> r.cluster("prod").tasks(
                        client.listTasks(l -> l.cluster("prod").desiredStatus("STOPPED")).taskArns())).tasks();
        assertThat(stopped).anyMatch(t -> t.taskDefinitionArn().endsWith(":3")
                && ("Task failed ELB health checks in (target-group " + targetGroupArn + ")").equals(t.stoppedReason())
                && "ServiceSchedulerInitiated".equals(t.stopCodeAsString()));
        Service service = service();
        assertThat(service.taskDefinition()).endsWith(":1");
        assertThat(service.deployments()).singleElement().satisfies(d -> assertThat(d.taskDefinition()).endsWith(":1"));
        assertThat(messages(service)).anyMatch(m -> m.matches("\\(service web\\) \\(deployment ecs-svc/\\d+\\) deployment failed: .*"))
                .anyMatch(m -> m.matches("\\(service web\\) rolling back to deployment ecs-svc/\\d+\\."));
        assertThat(messages(service)).anyMatch(m -> m.contains("is unhealthy in (target-group " + targetGroupArn
                + ") due to (reason Health checks failed with these codes: [500])"));
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions())
                .filteredOn(t -> t.targetHealth().stateAsString().equals("healthy")).hasSize(2);
    }

    @Test
    void should_roll_back_a_revision_whose_container_health_check_passes_but_whose_targets_fail() {
        // given: revision 4 has a container health check that passes, while its application answers 500
        client.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("web:broken").essential(true)
                        .portMappings(p -> p.containerPort(8080))
                        .healthCheck(h -> h.command("CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"))));
        createService("web:1");
        ecs.clock().advance(Duration.ofMinutes(5));

        // when
        client.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:4")
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(30));

        // then: a container-HEALTHY task whose targets never turned healthy counts as a failed task for the breaker
        Service service = service();
        assertThat(service.taskDefinition()).endsWith(":1");
        assertThat(messages(service)).anyMatch(m -> m.matches("\\(service web\\) rolling back to deployment ecs-svc/\\d+\\."));
    }

    @Test
    void should_serve_tasks_in_every_zone_when_subnets_name_no_zone() {
        // given: subnet ids without a zone in them (subnet-0a1b...), on the load balancer and the service alike
        String lb = elb.createLoadBalancer(r -> r.name("api-alb").subnets("subnet-0a1b2c", "subnet-0d4e5f"))
                .loadBalancers().get(0).loadBalancerArn();
        String tg = elb.createTargetGroup(r -> r.name("api-tg").protocol("HTTP").port(8080).vpcId("vpc-1")
                .targetType("ip")).targetGroups().get(0).targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(tg)));

        // when: three Fargate tasks, which Fargate spreads over all three zones
        client.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("web:1").desiredCount(3)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0a1b2c", "subnet-0d4e5f")))
                .loadBalancers(l -> l.targetGroupArn(tg).containerName("app").containerPort(8080)));
        ecs.clock().advance(Duration.ofMinutes(5));

        // then: every target is in use and healthy, and the service reached a steady state
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions())
                .hasSize(3).allSatisfy(t -> assertThat(t.targetHealth().stateAsString()).isEqualTo("healthy"));
        assertThat(client.describeServices(r -> r.cluster("prod").services("api")).services().get(0).events())
                .anyMatch(e -> e.message().equals("(service api) has reached a steady state."));
    }

    private void createService(String taskDefinition) {
        // service-behind-alb-START
        client.createService(r -> r.cluster("prod").serviceName("web").taskDefinition(taskDefinition).desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-us-east-1a", "subnet-us-east-1b")))
                .loadBalancers(l -> l.targetGroupArn(targetGroupArn).containerName("app").containerPort(8080)));
        // service-behind-alb-END
    }

    private Service service() {
        return client.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
    }

    private Deployment primary() {
        return service().deployments().stream().filter(d -> d.status().equals("PRIMARY")).findFirst().orElseThrow();
    }

    private List<Task> runningTasks() {
        List<String> arns = client.listTasks(r -> r.cluster("prod").desiredStatus("RUNNING")).taskArns();
        return arns.isEmpty() ? List.of() : client.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks();
    }

    private static List<String> messages(Service service) {
        return service.events().stream().map(ServiceEvent::message).toList();
    }

    private static String privateIp(Task task) {
        return task.attachments().get(0).details().stream().filter(d -> d.name().equals("privateIPv4Address"))
                .findFirst().orElseThrow().value();
    }
}
