package dev.fakeecs.journal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One immutable state change, stamped with its virtual time.
 *
 * <pre>{@code
 * JournalEntry e = ecs.journal().entries().get(0);
 * e.type();      // TASK_STATE
 * e.subject();   // the task ARN
 * e.details();   // {"from": "PENDING", "to": "RUNNING"}
 * }</pre>
 *
 * @param sequence position in the journal, from 0
 * @param time     the virtual instant of the change
 * @param region   the region it happened in ("" for world-level entries)
 * @param type     what kind of change
 * @param subject  the resource it is about (usually an ARN)
 * @param details  further facts, in a fixed order
 */
public record JournalEntry(long sequence, Instant time, String region, JournalEventType type, String subject,
                           Map<String, String> details) {

    public JournalEntry {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A detail by name, or null. */
    public String detail(String name) {
        return details.get(name);
    }

    /** A short human-readable line, as printed in assertion messages. */
    public String describe() {
        StringBuilder b = new StringBuilder().append(time).append(' ').append(type).append(' ').append(subject);
        details.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }
}
