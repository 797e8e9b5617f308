package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One generic codec between AWS JSON 1.1 and the AWS SDK for Java v2 model objects, driven by each
 * class's {@code sdkFields()} metadata rather than a hand-written DTO per shape.
 *
 * <p>Wire rules: members by their JSON location name; timestamps as epoch seconds (fractional
 * milliseconds); enums as their string value (so values unknown to this SDK version survive);
 * blobs as base64; nulls and untouched auto-construct lists and maps omitted; unknown JSON members
 * ignored. Decoding reports a member of the wrong JSON type as a {@code SerializationException}
 * and a missing required member as an {@code InvalidParameterException}, both naming the member
 * path (e.g. {@code containerDefinitions[0].portMappings[1].containerPort}). Per-class metadata is
 * computed once and cached; the codec is thread-safe and stateless.
 *
 * <pre>{@code
 * SdkJsonCodec codec = SdkJsonCodec.instance();
 * JsonNode json = new ObjectMapper().readTree("{\"clusterName\":\"prod\",\"tags\":[{\"key\":\"team\",\"value\":\"a\"}]}");
 * CreateClusterRequest request = codec.decode(json, CreateClusterRequest.class);
 * ObjectNode back = codec.encode(request);   // {"clusterName":"prod","tags":[{"key":"team","value":"a"}]}
 * }</pre>
 */
public final class SdkJsonCodec {

    private static final SdkJsonCodec INSTANCE = new SdkJsonCodec();

    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    /** The streaming reader's parsers: duplicate member names are left to the tree (where the last one wins). */
    private final JsonFactory streaming = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private SdkJsonCodec() {
    }

    /** The shared, thread-safe codec. */
    public static SdkJsonCodec instance() {
        return INSTANCE;
    }

    /**
     * Decodes a JSON object into an SDK model object.
     *
     * <pre>{@code
     * DescribeClustersRequest request = SdkJsonCodec.instance().decode(json, DescribeClustersRequest.class);
     * }</pre>
     *
     * @param json the JSON value; {@code null} or a JSON null decodes as an empty object
     * @param type the SDK model class, e.g. {@code RegisterTaskDefinitionRequest.class}
     * @throws ProtocolException if the value is not an object, a member has the wrong JSON type, or a
     *                           required member is missing; the message names the member
     * @throws IllegalArgumentException if {@code type} is not an SDK model class
     */
    public <T extends SdkPojo> T decode(JsonNode json, Class<T> type) {
        Objects.requireNonNull(type, "type");
        ShapeModel shape = ShapeModel.of(type);
        JsonNode node = json == null || json.isNull() || json.isMissingNode() ? nodes.objectNode() : json;
        if (!node.isObject()) {
            throw ProtocolException.serialization(ValueType.tokenOf(node)
                    + " can not be converted to a structure (the request body must be a JSON object)");
        }
        try {
            return type.cast(shape.decode(node));
        } catch (DecodeFailure failure) {
            throw failure.toProtocolException();
        }
    }

    /**
     * Reads a JSON request body straight into an SDK model object, without the tree, when it is plain: a JSON
     * object of strings, booleans, integers, lists, maps and structures, each member once, every required member
     * there, nothing after it. Anything else answers null, and the caller decodes the body as before
     * ({@link RequestBodies#parse} then {@link #decode}), which gives the same object or the same error.
     *
     * <pre>{@code
     * DescribeClustersRequest r = codec.read(body, DescribeClustersRequest.class);   // null: use the tree
     * }</pre>
     */
    public <T extends SdkPojo> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            return null;
        }
        ShapeModel shape = ShapeModel.of(type);
        try (JsonParser json = streaming.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Object read = shape.read(json);
            if (json.nextToken() != null) {
                return null; // trailing content: the tree decoder's error
            }
            return type.cast(read);
        } catch (IOException | RuntimeException e) {
            return null; // NotStreamable, malformed JSON, or anything else: the tree decides
        }
    }

    /**
     * Encodes an SDK model object (request, response or nested shape) as a JSON object.
     *
     * <pre>{@code
     * ObjectNode json = SdkJsonCodec.instance().encode(DescribeTasksResponse.builder().tasks(task).build());
     * }</pre>
     */
    public ObjectNode encode(SdkPojo pojo) {
        Objects.requireNonNull(pojo, "pojo");
        return ShapeModel.of(pojo.getClass()).encode(pojo, nodes);
    }

    /**
     * Encodes an SDK model object straight to JSON bytes, without the tree: byte for byte what
     * {@code mapper.writeValueAsBytes(encode(pojo))} gives, at a fraction of the allocation (the servers' hot path).
     *
     * <pre>{@code
     * byte[] body = SdkJsonCodec.instance().toJson(DescribeClustersResponse.builder().build(), mapper);   // {"clusters":[]}
     * }</pre>
     *
     * @param mapper the mapper whose generator settings the bytes follow (and which writes any free-form document)
     */
    public byte[] toJson(SdkPojo pojo, ObjectMapper mapper) throws IOException {
        Objects.requireNonNull(pojo, "pojo");
        ByteArrayBuilder bytes = new ByteArrayBuilder(mapper.getFactory()._getBufferRecycler());
        try {
            try (JsonGenerator json = mapper.createGenerator(bytes, JsonEncoding.UTF8)) {
                ShapeModel.of(pojo.getClass()).write(pojo, json);
            }
            return bytes.toByteArray();
        } finally {
            bytes.release();
        }
    }

    /**
     * Encodes an SDK model object with another node factory: {@link CborNodeFactory#instance()} builds the tree
     * of the Smithy RPC v2 CBOR protocol (timestamps tagged, blobs as byte strings).
     *
     * <pre>{@code
     * ObjectNode tree = SdkJsonCodec.instance().encode(response, CborNodeFactory.instance());
     * }</pre>
     */
    public ObjectNode encode(SdkPojo pojo, JsonNodeFactory nodeFactory) {
        Objects.requireNonNull(pojo, "pojo");
        return ShapeModel.of(pojo.getClass()).encode(pojo, Objects.requireNonNull(nodeFactory, "nodeFactory"));
    }

    /**
     * Encodes the modeled members of any SDK model class that has a static {@code builder()}
     * returning an {@link SdkPojo}, such as a modeled exception ({@code ConflictException.resourceIds}).
     *
     * @throws IllegalArgumentException if the class is not an SDK model class
     */
    public ObjectNode encodeModeled(Object modelObject) {
        Objects.requireNonNull(modelObject, "modelObject");
        return ShapeModel.of(modelObject.getClass()).encode(modelObject, nodes);
    }

    /** The node factory the codec builds with (exact big decimals, so timestamps keep their millis). */
    public JsonNodeFactory nodeFactory() {
        return nodes;
    }
}
