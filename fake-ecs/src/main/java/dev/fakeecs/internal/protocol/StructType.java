package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A nested structure. Its {@link ShapeModel} is looked up on first use, so recursive shapes and
 * the order in which shapes are first seen do not matter.
 */
final class StructType implements ValueType {

    private final Supplier<SdkPojo> builderFactory;
    private volatile ShapeModel shape;

    StructType(Supplier<SdkPojo> builderFactory) {
        this.builderFactory = builderFactory;
    }

    private ShapeModel shape() {
        ShapeModel model = shape;
        if (model == null) {
            Class<?> builderClass = builderFactory.get().getClass();
            Class<?> shapeClass = builderClass.getEnclosingClass() != null ? builderClass.getEnclosingClass() : builderClass;
            model = ShapeModel.of(shapeClass);
            shape = model;
        }
        return model;
    }

    @Override
    public Object decode(JsonNode node) {
        if (!node.isObject()) {
            throw ValueType.mismatch(node, this);
        }
        return shape().decode(node);
    }

    @Override
    public JsonNode encode(Object value, JsonNodeFactory nodes) {
        return shape().encode(value, nodes);
    }

    @Override
    public Object read(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw NotStreamable.INSTANCE;
        }
        return shape().read(json);
    }

    @Override
    public void write(Object value, JsonGenerator json) throws IOException {
        shape().write(value, json);
    }

    @Override
    public String description() {
        return "a structure";
    }
}
