package dev.fakeecs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.internal.server.WorldHost;
import dev.fakeecs.internal.server.ClockMode;
import dev.fakeecs.FakeEcs;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorldHostTest {

    private final AtomicLong wall = new AtomicLong();

    private WorldHost host(ClockMode mode) {
        return new WorldHost(() -> FakeEcs.builder().seed(1).region("us-east-1").build(), mode, wall::get);
    }

    @Test
    void should_not_move_time_on_requests_in_manual_mode() {
        try (WorldHost host = host(ClockMode.MANUAL)) {
            host.apply("us-east-1");
            assertThat(host.now()).isEqualTo(FakeEcs.DEFAULT_START);
        }
    }

    @Test
    void should_advance_by_the_step_on_every_request_in_auto_mode() {
        try (WorldHost host = host(ClockMode.parse("auto:2"))) {
            host.apply("us-east-1");
            host.apply("us-east-1");
            assertThat(host.now()).isEqualTo(FakeEcs.DEFAULT_START.plusSeconds(4));
        }
    }

    @Test
    void should_follow_the_wall_clock_times_the_factor_in_realtime_mode() {
        try (WorldHost host = host(ClockMode.parse("realtime:60"))) {
            wall.addAndGet(Duration.ofSeconds(2).toNanos());
            assertThat(host.now()).isEqualTo(FakeEcs.DEFAULT_START.plusSeconds(120));
        }
    }

    @Test
    void should_reject_a_region_the_world_does_not_have() {
        try (WorldHost host = host(ClockMode.MANUAL)) {
            assertThatThrownBy(() -> host.apply("mars-north-1")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void should_start_a_fresh_world_on_reset() {
        try (WorldHost host = host(ClockMode.MANUAL)) {
            FakeEcs before = host.world();
            host.advance(Duration.ofMinutes(5));
            host.reset();
            assertThat(host.world()).isNotSameAs(before);
            assertThat(host.now()).isEqualTo(FakeEcs.DEFAULT_START);
        }
    }
}
