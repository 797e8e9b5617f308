package dev.fakeecs.journal;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalRetentionTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private Journal journal(JournalRetention retention, int entries) {
        Journal journal = new Journal(() -> now, retention);
        for (int i = 0; i < entries; i++) {
            journal.record("r", JournalEventType.TASK_STATE, "t" + i);
        }
        return journal;
    }

    @Test
    void should_keep_everything_by_default() {
        Journal journal = new Journal(() -> now);
        for (int i = 0; i < 10_000; i++) {
            journal.record("r", JournalEventType.TASK_STATE, "t" + i);
        }

        assertThat(journal.retention()).isEqualTo(JournalRetention.keepAll());
        assertThat(journal.size()).isEqualTo(10_000);
        assertThat(journal.firstSequence()).isZero();
        assertThat(journal.entries().get(9_999).sequence()).isEqualTo(9_999);
    }

    @Test
    void should_keep_the_last_entries_with_their_sequence_numbers() {
        Journal journal = journal(JournalRetention.lastEntries(3), 10);

        assertThat(journal.size()).isEqualTo(3);
        assertThat(journal.mark()).isEqualTo(10);
        assertThat(journal.firstSequence()).isEqualTo(7);
        assertThat(journal.entries()).extracting(JournalEntry::sequence).containsExactly(7L, 8L, 9L);
        assertThat(journal.entries()).extracting(JournalEntry::subject).containsExactly("t7", "t8", "t9");
        assertThat(journal.toJsonLines().lines().findFirst().orElseThrow()).startsWith("{\"seq\":7,");
    }

    @Test
    void should_answer_since_a_trimmed_mark_with_what_is_left() {
        Journal journal = journal(JournalRetention.lastEntries(3), 10);

        assertThat(journal.since(0)).extracting(JournalEntry::sequence).containsExactly(7L, 8L, 9L);
        assertThat(journal.since(8)).extracting(JournalEntry::sequence).containsExactly(8L, 9L);
        assertThat(journal.since(10)).isEmpty();
        assertThat(journal.since(99)).isEmpty();
        assertThat(journal.page(0, 2)).extracting(JournalEntry::sequence).containsExactly(7L, 8L);
        assertThat(journal.page(9, 5)).extracting(JournalEntry::sequence).containsExactly(9L);
        assertThat(journal.page(8, 0)).isEmpty();
        assertThat(journal.ofType(JournalEventType.TASK_STATE)).hasSize(3);
    }

    @Test
    void should_drop_entries_older_than_the_maximum_age_of_virtual_time() {
        Journal journal = new Journal(() -> now, JournalRetention.maxAge(Duration.ofMinutes(10)));
        for (int minute = 0; minute < 60; minute++) {
            journal.record("r", JournalEventType.TASK_STATE, "m" + minute);
            now = now.plus(Duration.ofMinutes(1));
        }

        // the newest entry is from minute 59: minutes 49..59 are at most 10 minutes older
        assertThat(journal.entries()).extracting(JournalEntry::subject).first().isEqualTo("m49");
        assertThat(journal.size()).isEqualTo(11);
        assertThat(journal.firstSequence()).isEqualTo(49);
    }

    @Test
    void should_always_keep_the_newest_entry_even_after_a_long_quiet_spell() {
        Journal journal = journal(JournalRetention.maxAge(Duration.ofSeconds(1)), 5);
        now = now.plus(Duration.ofDays(3));
        journal.record("r", JournalEventType.CLUSTER, "late");

        assertThat(journal.entries()).extracting(JournalEntry::subject).containsExactly("late");
        assertThat(journal.firstSequence()).isEqualTo(5);
    }

    @Test
    void should_apply_both_bounds_together() {
        Journal journal = new Journal(() -> now, JournalRetention.lastEntries(5).andMaxAge(Duration.ofSeconds(2)));
        for (int i = 0; i < 20; i++) {
            journal.record("r", JournalEventType.TASK_STATE, "t" + i);
        }
        assertThat(journal.size()).isEqualTo(5);
        now = now.plusSeconds(10);
        journal.record("r", JournalEventType.TASK_STATE, "later");
        assertThat(journal.entries()).extracting(JournalEntry::sequence).containsExactly(20L);
    }

    @Test
    void should_stay_at_its_cap_through_a_million_entries() {
        Journal journal = journal(JournalRetention.lastEntries(1_000), 1_000_000);

        assertThat(journal.size()).isEqualTo(1_000);
        assertThat(journal.firstSequence()).isEqualTo(999_000);
        assertThat(journal.entries()).extracting(JournalEntry::sequence).isSorted().startsWith(999_000L)
                .endsWith(999_999L);
    }

    @Test
    void should_write_a_page_of_json_lines_from_a_sequence_number() {
        Journal journal = journal(JournalRetention.lastEntries(2_000), 5_000);
        StringWriter out = new StringWriter();

        long written = journal.writeJsonLines(out, 4_990, 1_000);

        assertThat(written).isEqualTo(10);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("{\"seq\":4990,");
        StringWriter all = new StringWriter();
        assertThat(journal.writeJsonLines(all, 0, Long.MAX_VALUE)).isEqualTo(2_000);
        assertThat(all.toString()).isEqualTo(journal.toJsonLines()).startsWith("{\"seq\":3000,");
        StringWriter limited = new StringWriter();
        assertThat(journal.writeJsonLines(limited, 0, 1_234)).isEqualTo(1_234); // spans several pages
        assertThat(limited.toString().lines().reduce((a, b) -> b).orElseThrow()).startsWith("{\"seq\":4233,");
    }

    @Test
    void should_restart_sequences_after_clear() {
        Journal journal = journal(JournalRetention.lastEntries(3), 10);
        journal.clear();
        journal.record("r", JournalEventType.CLUSTER, "again");

        assertThat(journal.entries()).extracting(JournalEntry::sequence).containsExactly(0L);
    }

    @Test
    void should_parse_the_server_option_and_print_it_back() {
        assertThat(JournalRetention.parse("all")).isEqualTo(JournalRetention.keepAll());
        assertThat(JournalRetention.parse("last:100000")).isEqualTo(JournalRetention.lastEntries(100_000));
        assertThat(JournalRetention.parse("500")).isEqualTo(JournalRetention.lastEntries(500));
        assertThat(JournalRetention.parse("age:6h")).isEqualTo(JournalRetention.maxAge(Duration.ofHours(6)));
        assertThat(JournalRetention.parse("age:PT30M")).isEqualTo(JournalRetention.maxAge(Duration.ofMinutes(30)));
        assertThat(JournalRetention.parse("last:10, age:2d"))
                .isEqualTo(JournalRetention.lastEntries(10).andMaxAge(Duration.ofDays(2)));
        assertThat(JournalRetention.parse("last:10,age:2d").toString()).isEqualTo("last:10,age:PT48H");
        assertThat(JournalRetention.parse(JournalRetention.parse("age:90s").toString()))
                .isEqualTo(JournalRetention.maxAge(Duration.ofSeconds(90)));
        for (String bad : new String[] {"", "none", "last:0", "last:-1", "age:0s", "age:5w", "last:1,last:2",
                "age:1h,age:2h", "last:1,", "99999999999999999999"}) {
            assertThatThrownBy(() -> JournalRetention.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--journal-retention must be all, last:N");
        }
    }
}
