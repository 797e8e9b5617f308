package dev.fakeecs.internal.protocol.query;

import dev.fakeecs.internal.protocol.MemberPaths;
import dev.fakeecs.internal.protocol.RequiredMembers;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Decodes AWS Query parameters onto an SDK request class, generically from its {@code SdkField}s: members by
 * location name ({@code Name}), lists as {@code Targets.member.1.Id} (one-based positions, read in ascending
 * order, gaps closed, a bare {@code Targets=} an empty list; flattened lists as {@code Targets.1.Id}), maps as
 * {@code Attributes.entry.1.key} / {@code .value}, nested structures as {@code Matcher.HttpCode}, booleans
 * {@code true}/{@code false}, numbers, ISO-8601 timestamps (or epoch seconds), base64 blobs. Parameters the
 * model does not know are ignored. What cannot be read, and missing required members, become
 * validation violations ({@code Value null at 'name' failed to satisfy constraint: Member must not be null}),
 * collected rather than thrown so one answer names them all.
 *
 * <pre>{@code
 * List<String> violations = new ArrayList<>();
 * SdkPojo request = QueryRequestDecoder.decode(CreateTargetGroupRequest.class, parameters, violations);
 * }</pre>
 */
final class QueryRequestDecoder {

    /** Parameter names with more dot-separated segments than this are ignored (no model nests deeper). */
    static final int MAX_DEPTH = 40;
    private static final MemberPaths PATHS = MemberPaths.QUERY;

    private QueryRequestDecoder() {
    }

