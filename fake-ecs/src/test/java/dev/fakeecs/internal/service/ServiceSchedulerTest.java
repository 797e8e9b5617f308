package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.fakeecs.internal.service.ServiceFixtures.createFargateService;
import static dev.fakeecs.internal.service.ServiceFixtures.describe;
import static dev.fakeecs.internal.service.ServiceFixtures.fargateFamily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceSchedulerTest {

    private final FakeEcs ecs = ServiceFixtures.world();
    private final Instant t0 = FakeEcs.DEFAULT_START;

    private List<String> messages(String service) {
        return describe(ecs, service).events().stream().map(ServiceEvent::message).toList();
    }

    private List<Task> tasks(String service, String desiredStatus) {
        List<String> arns = ecs.api().listTasks(b -> b.cluster("prod").serviceName(service)
                .desiredStatus(desiredStatus)).taskArns();
        return arns.isEmpty() ? List.of() : ecs.api().describeTasks(b -> b.cluster("prod").tasks(arns)).tasks();
    }

    @Test
    void should_start_the_desired_tasks_and_reach_a_steady_state_40_seconds_after_they_run() {
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);

        createFargateService(ecs, "orders", td, 3, r -> { });

        assertThat(describe(ecs, "orders").pendingCount()).as("the scheduler starts tasks just after the call")
                .isZero();
        ecs.clock().advance(Duration.ZERO);
        Service created = describe(ecs, "orders");
        assertThat(created.pendingCount()).isEqualTo(3);
        assertThat(created.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).matches("ecs-svc/\\d{19}");
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        });
        ecs.clock().advance(Duration.ofSeconds(90));
        assertThat(describe(ecs, "orders").runningCount()).isEqualTo(3);
        assertThat(messages("orders")).noneMatch(m -> m.contains("steady state"));

        ecs.clock().advance(Duration.ofSeconds(40));

        Service steady = describe(ecs, "orders");
        assertThat(steady.deployments().get(0).rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(messages("orders").get(0)).isEqualTo("(service orders) has reached a steady state.");
        assertThat(messages("orders")).contains("(service orders) (deployment " + steady.deployments().get(0).id()
                + ") deployment completed.");
        assertThat(messages("orders").get(messages("orders").size() - 1))
                .startsWith("(service orders) has started 3 tasks: (task ");
        assertThat(steady.events().get(0).createdAt()).isEqualTo(t0.plusSeconds(130));
        assertThat(tasks("orders", "RUNNING")).allSatisfy(t -> {
            assertThat(t.group()).isEqualTo("service:orders");
            assertThat(t.startedBy()).isEqualTo(steady.deployments().get(0).id());
        });
    }

    @Test
    void should_replace_a_task_that_stops() {
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 2, r -> { });
        ecs.clock().advance(Duration.ofMinutes(3));
        String victim = tasks("orders", "RUNNING").get(0).taskArn();

        ecs.api().stopTask(b -> b.cluster("prod").task(victim));
        ecs.clock().advance(Duration.ofSeconds(1));

        assertThat(describe(ecs, "orders").pendingCount()).isEqualTo(1);
        assertThat(describe(ecs, "orders").runningCount()).isEqualTo(1);
        ecs.clock().advance(Duration.ofMinutes(3));
        assertThat(describe(ecs, "orders").runningCount()).isEqualTo(2);
        assertThat(tasks("orders", "RUNNING")).extracting(Task::taskArn).doesNotContain(victim);
    }

    @Test
    void should_roll_a_new_revision_out_without_dropping_below_the_healthy_minimum() {
        String v1 = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String v2 = fargateFamily(ecs, "orders", "acme/orders:2", false);
        createFargateService(ecs, "orders", v1, 4, r -> { });
        ecs.clock().advance(Duration.ofMinutes(5));

        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(v2));

        Service rolling = describe(ecs, "orders");
        assertThat(rolling.deployments()).hasSize(2);
        assertThat(rolling.deployments().get(0).status()).isEqualTo("PRIMARY");
        assertThat(rolling.deployments().get(1).status()).isEqualTo("ACTIVE");
        int minHealthySeen = Integer.MAX_VALUE;
        int maxTotalSeen = 0;
        for (int s = 0; s < 600; s += 5) {
            ecs.clock().advance(Duration.ofSeconds(5));
            List<Task> live = tasks("orders", "RUNNING");
            maxTotalSeen = Math.max(maxTotalSeen, live.size());
            long running = live.stream().filter(t -> t.lastStatus().equals("RUNNING")).count();
            minHealthySeen = (int) Math.min(minHealthySeen, running);
        }

        Service done = describe(ecs, "orders");
        assertThat(done.deployments()).singleElement().satisfies(d -> {
            assertThat(d.taskDefinition()).isEqualTo(v2);
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        });
        assertThat(tasks("orders", "RUNNING")).allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(v2));
        assertThat(minHealthySeen).isGreaterThanOrEqualTo(4);
        assertThat(maxTotalSeen).isLessThanOrEqualTo(8);
        assertThat(tasks("orders", "STOPPED")).hasSize(4).allSatisfy(t -> {
            assertThat(t.stopCodeAsString()).isEqualTo("ServiceSchedulerInitiated");
            assertThat(t.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment "
                    + done.deployments().get(0).id() + ")");
        });
    }

    @Test
    void should_stop_old_tasks_first_when_maximum_percent_leaves_no_room() {
        String v1 = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String v2 = fargateFamily(ecs, "orders", "acme/orders:2", false);
        createFargateService(ecs, "orders", v1, 4, r -> r.deploymentConfiguration(c -> c.minimumHealthyPercent(50)
                .maximumPercent(100)));
        ecs.clock().advance(Duration.ofMinutes(5));

        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(v2));
        ecs.clock().advance(Duration.ofSeconds(1));

        assertThat(tasks("orders", "STOPPED")).hasSize(2);
        assertThat(tasks("orders", "RUNNING")).hasSize(4);
        ecs.clock().advance(Duration.ofMinutes(10));
        assertThat(describe(ecs, "orders").deployments()).singleElement()
                .satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
    }

    @Test
    void should_say_when_the_deployment_configuration_lets_nothing_move() {
        String v1 = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String v2 = fargateFamily(ecs, "orders", "acme/orders:2", false);
        createFargateService(ecs, "orders", v1, 2, r -> r.deploymentConfiguration(c -> c.minimumHealthyPercent(75)
                .maximumPercent(100)));
        ecs.clock().advance(Duration.ofMinutes(5));

        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(v2));
        ecs.clock().advance(Duration.ofMinutes(5));

        assertThat(messages("orders").get(0)).isEqualTo("(service orders) was unable to stop or start tasks during a "
                + "deployment because of the service deployment configuration. Update the minimumHealthyPercent or "
                + "maximumPercent value and try again.");
        assertThat(describe(ecs, "orders").deployments()).hasSize(2);
    }

    @Test
    void should_trip_the_circuit_breaker_and_roll_back_to_the_last_completed_deployment() {
        ecs.declareImage("acme/orders:bad", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(5), 1));
        String good = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String bad = fargateFamily(ecs, "orders", "acme/orders:bad", false);
        createFargateService(ecs, "orders", good, 2, r -> r.deploymentConfiguration(c -> c
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(5));
        String goodDeployment = describe(ecs, "orders").deployments().get(0).id();

        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(bad));
        String badDeployment = describe(ecs, "orders").deployments().get(0).id();
        ecs.clock().advance(Duration.ofMinutes(15));

        Service after = describe(ecs, "orders");
        assertThat(messages("orders")).contains("(service orders) (deployment " + badDeployment
                + ") deployment failed: tasks failed to start.");
        assertThat(after.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(goodDeployment);
            assertThat(d.taskDefinition()).isEqualTo(good);
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        });
        assertThat(after.taskDefinition()).isEqualTo(good);
        assertThat(after.runningCount()).isEqualTo(2);
        assertThat(ecs.journal().ofType(dev.fakeecs.journal.JournalEventType.DEPLOYMENT))
                .anySatisfy(e -> assertThat(e.detail("rollbackFrom")).isEqualTo(badDeployment));
    }

    @Test
    void should_leave_a_failed_deployment_in_place_without_rollback() {
        ecs.declareImage("acme/orders:bad", ImageBehavior.DEFAULT.failingToPull());
        String good = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String bad = fargateFamily(ecs, "orders", "acme/orders:bad", false);
        createFargateService(ecs, "orders", good, 1, r -> r.deploymentConfiguration(c -> c
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(false))));
        ecs.clock().advance(Duration.ofMinutes(5));

        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(bad));
        ecs.clock().advance(Duration.ofMinutes(30));

        Service after = describe(ecs, "orders");
        assertThat(after.deployments()).hasSize(2);
        assertThat(after.deployments().get(0).rolloutStateAsString()).isEqualTo("FAILED");
        assertThat(after.deployments().get(0).rolloutStateReason())
                .isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(after.deployments().get(0).failedTasks()).isEqualTo(3);
        assertThat(after.runningCount()).as("the old task keeps serving").isEqualTo(1);
    }

    @Test
    void should_replace_tasks_that_fail_their_health_checks() {
        ecs.declareImage("acme/sick:1", ImageBehavior.DEFAULT.unhealthy());
        String td = fargateFamily(ecs, "sick", "acme/sick:1", true);
        createFargateService(ecs, "sick", td, 1, r -> { });

        ecs.clock().advance(Duration.ofSeconds(90 + 30));

        assertThat(tasks("sick", "STOPPED")).singleElement().satisfies(t -> {
            assertThat(t.stoppedReason()).isEqualTo("Task failed container health checks");
            assertThat(t.stopCodeAsString()).isEqualTo("ServiceSchedulerInitiated");
        });
        assertThat(tasks("sick", "RUNNING")).hasSize(1);
    }

    @Test
    void should_ignore_health_failures_during_the_grace_period() {
        ecs.declareImage("acme/sick:1", ImageBehavior.DEFAULT.unhealthy());
        String td = fargateFamily(ecs, "sick", "acme/sick:1", true);
        createFargateService(ecs, "sick", td, 1, r -> r.healthCheckGracePeriodSeconds(120));

        ecs.clock().advance(Duration.ofSeconds(90 + 119));
        assertThat(tasks("sick", "STOPPED")).isEmpty();
        ecs.clock().advance(Duration.ofSeconds(1));

        assertThat(tasks("sick", "STOPPED")).hasSize(1);
    }

    @Test
    void should_split_twelve_tasks_four_on_fargate_and_eight_on_spot() {
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);

        ecs.api().createService(r -> r.cluster("prod").serviceName("orders").taskDefinition(td).desiredCount(12)
                .networkConfiguration(ServiceFixtures.NETWORK)
                .capacityProviderStrategy(
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").base(2).weight(1).build(),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(4).build()));
        ecs.clock().advance(Duration.ofMinutes(3));

        Map<String, Long> perProvider = tasks("orders", "RUNNING").stream()
                .collect(Collectors.groupingBy(Task::capacityProviderName, Collectors.counting()));
        assertThat(perProvider).containsOnly(Map.entry("FARGATE", 4L), Map.entry("FARGATE_SPOT", 8L));
    }

    @Test
    void should_scale_in_from_the_most_loaded_zone_and_keep_zones_balanced() {
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 6, r -> { });
        ecs.clock().advance(Duration.ofMinutes(3));

        ecs.api().updateService(b -> b.cluster("prod").service("orders").desiredCount(3));
        ecs.clock().advance(Duration.ofMinutes(1));

        List<Task> running = tasks("orders", "RUNNING");
        assertThat(running).hasSize(3);
        assertThat(running).extracting(Task::availabilityZone).containsExactlyInAnyOrder("us-east-1a", "us-east-1b",
                "us-east-1c");
        assertThat(describe(ecs, "orders").deployments()).as("a desired count change is no new deployment")
                .hasSize(1);
        assertThat(messages("orders")).anyMatch(m -> m.startsWith("(service orders) has stopped 3 running tasks:"));
    }

    @Test
    void should_not_delete_a_service_that_still_has_desired_tasks_unless_forced() {
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 2, r -> { });
        ecs.clock().advance(Duration.ofMinutes(3));

        assertThatThrownBy(() -> ecs.api().deleteService(b -> b.cluster("prod").service("orders")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("The service cannot be stopped while it is scaled above 0.");

        Service deleting = ecs.api().deleteService(b -> b.cluster("prod").service("orders").force(true)).service();
        assertThat(deleting.status()).isEqualTo("DRAINING");
        assertThat(ecs.api().listServices(b -> b.cluster("prod")).serviceArns()).isEmpty();
        assertThatThrownBy(() -> ecs.api().updateService(b -> b.cluster("prod").service("orders").desiredCount(1)))
                .isInstanceOf(ServiceNotActiveException.class);
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(describe(ecs, "orders").status()).isEqualTo("INACTIVE");
        assertThat(tasks("orders", "RUNNING")).isEmpty();
    }

    @Test
    void should_answer_an_identical_create_with_the_existing_service_and_refuse_a_different_one() {
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 2, r -> { });

        createFargateService(ecs, "orders", td, 2, r -> { });
        assertThat(ecs.api().listServices(b -> b.cluster("prod")).serviceArns()).hasSize(1);

        assertThatThrownBy(() -> createFargateService(ecs, "orders", td, 3, r -> { }))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Creation of service was not idempotent.");
    }

    @Test
    void should_report_missing_services_as_failures_named_by_the_arn_ecs_gives_without_the_cluster() {
        var r = ecs.api().describeServices(b -> b.cluster("prod").services("ghost"));

        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/ghost");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void should_not_repeat_the_steady_state_event_within_six_hours() {
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 1, r -> { });

        ecs.clock().advance(Duration.ofHours(5));
        assertThat(messages("orders")).filteredOn(m -> m.contains("steady state")).hasSize(1);
        ecs.clock().advance(Duration.ofHours(2));

        assertThat(messages("orders")).filteredOn(m -> m.contains("steady state")).hasSize(2);
    }
}
