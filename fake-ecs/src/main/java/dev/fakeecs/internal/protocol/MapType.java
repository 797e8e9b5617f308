package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object used as a map from string keys to one value type. */
final class MapType implements ValueType {

    private final ValueType value;

    MapType(ValueType value) {
        this.value = value;
    }

    @Override
    public Object decode(JsonNode node) {
        if (!node.isObject()) {
            throw ValueType.mismatch(node, this);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getValue().isNull()) {
                continue;
            }
            try {
                map.put(entry.getKey(), value.decode(entry.getValue()));
            } catch (DecodeFailure failure) {
                throw failure.atKey(entry.getKey());
            }
        }
        return map;
    }

    @Override
    public JsonNode encode(Object model, JsonNodeFactory nodes) {
        ObjectNode object = nodes.objectNode();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) model).entrySet()) {
            Object item = entry.getValue();
            object.set(String.valueOf(entry.getKey()), item == null ? nodes.nullNode() : value.encode(item, nodes));
        }
        return object;
    }

    /** Reads a JSON object as {@link #decode} decodes its tree (the parser rejects duplicate keys). */
    @Override
    public Object read(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw NotStreamable.INSTANCE;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key = json.nextFieldName(); key != null; key = json.nextFieldName()) {
            if (json.nextToken() != JsonToken.VALUE_NULL) {
                map.put(key, value.read(json));
            }
        }
        return map;
    }

    @Override
    public void write(Object model, JsonGenerator json) throws IOException {
        Map<?, ?> map = (Map<?, ?>) model;
        if (!distinctKeys(map)) {
            json.writeTree(encode(model, SdkJsonCodec.instance().nodeFactory())); // the tree keeps the last value
            return;
        }
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            json.writeFieldName(String.valueOf(entry.getKey()));
            Object item = entry.getValue();
            if (item == null) {
                json.writeNull();
            } else {
                value.write(item, json);
            }
        }
        json.writeEndObject();
    }

    /** Whether the keys stay distinct as strings (always, for the String keys of SDK maps). */
    private static boolean distinctKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return map.keySet().stream().map(String::valueOf).distinct().count() == map.size();
            }
        }
        return true;
    }

    @Override
    public String description() {
        return "a map";
    }
}
