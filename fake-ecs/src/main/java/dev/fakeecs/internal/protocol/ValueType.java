package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/** How one JSON value maps to one value of the SDK model (a scalar, list, map or structure). */
interface ValueType {

    /** Decodes a non-null JSON value; throws {@link DecodeFailure} if its JSON type does not fit. */
    Object decode(JsonNode node);

    /** Encodes a non-null model value. */
    JsonNode encode(Object value, JsonNodeFactory nodes);

    /**
     * Writes a non-null model value as JSON, byte for byte as serialising {@link #encode}'s tree (built with the
     * codec's node factory) would, without building the tree. This default builds the tree and writes it.
     */
    default void write(Object value, JsonGenerator json) throws IOException {
        json.writeTree(encode(value, SdkJsonCodec.instance().nodeFactory()));
    }

    /**
     * Reads the non-null value at the parser's current token, exactly as {@link #decode} would decode its tree, or
     * throws {@link NotStreamable} for anything it leaves to the tree (this default leaves everything).
     */
    default Object read(JsonParser json) throws IOException {
        throw NotStreamable.INSTANCE;
    }

    /** The name used in "can not be converted to ..." messages, e.g. {@code "an Integer"}. */
    String description();

    /** The Coral-style token name of a JSON value, as real AWS error messages spell it. */
    static String tokenOf(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
            case BINARY:
                return "STRING_VALUE";
            case NUMBER:
                return "NUMBER_VALUE";
            case BOOLEAN:
                return node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
            case ARRAY:
                return "START_ARRAY";
            case OBJECT:
            case POJO:
                return "START_OBJECT";
            default:
                return "NULL_VALUE";
        }
    }

    /** Whether a JSON number is too large for any finite value (e.g. {@code 1e400}). */
    static boolean isNonFinite(JsonNode node) {
        return node.isNumber() && !node.isIntegralNumber() && !Double.isFinite(node.doubleValue());
    }

    /** The failure for a number outside what {@code expected} can hold. */
    static DecodeFailure outOfRange(ValueType expected) {
        return DecodeFailure.wrongType("NUMBER_VALUE is out of range for " + expected.description());
    }

    /** The failure for a value of the wrong JSON type where {@code expected} was wanted. */
    static DecodeFailure mismatch(JsonNode node, ValueType expected) {
        if (node.isObject()) {
            return DecodeFailure.wrongType("Start of structure or map found where not expected (expected "
                    + expected.description() + ")");
        }
        if (node.isArray()) {
            return DecodeFailure.wrongType("Start of list found where not expected (expected "
                    + expected.description() + ")");
        }
        return DecodeFailure.wrongType(tokenOf(node) + " can not be converted to " + expected.description());
    }
}
