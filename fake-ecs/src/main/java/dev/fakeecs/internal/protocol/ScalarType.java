package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The scalar types of AWS JSON 1.1: strings (enums travel as their string value), numbers,
 * booleans, timestamps as epoch seconds with fractional milliseconds, and blobs as base64.
 */
enum ScalarType implements ValueType {

    STRING("a String") {
        @Override
        public Object decode(JsonNode node) {
            if (!node.isTextual()) {
                throw ValueType.mismatch(node, this);
            }
            return node.textValue();
        }

        @Override
        public JsonNode encode(Object value, JsonNodeFactory nodes) {
            return nodes.textNode((String) value);
        }
    },

    INTEGER("an Integer") {
        @Override
        public Object decode(JsonNode node) {
            if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToInt()) {
                throw ValueType.mismatch(node, this);
            }
            return node.intValue();
        }

        @Override
        public JsonNode encode(Object value, JsonNodeFactory nodes) {
            return nodes.numberNode((Integer) value);
        }
    },

    LONG("a Long") {
        @Override
        public Object decode(JsonNode node) {
            if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
                throw ValueType.mismatch(node, this);
            }
            return node.longValue();
        }

        @Override
        public JsonNode encode(Object value, JsonNodeFactory nodes) {
            return nodes.numberNode((Long) value);
        }
    },

    SHORT("a Short") {
        @Override
        public Object decode(JsonNode node) {
            int value = (Integer) INTEGER.decode(node);
            if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
                throw ValueType.mismatch(node, this);
            }
            return (short) value;
        }

        @Override
        public JsonNode encode(Object value, JsonNodeFactory nodes) {
            return nodes.numberNode((Short) value);
        }
    },

    BYTE("a Byte") {
        @Override
        public Object decode(JsonNode node) {
            int value = (Integer) INTEGER.decode(node);
            if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
                throw ValueType.mismatch(node, this);
            }
            return (byte) value;
        }

        @Override
        public JsonNode encode(Object value, JsonNodeFactory nodes) {
            return nodes.numberNode((Byte) value);
        }
    },

    DOUBLE("a Double") {
        @Override
        public Object decode(JsonNode node) {
            if (!node.isNumber()) {
                throw ValueType.mismatch(node, this);
            }
            double value = node.doubleValue();
            if (!Double.isFinite(value)) {
                throw ValueType.outOfRange(this);
            }
            return value;
        }

        @Override
        public JsonNode encode(Object value, JsonNodeFactory nodes) {
            return nodes.numberNode((Double) value);
        }
    },

    FLOAT("a Float") {
        @Override
        public Object decode(JsonNode node) {
            if (!node.isNumber()) {
                throw ValueType.mismatch(node, this);
            }
            float value = node.floatValue();
            if (!Float.isFinite(value)) {
                throw ValueType.outOfRange(this);
            }
            return value;
        }

        @Override
        public JsonNode encode(Object value, JsonNodeFactory nodes) {
            return nodes.numberNode((Float) value);
        }
    },

    BIG_DECIMAL("a BigDecimal") {
        @Override
        public Object decode(JsonNode node) {
            if (!node.isNumber()) {
                throw ValueType.mismatch(node, this);
            }
            if (ValueType.isNonFinite(node)) {
                throw ValueType.outOfRange(this);
            }
            return node.decimalValue();
        }

        @Override
        public JsonNode encode(Object value, JsonNodeFactory nodes) {
            return nodes.numberNode((BigDecimal) value);
        }
    },

    BOOLEAN("a Boolean") {
        @Override
        public Object decode(JsonNode node) {
            if (!node.isBoolean()) {
                throw ValueType.mismatch(node, this);
            }
            return node.booleanValue();
        }

        @Override
        public JsonNode encode(Object value, JsonNodeFactory nodes) {
            return nodes.booleanNode((Boolean) value);
        }
    },

    /** Epoch seconds on the wire (an ISO-8601 string is accepted too, for hand-written requests). */
    INSTANT("a Timestamp") {
        @Override
        public Object decode(JsonNode node) {
            if (node.isNumber()) {
                if (ValueType.isNonFinite(node)) {
                    throw ValueType.outOfRange(this);
                }
                BigDecimal seconds = node.decimalValue();
                if (seconds.abs().compareTo(MAX_EPOCH_SECONDS) > 0) {
                    throw ValueType.outOfRange(this);
                }
                BigDecimal whole = new BigDecimal(seconds.toBigInteger());
                int nanos = seconds.subtract(whole).movePointRight(9).intValue();
                try {
                    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
                } catch (ArithmeticException | java.time.DateTimeException e) {
                    throw ValueType.outOfRange(this);
                }
            }
            if (node.isTextual()) {
                try {
                    return Instant.parse(node.textValue());
                } catch (DateTimeParseException e) {
                    throw ValueType.mismatch(node, this);
                }
            }
            throw ValueType.mismatch(node, this);
        }

        @Override
        public JsonNode encode(Object value, JsonNodeFactory nodes) {
            if (nodes instanceof CborNodeFactory) {
                return ((CborNodeFactory) nodes).timestamp((Instant) value);
            }
            long millis = ((Instant) value).toEpochMilli();
            if (millis % 1000 == 0) {
                return nodes.numberNode(millis / 1000);
            }
            return nodes.numberNode(BigDecimal.valueOf(millis, 3));
        }
    },

    /** Base64 on the wire. */
    BYTES("a Blob") {
        @Override
        public Object decode(JsonNode node) {
            if (node.isBinary()) { // a CBOR byte string
                try {
                    return SdkBytes.fromByteArray(node.binaryValue());
                } catch (java.io.IOException e) {
                    throw ValueType.mismatch(node, this);
                }
            }
            if (!node.isTextual()) {
                throw ValueType.mismatch(node, this);
            }
            try {
                return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(node.textValue()));
            } catch (IllegalArgumentException e) {
                throw DecodeFailure.wrongType("Invalid base64 in a Blob");
            }
        }

        @Override
        public JsonNode encode(Object value, JsonNodeFactory nodes) {
            if (nodes instanceof CborNodeFactory) {
                return nodes.binaryNode(((SdkBytes) value).asByteArray());
            }
            return nodes.textNode(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
        }
    };

    /** Beyond {@link Instant#MAX}: checked before any arithmetic, so huge exponents cost nothing. */
    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    private final String description;

    ScalarType(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * Reads strings, booleans and integers given as JSON integers that fit; everything else (floats, timestamps,
     * blobs, wrong JSON types, out of range) is left to the tree decoder, which words the error.
     */
    @Override
    public Object read(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        switch (this) {
            case STRING:
                if (token == JsonToken.VALUE_STRING) {
                    return json.getText();
                }
                break;
            case BOOLEAN:
                if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                    return token == JsonToken.VALUE_TRUE;
                }
                break;
            case INTEGER:
                if (token == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
                    return json.getIntValue();
                }
                break;
            case LONG:
                if (token == JsonToken.VALUE_NUMBER_INT && (json.getNumberType() == JsonParser.NumberType.INT
                        || json.getNumberType() == JsonParser.NumberType.LONG)) {
                    return json.getLongValue();
                }
                break;
            default:
                break;
        }
        throw NotStreamable.INSTANCE;
    }

    /** Writes the JSON value; the same generator call the node {@link #encode} builds would make. */
    @Override
    public void write(Object value, JsonGenerator json) throws IOException {
        switch (this) {
            case STRING:
                json.writeString((String) value);
                break;
            case INTEGER:
                json.writeNumber((int) (Integer) value);
                break;
            case LONG:
                json.writeNumber((long) (Long) value);
                break;
            case SHORT:
                json.writeNumber((short) (Short) value);
                break;
            case BYTE:
                json.writeNumber((int) (Byte) value); // an int node
                break;
            case DOUBLE:
                json.writeNumber((double) (Double) value);
                break;
            case FLOAT:
                json.writeNumber((float) (Float) value);
                break;
            case BIG_DECIMAL:
                json.writeNumber((BigDecimal) value);
                break;
            case BOOLEAN:
                json.writeBoolean((Boolean) value);
                break;
            case INSTANT:
                long millis = ((Instant) value).toEpochMilli();
                if (millis % 1000 == 0) {
                    json.writeNumber(millis / 1000);
                } else {
                    json.writeNumber(BigDecimal.valueOf(millis, 3));
                }
                break;
            case BYTES:
                json.writeString(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
                break;
            default:
                ValueType.super.write(value, json);
        }
    }
}
