package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.StopServiceDeploymentStopType;

import java.time.Duration;
import java.util.List;

import static dev.fakeecs.internal.service.ServiceFixtures.createFargateService;
import static dev.fakeecs.internal.service.ServiceFixtures.describe;
import static dev.fakeecs.internal.service.ServiceFixtures.fargateFamily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceDeploymentsTest {

    private static final String ARN_PREFIX = "arn:aws:ecs:us-east-1:123456789012:";

    private final FakeEcs ecs = ServiceFixtures.world();
    private final EcsClient client = ecs.newClient();

    @AfterEach
    void close() {
        ecs.close();
    }

    private List<ServiceDeploymentBrief> history(String service) {
        return client.listServiceDeployments(r -> r.cluster("prod").service(service)).serviceDeployments();
    }

    private ServiceDeployment deployment(String arn) {
        return client.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0);
    }

    @Test
    void should_list_a_new_service_deployment_in_progress_then_successful() {
        // given
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 2, r -> { });
        String deploymentId = describe(ecs, "orders").deployments().get(0).id();

        // when / then
        ServiceDeploymentBrief brief = history("orders").get(0);
        assertThat(brief.statusAsString()).isEqualTo("IN_PROGRESS");
        assertThat(brief.serviceDeploymentArn()).matches(
                ARN_PREFIX.replace(".", "\\.") + "service-deployment/prod/orders/[A-Za-z0-9_-]{22}");
        assertThat(brief.targetServiceRevisionArn()).isEqualTo(ARN_PREFIX + "service-revision/prod/orders/"
                + deploymentId.substring("ecs-svc/".length()));
        assertThat(brief.serviceArn()).isEqualTo(ARN_PREFIX + "service/prod/orders");
        assertThat(brief.finishedAt()).isNull();

        ecs.clock().advance(Duration.ofMinutes(3));

        ServiceDeployment done = deployment(brief.serviceDeploymentArn());
        assertThat(done.status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
        assertThat(done.finishedAt()).isAfter(done.startedAt());
        assertThat(done.targetServiceRevision().runningTaskCount()).isEqualTo(2);
        assertThat(done.targetServiceRevision().requestedTaskCount()).isEqualTo(2);
        assertThat(done.sourceServiceRevisions()).isEmpty();
        assertThat(done.deploymentCircuitBreaker().statusAsString()).isEqualTo("DISABLED");
    }

    @Test
    void should_describe_the_target_revision_with_task_definition_and_images() {
        // given
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 1, r -> { });
        String revisionArn = history("orders").get(0).targetServiceRevisionArn();

        // when
        var response = client.describeServiceRevisions(r -> r.serviceRevisionArns(revisionArn,
                ARN_PREFIX + "service-revision/prod/orders/1"));

        // then
        ServiceRevision revision = response.serviceRevisions().get(0);
        assertThat(revision.serviceRevisionArn()).isEqualTo(revisionArn);
        assertThat(revision.taskDefinition()).isEqualTo(td);
        assertThat(revision.launchTypeAsString()).isEqualTo("FARGATE");
        assertThat(revision.containerImages()).singleElement()
                .satisfies(i -> assertThat(i.image()).isEqualTo("acme/orders:1"));
        assertThat(response.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo(ARN_PREFIX + "service-revision/prod/orders/1");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void should_record_sources_and_mark_a_superseded_deployment_stopped() {
        // given
        String v1 = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String v2 = fargateFamily(ecs, "orders", "acme/orders:2", false);
        String v3 = fargateFamily(ecs, "orders", "acme/orders:3", false);
        createFargateService(ecs, "orders", v1, 2, r -> { });
        ecs.clock().advance(Duration.ofMinutes(3));

        // when
        client.updateService(r -> r.cluster("prod").service("orders").taskDefinition(v2));
        ecs.clock().advance(Duration.ofSeconds(5));
        client.updateService(r -> r.cluster("prod").service("orders").taskDefinition(v3));
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        List<ServiceDeploymentBrief> briefs = history("orders");
        assertThat(briefs).extracting(ServiceDeploymentBrief::statusAsString)
                .containsExactly("SUCCESSFUL", "STOPPED", "SUCCESSFUL");
        ServiceDeployment second = deployment(briefs.get(1).serviceDeploymentArn());
        assertThat(second.sourceServiceRevisions()).singleElement().satisfies(s -> {
            assertThat(s.arn()).isEqualTo(briefs.get(2).targetServiceRevisionArn());
            assertThat(s.runningTaskCount()).isEqualTo(2);
        });
        assertThat(second.stoppedAt()).isNotNull();
        assertThat(client.listServiceDeployments(r -> r.cluster("prod").service("orders")
                .status(ServiceDeploymentStatus.STOPPED)).serviceDeployments()).hasSize(1);
    }

    @Test
    void should_page_through_the_history() {
        // given
        String v1 = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", v1, 1, r -> { });
        for (int i = 0; i < 4; i++) {
            client.updateService(r -> r.cluster("prod").service("orders").forceNewDeployment(true));
        }

        // when
        ListServiceDeploymentsResponse first = client.listServiceDeployments(r -> r.cluster("prod")
                .service("orders").maxResults(3));
        ListServiceDeploymentsResponse second = client.listServiceDeployments(r -> r.cluster("prod")
                .service("orders").maxResults(3).nextToken(first.nextToken()));

        // then
        assertThat(first.serviceDeployments()).hasSize(3);
        assertThat(second.serviceDeployments()).hasSize(2);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void should_roll_back_on_stop_to_the_previous_completed_deployment() {
        // given
        ecs.declareImage("acme/orders:slow", ImageBehavior.DEFAULT.unhealthy());
        String good = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String slow = fargateFamily(ecs, "orders", "acme/orders:slow", true);
        createFargateService(ecs, "orders", good, 2, r -> r.healthCheckGracePeriodSeconds(3600));
        ecs.clock().advance(Duration.ofMinutes(3));
        String goodDeployment = describe(ecs, "orders").deployments().get(0).id();
        client.updateService(r -> r.cluster("prod").service("orders").taskDefinition(slow));
        ecs.clock().advance(Duration.ofMinutes(2));
        String arn = history("orders").get(0).serviceDeploymentArn();
        assertThat(deployment(arn).statusAsString()).isEqualTo("IN_PROGRESS");

        // when
        String stopped = client.stopServiceDeployment(r -> r.serviceDeploymentArn(arn)
                .stopType(StopServiceDeploymentStopType.ROLLBACK)).serviceDeploymentArn();

        // then
        assertThat(stopped).isEqualTo(arn);
        assertThat(deployment(arn).statusAsString()).isEqualTo("ROLLBACK_IN_PROGRESS");
        ecs.clock().advance(Duration.ofMinutes(5));
        ServiceDeployment after = deployment(arn);
        assertThat(after.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(after.rollback().serviceRevisionArn()).endsWith(goodDeployment.substring("ecs-svc/".length()));
        var service = describe(ecs, "orders");
        assertThat(service.taskDefinition()).isEqualTo(good);
        assertThat(service.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(goodDeployment);
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        });
        assertThat(service.runningCount()).isEqualTo(2);
        assertThat(history("orders").get(1).statusAsString()).as("the target's own deployment").isEqualTo("SUCCESSFUL");
        assertThatThrownBy(() -> client.stopServiceDeployment(r -> r.serviceDeploymentArn(arn)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void should_report_a_circuit_breaker_rollback() {
        // given
        ecs.declareImage("acme/orders:bad", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(5), 1));
        String good = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String bad = fargateFamily(ecs, "orders", "acme/orders:bad", false);
        createFargateService(ecs, "orders", good, 2, r -> r.deploymentConfiguration(c -> c
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(5));

        // when
        client.updateService(b -> b.cluster("prod").service("orders").taskDefinition(bad));
        ecs.clock().advance(Duration.ofMinutes(15));

        // then
        List<ServiceDeploymentBrief> briefs = history("orders");
        assertThat(briefs).extracting(ServiceDeploymentBrief::statusAsString)
                .containsExactly("ROLLBACK_SUCCESSFUL", "SUCCESSFUL");
        ServiceDeployment failed = deployment(briefs.get(0).serviceDeploymentArn());
        assertThat(failed.deploymentCircuitBreaker().statusAsString()).isEqualTo("TRIGGERED");
        assertThat(failed.rollback().reason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
    }

    @Test
    void should_answer_unknown_deployments_and_services_with_real_errors() {
        String missing = ARN_PREFIX + "service-deployment/prod/orders/nope";
        assertThat(client.describeServiceDeployments(r -> r.serviceDeploymentArns(missing)).failures())
                .singleElement().satisfies(f -> {
                    assertThat(f.arn()).isEqualTo(missing);
                    assertThat(f.reason()).isEqualTo("MISSING");
                });
        assertThatThrownBy(() -> client.stopServiceDeployment(r -> r.serviceDeploymentArn(missing)))
                .isInstanceOf(ServiceDeploymentNotFoundException.class);
        assertThatThrownBy(() -> client.continueServiceDeployment(r -> r.serviceDeploymentArn(missing)))
                .isInstanceOf(ServiceDeploymentNotFoundException.class);
        assertThatThrownBy(() -> history("nope")).isInstanceOf(ServiceNotFoundException.class);
    }
}
