package dev.fakeecs.samples.fooddelivery;

import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.CLUSTER;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.USERS;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.USERS_TG;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.describe;
import static dev.fakeecs.samples.fooddelivery.FoodDeliveryPlatform.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * user-service (three Fargate tasks) sits behind the platform's ALB in target group users-tg. Deploying a new
 * image there takes what it takes on AWS: a new task counts once the load balancer's first health check passes,
 * and every replaced task keeps serving its open connections for the deregistration delay (300 s) before it
 * stops. A revision whose application answers 500 passes its container health check but never the load
 * balancer's, and the deployment circuit breaker rolls it back.
 */
class AlbDeploymentTest {

    private final FakeEcs ecs = FoodDeliveryPlatform.start();
    private final ElasticLoadBalancingV2Client elb = ecs.newLoadBalancingClient();

    @AfterEach
    void close() {
        ecs.close();
    }

    @Test
    void a_rolling_deployment_behind_the_alb_waits_for_health_checks_and_drains_the_old_tasks() {
        // given: the first deployment has settled; 3.3 is registered
        ecs.clock().advance(Duration.ofMinutes(30));
        List<Task> old = tasks(ecs, USERS, "RUNNING");
        assertThat(old).hasSize(3);
        String revision = registerImage("acme/user-service:3.3");
        Instant updated = ecs.clock().instant();

        // when
        ecs.api().updateService(r -> r.cluster(CLUSTER).service(USERS).taskDefinition(revision));
        ecs.clock().advance(Duration.ofMinutes(20));

        // then: the new tasks were registered and found healthy before the deployment completed
        Deployment primary = primary();
        assertThat(primary.rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(healthyTargets()).hasSize(3);
        // every old task drained for the full 300 s deregistration delay before it stopped
        List<Task> replaced = stopped(old);
        assertThat(replaced).hasSize(3).allSatisfy(t ->
                assertThat(Duration.between(t.stoppingAt(), t.executionStoppedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(300)));
        Duration oldGoneAfter = Duration.between(updated, lastStopped(replaced));
        assertThat(oldGoneAfter).isGreaterThan(Duration.ofSeconds(300));
        assertThat(describe(ecs, USERS).events()).anyMatch(e -> e.message().matches(
                "\\(service user-service\\) registered 3 targets in \\(target-group .*users-tg.*\\)"));
    }

    @Test
    void a_shorter_deregistration_delay_makes_the_old_revision_go_away_sooner() {
        // given: users-tg drains for 30 s instead of 300 s
        ecs.clock().advance(Duration.ofMinutes(30));
        elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(usersTargetGroup().targetGroupArn())
                .attributes(a -> a.key("deregistration_delay.timeout_seconds").value("30")));
        List<Task> old = tasks(ecs, USERS, "RUNNING");
        String revision = registerImage("acme/user-service:3.3");
        Instant updated = ecs.clock().instant();

        // when
        ecs.api().updateService(r -> r.cluster(CLUSTER).service(USERS).taskDefinition(revision));
        ecs.clock().advance(Duration.ofMinutes(20));

        // then: the old tasks stop 30 s after they were told to, so the whole rollout is over in a few minutes
        List<Task> replaced = stopped(old);
        assertThat(replaced).allSatisfy(t -> assertThat(Duration.between(t.stoppingAt(), t.executionStoppedAt()))
                .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60)));
        assertThat(Duration.between(updated, lastStopped(replaced))).isLessThan(Duration.ofSeconds(300));
        assertThat(primary().rolloutStateAsString()).isEqualTo("COMPLETED");
    }

    @Test
    void an_image_answering_500_is_caught_by_the_alb_health_checks_and_rolled_back_by_the_breaker() {
        // given: 3.3-bad passes its container health check but its application answers 500 to every request
        ecs.clock().advance(Duration.ofMinutes(30));
        ecs.declareImage("acme/user-service:3.3-bad", ImageBehavior.DEFAULT.withHttpStatus(500));
        String stable = describe(ecs, USERS).taskDefinition();
        String revision = registerImage("acme/user-service:3.3-bad");

        // when
        ecs.api().updateService(r -> r.cluster(CLUSTER).service(USERS).taskDefinition(revision)
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(30));

        // then: its tasks failed the load balancer's checks and were stopped for it
        String tg = usersTargetGroup().targetGroupArn();
        assertThat(tasks(ecs, USERS, "STOPPED")).filteredOn(t -> t.taskDefinitionArn().equals(revision))
                .isNotEmpty()
                .allSatisfy(t -> {
                    assertThat(t.stoppedReason()).isEqualTo("Task failed ELB health checks in (target-group " + tg + ")");
                    assertThat(t.healthStatusAsString()).isEqualTo("HEALTHY"); // the container check passed
                });
        // and the breaker rolled back: the service runs the stable revision, all three targets healthy
        assertThat(describe(ecs, USERS).taskDefinition()).isEqualTo(stable);
        assertThat(describe(ecs, USERS).events()).anyMatch(e -> e.message().contains("deployment failed"))
                .anyMatch(e -> e.message().contains("rolling back to deployment"));
        assertThat(healthyTargets()).hasSize(3);
        assertThat(tasks(ecs, USERS, "RUNNING")).hasSize(3)
                .allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(stable));
    }

    /** Registers user-service's task definition again with another image; returns the new revision's ARN. */
    private String registerImage(String image) {
        TaskDefinition current = ecs.api().describeTaskDefinition(r -> r.taskDefinition(USERS)).taskDefinition();
        return ecs.api().registerTaskDefinition(r -> r.family(USERS).cpu(current.cpu()).memory(current.memory())
                .networkMode(current.networkMode()).requiresCompatibilities(current.requiresCompatibilities())
                .executionRoleArn(current.executionRoleArn())
                .containerDefinitions(current.containerDefinitions().get(0).toBuilder().image(image).build()))
                .taskDefinition().taskDefinitionArn();
    }

    private TargetGroup usersTargetGroup() {
        return elb.describeTargetGroups(r -> r.names(USERS_TG)).targetGroups().get(0);
    }

    private List<TargetHealthDescription> healthyTargets() {
        return elb.describeTargetHealth(r -> r.targetGroupArn(usersTargetGroup().targetGroupArn()))
                .targetHealthDescriptions().stream()
                .filter(t -> t.targetHealth().stateAsString().equals("healthy")).toList();
    }

    private Deployment primary() {
        return describe(ecs, USERS).deployments().stream().filter(d -> d.status().equals("PRIMARY")).findFirst()
                .orElseThrow();
    }

    private List<Task> stopped(List<Task> tasks) {
        return ecs.api().describeTasks(r -> r.cluster(CLUSTER).tasks(tasks.stream().map(Task::taskArn).toList()))
                .tasks().stream().filter(t -> t.lastStatus().equals("STOPPED")).toList();
    }

    private static Instant lastStopped(List<Task> tasks) {
        return tasks.stream().map(Task::executionStoppedAt).max(Comparator.naturalOrder()).orElseThrow();
    }
}
