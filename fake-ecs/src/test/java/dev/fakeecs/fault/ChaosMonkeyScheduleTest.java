package dev.fakeecs.fault;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.fakeecs.fault.FaultFixtures.ec2Family;
import static dev.fakeecs.fault.FaultFixtures.ec2Service;
import static dev.fakeecs.fault.FaultFixtures.hosts;
import static org.assertj.core.api.Assertions.assertThat;

/** A chaos period scheduled inside a scenario: the test moves time, the monkey watches every event. */
class ChaosMonkeyScheduleTest {

    @Test
    void should_inject_and_watch_while_the_test_drives_the_clock() {
        // given
        FakeEcs ecs = FaultFixtures.world();
        hosts(ecs, 4, false);
        ecs.clock().advance(Duration.ofMinutes(2));
        ec2Service(ecs, "kitchen", ec2Family(ecs, "kitchen"), 4);
        ecs.clock().advance(Duration.ofMinutes(3));
        long mark = ecs.journal().mark();

        // when
        ChaosMonkey.Watch watch = ChaosMonkey.builder(ecs).cluster("prod").faultsPerHour(12)
                .maxFaultDuration(Duration.ofMinutes(5)).build().schedule(Duration.ofHours(1));
        var early = ecs.clock().instant();
        ecs.clock().advance(Duration.ofMinutes(30));
        long halfway = watch.report().eventsChecked();
        ecs.clock().advance(Duration.ofMinutes(90));

        // then
        assertThat(ecs.clock().instant()).isEqualTo(early.plus(Duration.ofHours(2)));
        assertThat(watch.report().faults()).hasSize(12);
        assertThat(halfway).isPositive();
        assertThat(watch.report().eventsChecked()).isGreaterThan(halfway);
        assertThat(ecs.journal().since(mark, JournalEventType.FAULT)).isNotEmpty();
        long checkedAtEnd = watch.report().eventsChecked();
        ecs.clock().advance(Duration.ofMinutes(30));
        assertThat(watch.report().eventsChecked()).as("no checks after the period").isEqualTo(checkedAtEnd);
    }
}
