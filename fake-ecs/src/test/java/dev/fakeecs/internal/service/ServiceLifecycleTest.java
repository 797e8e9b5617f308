package dev.fakeecs.internal.service;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.fakeecs.internal.service.ServiceFixtures.createFargateService;
import static dev.fakeecs.internal.service.ServiceFixtures.describe;
import static dev.fakeecs.internal.service.ServiceFixtures.fargateFamily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replica service over its life, through the public API: deployment rollout states and the events in
 * order, the circuit breaker and rollback, the SDK's services-stable waiter, DRAINING and INACTIVE
 * services, protected tasks at scale-in, and a capacity provider strategy change.
 */
class ServiceLifecycleTest {

    private final FakeEcs ecs = ServiceFixtures.world();
    private final Instant t0 = FakeEcs.DEFAULT_START;

    private List<String> messagesOldestFirst(String service) {
        List<String> m = new ArrayList<>(describe(ecs, service).events().stream().map(ServiceEvent::message).toList());
        java.util.Collections.reverse(m);
        return m;
    }

    private List<Task> tasks(String service, String desiredStatus) {
        List<String> arns = ecs.api().listTasks(b -> b.cluster("prod").serviceName(service)
                .desiredStatus(desiredStatus)).taskArns();
        return arns.isEmpty() ? List.of() : ecs.api().describeTasks(b -> b.cluster("prod").tasks(arns)).tasks();
    }

    private long placements(String service) {
        return ecs.journal().ofType(JournalEventType.TASK_PLACED).stream()
                .filter(e -> ("service:" + service).equals(e.detail("group"))).count();
    }