    /** The request the parameters describe; problems are appended to {@code violations}. */
    static SdkPojo decode(Class<?> requestClass, Map<String, String> parameters, List<String> violations) {
        Node root = new Node();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            root.put(parameter.getKey(), parameter.getValue());
        }
        return struct(builderOf(requestClass), requestClass, root, "", violations);
    }

    private static Supplier<SdkPojo> builderOf(Class<?> shapeClass) {
        return () -> {
            try {
                Method builder = shapeClass.getMethod("builder");
                return (SdkPojo) builder.invoke(null);
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalArgumentException(shapeClass.getName() + " is not an SDK model class", e);
            }
        };
    }

    private static SdkPojo struct(Supplier<SdkPojo> builders, Class<?> shapeClass, Node node, String path,
            List<String> violations) {
        SdkPojo builder = builders.get();
        if (shapeClass == null) {
            Class<?> builderClass = builder.getClass();
            shapeClass = builderClass.getEnclosingClass() != null ? builderClass.getEnclosingClass() : builderClass;
        }
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.location() != null && field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            Node child = node.child(field.locationName());
            if (child == null) {
                continue;
            }
            Object value = value(field, child, PATHS.member(path, field.locationName()), violations);
            if (value != null) {
                field.set(builder, value);
            }
        }
        for (String required : RequiredMembers.of(shapeClass)) {
            if (node.child(required) == null) {
                violations.add("Value null at '" + PATHS.member(path, required)
                        + "' failed to satisfy constraint: Member must not be null");
            }
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object value(SdkField<?> field, Node node, String path, List<String> violations) {
        switch (field.marshallingType().getKnownType()) {
            case SDK_POJO:
                return struct(field.constructor(), null, node, path, violations);
            case LIST:
                return list(field.getRequiredTrait(ListTrait.class), node, path, violations);
            case MAP:
                return map(field.getRequiredTrait(MapTrait.class), node, path, violations);
            default:
                return node.value == null ? null : scalar(field, node.value, path, violations);
        }
    }

    private static List<Object> list(ListTrait trait, Node node, String path, List<String> violations) {
        String memberName = trait.memberLocationName() == null ? "member" : trait.memberLocationName();
        Node items = trait.isFlattened() ? node : node.child(memberName);
        List<Object> list = new ArrayList<>();
        if (items == null) {
            return list;
        }
        for (Node item : items.positions().values()) {
            Object value = value(trait.memberFieldInfo(), item, PATHS.index(path, list.size()), violations);
            if (value != null) {
                list.add(value);
            }
        }
        return list;
    }

    private static Map<String, Object> map(MapTrait trait, Node node, String path, List<String> violations) {
        String keyName = trait.keyLocationName() == null ? "key" : trait.keyLocationName();
        String valueName = trait.valueLocationName() == null ? "value" : trait.valueLocationName();
        Node entries = trait.isFlattened() ? node : node.child("entry");
        Map<String, Object> map = new LinkedHashMap<>();
        if (entries == null) {
            return map;
        }
        for (Node entry : entries.positions().values()) {
            Node key = entry.child(keyName);
            Node value = entry.child(valueName);
            if (key == null || key.value == null) {
                continue;
            }
            Object decoded = value == null ? null
                    : value(trait.valueFieldInfo(), value, PATHS.key(path, key.value), violations);
            if (decoded != null) {
                map.put(key.value, decoded);
            }
        }
        return map;
    }

    private static Object scalar(SdkField<?> field, String text, String path, List<String> violations) {
        try {
            switch (field.marshallingType().getKnownType()) {
                case STRING:
                    return text;
                case INTEGER:
                    return Integer.valueOf(text.trim());
                case LONG:
                    return Long.valueOf(text.trim());
                case SHORT:
                    return Short.valueOf(text.trim());
                case BYTE:
                    return Byte.valueOf(text.trim());
                case FLOAT:
                    return Float.valueOf(finite(text));
                case DOUBLE:
                    return Double.valueOf(finite(text));
                case BIG_DECIMAL:
                    return new BigDecimal(text.trim());
                case BOOLEAN:
                    return bool(text);
                case INSTANT:
                    return instant(text.trim());
                case SDK_BYTES:
                    return SdkBytes.fromByteArray(Base64.getDecoder().decode(text.trim()));
                default:
                    return null; // documents and other types no Query model uses
            }
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            violations.add("Value '" + quote(text) + "' at '" + path + "' failed to satisfy constraint: Member must be "
                    + expected(field));
            return null;
        }
    }

    private static String finite(String text) {
        String t = text.trim();
        double d = Double.parseDouble(t);
        if (Double.isNaN(d) && !t.equals("NaN") || Double.isInfinite(d) && !t.matches("[+-]?Infinity")) {
            throw new NumberFormatException(t);
        }
        return t;
    }

    private static Boolean bool(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return Boolean.TRUE;
        }
        if (t.equals("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(text);
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            BigDecimal seconds = new BigDecimal(text);
            BigDecimal millis = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP);
            return Instant.ofEpochMilli(millis.longValueExact());
        }
    }

    private static String expected(SdkField<?> field) {
        switch (field.marshallingType().getKnownType()) {
            case BOOLEAN:
                return "a boolean (true or false)";
            case INSTANT:
                return "an ISO-8601 timestamp";
            case SDK_BYTES:
                return "base64-encoded";
            case INTEGER:
            case LONG:
            case SHORT:
            case BYTE:
                return "a whole number in range";
            default:
                return "a number";
        }
    }

    private static String quote(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }

    /** The parameters as a tree of dot-separated name segments; a node may carry a value and children. */
    private static final class Node {
        String value;
        Map<String, Node> children;

        void put(String name, String parameterValue) {
            Node node = this;
            int start = 0;
            int depth = 0;
            while (true) {
                if (++depth > MAX_DEPTH) {
                    return;
                }
                int dot = name.indexOf('.', start);
                String segment = dot < 0 ? name.substring(start) : name.substring(start, dot);
                if (node.children == null) {
                    node.children = new LinkedHashMap<>();
                }
                node = node.children.computeIfAbsent(segment, s -> new Node());
                if (dot < 0) {
                    node.value = parameterValue;
                    return;
                }
                start = dot + 1;
            }
        }

        Node child(String name) {
            return children == null || name == null ? null : children.get(name);
        }

        /** The children named by a position (1, 2, ...; no sign, no leading zero), in ascending order. */
        Map<Integer, Node> positions() {
            Map<Integer, Node> sorted = new TreeMap<>();
            if (children == null) {
                return sorted;
            }
            for (Map.Entry<String, Node> child : children.entrySet()) {
                int position = position(child.getKey());
                if (position > 0) {
                    sorted.put(position, child.getValue());
                }
            }
            return sorted;
        }

        private static int position(String segment) {
            int n = segment.length();
            if (n == 0 || n > 9 || segment.charAt(0) == '0') {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < n; i++) {
                char c = segment.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
