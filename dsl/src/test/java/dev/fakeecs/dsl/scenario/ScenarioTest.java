package dev.fakeecs.dsl.scenario;

import dev.fakeecs.FakeEcs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTest {

    private final List<String> log = new ArrayList<>();

    private FakeEcs worldAt(String iso) {
        return FakeEcs.builder().start(Instant.parse(iso)).build();
    }

    private java.util.function.Consumer<FakeEcs> note(String what) {
        return ecs -> log.add(what + "@" + ecs.clock().instant());
    }

    @Test
    void at_a_time_of_day_runs_at_the_next_such_time() {
        // given
        try (FakeEcs ecs = worldAt("2026-03-01T20:00:00Z")) {
            Scenario.builder().at(LocalTime.of(19, 30), "outage", note("outage")).build().scheduleOn(ecs);
            // when
            ecs.clock().advance(Duration.ofDays(1));
            // then: 19:30 had passed, so the next day
            assertThat(log).containsExactly("outage@2026-03-02T19:30:00Z");
        }
    }

    @Test
    void a_window_runs_its_begin_and_end_actions_around_its_duration() {
        try (FakeEcs ecs = worldAt("2026-03-01T18:00:00Z")) {
            Scenario.builder().window(LocalTime.of(19, 30), Duration.ofMinutes(20), "region down",
                    note("down"), note("up")).build().scheduleOn(ecs);
            ecs.clock().advance(Duration.ofHours(3));
            assertThat(log).containsExactly("down@2026-03-01T19:30:00Z", "up@2026-03-01T19:50:00Z");
        }
    }

    @Test
    void a_window_that_already_began_today_runs_both_ends_tomorrow() {
        try (FakeEcs ecs = worldAt("2026-03-01T19:40:00Z")) {
            Scenario.builder().window(LocalTime.of(19, 30), Duration.ofMinutes(20), "w", note("b"), note("e"))
                    .build().scheduleOn(ecs);
            ecs.clock().advance(Duration.ofDays(2));
            assertThat(log).containsExactly("b@2026-03-02T19:30:00Z", "e@2026-03-02T19:50:00Z");
        }
    }

    @Test
    void after_every_and_daily_run_relative_to_scheduling() {
        try (FakeEcs ecs = worldAt("2026-03-01T18:00:00Z")) {
            Scenario.builder()
                    .after(Duration.ofMinutes(5), "once", note("once"))
                    .every(Duration.ofHours(1), "hourly", note("hourly"))
                    .daily(LocalTime.of(19, 0), "dinner", note("dinner"))
                    .build().scheduleOn(ecs);
            ecs.clock().advance(Duration.ofHours(25).plusMinutes(1));
            assertThat(log).contains("once@2026-03-01T18:05:00Z", "hourly@2026-03-01T19:00:00Z",
                    "dinner@2026-03-01T19:00:00Z", "dinner@2026-03-02T19:00:00Z");
            assertThat(log.stream().filter(s -> s.startsWith("hourly"))).hasSize(25);
        }
    }

    @Test
    void times_of_day_are_read_in_the_scenario_zone() {
        try (FakeEcs ecs = worldAt("2026-03-01T00:00:00Z")) {
            Scenario.builder().zone(ZoneId.of("Asia/Kolkata")).at(LocalTime.of(19, 0), "dinner", note("dinner"))
                    .build().scheduleOn(ecs);
            ecs.clock().advance(Duration.ofDays(1));
            assertThat(log).containsExactly("dinner@2026-03-01T13:30:00Z");
        }
    }

    @Test
    void a_non_positive_period_is_rejected() {
        assertThatThrownBy(() -> Scenario.builder().every(Duration.ZERO, "x", e -> { }))
                .hasMessage("scenario: every = PT0S: must be positive");
    }
}
