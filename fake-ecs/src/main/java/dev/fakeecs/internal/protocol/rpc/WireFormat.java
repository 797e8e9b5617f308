package dev.fakeecs.internal.protocol.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.fakeecs.internal.protocol.CborNodeFactory;
import dev.fakeecs.internal.protocol.ProtocolException;
import dev.fakeecs.internal.protocol.RequestBodies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * How an RPC protocol's bodies are written: JSON text (AWS JSON 1.0/1.1) or CBOR (Smithy RPC v2 CBOR, timestamps
 * as tag 1 epoch seconds, blobs as byte strings). Both read into and write from the same Jackson tree, so one
 * generic codec ({@code SdkJsonCodec}) serves both.
 *
 * <pre>{@code
 * JsonNode request = WireFormat.CBOR.parse(body);
 * byte[] answer = WireFormat.CBOR.write(SdkJsonCodec.instance().encode(response, WireFormat.CBOR.nodes()));
 * }</pre>
 */
enum WireFormat {

    /** AWS JSON: UTF-8 JSON text, timestamps as epoch-second numbers, blobs as base64. */
    JSON("JSON") {
        private final ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

        @Override
        ObjectMapper mapper() {
            return mapper;
        }

        @Override
        JsonNodeFactory nodes() {
            return JsonNodeFactory.withExactBigDecimals(true);
        }

        @Override
        byte[] write(JsonNode tree) {
            try {
                return mapper.writeValueAsBytes(tree);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    },

    /** Smithy RPC v2 CBOR. */
    CBOR("CBOR") {
        private final ObjectMapper mapper = CBORMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

        @Override
        ObjectMapper mapper() {
            return mapper;
        }

        @Override
        JsonNodeFactory nodes() {
            return CborNodeFactory.instance();
        }

        @Override
        byte[] write(JsonNode tree) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
                writeNode((CBORGenerator) g, tree);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    };

    private final String label;

    WireFormat(String label) {
        this.label = label;
    }

    abstract ObjectMapper mapper();

    /** The node factory the codec encodes answers with. */
    abstract JsonNodeFactory nodes();

    /** The body of an answer. */
    abstract byte[] write(JsonNode tree);

    /**
     * The request body as a tree ({@code null} for an empty body).
     *
     * @throws ProtocolException {@code SerializationException} for a body that is not one well-formed value
     */
    JsonNode parse(byte[] body) {
        return RequestBodies.parse(body, mapper(), label);
    }

    private static void writeNode(CBORGenerator g, JsonNode node) throws IOException {
        if (CborNodeFactory.isTimestamp(node)) {
            g.writeTag(1);
            if (node.decimalValue().scale() <= 0) {
                g.writeNumber(node.decimalValue().longValueExact());
            } else {
                g.writeNumber(node.doubleValue());
            }
            return;
        }
        switch (node.getNodeType()) {
            case OBJECT:
                g.writeStartObject(node, node.size()); // definite lengths, as AWS writes them
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    g.writeFieldName(field.getKey());
                    writeNode(g, field.getValue());
                }
                g.writeEndObject();
                return;
            case ARRAY:
                g.writeStartArray(node, node.size());
                for (JsonNode item : node) {
                    writeNode(g, item);
                }
                g.writeEndArray();
                return;
            case STRING:
                g.writeString(node.textValue());
                return;
            case BINARY:
                byte[] bytes = node.binaryValue();
                g.writeBinary(bytes, 0, bytes.length);
                return;
            case BOOLEAN:
                g.writeBoolean(node.booleanValue());
                return;
            case NUMBER:
                if (node.isIntegralNumber()) {
                    if (node.canConvertToLong()) {
                        g.writeNumber(node.longValue());
                    } else {
                        g.writeNumber(node.bigIntegerValue());
                    }
                } else {
                    g.writeNumber(node.doubleValue());
                }
                return;
            default:
                g.writeNull();
        }
    }
}
