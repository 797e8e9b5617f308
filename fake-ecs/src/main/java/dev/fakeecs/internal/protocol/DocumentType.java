package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/** A free-form JSON document member, mapped to the SDK's {@link Document}. */
enum DocumentType implements ValueType {

    INSTANCE;

    @Override
    public Object decode(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                return Document.fromString(node.textValue());
            case NUMBER:
                if (ValueType.isNonFinite(node)) {
                    throw ValueType.outOfRange(this);
                }
                return Document.fromNumber(SdkNumber.fromBigDecimal(node.decimalValue()));
            case BOOLEAN:
                return Document.fromBoolean(node.booleanValue());
            case ARRAY:
                List<Document> list = new ArrayList<>();
                for (JsonNode item : node) {
                    list.add((Document) decode(item));
                }
                return Document.fromList(list);
            case OBJECT:
                Map<String, Document> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    map.put(field.getKey(), (Document) decode(field.getValue()));
                }
                return Document.fromMap(map);
            default:
                return Document.fromNull();
        }
    }

    @Override
    public JsonNode encode(Object value, JsonNodeFactory nodes) {
        Document document = (Document) value;
        if (document.isNull()) {
            return nodes.nullNode();
        }
        if (document.isString()) {
            return nodes.textNode(document.asString());
        }
        if (document.isNumber()) {
            return nodes.numberNode(document.asNumber().bigDecimalValue());
        }
        if (document.isBoolean()) {
            return nodes.booleanNode(document.asBoolean());
        }
        if (document.isList()) {
            ArrayNode array = nodes.arrayNode();
            for (Document item : document.asList()) {
                array.add(encode(item, nodes));
            }
            return array;
        }
        ObjectNode object = nodes.objectNode();
        for (Map.Entry<String, Document> entry : document.asMap().entrySet()) {
            object.set(entry.getKey(), encode(entry.getValue(), nodes));
        }
        return object;
    }

    @Override
    public String description() {
        return "a Document";
    }
}
