package dev.fakeecs.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a JSON value: its JSON type and, recursively, the field names of objects and the merged shape of an
 * array's elements (the union of every element's fields). Two events have the same shape when they have the same
 * field names with the same value types all the way down, whatever the values.
 *
 * <pre>{@code
 * Shape aws = EventShapes.exampleShape("task-state-change.json");
 * List<String> missing = aws.missingFrom(EventShapes.of(json));   // [".detail.containers[].exitCode missing"]
 * }</pre>
 */
final class EventShapes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventShapes() {
    }

    /** One node of a shape: a JSON type, an object's fields, an array's merged element shape. */
    record Shape(String type, Map<String, Shape> fields, Shape element) {

        /**
         * Where {@code actual} lacks a field of this shape or has it with another type, as readable paths
         * ({@code .detail.containers[].exitCode missing}).
         */
        List<String> missingFrom(Shape actual) {
            List<String> out = new ArrayList<>();
            compare(this, actual, "", out);
            return out;
        }

        /** The fields of {@code actual} this shape does not have (recursively), except under the paths allowed. */
        List<String> extraIn(Shape actual, Set<String> allowed) {
            List<String> out = new ArrayList<>();
            compare(actual, this, "", out);
            out.removeIf(d -> allowed.stream().anyMatch(a -> d.startsWith(a + " ") || d.startsWith(a + ".")
                    || d.startsWith(a + "[")));
            return out;
        }

        private static void compare(Shape expected, Shape actual, String path, List<String> out) {
            if (actual == null) {
                out.add(path + " missing");
                return;
            }
            if (!expected.type.equals(actual.type)) {
                out.add(path + " is " + actual.type + ", expected " + expected.type);
                return;
            }
            for (Map.Entry<String, Shape> f : expected.fields.entrySet()) {
                compare(f.getValue(), actual.fields.get(f.getKey()), path + "." + f.getKey(), out);
            }
            if (expected.element != null && actual.element != null) {
                compare(expected.element, actual.element, path + "[]", out);
            }
        }

        private Shape merge(Shape other) {
            if (!type.equals(other.type)) {
                return this;
            }
            Map<String, Shape> merged = new LinkedHashMap<>(fields);
            other.fields.forEach((k, v) -> merged.merge(k, v, Shape::merge));
            Shape e = element == null ? other.element : other.element == null ? element : element.merge(other.element);
            return new Shape(type, merged, e);
        }
    }

    /** The shape of a JSON tree. */
    static Shape of(JsonNode node) {
        Map<String, Shape> fields = new LinkedHashMap<>();
        Shape element = null;
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                fields.put(name, of(node.get(name)));
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                Shape s = of(item);
                element = element == null ? s : element.merge(s);
            }
        }
        return new Shape(node.isNumber() ? "NUMBER" : node.getNodeType().name(), fields, element);
    }

    static JsonNode json(EcsEvent event) {
        try {
            return JSON.readTree(event.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example event of AWS's documentation (test resources {@code events/aws-examples}, see its README). */
    static JsonNode example(String name) {
        try (InputStream in = EventShapes.class.getResourceAsStream("/events/aws-examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Shape exampleShape(String name) {
        return of(example(name));
    }
}
