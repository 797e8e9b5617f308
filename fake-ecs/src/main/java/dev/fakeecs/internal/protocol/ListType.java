package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/** A JSON array of one element type. JSON nulls inside a list are dropped, as the SDK does. */
final class ListType implements ValueType {

    private final ValueType element;

    ListType(ValueType element) {
        this.element = element;
    }

    @Override
    public Object decode(JsonNode node) {
        if (!node.isArray()) {
            throw ValueType.mismatch(node, this);
        }
        List<Object> list = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isNull()) {
                continue;
            }
            try {
                list.add(element.decode(item));
            } catch (DecodeFailure failure) {
                throw failure.atIndex(i);
            }
        }
        return list;
    }

    @Override
    public JsonNode encode(Object value, JsonNodeFactory nodes) {
        List<?> list = (List<?>) value;
        ArrayNode array = nodes.arrayNode(list.size());
        for (Object item : list) {
            array.add(item == null ? nodes.nullNode() : element.encode(item, nodes));
        }
        return array;
    }

    /** Reads a JSON array as {@link #decode} decodes its tree: nulls dropped, each element read by its type. */
    @Override
    public Object read(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            throw NotStreamable.INSTANCE;
        }
        List<Object> list = new ArrayList<>();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            if (token != JsonToken.VALUE_NULL) {
                list.add(element.read(json));
            }
        }
        return list;
    }

    @Override
    public void write(Object value, JsonGenerator json) throws IOException {
        List<?> list = (List<?>) value;
        json.writeStartArray();
        if (list instanceof RandomAccess) { // the SDK's lists: no iterator per list
            for (int i = 0, size = list.size(); i < size; i++) {
                writeItem(list.get(i), json);
            }
        } else {
            for (Object item : list) {
                writeItem(item, json);
            }
        }
        json.writeEndArray();
    }

    private void writeItem(Object item, JsonGenerator json) throws IOException {
        if (item == null) {
            json.writeNull();
        } else {
            element.write(item, json);
        }
    }

    @Override
    public String description() {
        return "a list";
    }
}
