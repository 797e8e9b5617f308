package dev.fakeecs.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The world's event journal: every state change in order, queryable in Java and serialisable
 * as JSON lines. Same seed and same inputs give a byte-identical journal.
 *
 * <pre>{@code
 * long mark = ecs.journal().mark();
 * // ... inject a fault, advance time ...
 * List<JournalEntry> stops = ecs.journal().since(mark, JournalEventType.TASK_STATE);
 * String jsonl = ecs.journal().toJsonLines();
 * }</pre>
 */
public final class Journal {

    private static final JsonFactory JSON = new JsonFactory();

    private final Supplier<Instant> clock;
    private final List<JournalEntry> entries = new ArrayList<>();

    public Journal(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** Records one change at the current virtual time. Details are written in the given order. */
    public synchronized JournalEntry record(String region, JournalEventType type, String subject,
                                            Map<String, String> details) {
        JournalEntry entry = new JournalEntry(entries.size(), clock.get(), region == null ? "" : region, type,
                subject == null ? "" : subject, details);
        entries.add(entry);
        return entry;
    }

    /** Records one change with details given as name/value pairs. */
    public JournalEntry record(String region, JournalEventType type, String subject, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("details come in name/value pairs");
        }
        Map<String, String> details = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                details.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return record(region, type, subject, details);
    }

    /** All entries so far (a snapshot). */
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** A mark to pass to {@link #since(long)} later: the sequence number the next entry will get. */
    public synchronized long mark() {
        return entries.size();
    }

    /** Entries recorded at or after {@code mark}. */
    public synchronized List<JournalEntry> since(long mark) {
        return List.copyOf(entries.subList((int) Math.min(mark, entries.size()), entries.size()));
    }

    /** Entries of one type recorded at or after {@code mark}. */
    public List<JournalEntry> since(long mark, JournalEventType type) {
        return since(mark).stream().filter(e -> e.type() == type).toList();
    }

    /** Entries matching a predicate. */
    public synchronized List<JournalEntry> find(Predicate<JournalEntry> predicate) {
        return entries.stream().filter(predicate).toList();
    }

    /** Entries about one subject (an ARN, or any string the subject contains). */
    public List<JournalEntry> about(String subject) {
        return find(e -> e.subject().contains(subject));
    }

    /** Entries of one type. */
    public List<JournalEntry> ofType(JournalEventType type) {
        return find(e -> e.type() == type);
    }

    /** The whole journal as JSON lines, one object per entry, fields in a fixed order. */
    public synchronized String toJsonLines() {
        StringWriter out = new StringWriter();
        writeJsonLines(out, 0);
        return out.toString();
    }

    /** Writes the entries from {@code fromSequence} on as JSON lines. */
    public synchronized void writeJsonLines(Writer out, long fromSequence) {
        try {
            for (int i = (int) fromSequence; i < entries.size(); i++) {
                out.write(toJsonLine(entries.get(i)));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry as a JSON object on one line. */
    public static String toJsonLine(JournalEntry entry) {
        StringWriter w = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("seq", entry.sequence());
            g.writeStringField("time", entry.time().toString());
            g.writeStringField("region", entry.region());
            g.writeStringField("type", entry.type().name());
            g.writeStringField("subject", entry.subject());
            g.writeObjectFieldStart("details");
            for (Map.Entry<String, String> d : entry.details().entrySet()) {
                g.writeStringField(d.getKey(), d.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Forgets every entry (used by a world reset). */
    public synchronized void clear() {
        entries.clear();
    }
}
