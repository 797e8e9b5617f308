package dev.fakeecs.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
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
 *
 * <p><b>Retention.</b> By default a journal keeps everything. A world built with a bounded
 * {@link JournalRetention} (the runnable server's default is the last 100,000 entries) drops its
 * oldest entries as new ones arrive. Every entry keeps the sequence number it was recorded with, so
 * sequence numbers never restart and never get reused: {@link #firstSequence()} is the number of
 * entries trimmed so far, {@link #mark()} the number recorded. Every reader ({@link #entries()},
 * {@link #since(long)}, {@link #find}, {@link #size()}, {@link #toJsonLines()}) sees only the
 * entries still kept; {@link #since(long)} with a mark that has been trimmed away returns what is
 * left from the oldest kept entry on.
 */
public final class Journal {

    private static final JsonFactory JSON = new JsonFactory();
    /** Entries copied out per lock hold while writing JSON lines. */
    private static final int WRITE_CHUNK = 512;

    private final Supplier<Instant> clock;
    private final JournalRetention retention;
    /** A growable ring: entries kept, oldest at {@code head}. */
    private JournalEntry[] ring = new JournalEntry[64];
    private int head;
    private int size;
    /** The sequence number of the next entry. */
    private long next;

    /** A journal that keeps everything. */
    public Journal(Supplier<Instant> clock) {
        this(clock, JournalRetention.keepAll());
    }

    /** A journal that keeps what {@code retention} says. */
    public Journal(Supplier<Instant> clock, JournalRetention retention) {
        this.clock = clock;
        this.retention = java.util.Objects.requireNonNull(retention, "retention");
    }

    /** How much this journal keeps. */
    public JournalRetention retention() {
        return retention;
    }

    /** Records one change at the current virtual time. Details are written in the given order. */
    public synchronized JournalEntry record(String region, JournalEventType type, String subject,
                                            Map<String, String> details) {
        JournalEntry entry = new JournalEntry(next, clock.get(), region == null ? "" : region, type,
                subject == null ? "" : subject, details);
        next++;
        append(entry);
        trim(entry.time());
        return entry;
    }

    private void append(JournalEntry entry) {
        if (size == ring.length) {
            JournalEntry[] bigger = new JournalEntry[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = at(i);
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + size) % ring.length] = entry;
        size++;
    }

    private void trim(Instant newest) {
        while (size > retention.maxEntries()) {
            dropOldest();
        }
        Duration maxAge = retention.maxAgeOrNull();
        if (maxAge != null) {
            Instant oldestKept = newest.minus(maxAge);
            while (size > 1 && at(0).time().isBefore(oldestKept)) {
                dropOldest();
            }
        }
    }

    private void dropOldest() {
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
    }

    /** The i-th kept entry, 0 being the oldest. */
    private JournalEntry at(int i) {
        return ring[(head + i) % ring.length];
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

    /** All entries kept (a snapshot); everything recorded unless the retention is bounded. */
    public synchronized List<JournalEntry> entries() {
        return copy(0, size);
    }

    /** The number of entries kept (equal to {@link #mark()} unless entries were trimmed). */
    public synchronized int size() {
        return size;
    }

    /** A mark to pass to {@link #since(long)} later: the sequence number the next entry will get. */
    public synchronized long mark() {
        return next;
    }

    /**
     * The sequence number of the oldest entry kept ({@link #mark()} if none is): 0 unless the retention
     * trimmed entries, and then the number of entries trimmed.
     */
    public synchronized long firstSequence() {
        return next - size;
    }

    /** Entries kept that were recorded at or after {@code mark}. */
    public synchronized List<JournalEntry> since(long mark) {
        return copy(offsetOf(mark), size);
    }

    /**
     * At most {@code limit} kept entries from sequence {@code fromSequence} on (from the oldest kept one
     * if {@code fromSequence} has been trimmed): a page for readers that walk a long journal in steps.
     */
    public synchronized List<JournalEntry> page(long fromSequence, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        int from = offsetOf(fromSequence);
        return copy(from, (int) Math.min(size, (long) from + limit));
    }

    private int offsetOf(long sequence) {
        long offset = sequence - (next - size);
        return (int) Math.max(0, Math.min(offset, size));
    }

    private List<JournalEntry> copy(int from, int to) {
        List<JournalEntry> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(at(i));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** Entries of one type recorded at or after {@code mark}. */
    public List<JournalEntry> since(long mark, JournalEventType type) {
        return since(mark).stream().filter(e -> e.type() == type).toList();
    }

    /** Kept entries matching a predicate. */
    public List<JournalEntry> find(Predicate<JournalEntry> predicate) {
        return entries().stream().filter(predicate).toList();
    }

    /** Entries about one subject (an ARN, or any string the subject contains). */
    public List<JournalEntry> about(String subject) {
        return find(e -> e.subject().contains(subject));
    }

    /** Entries of one type. */
    public List<JournalEntry> ofType(JournalEventType type) {
        return find(e -> e.type() == type);
    }

    /**
     * The journal as JSON lines, one object per kept entry, fields in a fixed order. With the default
     * retention this is the whole journal (what golden files record); after trimming it is the newest
     * part only, its first line's {@code seq} being {@link #firstSequence()}, so it cannot be compared
     * with a golden journal. For a long journal prefer {@link #writeJsonLines(Writer, long)}, which never
     * holds the whole text in memory.
     */
    public String toJsonLines() {
        StringWriter out = new StringWriter();
        writeJsonLines(out, 0);
        return out.toString();
    }

    /** Writes the kept entries from {@code fromSequence} on as JSON lines (see {@link #toJsonLines()}). */
    public void writeJsonLines(Writer out, long fromSequence) {
        writeJsonLines(out, fromSequence, Long.MAX_VALUE);
    }

    /**
     * Writes at most {@code limit} kept entries from {@code fromSequence} on as JSON lines, and returns how
     * many it wrote. It stops at the entries recorded before the call, and copies entries out in small
     * pages, so the journal's lock is never held while {@code out} blocks (a slow reader never stalls
     * the world) and the text is never built whole. Entries trimmed while it writes are skipped: the
     * {@code seq} numbers show the gap.
     */
    public long writeJsonLines(Writer out, long fromSequence, long limit) {
        return writeJsonLines(out, fromSequence, mark(), limit);
    }

    /**
     * As {@link #writeJsonLines(Writer, long, long)}, but only entries with a sequence number below
     * {@code beforeSequence} (a {@link #mark()} taken earlier), so what is written matches that mark.
     */
    public long writeJsonLines(Writer out, long fromSequence, long beforeSequence, long limit) {
        long end = beforeSequence;
        long position = fromSequence;
        long written = 0;
        try {
            while (written < limit && position < end) {
                int want = (int) Math.min(WRITE_CHUNK, Math.min(limit - written, end - position));
                List<JournalEntry> page = page(position, want);
                if (page.isEmpty()) {
                    break;
                }
                for (JournalEntry entry : page) {
                    if (entry.sequence() >= end) {
                        break;
                    }
                    out.write(toJsonLine(entry));
                    out.write('\n');
                    written++;
                    position = entry.sequence() + 1;
                }
                if (page.get(page.size() - 1).sequence() >= end) {
                    break;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
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
        java.util.Arrays.fill(ring, null);
        head = 0;
        size = 0;
        next = 0;
    }
}
