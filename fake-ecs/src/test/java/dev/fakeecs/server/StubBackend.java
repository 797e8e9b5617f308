package dev.fakeecs.server;

import dev.fakeecs.internal.server.ControlApiBackend;
import java.time.Duration;
import java.time.Instant;

/** An in-memory control backend: a clock that only moves when told, a journal of its own moves. */
class StubBackend implements ControlApiBackend {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    Instant now = START;
    final StringBuilder journal = new StringBuilder();
    int resets;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Instant advance(Duration duration) {
        now = now.plus(duration);
        journal.append("{\"type\":\"CLOCK_ADVANCED\",\"at\":\"").append(now).append("\"}\n");
        return now;
    }

    @Override
    public synchronized String journalJsonLines() {
        return journal.toString();
    }

    @Override
    public synchronized void reset() {
        resets++;
        now = START;
        journal.setLength(0);
    }
}
