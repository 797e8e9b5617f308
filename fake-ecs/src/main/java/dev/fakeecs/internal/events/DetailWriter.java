package dev.fakeecs.internal.events;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Map;

/**
 * Writes the fields of an event's {@code detail} object straight into the envelope being generated (no tree in
 * between: task and container instance details are large and frequent).
 *
 * <pre>{@code
 * DetailWriter detail = g -> { g.writeStringField("eventType", "INFO"); };
 * DetailWriter same = DetailWriter.of(Map.of("eventType", "INFO"));
 * }</pre>
 */
@FunctionalInterface
interface DetailWriter {

    /** Writes the detail's fields; the generator is inside the detail object. */
    void writeFields(JsonGenerator g) throws IOException;

    /** A detail given as a map of strings, numbers, booleans, lists and maps. */
    static DetailWriter of(Map<String, Object> detail) {
        return g -> {
            for (Map.Entry<String, Object> e : detail.entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeObject(e.getValue());
            }
        };
    }
}
