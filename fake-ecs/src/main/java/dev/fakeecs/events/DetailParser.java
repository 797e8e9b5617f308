package dev.fakeecs.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an event envelope's {@code detail} back into an immutable tree of maps, lists and scalars.
 *
 * <pre>{@code
 * Map<String, Object> detail = DetailParser.detailOf(event.toJson());
 * }</pre>
 */
final class DetailParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DetailParser() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> detailOf(String envelope) {
        try {
            Map<String, Object> whole = JSON.readValue(envelope, LinkedHashMap.class);
            Object detail = whole.get("detail");
            return detail instanceof Map<?, ?> m ? (Map<String, Object>) freeze(m) : Map.of();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), freeze(v)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(freeze(v)));
            return Collections.unmodifiableList(out);
        }
        return value;
    }
}
