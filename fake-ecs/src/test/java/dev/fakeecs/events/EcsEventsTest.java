package dev.fakeecs.events;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalRetention;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;
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
