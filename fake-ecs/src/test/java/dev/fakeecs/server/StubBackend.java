package dev.fakeecs.server;

import dev.fakeecs.internal.server.ControlApiBackend;
import dev.fakeecs.journal.Journal;
import dev.fakeecs.journal.JournalEventType;
import java.time.Duration;
import java.time.Instant;

/** An in-memory control backend: a clock that only moves when told, a journal of its own moves. */
class StubBackend implements ControlApiBackend {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    Instant now = START;
    Journal journal = new Journal(() -> now);
    int resets;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Instant advance(Duration duration) {
        now = now.plus(duration);
        journal.record("", JournalEventType.API, "CLOCK_ADVANCED", "at", now.toString());
        return now;
    }

    @Override
    public synchronized Journal journal() {
        return journal;
    }

    @Override
    public synchronized void reset() {
        resets++;
        now = START;
        journal = new Journal(() -> now);
    }
}
