package dev.fakeecs.events;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The world's ECS events in emission order: a queryable list and listeners that hear each event as it is
 * emitted. Like the journal, it keeps everything unless the world's journal retention bounds it (the runnable
 * server keeps the last 100,000); every event keeps its sequence number, so {@link #since(long)} works across
 * trimming.
 *
 * <pre>{@code
 * long mark = ecs.events().mark();
 * faults.spotInterruption("prod").now();
 * ecs.clock().advance(Duration.ofMinutes(3));
 * List<EcsEvent> changes = ecs.events().since(mark, EcsEvent.TASK_STATE_CHANGE);
 * ecs.events().addListener(e -> sqsQueue.add(e.toJson()));
 * }</pre>
 *
 * <p>Listeners run on the engine's thread, under its lock, while the change that caused the event is being
 * made: they must only read the event (hand it to a handler, put it on a queue), never call the fake. An
 * exception a listener throws is kept ({@link #listenerFailures()}) and does not disturb the simulation.
 */
public final class EcsEvents {

    private final long maxKept;
    /** Long.MAX_VALUE: no character budget, so events may keep their JSON unrendered until read. */
    private final long maxChars;
    private long keptChars;
    private final ArrayDeque<EcsEvent> kept = new ArrayDeque<>();
    private final List<Consumer<EcsEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    private long next;

    /** A stream that keeps at most {@code maxKept} events (Long.MAX_VALUE: all). */
    public EcsEvents(long maxKept) {
        this(maxKept, Long.MAX_VALUE);
    }

    /**
     * A stream that keeps at most {@code maxKept} events and, beyond the newest one, at most {@code maxChars}
     * characters of their JSON (Long.MAX_VALUE: no bound), whichever bound is reached first. An event whose JSON is
     * not written yet counts as its estimate (the length of the last event of its kind the engine wrote), so
     * keeping an event never forces writing it.
     */
    public EcsEvents(long maxKept, long maxChars) {
        if (maxKept < 1 || maxChars < 1) {
            throw new IllegalArgumentException("maxKept and maxChars must be at least 1: " + maxKept + ", " + maxChars);
        }
        this.maxKept = maxKept;
        this.maxChars = maxChars;
    }

    /**
     * Appends the event the engine built for the next sequence number ({@link #mark()}) and tells the
     * listeners. For the engine only.
     */
    public void publish(EcsEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (this) {
            if (event.sequence() != next) {
                throw new IllegalArgumentException("event " + event.sequence() + " published out of order; next is "
                        + next);
            }
            kept.addLast(event);
            if (maxChars != Long.MAX_VALUE) {
                event.accountedChars = event.charsForBudget();
                keptChars += event.accountedChars;
            }
            next++;
            while (kept.size() > maxKept || (kept.size() > 1 && keptChars > maxChars)) {
                EcsEvent dropped = kept.removeFirst();
                keptChars -= dropped.accountedChars;
            }
        }
        for (Consumer<EcsEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
    }

    /** Hears every event emitted from now on, in order, on the engine's thread. */
    public void addListener(Consumer<EcsEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<EcsEvent> listener) {
        listeners.remove(listener);
    }

    /** What listeners threw (the events were delivered to the other listeners all the same). */
    public List<RuntimeException> listenerFailures() {
        return List.copyOf(failures);
    }

    /** Every event kept, oldest first (a snapshot). */
    public synchronized List<EcsEvent> all() {
        return Collections.unmodifiableList(new ArrayList<>(kept));
    }

    /** The sequence number the next event will get (the number emitted so far). */
    public synchronized long mark() {
        return next;
    }

    /** The sequence number of the oldest event kept (0 unless the retention trimmed some). */
    public synchronized long firstSequence() {
        return next - kept.size();
    }

    /** The number of events kept. */
    public synchronized int size() {
        return kept.size();
    }

    /** Events kept with a sequence number at or after {@code mark}. */
    public synchronized List<EcsEvent> since(long mark) {
        List<EcsEvent> out = new ArrayList<>();
        for (EcsEvent e : kept) {
            if (e.sequence() >= mark) {
                out.add(e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Events of one detail-type at or after {@code mark}. */
    public List<EcsEvent> since(long mark, String detailType) {
        return since(mark).stream().filter(e -> e.detailType().equals(detailType)).toList();
    }

    /** Events of one detail-type ({@link EcsEvent#TASK_STATE_CHANGE}, ...). */
    public List<EcsEvent> ofType(String detailType) {
        return find(e -> e.detailType().equals(detailType));
    }

    /** Events matching a predicate. */
    public List<EcsEvent> find(Predicate<EcsEvent> predicate) {
        return all().stream().filter(predicate).toList();
    }

    /** Events whose resources include {@code arn} (or an ARN containing it). */
    public List<EcsEvent> about(String arn) {
        return find(e -> e.resources().stream().anyMatch(r -> r.contains(arn)));
    }

    /** Every event kept as JSON lines (one envelope per line), as {@code GET /_fake-ecs/events} answers. */
    public String toJsonLines() {
        StringWriter out = new StringWriter();
        writeJsonLines(out, 0, mark());
        return out.toString();
    }

    /**
     * Writes the kept events with {@code fromSequence <= sequence < beforeSequence} as JSON lines and returns how
     * many it wrote. Events are copied out first, so no lock is held while {@code out} blocks.
     */
    public long writeJsonLines(Writer out, long fromSequence, long beforeSequence) {
        long written = 0;
        try {
            for (EcsEvent e : since(fromSequence)) {
                if (e.sequence() >= beforeSequence) {
                    break;
                }
                out.write(e.toJson());
                out.write('\n');
                written++;
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }
}
