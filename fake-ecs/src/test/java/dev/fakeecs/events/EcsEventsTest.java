package dev.fakeecs.events;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalRetention;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import dev.fakeecs.fault.FaultInjector;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.internal.region.RegionEngine;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The world's event stream: determinism, listeners, queries and retention. */
class EcsEventsTest {

    private static FakeEcs run(long seed, JournalRetention retention) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).journalRetention(retention).build();
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").build()));
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(3)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
        ecs.clock().advance(Duration.ofMinutes(5));
        ecs.api().updateService(r -> r.cluster("prod").service("web").desiredCount(1));
        ecs.clock().advance(Duration.ofMinutes(5));
        return ecs;
    }

    @Test
    void should_emit_identical_events_for_the_same_seed_and_different_ids_for_another() {
        // when
        FakeEcs first = run(42, JournalRetention.keepAll());
        FakeEcs second = run(42, JournalRetention.keepAll());
        FakeEcs other = run(43, JournalRetention.keepAll());

        // then
        assertThat(first.events().size()).isGreaterThan(20);
        assertThat(second.events().toJsonLines()).isEqualTo(first.events().toJsonLines());
        assertThat(other.events().all().get(0).id()).isNotEqualTo(first.events().all().get(0).id());
        assertThat(first.events().all()).extracting(EcsEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, first.events().size()).boxed().toList());
    }

    /**
     * A busy world: EC2 hosts and Fargate, a crash-looping service, a Spot interruption, a deployment the circuit
     * breaker rolls back, an EXTERNAL task set, a DAEMON service and attribute changes.
     */
    private static FakeEcs busy(long seed, JournalRetention retention, Consumer<EcsEvent> listener) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).journalRetention(retention).build();
        if (listener != null) {
            ecs.events().addListener(listener);
        }
        EcsClient api = ecs.api();
        api.createCluster(r -> r.clusterName("prod").capacityProviders("FARGATE", "FARGATE_SPOT"));
        RegionEngine.of(ecs.defaultRegion()).capacityProviders().autoScalingGroups()
                .createGroup("hosts", "m5.large", 0, 10, 2, List.of(), false).clusterName("prod");
        ecs.declareImage("acme/crash:1", ImageBehavior.DEFAULT.exitAfter(Duration.ofSeconds(45), 2));
        ecs.declareImage("acme/web:broken", ImageBehavior.DEFAULT.failingToPull());
        for (String image : List.of("acme/web:1", "acme/web:broken", "acme/crash:1")) {
            api.registerTaskDefinition(r -> r.family(image.contains("crash") ? "crash" : "web")
                    .requiresCompatibilities(Compatibility.FARGATE).networkMode(NetworkMode.AWSVPC).cpu("256")
                    .memory("512").containerDefinitions(ContainerDefinition.builder().name("app").image(image).build()));
        }
        api.registerTaskDefinition(r -> r.family("agent").networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(ContainerDefinition.builder().name("agent").image("acme/agent:1").cpu(128)
                        .memory(128).build()));
        ecs.clock().advance(Duration.ofMinutes(2));
        api.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:1").desiredCount(2)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT")
                        .weight(1).build())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .deploymentConfiguration(d -> d.deploymentCircuitBreaker(b -> b.enable(true).rollback(true))));
        api.createService(r -> r.cluster("prod").serviceName("crash").taskDefinition("crash").desiredCount(3)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("s-1"))));
        api.createService(r -> r.cluster("prod").serviceName("agent").taskDefinition("agent")
                .schedulingStrategy(SchedulingStrategy.DAEMON));
        api.createService(r -> r.cluster("prod").serviceName("ext").desiredCount(2)
                .deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)));
        api.createTaskSet(r -> r.cluster("prod").service("ext").taskDefinition("web:1").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))
                .scale(s -> s.unit(ScaleUnit.PERCENT).value(100.0)));
        ecs.clock().advance(Duration.ofMinutes(5));
        FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.FARGATE_SPOT_INTERRUPTION).cluster("prod").service("web")
                .percentage(50).build());
        String host = api.listContainerInstances(r -> r.cluster("prod")).containerInstanceArns().get(0);
        api.putAttributes(r -> r.cluster("prod").attributes(a -> a.name("stack").value("blue").targetId(host)));
        api.updateService(r -> r.cluster("prod").service("web").taskDefinition("web:2"));
        ecs.clock().advance(Duration.ofMinutes(40));
        return ecs;
    }

    @Test
    void should_emit_byte_identical_events_for_a_busy_world_run_twice_whether_read_at_once_or_at_the_end() {
        // given: one run whose listener writes each event's JSON the moment it is emitted
        List<String> atOnce = new ArrayList<>();
        FakeEcs heard = busy(99, JournalRetention.keepAll(), e -> atOnce.add(e.toJson()));

        // when: the same calls again, the JSON written only at the end; and a world with a bounded journal
        FakeEcs later = busy(99, JournalRetention.keepAll(), null);
        FakeEcs bounded = busy(99, JournalRetention.lastEntries(500), null);

        // then: the same bytes (a snapshot taken at emission renders the same whenever it is read)
        String lines = later.events().toJsonLines();
        assertThat(String.join("\n", atOnce) + "\n").isEqualTo(lines);
        assertThat(heard.events().toJsonLines()).isEqualTo(lines);
        assertThat(heard.journal().toJsonLines()).isEqualTo(later.journal().toJsonLines());
        assertThat(later.events().all()).extracting(e -> e.detailText("eventName")).contains(
                "SERVICE_STEADY_STATE", "CAPACITY_PROVIDER_STEADY_STATE", "TASKSET_STEADY_STATE",
                "SERVICE_DESIRED_COUNT_UPDATED", "SERVICE_TASK_START_IMPAIRED", "SERVICE_DEPLOYMENT_FAILED",
                "SERVICE_DEPLOYMENT_COMPLETED");
        assertThat(later.events().ofType(EcsEvent.TASK_STATE_CHANGE)).extracting(e -> e.detailText("stopCode"))
                .contains("SpotInterruption", "EssentialContainerExited");
        assertThat(bounded.events().size()).isLessThanOrEqualTo(500);
        List<EcsEvent> tail = later.events().since(bounded.events().firstSequence());
        assertThat(bounded.events().all()).extracting(EcsEvent::toJson)
                .containsExactlyElementsOf(tail.stream().map(EcsEvent::toJson).toList());

        // and: ids and times from the seeded stream and the virtual clock
        Instant start = FakeEcs.DEFAULT_START;
        assertThat(later.events().all()).extracting(EcsEvent::time).isSorted()
                .allSatisfy(t -> assertThat(t).isBetween(start, later.clock().instant()));
        assertThat(later.events().all()).allSatisfy(e -> assertThat(e.toJson())
                .contains("\"time\":\"" + e.time().truncatedTo(ChronoUnit.SECONDS) + "\""));
        assertThat(busy(100, JournalRetention.keepAll(), null).events().all().get(0).id())
                .isNotEqualTo(later.events().all().get(0).id());
    }

    @Test
    void should_keep_events_of_a_bounded_world_unwritten_counting_them_at_about_their_size() {
        // when: a world with a bounded journal (so a character budget), nobody reading its events
        FakeEcs ecs = busy(99, JournalRetention.lastEntries(5000), null);

        // then: the budget counted each event at an estimate within a factor of two of its JSON's length
        List<EcsEvent> kept = ecs.events().all();
        assertThat(kept).hasSizeGreaterThan(100);
        for (EcsEvent e : kept) {
            int estimate = e.accountedChars;
            assertThat(e.toJson().length()).as("%s (estimated %d)", e.detailType(), estimate)
                    .isBetween(estimate / 2, estimate * 2);
        }
    }

    @Test
    void should_draw_event_ids_from_a_stream_of_their_own_so_the_journal_does_not_change() {
        // when
        FakeEcs plain = run(7, JournalRetention.keepAll());
        FakeEcs replay = run(7, JournalRetention.keepAll());

        // then: events never show in the journal, and no journaled id is an event id (the golden journals, recorded
        // before events existed, guard that the engine's own draws did not move)
        assertThat(replay.journal().toJsonLines()).isEqualTo(plain.journal().toJsonLines());
        String journal = plain.journal().toJsonLines();
        assertThat(plain.events().all()).allSatisfy(e -> assertThat(journal).doesNotContain(e.id()));
    }

    @Test
    void should_tell_listeners_every_event_in_order_and_keep_what_they_throw() {
        // given
        FakeEcs ecs = FakeEcs.builder().seed(3).build();
        // events-listener-START
        List<EcsEvent> heard = new ArrayList<>();
        ecs.events().addListener(heard::add);   // on the engine's thread, in emission order
        // events-listener-END
        ecs.events().addListener(e -> {
            throw new IllegalStateException("broken handler");
        });

        // when
        ecs.api().createCluster(r -> r.clusterName("prod"));
        ecs.api().registerTaskDefinition(r -> r.family("web").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("acme/web:1").build()));
        ecs.api().createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))));
        ecs.clock().advance(Duration.ofMinutes(3));

        // then
        assertThat(heard).isNotEmpty().isEqualTo(ecs.events().all());
        assertThat(ecs.events().listenerFailures()).hasSize(heard.size())
                .allSatisfy(e -> assertThat(e).hasMessage("broken handler"));
        assertThat(ecs.api().describeServices(r -> r.cluster("prod").services("web")).services().get(0).runningCount())
                .isEqualTo(1);
    }

    @Test
    void should_keep_no_more_events_than_the_journal_retention_allows() {
        // when
        FakeEcs ecs = run(5, JournalRetention.lastEntries(10));

        // then
        assertThat(ecs.events().size()).isEqualTo(10);
        assertThat(ecs.events().firstSequence()).isEqualTo(ecs.events().mark() - 10).isPositive();
        assertThat(ecs.events().since(0)).hasSize(10);
        assertThat(ecs.events().all().get(0).sequence()).isEqualTo(ecs.events().firstSequence());
    }

    @Test
    void should_find_events_by_type_and_resource() {
        // when
        FakeEcs ecs = run(9, JournalRetention.keepAll());

        // then
        String serviceArn = "arn:aws:ecs:us-east-1:123456789012:service/prod/web";
        assertThat(ecs.events().about(serviceArn)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.resources()).containsExactly(serviceArn));
        assertThat(ecs.events().ofType(EcsEvent.SERVICE_ACTION)).extracting(e -> e.detailText("eventName"))
                .contains("SERVICE_STEADY_STATE", "TASKS_STOPPED");
        assertThat(ecs.events().ofType(EcsEvent.TASK_STATE_CHANGE))
                .filteredOn(e -> "STOPPED".equals(e.detailText("lastStatus"))).hasSize(2)
                .allSatisfy(e -> assertThat(e.detailText("stopCode")).isEqualTo("ServiceSchedulerInitiated"));
    }

    @Test
    void should_trim_the_oldest_events_beyond_a_character_budget_keeping_sequence_numbers() {
        // given
        EcsEvents events = new EcsEvents(Long.MAX_VALUE, 100);
        java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");

        // when: three events of 40 characters each
        for (int i = 0; i < 3; i++) {
            String json = String.format("{\"detail\":{\"n\":%d},\"pad\":\"%s\"}", i, "x".repeat(13));
            assertThat(json).hasSize(40);
            events.publish(new EcsEvent(i, "id-" + i, EcsEvent.SERVICE_ACTION, "123456789012", t, "us-east-1",
                    List.of(), json));
        }

        // then: 120 characters > 100, so the oldest went; the detail is read back from the JSON
        assertThat(events.size()).isEqualTo(2);
        assertThat(events.firstSequence()).isEqualTo(1);
        assertThat(events.mark()).isEqualTo(3);
        assertThat(events.all()).extracting(e -> e.detail().get("n")).containsExactly(1, 2);
    }
}
