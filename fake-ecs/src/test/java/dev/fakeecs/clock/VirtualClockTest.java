package dev.fakeecs.clock;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtualClockTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final VirtualClock clock = FakeEcs.builder().start(START).build().clock();

    @Test
    void should_run_events_in_due_order_with_the_clock_set_to_each_due_time() {
        List<String> seen = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(30), "b", () -> seen.add("b@" + clock.instant()));
        clock.schedule(Duration.ofSeconds(10), "a", () -> seen.add("a@" + clock.instant()));

        clock.advance(Duration.ofMinutes(1));

        assertThat(seen).containsExactly("a@2026-01-01T00:00:10Z", "b@2026-01-01T00:00:30Z");
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void should_break_ties_by_scheduling_order() {
        List<String> seen = new ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            clock.schedule(Duration.ofSeconds(5), name, () -> seen.add(name));
        }

        clock.advance(Duration.ofSeconds(5));

        assertThat(seen).containsExactly("first", "second", "third");
    }

    @Test
    void should_run_events_scheduled_by_events_when_they_fall_inside_the_advance() {
        List<Instant> seen = new ArrayList<>();
        clock.schedule(Duration.ofSeconds(1), "outer",
                () -> clock.schedule(Duration.ofSeconds(2), "inner", () -> seen.add(clock.instant())));

        clock.advance(Duration.ofSeconds(3));

        assertThat(seen).containsExactly(START.plusSeconds(3));
    }

    @Test
    void should_not_run_cancelled_events() {
        List<String> seen = new ArrayList<>();
        ScheduledEvent event = clock.schedule(Duration.ofSeconds(1), "x", () -> seen.add("x"));

        event.cancel();
        clock.advance(Duration.ofSeconds(5));

        assertThat(seen).isEmpty();
        assertThat(clock.pendingEvents()).isEmpty();
    }

    @Test
    void should_repeat_periodic_events_until_cancelled() {
        List<Instant> seen = new ArrayList<>();
        ScheduledEvent tick = clock.schedulePeriodic(Duration.ofSeconds(15), Duration.ofSeconds(15), "tick",
                () -> seen.add(clock.instant()));

        clock.advance(Duration.ofSeconds(60));
        tick.cancel();
        clock.advance(Duration.ofSeconds(60));

        assertThat(seen).containsExactly(START.plusSeconds(15), START.plusSeconds(30), START.plusSeconds(45),
                START.plusSeconds(60));
    }

    @Test
    void should_stop_run_until_idle_at_the_horizon_when_periodic_work_never_ends() {
        clock.schedulePeriodic(Duration.ofMinutes(1), Duration.ofMinutes(1), "forever", () -> { });

        long ran = clock.runUntilIdle(Duration.ofHours(1));

        assertThat(ran).isEqualTo(60);
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(clock.pendingEvents()).hasSize(1);
    }

    @Test
    void should_leave_the_clock_at_the_last_event_when_run_until_idle_empties_the_queue() {
        clock.schedule(Duration.ofSeconds(42), "once", () -> { });

        clock.runUntilIdle();

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(42));
    }

    @Test
    void should_stop_advance_until_at_the_first_instant_the_condition_holds() {
        int[] counter = {0};
        clock.schedulePeriodic(Duration.ofSeconds(10), Duration.ofSeconds(10), "count", () -> counter[0]++);

        boolean reached = clock.advanceUntil(() -> counter[0] == 3, Duration.ofMinutes(5));

        assertThat(reached).isTrue();
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(30));
    }

    @Test
    void should_give_up_advance_until_at_the_deadline() {
        boolean reached = clock.advanceUntil(() -> false, Duration.ofMinutes(5));

        assertThat(reached).isFalse();
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void should_list_pending_events_in_run_order() {
        clock.schedule(Duration.ofSeconds(20), "later", () -> { });
        clock.schedule(Duration.ofSeconds(10), "sooner", () -> { });

        assertThat(clock.pendingEvents()).extracting(ScheduledEvent::description).containsExactly("sooner", "later");
    }

    @Test
    void should_refuse_to_go_backwards() {
        clock.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> clock.advanceTo(START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot go backwards");
    }

    @Test
    void should_behave_as_a_java_time_clock() {
        clock.advance(Duration.ofMillis(1500));

        assertThat(clock.millis()).isEqualTo(START.toEpochMilli() + 1500);
        assertThat(clock.withZone(java.time.ZoneId.of("Europe/Paris")).instant()).isEqualTo(clock.instant());
        assertThat(java.time.LocalDateTime.now(clock)).isEqualTo(java.time.LocalDateTime.parse("2026-01-01T00:00:01.500"));
    }

    @Test
    void should_call_an_observer_after_every_event_until_it_is_closed() throws Exception {
        List<Instant> seen = new ArrayList<>();
        clock.schedulePeriodic(Duration.ofSeconds(10), Duration.ofSeconds(10), "tick", () -> { });
        AutoCloseable watch = clock.afterEachEvent(() -> seen.add(clock.instant()));

        clock.advance(Duration.ofSeconds(30));
        watch.close();
        clock.advance(Duration.ofSeconds(30));

        assertThat(seen).containsExactly(START.plusSeconds(10), START.plusSeconds(20), START.plusSeconds(30));
    }

    @Test
    void should_add_up_concurrent_advances_exactly() throws Exception {
        Runnable advancer = () -> {
            for (int i = 0; i < 2_000; i++) {
                clock.advance(Duration.ofSeconds(1));
            }
        };
        Thread first = new Thread(advancer);
        Thread second = new Thread(advancer);
        first.start();
        second.start();
        first.join();
        second.join();

        assertThat(clock.instant()).isEqualTo(START.plusSeconds(4_000));
    }
}
