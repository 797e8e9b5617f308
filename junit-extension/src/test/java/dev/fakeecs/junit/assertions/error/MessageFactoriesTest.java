package dev.fakeecs.junit.assertions.error;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEventType;
import org.assertj.core.description.TextDescription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.presentation.StandardRepresentation.STANDARD_REPRESENTATION;

/** Each message factory on its own, in AssertJ's layout. */
class MessageFactoriesTest {

    private static String create(org.assertj.core.error.ErrorMessageFactory factory) {
        return factory.create(new TextDescription("Test"), STANDARD_REPRESENTATION);
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines);
    }

    @Test
    void should_have_traffic_lists_the_window_minutes_and_only_the_last_thirty() {
        // given: 32 minutes, the first two left out of the message
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<dev.fakeecs.spi.LoadBalancerMinute> minutes = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
            minutes.add(new dev.fakeecs.spi.LoadBalancerMinute(start.plusSeconds(60L * i), 600, i == 31 ? 120 : 0, 0,
                    2, 0, 0.005));
        }

        // when
        String message = create(ShouldHaveTraffic.shouldHaveTraffic("target group web-tg (us-east-1)",
                "target 5XX count", "0", "120", "since 2026-01-01T00:00:00Z", minutes));

        // then
        assertThat(message).startsWith(lines("[Test] ", "Expecting target group:", "  target group web-tg (us-east-1)",
                "to have target 5XX count:", "  0", "but was:", "  120",
                "minutes since 2026-01-01T00:00:00Z (32):", "  ... 2 earlier minutes",
                "  2026-01-01T00:02:00Z requests=600 target5xx=0 elb5xx=0 healthy=2 unhealthy=0"));
        assertThat(message).endsWith("  2026-01-01T00:31:00Z requests=600 target5xx=120 elb5xx=0 healthy=2 unhealthy=0")
                .doesNotContain("00:01:00Z");
        assertThat(create(ShouldHaveTraffic.shouldHaveTraffic("target group web-tg (us-east-1)", "served at least",
                "1 requests", "0 requests", "of the whole run", List.of())))
                .endsWith(lines("but was:", "  0 requests", "minutes of the whole run: (none recorded)"));
    }

    @Test
    void should_have_names_kind_subject_property_expected_and_actual() {
        String message = create(ShouldHave.shouldHave("service", "service orders in cluster prod", "running count", 20,
                "12 (ACTIVE, desired 20)"));

        assertThat(message).isEqualTo(lines("[Test] ", "Expecting service:", "  service orders in cluster prod",
                "to have running count:", "  20", "but was:", "  12 (ACTIVE, desired 20)"));
    }

    @Test
    void should_have_targets_lists_every_target_with_state_reason_and_description() {
        String message = create(ShouldHaveTargets.shouldHaveTargets("target group web-tg (us-east-1)", "healthy targets",
                4, 1, List.of("10.0.1.5:8080 in us-east-1a healthy",
                        "10.0.2.7:8080 in us-east-1b unhealthy (Target.ResponseCodeMismatch: Health checks failed with"
                                + " these codes: [500])")));

        assertThat(message).isEqualTo(lines("[Test] ", "Expecting target group:", "  target group web-tg (us-east-1)",
                "to have healthy targets:", "  4", "but was:", "  1", "targets (2):",
                "  10.0.1.5:8080 in us-east-1a healthy",
                "  10.0.2.7:8080 in us-east-1b unhealthy (Target.ResponseCodeMismatch: Health checks failed with these"
                        + " codes: [500])"));
        assertThat(create(ShouldHaveTargets.shouldHaveTargets("target group x (us-east-1)", "healthy targets", 1, 0,
                List.of()))).endsWith(lines("  0", "targets: (none registered)"));
    }

    @Test
    void should_exist_lists_what_there_is() {
        assertThat(create(ShouldExist.shouldExist("service", "service x", List.of("a", "b"))))
                .isEqualTo(lines("[Test] ", "Expecting service:", "  service x", "to exist",
                        "but it does not; there are:", "  [\"a\", \"b\"]"));
    }

    @Test
    void should_be_steady_explains_what_steady_means() {
        assertThat(create(ShouldBeSteady.shouldBeSteady("service orders", "ACTIVE, desired 3, running 1")))
                .isEqualTo(lines("[Test] ", "Expecting service:", "  service orders",
                        "to " + ShouldBeSteady.STEADY, "but was:", "  ACTIVE, desired 3, running 1"));
        assertThat(create(ShouldBeSteady.shouldHaveReachedSteadyState("service orders", "x")))
                .contains("to have reached a steady state");
    }

    @Test
    void should_have_event_shows_the_newest_events() {
        assertThat(create(ShouldHaveEvent.shouldHaveEvent("service orders", "steady", List.of("e1", "e2"))))
                .isEqualTo(lines("[Test] ", "Expecting service:", "  service orders", "to have an event containing:",
                        "  \"steady\"", "but its newest events were:", "  e1", "  e2"));
        assertThat(create(ShouldHaveEvent.shouldHaveEvent("s", "x", List.of()))).endsWith("(none)");
    }

    @Test
    void should_all_run_on_lists_the_offenders() {
        assertThat(create(ShouldAllRunOn.shouldAllRunOn("service orders", "FARGATE_SPOT", List.of("t1 RUNNING/RUNNING on FARGATE"))))
                .isEqualTo(lines("[Test] ", "Expecting all tasks of:", "  service orders", "to be RUNNING on:",
                        "  FARGATE_SPOT", "but these were not:", "  t1 RUNNING/RUNNING on FARGATE"));
        assertThat(create(ShouldAllRunOn.shouldAllRunOn("s", "EC2", List.of()))).endsWith("(the service has no tasks)");
    }

    @Test
    void should_be_spread_evenly_shows_counts_per_zone() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("us-east-1a", 3);
        counts.put("us-east-1b", 1);
        assertThat(create(ShouldBeSpreadEvenly.shouldBeSpreadEvenly("service orders", List.of("us-east-1a", "us-east-1b"),
                counts))).isEqualTo(lines("[Test] ", "Expecting the running tasks of:", "  service orders",
                "to be spread evenly (counts differ by at most 1) across:", "  [\"us-east-1a\", \"us-east-1b\"]",
                "but the counts per zone were:", "  {\"us-east-1a\"=3, \"us-east-1b\"=1}"));
    }

    @Test
    void should_contain_journal_entry_shows_the_window() {
        assertThat(create(ShouldContainJournalEntry.shouldContain("since mark 3", "an entry of type FAULT", List.of("l1"))))
                .isEqualTo(lines("[Test] ", "Expecting the journal since mark 3", "to contain:",
                        "  an entry of type FAULT", "but it had:", "  l1"));
        assertThat(create(ShouldContainJournalEntry.shouldNotContain("since mark 3", "an entry about x", List.of("l2"))))
                .isEqualTo(lines("[Test] ", "Expecting the journal since mark 3", "not to contain:",
                        "  an entry about x", "but found:", "  l2"));
    }

    @Test
    void should_eventually_states_the_window_and_the_state_at_the_deadline() {
        String message = create(ShouldEventually.shouldEventually(
                ShouldHave.shouldHave("service", "orders", "running count", 20, "12"), Duration.ofMinutes(10),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:10:00Z")));

        assertThat(message).isEqualTo(lines("[Test] ",
                "[eventually] within PT10M of virtual time (2026-01-01T00:00:00Z to 2026-01-01T00:10:00Z):",
                "Expecting service:", "  orders", "to have running count:", "  20", "but at the deadline was:", "  12"));
    }

    @Test
    void with_world_context_appends_time_seed_and_recent_journal_lines() {
        try (FakeEcs ecs = FakeEcs.builder().seed(42).build()) {
            for (int i = 0; i < 12; i++) {
                ecs.journal().record("us-east-1", JournalEventType.SERVICE, "svc/orders", "n", String.valueOf(i));
            }
            ecs.journal().record("us-east-1", JournalEventType.SERVICE, "svc/other", "n", "x");

            String message = create(new WithWorldContext(ShouldHave.shouldHave("service", "orders", "p", 1, 2),
                    WithWorldContext.context(ecs, "service orders", e -> e.subject().equals("svc/orders"))));

            assertThat(message).contains(lines("but was:", "  2", "", "at virtual time 2026-01-01T00:00:00Z, seed 42"
                    + " (same seed, same run)", "recent journal about service orders:",
                    "  2026-01-01T00:00:00Z SERVICE svc/orders n=4"));
            assertThat(message).contains("n=11").doesNotContain("n=3").doesNotContain("svc/other");
        }
    }
}
