package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsRequest;

/**
 * The ECS wire protocol (AWS JSON 1.1) in front of an in-process {@link EcsClient}: resolves
 * {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Op>} to {@code EcsClient.<op>(<Op>Request)},
 * decodes the body with {@link SdkJsonCodec}, calls the engine of the region named by the SigV4
 * credential scope (or the default region), and encodes the answer.
 *
 * <p>Errors are always JSON {@code {"__type": ..., "message": ...}}: malformed JSON 400
 * {@code SerializationException}; unknown target 400 {@code UnknownOperationException}; an operation
 * the engine does not implement 400 {@code UnsupportedOperation}; a body over the limit 413; an
 * engine exception keeps its error code and {@code statusCode()} (400 by default, 500 for
 * {@code ServerException}); anything else escaping the engine is a 500 {@code ServerException} whose
 * message names no Java class. A decoded request whose values break the ECS model (an unknown enum
 * value, a number out of range) is answered by {@link ModelConstraints} before the engine sees it, and
 * an error type the operation does not declare is conformed by {@link DeclaredErrors}.
 * Thread-safe; keeps no state besides the request-id counter.
 *
 * <pre>{@code
 * EcsProtocolHandler handler = EcsProtocolHandler.builder()
 *         .regions(name -> world.region(name).api())
 *         .defaultRegion("us-east-1")
 *         .build();
 * ProtocolResponse response = handler.handle(new ProtocolRequest(
 *         "AmazonEC2ContainerServiceV20141113.CreateCluster", "application/x-amz-json-1.1", null,
 *         "{\"clusterName\":\"prod\"}".getBytes(StandardCharsets.UTF_8)));
 * }</pre>
 */
public final class EcsProtocolHandler implements ServiceProtocolHandler {

    /** The {@code X-Amz-Target} prefix of every ECS operation. */
    public static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    /** The content type of requests and responses. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** The default request body limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** The response header carrying the request id. */
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Function<String, EcsClient> regions;
    private final String defaultRegion;
    private final int maxBodyBytes;
    private final SdkJsonCodec codec = SdkJsonCodec.instance();
    private final RequestIds requestIds = new RequestIds();
    private final RegionClients<EcsClient> clients;

    private EcsProtocolHandler(Builder builder) {
        this.regions = Objects.requireNonNull(builder.regions, "regions (or client) must be set");
        this.defaultRegion = Objects.requireNonNull(builder.defaultRegion, "defaultRegion");
        this.clients = new RegionClients<>(EcsClient.class, regions, defaultRegion);
        this.maxBodyBytes = builder.maxBodyBytes;
    }

    /** A builder; set {@link Builder#regions} or {@link Builder#client}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A handler that sends every request, whatever its region, to one client.
     *
     * <pre>{@code
     * EcsProtocolHandler handler = EcsProtocolHandler.forClient(world.defaultRegion().api());
     * }</pre>
     */
    public static EcsProtocolHandler forClient(EcsClient client) {
        return builder().client(client).build();
    }

    @Override
    public String signingName() {
        return "ecs";
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    /** The largest request body accepted, in bytes; larger bodies are answered 413. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The region requests without a SigV4 credential scope go to. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * Answers one request.
     *
     * <pre>{@code
     * ProtocolResponse r = handler.handle(target, "application/x-amz-json-1.1", authorization, body);
     * }</pre>
     */
    public ProtocolResponse handle(String target, String contentType, String authorization, byte[] body) {
        return handle(new ProtocolRequest(target, contentType, authorization, body));
    }

    /** Answers one request; never throws for anything the client sent. */
    @Override
    public ProtocolResponse handle(ProtocolRequest request) {
        ErrorBody error;
        try {
            SdkPojo answer = dispatch(request);
            byte[] body;
            try {
                body = codec.toJson(answer, MAPPER); // straight to bytes, no tree: every call's hot path
            } catch (java.io.IOException e) {
                return unencodable();
            }
            return respond(200, body);
        } catch (ProtocolException e) {
            error = ErrorBody.of(e);
        } catch (SdkServiceException e) {
            error = ErrorBody.of(e, codec);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // an engine bug: the client learns nothing about the implementation
            error = ErrorBody.of(500, "ServerException", "Internal error while handling the request");
        }
        String operation = operationName(request.target());
        ErrorBody answered = error.withType(DeclaredErrors.typeFor(operation, error.type(), error.status()));
        CallTrace.failed(answered.type(), answered.message());
        return error(answered);
    }

    /**
     * The 413 answer for a body of {@code size} bytes, for transports that stop reading at the limit.
     *
     * <pre>{@code
     * if (contentLength > handler.maxBodyBytes()) return handler.tooLarge(contentLength);
     * }</pre>
     */
    public ProtocolResponse tooLarge(long size) {
        String actual = size >= 0 ? size + " bytes" : "The request body";
        return error(ErrorBody.of(413, ProtocolException.REQUEST_TOO_LARGE,
                actual + " exceeds the request size limit of " + maxBodyBytes + " bytes"));
    }

    private SdkPojo dispatch(ProtocolRequest request) throws Throwable {
        if (request.body().length > maxBodyBytes) {
            throw new ProtocolException(ProtocolException.REQUEST_TOO_LARGE, 413, request.body().length
                    + " bytes exceeds the request size limit of " + maxBodyBytes + " bytes");
        }
        EcsOperation operation = operation(request.target());
        CallTrace.operation(operation.name());
        EcsClient client = client(SigV4Scope.regionOf(request.authorization()));
        if (!isImplemented(client, operation)) {
            throw unsupported(operation);
        }
        EcsRequest ecsRequest = codec.read(request.body(), operation.requestClass()); // plain bodies, no tree
        if (ecsRequest == null) {
            ecsRequest = codec.decode(RequestBodies.parse(request.body(), MAPPER, "JSON"), operation.requestClass());
        }
        CallTrace.request(ecsRequest);
        ModelConstraints.check(ecsRequest);
        Object result;
        try {
            result = operation.method().invoke(client, ecsRequest);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnsupportedOperationException) {
                throw unsupported(operation);
            }
            throw cause;
        }
        if (!(result instanceof SdkPojo)) {
            throw new IllegalStateException("the engine answered " + operation.name() + " with " + result);
        }
        return (SdkPojo) result;
    }

