package dev.fakeecs.internal.events;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SDK model object as the JSON tree an ECS event's {@code detail} carries: members under their wire names in
 * the model's order, unset members left out, timestamps as ISO-8601 strings with milliseconds.
 *
 * <pre>{@code
 * Map<String, Object> detail = SdkShapes.toMap(tasks.describe(task));   // {"attachments": [...], ...}
 * }</pre>
 */
final class SdkShapes {

    private SdkShapes() {
    }

    static Map<String, Object> toMap(SdkPojo pojo) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = convert(field.getValueOrDefault(pojo));
            if (value != null) {
                out.put(field.locationName(), value);
            }
        }
        return out;
    }

    private static Object convert(Object value) {
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            return toMap(pojo);
        }
        if (value instanceof Instant instant) {
            return IsoTimes.withMillis(instant);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(convert(item));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), convert(v)));
            return out;
        }
        if (value instanceof SdkBytes bytes) {
            return Base64.getEncoder().encodeToString(bytes.asByteArray());
        }
        if (value instanceof Document document) {
            return document.isNull() ? null : document.unwrap();
        }
        return value;
    }
}