    private static String id(Task t) {
        return t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1);
    }

    // ---- rollout states, reasons and events ------------------------------------------------------

    @Test
    void should_report_in_progress_then_completed_with_the_real_reasons_and_events_in_order() {
        // given
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);

        // when
        createFargateService(ecs, "orders", td, 2, r -> { });
        ecs.clock().advance(Duration.ZERO);
        Deployment starting = describe(ecs, "orders").deployments().get(0);
        ecs.clock().advance(Duration.ofSeconds(130));

        // then
        assertThat(starting.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(starting.rolloutStateReason()).isEqualTo("ECS deployment " + starting.id() + " in progress.");
        Deployment done = describe(ecs, "orders").deployments().get(0);
        assertThat(done.rolloutStateAsString()).isEqualTo("COMPLETED");
        assertThat(done.rolloutStateReason()).isEqualTo("ECS deployment " + done.id() + " completed.");
        String ids = tasks("orders", "RUNNING").stream().map(t -> "(task " + id(t) + ")")
                .sorted().collect(Collectors.joining(" "));
        List<String> events = messagesOldestFirst("orders");
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).startsWith("(service orders) has started 2 tasks: (task ").endsWith(").");
        assertThat(events.get(0).substring("(service orders) has started 2 tasks: ".length()).replace(".", "")
                .split(" (?=\\(task)")).extracting(String::trim).containsExactlyInAnyOrder(ids.split(" (?=\\(task)"));
        assertThat(events.subList(1, 3)).containsExactly(
                "(service orders) (deployment " + done.id() + ") deployment completed.",
                "(service orders) has reached a steady state.");
    }

    @Test
    void should_roll_a_new_revision_with_events_started_stopped_completed_steady_in_that_order() {
        // given
        String v1 = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String v2 = fargateFamily(ecs, "orders", "acme/orders:2", false);
        createFargateService(ecs, "orders", v1, 2, r -> { });
        ecs.clock().advance(Duration.ofMinutes(5));
        int before = describe(ecs, "orders").events().size();

        // when
        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(v2));
        Service rolling = describe(ecs, "orders");
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        assertThat(rolling.deployments()).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
        assertThat(rolling.deployments().get(0).rolloutStateReason())
                .isEqualTo("ECS deployment " + rolling.deployments().get(0).id() + " in progress.");
        assertThat(rolling.deployments().get(1).rolloutStateAsString()).isEqualTo("COMPLETED");
        List<String> all = messagesOldestFirst("orders");
        List<String> rollout = all.subList(before, all.size());
        assertThat(rollout).hasSize(4);
        assertThat(rollout.get(0)).startsWith("(service orders) has started 2 tasks: ");
        assertThat(rollout.get(1)).startsWith("(service orders) has stopped 2 running tasks: ");
        assertThat(rollout.subList(2, 4)).containsExactly(
                "(service orders) (deployment " + rolling.deployments().get(0).id() + ") deployment completed.",
                "(service orders) has reached a steady state.");
    }

    @Test
    void should_change_only_the_primary_deployments_count_on_a_desired_count_update() {
        // given
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 2, r -> { });
        ecs.clock().advance(Duration.ofMinutes(5));
        Deployment before = describe(ecs, "orders").deployments().get(0);

        // when: desired count alone, and desired count with the same task definition
        ecs.api().updateService(b -> b.cluster("prod").service("orders").desiredCount(4));
        ecs.api().updateService(b -> b.cluster("prod").service("orders").desiredCount(5).taskDefinition(td));
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        Service after = describe(ecs, "orders");
        assertThat(after.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(before.id());
            assertThat(d.desiredCount()).isEqualTo(5);
            assertThat(d.runningCount()).isEqualTo(5);
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        });
        assertThat(messagesOldestFirst("orders")).last().isEqualTo("(service orders) has reached a steady state.");
    }

    @Test
    void should_re_emit_the_steady_state_event_every_six_hours_while_steady() {
        // given
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 1, r -> { });
        ecs.clock().advance(Duration.ofMinutes(5));
        Instant firstSteady = describe(ecs, "orders").events().get(0).createdAt();

        // when
        ecs.clock().advance(Duration.ofHours(13));

        // then
        assertThat(describe(ecs, "orders").events()).filteredOn(e -> e.message().contains("steady state"))
                .extracting(ServiceEvent::createdAt)
                .containsExactly(firstSteady.plus(Duration.ofHours(12)), firstSteady.plus(Duration.ofHours(6)),
                        firstSteady);
    }

    // ---- minimumHealthyPercent / maximumPercent rounding ------------------------------------------

    @Test
    void should_stop_nothing_before_replacements_are_healthy_with_desired_2_and_minimum_75_percent() {
        // given: ceil(2 x 0.75) = 2 healthy tasks must stay
        String v1 = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String v2 = fargateFamily(ecs, "orders", "acme/orders:2", false);
        createFargateService(ecs, "orders", v1, 2, r -> r.deploymentConfiguration(c -> c.minimumHealthyPercent(75)
                .maximumPercent(200)));
        ecs.clock().advance(Duration.ofMinutes(5));
        Instant update = ecs.clock().instant();

        // when
        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(v2));
        ecs.clock().advance(Duration.ofSeconds(129));

        // then: new tasks RUNNING at +90 s, healthy at +130 s; nothing stopped before
        assertThat(tasks("orders", "STOPPED")).isEmpty();
        assertThat(tasks("orders", "RUNNING")).hasSize(4);
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(tasks("orders", "STOPPED")).hasSize(2).allSatisfy(t -> {
            assertThat(t.taskDefinitionArn()).isEqualTo(v1);
            assertThat(t.stoppingAt()).isEqualTo(update.plusSeconds(130));
        });
    }

    @Test
    void should_say_nothing_can_move_with_desired_3_minimum_100_and_maximum_125_percent() {
        // given: floor(3 x 1.25) = 3 leaves no room to start, ceil(3 x 1.0) = 3 no room to stop
        String v1 = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String v2 = fargateFamily(ecs, "orders", "acme/orders:2", false);
        createFargateService(ecs, "orders", v1, 3, r -> r.deploymentConfiguration(c -> c.minimumHealthyPercent(100)
                .maximumPercent(125)));
        ecs.clock().advance(Duration.ofMinutes(5));
        long placed = placements("orders");

        // when
        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(v2));
        ecs.clock().advance(Duration.ofMinutes(10));

        // then
        assertThat(placements("orders")).isEqualTo(placed);
        assertThat(messagesOldestFirst("orders")).last().isEqualTo("(service orders) was unable to stop or start "
                + "tasks during a deployment because of the service deployment configuration. Update the "
                + "minimumHealthyPercent or maximumPercent value and try again.");
        assertThat(describe(ecs, "orders").deployments()).hasSize(2);
    }

    @Test
    void should_stop_first_with_desired_3_minimum_50_and_maximum_125_percent() {
        // given: ceil(1.5) = 2 may stay healthy, floor(3.75) = 3 total
        String v1 = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String v2 = fargateFamily(ecs, "orders", "acme/orders:2", false);
        createFargateService(ecs, "orders", v1, 3, r -> r.deploymentConfiguration(c -> c.minimumHealthyPercent(50)
                .maximumPercent(125)));
        ecs.clock().advance(Duration.ofMinutes(5));

        // when
        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(v2));
        ecs.clock().advance(Duration.ofSeconds(1));

        // then
        assertThat(tasks("orders", "STOPPED")).hasSize(1);
        assertThat(tasks("orders", "RUNNING")).hasSize(3);
        ecs.clock().advance(Duration.ofMinutes(15));
        assertThat(describe(ecs, "orders").deployments()).singleElement()
                .satisfies(d -> assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED"));
    }

    // ---- health --------------------------------------------------------------------------------

    @Test
    void should_count_a_task_without_health_checks_as_healthy_40_seconds_after_it_runs() {
        // given
        String v1 = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String v2 = fargateFamily(ecs, "orders", "acme/orders:2", false);
        createFargateService(ecs, "orders", v1, 2, r -> { });
        ecs.clock().advance(Duration.ofMinutes(5));
        Instant update = ecs.clock().instant();

        // when
        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(v2));
        ecs.clock().advance(Duration.ofMinutes(5));

        // then
        List<Task> fresh = tasks("orders", "RUNNING");
        assertThat(fresh).allSatisfy(t -> assertThat(t.startedAt()).isEqualTo(update.plusSeconds(90)));
        assertThat(tasks("orders", "STOPPED")).allSatisfy(t ->
                assertThat(t.stoppingAt()).isEqualTo(update.plusSeconds(90 + 40)));
    }

    @Test
    void should_write_the_failed_health_check_event_before_the_stop_event() {
        // given
        ecs.declareImage("acme/sick:1", ImageBehavior.DEFAULT.unhealthy());
        String td = fargateFamily(ecs, "sick", "acme/sick:1", true);
        createFargateService(ecs, "sick", td, 1, r -> { });

        // when
        ecs.clock().advance(Duration.ofSeconds(90 + 30));

        // then
        Task sick = tasks("sick", "STOPPED").get(0);
        List<String> events = messagesOldestFirst("sick");
        int failed = events.indexOf("(service sick) (task " + id(sick) + ") failed container health checks.");
        assertThat(failed).isNotNegative();
        assertThat(events.get(failed + 1)).isEqualTo("(service sick) has stopped 1 running tasks: (task "
                + id(sick) + ").");
    }

    // ---- circuit breaker ---------------------------------------------------------------------

    @Test
    void should_fail_a_25_task_deployment_at_13_failures() {
        // given
        ecs.declareImage("acme/orders:bad", ImageBehavior.DEFAULT.failingToPull());
        String good = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String bad = fargateFamily(ecs, "orders", "acme/orders:bad", false);
        createFargateService(ecs, "orders", good, 25, r -> r.deploymentConfiguration(c -> c
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(false))));
        ecs.clock().advance(Duration.ofMinutes(5));

        // when
        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(bad));
        ecs.clock().advance(Duration.ofMinutes(30));

        // then
        Deployment failed = describe(ecs, "orders").deployments().get(0);
        assertThat(failed.rolloutStateAsString()).isEqualTo("FAILED");
        assertThat(failed.failedTasks()).isEqualTo(13);
    }

    @Test
    void should_reset_the_failed_task_count_when_a_task_of_the_deployment_gets_healthy() {
        // given: threshold 3 for a 1-task service; the image fails twice, then works
        ecs.declareImage("acme/orders:flaky", ImageBehavior.DEFAULT.failingToPull());
        String td = fargateFamily(ecs, "orders", "acme/orders:flaky", false);
        createFargateService(ecs, "orders", td, 1, r -> r.deploymentConfiguration(c -> c
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(false))));
        assertThat(ecs.clock().advanceUntil(() -> describe(ecs, "orders").deployments().get(0).failedTasks() == 2,
                Duration.ofMinutes(30))).isTrue();
        ecs.declareImage("acme/orders:flaky", ImageBehavior.DEFAULT);

        // when
        ecs.clock().advance(Duration.ofMinutes(30));

        // then
        Deployment d = describe(ecs, "orders").deployments().get(0);
        assertThat(d.failedTasks()).isZero();
        assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
    }

    @Test
    void should_flip_the_last_completed_deployment_to_in_progress_with_the_rollback_reason_then_completed() {
        // given
        ecs.declareImage("acme/orders:bad", ImageBehavior.DEFAULT.failingToPull());
        String good = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String bad = fargateFamily(ecs, "orders", "acme/orders:bad", false);
        createFargateService(ecs, "orders", good, 2, r -> r.deploymentConfiguration(c -> c
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(5));
        String goodId = describe(ecs, "orders").deployments().get(0).id();
        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(bad));
        String badId = describe(ecs, "orders").deployments().get(0).id();

        // when
        assertThat(ecs.clock().advanceUntil(() -> describe(ecs, "orders").deployments().stream()
                .anyMatch(d -> d.rolloutStateAsString().equals("FAILED")), Duration.ofMinutes(30))).isTrue();
        Service rollingBack = describe(ecs, "orders");
        ecs.clock().advance(Duration.ofMinutes(10));

        // then
        assertThat(rollingBack.deployments()).hasSize(2);
        assertThat(rollingBack.deployments().get(0)).satisfies(d -> {
            assertThat(d.id()).isEqualTo(goodId);
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
            assertThat(d.rolloutStateReason())
                    .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId " + goodId + ".");
        });
        assertThat(rollingBack.deployments().get(1)).satisfies(d -> {
            assertThat(d.id()).isEqualTo(badId);
            assertThat(d.status()).isEqualTo("ACTIVE");
            assertThat(d.rolloutStateAsString()).isEqualTo("FAILED");
            assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        });
        assertThat(describe(ecs, "orders").deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(goodId);
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + goodId + " completed.");
        });
        List<String> events = messagesOldestFirst("orders");
        int failedAt = events.indexOf("(service orders) (deployment " + badId + ") deployment failed: tasks failed "
                + "to start.");
        assertThat(failedAt).isNotNegative();
        assertThat(events.get(failedAt + 1)).isEqualTo("(service orders) rolling back to deployment " + goodId + ".");
    }

    @Test
    void should_launch_nothing_for_a_failed_deployment() {
        // given
        ecs.declareImage("acme/orders:bad", ImageBehavior.DEFAULT.failingToPull());
        String good = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String bad = fargateFamily(ecs, "orders", "acme/orders:bad", false);
        createFargateService(ecs, "orders", good, 2, r -> r.deploymentConfiguration(c -> c
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(false))));
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(bad));
        assertThat(ecs.clock().advanceUntil(() -> describe(ecs, "orders").deployments().get(0).rolloutStateAsString()
                .equals("FAILED"), Duration.ofMinutes(30))).isTrue();
        long placed = placements("orders");

        // when
        ecs.clock().advance(Duration.ofHours(2));

        // then
        assertThat(placements("orders")).isEqualTo(placed);
        assertThat(describe(ecs, "orders").runningCount()).isEqualTo(2);
    }

    @Test
    void should_stall_a_failed_first_deployment_with_rollback_and_nothing_to_roll_back_to() {
        // given
        ecs.declareImage("acme/orders:bad", ImageBehavior.DEFAULT.failingToPull());
        String bad = fargateFamily(ecs, "orders", "acme/orders:bad", false);

        // when
        createFargateService(ecs, "orders", bad, 1, r -> r.deploymentConfiguration(c -> c
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofHours(1));

        // then
        assertThat(describe(ecs, "orders").deployments()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.rolloutStateAsString()).isEqualTo("FAILED");
            assertThat(d.failedTasks()).isEqualTo(3);
        });
        assertThat(placements("orders")).isEqualTo(3);
    }

    // ---- ServicesStable waiter ----------------------------------------------------------------

    private EcsWaiter waiter(EcsClient client) {
        ecs.autoAdvance(Duration.ofSeconds(15));
        return EcsWaiter.builder().client(client).overrideConfiguration(WaiterOverrideConfiguration.builder()
                .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(1))).build()).build();
    }

    @Test
    void should_time_out_the_services_stable_waiter_on_a_failed_deployment_without_rollback() {
        // given
        ecs.declareImage("acme/orders:bad", ImageBehavior.DEFAULT.failingToPull());
        String good = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String bad = fargateFamily(ecs, "orders", "acme/orders:bad", false);
        createFargateService(ecs, "orders", good, 1, r -> r.deploymentConfiguration(c -> c
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(false))));
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(bad));
        ecs.clock().advance(Duration.ofMinutes(30));
        EcsClient client = ecs.newClient();
        Instant before = ecs.clock().instant();

        // when / then: 2 deployments and runningCount == desiredCount: the success acceptor never matches
        try (EcsWaiter waiter = waiter(client)) {
            assertThatThrownBy(() -> waiter.waitUntilServicesStable(r -> r.cluster("prod").services("orders")))
                    .isInstanceOf(SdkClientException.class);
        }
        assertThat(Duration.between(before, ecs.clock().instant())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void should_fail_the_services_stable_waiter_at_once_on_a_draining_service() {
        // given
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 1, r -> { });
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.api().deleteService(b -> b.cluster("prod").service("orders").force(true));
        EcsClient client = ecs.newClient();
        Instant before = ecs.clock().instant();

        // when / then
        try (EcsWaiter waiter = waiter(client)) {
            assertThatThrownBy(() -> waiter.waitUntilServicesStable(r -> r.cluster("prod").services("orders")))
                    .isInstanceOf(SdkClientException.class);
        }
        assertThat(Duration.between(before, ecs.clock().instant())).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void should_satisfy_the_services_stable_waiter_after_a_rollback_completes() {
        // given
        ecs.declareImage("acme/orders:bad", ImageBehavior.DEFAULT.failingToPull());
        String good = fargateFamily(ecs, "orders", "acme/orders:1", false);
        String bad = fargateFamily(ecs, "orders", "acme/orders:bad", false);
        createFargateService(ecs, "orders", good, 1, r -> r.deploymentConfiguration(c -> c
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true))));
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.api().updateService(b -> b.cluster("prod").service("orders").taskDefinition(bad));
        EcsClient client = ecs.newClient();

        // when
        WaiterResponse<DescribeServicesResponse> stable;
        try (EcsWaiter waiter = waiter(client)) {
            stable = waiter.waitUntilServicesStable(r -> r.cluster("prod").services("orders"));
        }

        // then
        assertThat(stable.matched().response()).hasValueSatisfying(r -> {
            assertThat(r.services().get(0).deployments()).singleElement()
                    .satisfies(d -> assertThat(d.taskDefinition()).isEqualTo(good));
        });
    }

    // ---- lifecycle and API errors ---------------------------------------------------------------

    @Test
    void should_refuse_to_create_a_service_while_one_of_that_name_is_draining_and_allow_it_once_inactive() {
        // given
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 1, r -> { });
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.api().deleteService(b -> b.cluster("prod").service("orders").force(true));

        // when / then
        assertThatThrownBy(() -> createFargateService(ecs, "orders", td, 1, r -> { }))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Unable to Start a service that is still Draining.");
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(describe(ecs, "orders").status()).isEqualTo("INACTIVE");
        createFargateService(ecs, "orders", td, 1, r -> { });
        assertThat(describe(ecs, "orders").status()).isEqualTo("ACTIVE");
        assertThat(ecs.api().listServices(b -> b.cluster("prod")).serviceArns()).hasSize(1);
    }

    @Test
    void should_keep_an_inactive_service_describable_but_out_of_list_services_and_refuse_updates() {
        // given
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 0, r -> { });

        // when
        Service deleted = ecs.api().deleteService(b -> b.cluster("prod").service("orders")).service();
        ecs.clock().advance(Duration.ofSeconds(1));

        // then
        assertThat(deleted.status()).isEqualTo("DRAINING");
        assertThat(describe(ecs, "orders").status()).isEqualTo("INACTIVE");
        assertThat(ecs.api().listServices(b -> b.cluster("prod")).serviceArns()).isEmpty();
        assertThatThrownBy(() -> ecs.api().updateService(b -> b.cluster("prod").service("orders").desiredCount(1)))
                .isInstanceOf(ServiceNotActiveException.class).hasMessageContaining("Service was not ACTIVE.");
    }

    // ---- scale-in ------------------------------------------------------------------------------

    @Test
    void should_skip_protected_tasks_at_scale_in() {
        // given
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 4, r -> { });
        ecs.clock().advance(Duration.ofMinutes(5));
        List<String> protectedArns = tasks("orders", "RUNNING").stream().map(Task::taskArn).limit(3).toList();
        ecs.api().updateTaskProtection(b -> b.cluster("prod").tasks(protectedArns).protectionEnabled(true));

        // when
        ecs.api().updateService(b -> b.cluster("prod").service("orders").desiredCount(1));
        ecs.clock().advance(Duration.ofMinutes(5));

        // then: only the unprotected task stops
        assertThat(tasks("orders", "RUNNING")).extracting(Task::taskArn).containsExactlyInAnyOrderElementsOf(
                protectedArns);
    }

    // ---- capacity provider strategy -----------------------------------------------------------

    @Test
    void should_start_a_deployment_that_moves_tasks_to_the_new_capacity_provider_strategy() {
        // given
        String td = fargateFamily(ecs, "orders", "acme/orders:1", false);
        createFargateService(ecs, "orders", td, 2, r -> { });
        ecs.clock().advance(Duration.ofMinutes(5));
        String first = describe(ecs, "orders").deployments().get(0).id();

        // when
        ecs.api().updateService(b -> b.cluster("prod").service("orders").capacityProviderStrategy(
                CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").weight(1).build()));
        ecs.clock().advance(Duration.ofMinutes(10));

        // then
        Service after = describe(ecs, "orders");
        assertThat(after.launchType()).isNull();
        assertThat(after.capacityProviderStrategy()).extracting(CapacityProviderStrategyItem::capacityProvider)
                .containsExactly("FARGATE_SPOT");
        assertThat(after.deployments()).singleElement().satisfies(d -> {
            assertThat(d.id()).isNotEqualTo(first);
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
        });
        assertThat(tasks("orders", "RUNNING")).hasSize(2)
                .allSatisfy(t -> assertThat(t.capacityProviderName()).isEqualTo("FARGATE_SPOT"));
    }
}