    private static EcsOperation operation(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new ProtocolException(ProtocolException.UNKNOWN_OPERATION, 400,
                    target == null ? "Missing X-Amz-Target header" : "Unknown target: " + truncate(target));
        }
        EcsOperation operation = EcsOperation.named(target.substring(TARGET_PREFIX.length()));
        if (operation == null) {
            throw new ProtocolException(ProtocolException.UNKNOWN_OPERATION, 400,
                    "Unknown operation: " + truncate(target.substring(TARGET_PREFIX.length())));
        }
        return operation;
    }

    /** The operation named by the target, or null if it names none. */
    private static String operationName(String target) {
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            return null;
        }
        EcsOperation operation = EcsOperation.named(target.substring(TARGET_PREFIX.length()));
        return operation == null ? null : operation.name();
    }

    private EcsClient client(String signedRegion) {
        EcsClient client = clients.forRegion(signedRegion);
        if (client == null) {
            throw ProtocolException.invalidParameter(RegionClients.unknownRegion(clients.regionOf(signedRegion)));
        }
        return client;
    }

    private boolean isImplemented(EcsClient client, EcsOperation operation) {
        return clients.isImplemented(client, operation.method());
    }

    private static ProtocolException unsupported(EcsOperation operation) {
        return new ProtocolException(ProtocolException.UNSUPPORTED_OPERATION, 400,
                "fake-ecs does not support the operation " + operation.name() + " yet");
    }

    private ProtocolResponse error(ErrorBody error) {
        return respond(error.status(), error.toJson(codec));
    }

    private ProtocolResponse respond(int status, JsonNode body) {
        try {
            return respond(status, MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            return unencodable();
        }
    }

    private ProtocolResponse unencodable() {
        return respond(500, "{\"__type\":\"ServerException\",\"message\":\"Internal error: response encoding\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private ProtocolResponse respond(int status, byte[] bytes) {
        return new ProtocolResponse(status, Map.of("Content-Type", CONTENT_TYPE, REQUEST_ID_HEADER, requestIds.next()),
                bytes);
    }

    private static String truncate(String text) {
        return RegionClients.truncate(text);
    }

    /** Configures an {@link EcsProtocolHandler}. */
    public static final class Builder {
        private Function<String, EcsClient> regions;
        private String defaultRegion = "us-east-1";
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        /**
         * The engine of each region, by region name; return {@code null} (or throw
         * {@link IllegalArgumentException}) for a region the world does not have.
         */
        public Builder regions(Function<String, EcsClient> regions) {
            this.regions = Objects.requireNonNull(regions, "regions");
            return this;
        }

        /** One engine for every region. */
        public Builder client(EcsClient client) {
            Objects.requireNonNull(client, "client");
            this.regions = region -> client;
            return this;
        }

        /** The region of requests that carry no SigV4 credential scope (default {@code us-east-1}). */
        public Builder defaultRegion(String defaultRegion) {
            this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
            return this;
        }

        /** The request body limit in bytes (default 1 MiB). */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public EcsProtocolHandler build() {
            return new EcsProtocolHandler(this);
        }
    }
}
