package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * What the codec knows about one SDK model class, computed once from its {@code sdkFields()}:
 * the payload members by JSON name, their value types, its required members, and how to get a builder.
 */
final class ShapeModel {

    private static final ClassValue<ShapeModel> CACHE = new ClassValue<>() {
        @Override
        protected ShapeModel computeValue(Class<?> type) {
            return new ShapeModel(type);
        }
    };

    private final String name;
    private final MethodHandle builderFactory;
    private final Member[] members;
    private final Map<String, Member> byJsonName;
    private final String[] required;
    /** False if two members share a JSON name (the tree keeps the last value): such a shape is written as a tree. */
    private final boolean distinctNames;

    private ShapeModel(Class<?> shapeClass) {
        this.name = shapeClass.getSimpleName();
        this.builderFactory = builderFactory(shapeClass);
        SdkPojo prototype = newBuilder();
        List<Member> list = new ArrayList<>();
        Map<String, Member> map = new HashMap<>();
        boolean distinct = true;
        for (SdkField<?> field : prototype.sdkFields()) {
            if (field.location() != null && field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            Member member = new Member(field.locationName(), field, typeOf(field));
            list.add(member);
            distinct &= map.put(member.jsonName, member) == null;
        }
        this.members = list.toArray(new Member[0]);
        this.byJsonName = map;
        this.distinctNames = distinct;
        this.required = RequiredMembers.of(shapeClass).stream().filter(map::containsKey).distinct().toArray(String[]::new);
        for (String name : required) {
            map.get(name).required = true;
        }
    }

    /** The model of an SDK model class (a request, response, nested shape or modeled exception). */
    static ShapeModel of(Class<?> shapeClass) {
        return CACHE.get(shapeClass);
    }

    String name() {
        return name;
    }

    /** Decodes a JSON object into a new instance of the shape. */
    Object decode(JsonNode node) {
        SdkPojo builder = newBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            Member member = byJsonName.get(entry.getKey());
            if (member == null) {
                continue; // unknown members are ignored, as AWS does
            }
            Object decoded;
            try {
                decoded = member.type.decode(value);
            } catch (DecodeFailure failure) {
                throw failure.atMember(member.jsonName);
            }
            member.field.set(builder, decoded);
        }
        for (String requiredMember : required) {
            JsonNode value = node.get(requiredMember);
            if (value == null || value.isNull()) {
                throw DecodeFailure.missingRequired(requiredMember);
            }
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    /** Encodes an instance of the shape, omitting nulls and untouched (auto-construct) lists and maps. */
    ObjectNode encode(Object pojo, JsonNodeFactory nodes) {
        ObjectNode object = nodes.objectNode();
        for (Member member : members) {
            Object value = member.field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            object.set(member.jsonName, member.type.encode(value, nodes));
        }
        return object;
    }

    /**
     * Reads the JSON object at the parser's current token (START_OBJECT) into a new instance, as {@link #decode}
     * decodes its tree: members in document order, nulls and unknown members skipped (unknown ones still parsed
     * in full). Throws {@link NotStreamable} for anything left to the tree: the parser must reject duplicate keys.
     */
    Object read(JsonParser json) throws IOException {
        if (!distinctNames) {
            throw NotStreamable.INSTANCE;
        }
        SdkPojo builder = newBuilder();
        int seenRequired = 0;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken token = json.nextToken();
            Member member = byJsonName.get(name);
            if (member == null) {
                json.skipChildren(); // unknown members are ignored, as AWS does
                continue;
            }
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            member.field.set(builder, member.type.read(json));
            if (member.required) {
                seenRequired++;
            }
        }
        if (json.currentToken() != JsonToken.END_OBJECT || seenRequired != required.length) {
            throw NotStreamable.INSTANCE; // a required member is missing: the tree decoder names it
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    /**
     * Writes an instance of the shape as JSON without building a tree: the same bytes as serialising
     * {@link #encode}'s tree (members in the same order, the same omissions, the same number forms).
     */
    void write(Object pojo, JsonGenerator json) throws IOException {
        if (!distinctNames) {
            json.writeTree(encode(pojo, SdkJsonCodec.instance().nodeFactory()));
            return;
        }
        json.writeStartObject();
        for (Member member : members) {
            Object value = member.field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            json.writeFieldName(member.jsonName);
            member.type.write(value, json);
        }
        json.writeEndObject();
    }

    private SdkPojo newBuilder() {
        try {
            return (SdkPojo) (Object) builderFactory.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot create a builder of " + name, t);
        }
    }

    private static MethodHandle builderFactory(Class<?> shapeClass) {
        try {
            Method builder = shapeClass.getMethod("builder");
            if (!Modifier.isStatic(builder.getModifiers()) || !SdkPojo.class.isAssignableFrom(builder.getReturnType())) {
                throw new IllegalArgumentException(shapeClass.getName() + " is not an SDK model class (no static builder())");
            }
            return MethodHandles.publicLookup().unreflect(builder).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(shapeClass.getName() + " is not an SDK model class (no static builder())", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ValueType typeOf(SdkField<?> field) {
        switch (field.marshallingType().getKnownType()) {
            case STRING:
                return ScalarType.STRING;
            case INTEGER:
                return ScalarType.INTEGER;
            case LONG:
                return ScalarType.LONG;
            case SHORT:
                return ScalarType.SHORT;
            case BYTE:
                return ScalarType.BYTE;
            case FLOAT:
                return ScalarType.FLOAT;
            case DOUBLE:
                return ScalarType.DOUBLE;
            case BIG_DECIMAL:
                return ScalarType.BIG_DECIMAL;
            case BOOLEAN:
                return ScalarType.BOOLEAN;
            case INSTANT:
                return ScalarType.INSTANT;
            case SDK_BYTES:
                return ScalarType.BYTES;
            case DOCUMENT:
                return DocumentType.INSTANCE;
            case SDK_POJO:
                return new StructType(field.constructor());
            case LIST:
                return new ListType(typeOf(field.getRequiredTrait(ListTrait.class).memberFieldInfo()));
            case MAP:
                return new MapType(typeOf(field.getRequiredTrait(MapTrait.class).valueFieldInfo()));
            default:
                throw new IllegalArgumentException("unsupported marshalling type " + field.marshallingType()
                        + " of member " + field.memberName());
        }
    }

    /** One payload member: its JSON name, its SDK field (getter and builder setter) and its value type. */
    private static final class Member {
        final String jsonName;
        final SdkField<?> field;
        final ValueType type;
        /** Whether the shape requires this member (set once, while the model is built). */
        boolean required;

        Member(String jsonName, SdkField<?> field, ValueType type) {
            this.jsonName = jsonName;
            this.field = field;
            this.type = type;
        }
    }
}
