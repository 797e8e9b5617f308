package dev.fakeecs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakeecs.internal.server.ClockMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClockModeTest {

    @Test
    void should_parse_the_three_modes_with_their_defaults() {
        assertThat(ClockMode.parse("manual")).isEqualTo(ClockMode.MANUAL);
        assertThat(ClockMode.parse("auto")).isEqualTo(new ClockMode(ClockMode.Kind.AUTO, Duration.ofSeconds(1), 0));
        assertThat(ClockMode.parse("realtime")).isEqualTo(new ClockMode(ClockMode.Kind.REALTIME, Duration.ZERO, 1));
    }

    @Test
    void should_parse_a_step_and_a_speed_factor() {
        assertThat(ClockMode.parse("auto:0.5").step()).isEqualTo(Duration.ofMillis(500));
        assertThat(ClockMode.parse("REALTIME:60").factor()).isEqualTo(60.0);
    }

    @Test
    void should_explain_the_accepted_forms_when_the_mode_is_unknown() {
        assertThatThrownBy(() -> ClockMode.parse("sideways"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manual, auto[:SECONDS]")
                .hasMessageContaining("'sideways'");
        assertThatThrownBy(() -> ClockMode.parse("realtime:-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClockMode.parse("manual:3")).isInstanceOf(IllegalArgumentException.class);
    }
}
