package dev.fakeecs.journal;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JournalTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Journal journal = new Journal(() -> now);

    @Test
    void should_stamp_entries_with_the_virtual_time_and_a_sequence() {
        journal.record("us-east-1", JournalEventType.CLUSTER, "arn:c", "status", "ACTIVE");
        now = now.plusSeconds(5);
        journal.record("us-east-1", JournalEventType.CLUSTER, "arn:c", "status", "INACTIVE");

        assertThat(journal.entries()).extracting(JournalEntry::sequence).containsExactly(0L, 1L);
        assertThat(journal.entries().get(1).time()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
        assertThat(journal.entries().get(1).detail("status")).isEqualTo("INACTIVE");
    }

    @Test
    void should_write_one_json_object_per_line_with_fields_in_a_fixed_order() {
        journal.record("us-east-1", JournalEventType.TASK_STATE, "arn:t", "from", "PENDING", "to", "RUNNING");

        assertThat(journal.toJsonLines()).isEqualTo("{\"seq\":0,\"time\":\"2026-01-01T00:00:00Z\",\"region\":"
                + "\"us-east-1\",\"type\":\"TASK_STATE\",\"subject\":\"arn:t\",\"details\":{\"from\":\"PENDING\","
                + "\"to\":\"RUNNING\"}}\n");
    }

    @Test
    void should_answer_what_changed_since_a_mark() {
        journal.record("r", JournalEventType.CLUSTER, "a");
        long mark = journal.mark();
        journal.record("r", JournalEventType.TASK_STATE, "b");
        journal.record("r", JournalEventType.CLUSTER, "c");

        assertThat(journal.since(mark)).extracting(JournalEntry::subject).containsExactly("b", "c");
        assertThat(journal.since(mark, JournalEventType.CLUSTER)).extracting(JournalEntry::subject).containsExactly("c");
        assertThat(journal.about("b")).hasSize(1);
    }

    @Test
    void should_skip_null_detail_values() {
        JournalEntry e = journal.record("r", JournalEventType.TASK_PLACED, "t", "containerInstance", null, "az", "x");

        assertThat(e.details()).containsOnlyKeys("az");
    }
}
