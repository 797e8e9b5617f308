package dev.fakeecs.internal.engine;

import dev.fakeecs.internal.random.SeededRandom;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SeededRandomTest {

    @Test
    void should_draw_the_same_values_from_the_same_seed() {
        SeededRandom a = new SeededRandom(42);
        SeededRandom b = new SeededRandom(42);

        assertThat(a.hex(32) + a.uuid() + a.ec2InstanceId() + a.privateIp())
                .isEqualTo(b.hex(32) + b.uuid() + b.ec2InstanceId() + b.privateIp());
    }

    @Test
    void should_draw_different_values_from_different_seeds() {
        assertThat(new SeededRandom(1).hex(32)).isNotEqualTo(new SeededRandom(2).hex(32));
    }

    @Test
    void should_shape_ids_as_aws_does() {
        SeededRandom r = new SeededRandom(7);

        assertThat(r.hex(32)).matches("[0-9a-f]{32}");
        assertThat(r.digits(19)).matches("[1-9][0-9]{18}");
        assertThat(r.ec2InstanceId()).matches("i-[0-9a-f]{17}");
        assertThat(r.uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void should_keep_jitter_within_the_fraction() {
        SeededRandom r = new SeededRandom(3);
        for (int i = 0; i < 1000; i++) {
            Duration d = r.jitter(Duration.ofSeconds(100), 0.1);
            assertThat(d).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(110));
        }
        assertThat(r.jitter(Duration.ofSeconds(100), 0)).isEqualTo(Duration.ofSeconds(100));
    }
}
