package dev.fakeecs.internal.events;

import com.fasterxml.jackson.core.JsonGenerator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an SDK model object as an ECS event's {@code detail} carries it: members under their wire names in the
 * model's order, unset members left out, timestamps as ISO-8601 strings with milliseconds, and attachment type
 * {@code eni} where DescribeTasks says {@code ElasticNetworkInterface}.
 *
 * <pre>{@code
 * SdkShapes.writeFields(tasks.describe(task), generator, Set.of("tags", "version"));
 * }</pre>
 */
final class SdkShapes {

    private SdkShapes() {
    }

    /** Writes the members of {@code pojo} except the top-level ones named in {@code skip}. */
    static void writeFields(SdkPojo pojo, JsonGenerator g, Set<String> skip) throws IOException {
        for (SdkField<?> field : pojo.sdkFields()) {
            String name = field.locationName();
            if (skip.contains(name)) {
                continue;
            }
            Object value = field.getValueOrDefault(pojo);
            if (isSet(value)) {
                g.writeFieldName(name);
                writeValue("type".equals(name) && "ElasticNetworkInterface".equals(value) ? "eni" : value, g);
            }
        }
    }

    private static boolean isSet(Object value) {
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap)
                && !(value instanceof Document d && d.isNull());
    }

    private static void writeValue(Object value, JsonGenerator g) throws IOException {
        if (value instanceof SdkPojo pojo) {
            g.writeStartObject();
            writeFields(pojo, g, Set.of());
            g.writeEndObject();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Instant instant) {
            g.writeString(IsoTimes.withMillis(instant));
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                if (item == null) {
                    g.writeNull();
                } else {
                    writeValue(item, g);
                }
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                if (e.getValue() == null) {
                    g.writeNull();
                } else {
                    writeValue(e.getValue(), g);
                }
            }
            g.writeEndObject();
        } else if (value instanceof SdkBytes bytes) {
            g.writeString(Base64.getEncoder().encodeToString(bytes.asByteArray()));
        } else if (value instanceof Document document) {
            g.writeObject(document.unwrap());
        } else {
            g.writeObject(value);
        }
    }
}
