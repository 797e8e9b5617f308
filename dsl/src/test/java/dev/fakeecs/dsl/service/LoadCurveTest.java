package dev.fakeecs.dsl.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadCurveTest {

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void a_constant_load_is_the_same_at_every_instant() {
        LoadCurve curve = LoadCurve.constant(42);
        assertThat(curve.rpsAt(at("2026-01-01T00:00:00Z"))).isEqualTo(42);
        assertThat(curve.rpsAt(at("2027-06-15T13:37:00Z"))).isEqualTo(42);
    }

    @Test
    void a_daily_window_applies_from_its_start_inclusive_to_its_end_exclusive_every_day() {
        // given
        LoadCurve dinner = LoadCurve.constant(100).between(LocalTime.of(19, 0), LocalTime.of(21, 0), 1000);
        // when / then
        assertThat(dinner.rpsAt(at("2026-01-01T18:59:59Z"))).isEqualTo(100);
        assertThat(dinner.rpsAt(at("2026-01-01T19:00:00Z"))).isEqualTo(1000);
        assertThat(dinner.rpsAt(at("2026-01-05T20:59:59Z"))).isEqualTo(1000);
        assertThat(dinner.rpsAt(at("2026-01-05T21:00:00Z"))).isEqualTo(100);
    }

    @Test
    void a_window_ending_before_it_starts_crosses_midnight() {
        LoadCurve night = LoadCurve.constant(10).between(LocalTime.of(22, 0), LocalTime.of(2, 0), 1);
        assertThat(night.rpsAt(at("2026-01-01T23:30:00Z"))).isEqualTo(1);
        assertThat(night.rpsAt(at("2026-01-02T01:59:00Z"))).isEqualTo(1);
        assertThat(night.rpsAt(at("2026-01-02T02:00:00Z"))).isEqualTo(10);
    }

    @Test
    void the_last_declared_window_that_covers_an_instant_wins() {
        LoadCurve curve = LoadCurve.constant(100)
                .between(LocalTime.of(19, 0), LocalTime.of(21, 0), 1000)
                .during(at("2026-01-01T19:30:00Z"), at("2026-01-01T19:45:00Z"), 5000);
        assertThat(curve.rpsAt(at("2026-01-01T19:40:00Z"))).isEqualTo(5000);
        assertThat(curve.rpsAt(at("2026-01-02T19:40:00Z"))).isEqualTo(1000);
    }

    @Test
    void daily_windows_are_read_in_the_curve_zone() {
        LoadCurve curve = LoadCurve.constant(1).between(LocalTime.of(19, 0), LocalTime.of(21, 0), 9)
                .inZone(ZoneId.of("Asia/Kolkata"));
        assertThat(curve.rpsAt(at("2026-01-01T13:30:00Z"))).isEqualTo(9);   // 19:00 IST
        assertThat(curve.rpsAt(at("2026-01-01T19:30:00Z"))).isEqualTo(1);
    }

    @Test
    void the_curve_is_the_engine_load_model() {
        LoadCurve curve = LoadCurve.constant(7);
        assertThat(curve.requestsPerSecond(at("2026-01-01T00:00:00Z"))).isEqualTo(7);
    }

    @Test
    void a_negative_load_is_rejected() {
        assertThatThrownBy(() -> LoadCurve.constant(-1))
                .hasMessage("loadCurve: constant = -1.0: requests per second must be a finite number >= 0");
    }

    @Test
    void a_one_off_window_ending_before_it_starts_is_rejected() {
        assertThatThrownBy(() -> LoadCurve.constant(1).during(at("2026-01-02T00:00:00Z"), at("2026-01-01T00:00:00Z"), 2))
                .hasMessage("loadCurve: during.to = 2026-01-01T00:00:00Z: must be after from (2026-01-02T00:00:00Z)");
    }
}
