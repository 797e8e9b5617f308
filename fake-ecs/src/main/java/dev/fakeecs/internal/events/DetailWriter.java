package dev.fakeecs.internal.events;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes the fields of an event's {@code detail} object straight into the envelope being generated (no tree in
 * between: task and container instance details are large and frequent).
 *
 * <pre>{@code
 * DetailWriter detail = g -> { g.writeStringField("eventType", "INFO"); };
 * DetailWriter same = DetailWriter.of(Map.of("eventType", "INFO"));
 * DetailWriter big = DetailWriter.sized(3000, detail);   // a bounded stream counts it as 3,000 characters
 * }</pre>
 */
@FunctionalInterface
interface DetailWriter {

    /** Writes the detail's fields; the generator is inside the detail object. */
    void writeFields(JsonGenerator g) throws IOException;

    /**
     * About how many characters the whole envelope will have: what a stream bounded by characters counts the event
     * as until its JSON is written (deterministic, so trimming does not depend on what was read).
     */
    default int estimatedChars() {
        return 600;
    }

    /** {@code detail} with another estimate of its envelope's size. */
    static DetailWriter sized(int estimatedChars, DetailWriter detail) {
        return new DetailWriter() {
            @Override
            public void writeFields(JsonGenerator g) throws IOException {
                detail.writeFields(g);
            }

            @Override
            public int estimatedChars() {
                return estimatedChars;
            }
        };
    }

    /** A detail given as a map of strings, numbers, booleans and lists of strings (service, deployment, hook). */
    static DetailWriter of(Map<String, Object> detail) {
        return g -> {
            for (Map.Entry<String, Object> e : detail.entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
        };
    }

    /** Writes a scalar or list straight to the generator (no object mapper, no serializer lookup). */
    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (value == null) {
            g.writeNull();
        } else {
            g.writeObject(value);
        }
    }
}
