package dev.fakeecs.internal.protocol.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fakeecs.internal.protocol.CallTrace;
import dev.fakeecs.internal.protocol.MemberPaths;
import dev.fakeecs.internal.protocol.ModelConstraints;
import dev.fakeecs.internal.protocol.ProtocolException;
import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.RegionClients;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.RequestIds;
import dev.fakeecs.internal.protocol.SdkJsonCodec;
import dev.fakeecs.internal.protocol.SdkOperations;
import dev.fakeecs.internal.protocol.ServiceProtocolHandler;
import dev.fakeecs.internal.protocol.SigV4Scope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The RPC protocols of one AWS service in front of an in-process SDK client, all decoded generically over the SDK's
 * model classes ({@link SdkJsonCodec}) and answered by the client of the region named by the SigV4 credential scope
 * (else the default region), by reflection:
 * <ul>
 *   <li>AWS JSON 1.0/1.1: {@code POST /} with {@code X-Amz-Target: {prefix}.{Op}}, JSON in and out;</li>
 *   <li>Smithy RPC v2 CBOR: {@code POST /service/{Service}/operation/{Op}}, {@code application/cbor} in and out,
 *       timestamps as CBOR tag 1 epoch seconds, {@code smithy-protocol: rpc-v2-cbor} on every answer;</li>
 *   <li>anything else (an AWS Query form post) goes to the service's Query handler, if it has one.</li>
 * </ul>
 * Errors are {@code {"__type": shape, "message": ...}} in the request's format; an {@code awsQueryCompatible}
 * service adds the header {@code x-amzn-query-error: {QueryCode};Sender|Receiver}, from which SDKs recover the Query
 * error code. A malformed body is 400 {@code SerializationException}; an unknown operation 400 (JSON) or 404 (CBOR)
 * {@code UnknownOperationException}; a missing required member the service's missing-parameter error, any other value
 * the model does not allow ({@link ModelConstraints}) its invalid-value error; an engine exception keeps its code,
 * message and status ({@link RpcErrors}); an operation the engine does not implement 400 {@code UnsupportedOperation};
 * anything else escaping the engine the service's internal error (500), naming no Java class. Thread-safe.
 *
 * <pre>{@code
 * RpcProtocolHandler cloudWatch = RpcProtocolHandler.builder(CloudWatchClient.class)
 *         .signingName("monitoring")
 *         .targetPrefix("GraniteServiceVersion20100801.").jsonVersion("1.0")
 *         .cborService("GraniteServiceVersion20100801")
 *         .queryCompatible(true)
 *         .errors(MissingRequiredParameterException.class, InvalidParameterValueException.class,
 *                 InternalServiceException.class)
 *         .query(cloudWatchQueryHandler)
 *         .regions(name -> RegionEngine.of(world.region(name)).service(CloudWatch.SERVICE))
 *         .build();
 * }</pre>
 */
public final class RpcProtocolHandler implements ServiceProtocolHandler {

    /** The content type of Smithy RPC v2 CBOR requests and answers. */
    public static final String CBOR_CONTENT_TYPE = "application/cbor";
    /** The header naming the Smithy protocol, echoed on every CBOR answer. */
    public static final String SMITHY_PROTOCOL_HEADER = "smithy-protocol";
    /** The value of {@link #SMITHY_PROTOCOL_HEADER} for Smithy RPC v2 CBOR. */
    public static final String RPC_V2_CBOR = "rpc-v2-cbor";
    /** The header carrying the Query error code and fault of an {@code awsQueryCompatible} service's errors. */
    public static final String QUERY_ERROR_HEADER = "x-amzn-query-error";
    /** The response header carrying the request id. */
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    /** The default request body limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private static final String INTERNAL_MESSAGE = "The request processing has failed because of an unknown error.";

    private final Class<? extends SdkClient> clientInterface;
    private final SdkOperations operations;
    private final String signingName;
    private final String targetPrefix;
    private final String jsonContentType;
    private final String cborPathPrefix;
    private final boolean queryCompatible;
    private final ServiceProtocolHandler query;
    private final Function<String, ? extends SdkClient> regions;
    private final String defaultRegion;
    private final int maxBodyBytes;
    private final RpcErrors errors;
    private final SdkJsonCodec codec = SdkJsonCodec.instance();
    private final RequestIds requestIds = new RequestIds();
    private final RegionClients<SdkClient> clients;

    private RpcProtocolHandler(Builder builder) {
        this.clientInterface = builder.clientInterface;
        this.operations = SdkOperations.of(builder.clientInterface);
        this.signingName = Objects.requireNonNull(builder.signingName, "signingName");
        this.targetPrefix = builder.targetPrefix;
        this.jsonContentType = "application/x-amz-json-" + builder.jsonVersion;
        this.cborPathPrefix = builder.cborService == null ? null
                : ProtocolRouter.SERVICE_PATH_PREFIX + builder.cborService + "/operation/";
        this.queryCompatible = builder.queryCompatible;
        this.query = builder.query;
        this.regions = Objects.requireNonNull(builder.regions, "regions");
        this.defaultRegion = Objects.requireNonNull(builder.defaultRegion, "defaultRegion");
        this.clients = new RegionClients<>(clientInterface, regions, defaultRegion);
        this.maxBodyBytes = builder.maxBodyBytes;
        this.errors = RpcErrors.of(builder.clientInterface, builder.missing, builder.invalid, builder.internal);
        if (targetPrefix == null && cborPathPrefix == null) {
            throw new IllegalStateException("an RPC service needs a target prefix, a CBOR service name, or both");
        }
    }

    /**
     * A builder for the RPC protocols of one SDK client interface.
     *
     * <pre>{@code
     * RpcProtocolHandler.builder(CloudWatchClient.class).signingName("monitoring")...
     * }</pre>
     */
    public static Builder builder(Class<? extends SdkClient> clientInterface) {
        return new Builder(Objects.requireNonNull(clientInterface, "clientInterface"));
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public String targetPrefix() {
        return targetPrefix;
    }

    /** The content type of this service's AWS JSON requests and answers ({@code application/x-amz-json-1.0}). */
    public String jsonContentType() {
        return jsonContentType;
    }

    /** {@code /}, and the Smithy RPC v2 paths of this service. */
    @Override
    public boolean servesPath(String path) {
        return ProtocolRequest.ROOT.equals(path) || isCborPath(path);
    }

    /** An unsigned request to this service's Smithy RPC v2 path surely (3); else as its Query handler says. */
    @Override
    public int recognises(ProtocolRequest request) {
        if (isCborPath(request.path())) {
            return 3;
        }
        return query == null ? 0 : query.recognises(request);
    }

    @Override
    public ProtocolResponse tooLarge(long size, int limit) {
        return tooLarge(new ProtocolRequest(null, null, null, null), size, limit);
    }

    @Override
    public ProtocolResponse tooLarge(ProtocolRequest headers, long size, int limit) {
        WireFormat format = formatOf(headers);
        if (format == null) {
            return query == null ? null : query.tooLarge(headers, size, limit);
        }
        String actual = size >= 0 ? size + " bytes" : "The request body";
        return error(format, RpcError.sender(ProtocolException.REQUEST_TOO_LARGE, 413,
                actual + " exceeds the request size limit of " + limit + " bytes"));
    }

    /** Answers one request; never throws for anything the client sent. */
    @Override
    public ProtocolResponse handle(ProtocolRequest request) {
        WireFormat format = formatOf(request);
        if (format == null) {
            return query.handle(request);
        }
        RpcError error;
        try {
            return dispatch(format, request);
        } catch (RpcError e) {
            error = e;
        } catch (ProtocolException e) {
            error = fromProtocol(e);
        } catch (SdkServiceException e) {
            error = errors.of(e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // an engine bug: the client learns nothing about the implementation
            error = errors.internal(INTERNAL_MESSAGE);
        }
        return error(format, error);
    }

    /** CBOR for the Smithy RPC v2 paths, JSON for a target or without a Query handler, else null (Query). */
    private WireFormat formatOf(ProtocolRequest request) {
        if (request.path().startsWith(ProtocolRouter.SERVICE_PATH_PREFIX)) {
            return WireFormat.CBOR;
        }
        if (request.target() != null || query == null || targetPrefix != null && !isForm(request.contentType())) {
            return WireFormat.JSON;
        }
        return null;
    }

    private static boolean isForm(String contentType) {
        return contentType == null || contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded");
    }

    private boolean isCborPath(String path) {
        return cborPathPrefix != null && path != null && path.startsWith(cborPathPrefix);
    }

    private ProtocolResponse dispatch(WireFormat format, ProtocolRequest request) throws Throwable {
        if (request.body().length > maxBodyBytes) {
            throw RpcError.sender(ProtocolException.REQUEST_TOO_LARGE, 413, request.body().length
                    + " bytes exceeds the request size limit of " + maxBodyBytes + " bytes");
        }
        Method method = operation(format, request);
        SdkClient client = client(SigV4Scope.regionOf(request.authorization()));
        Class<? extends SdkPojo> requestClass = method.getParameterTypes()[0].asSubclass(SdkPojo.class);
        SdkPojo sdkRequest = codec.decode(format.parse(request.body()), requestClass);
        CallTrace.request(sdkRequest);
        List<String> violations = ModelConstraints.violations(sdkRequest, MemberPaths.JSON);
        if (!violations.isEmpty()) {
            throw errors.invalidValue(ModelConstraints.message(violations));
        }
        if (!isImplemented(client, method)) {
            throw unsupported(method);
        }
        Object result;
        try {
            result = method.invoke(client, sdkRequest);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof UnsupportedOperationException) {
                throw unsupported(method);
            }
            throw e.getCause();
        }
        if (!(result instanceof SdkPojo)) {
            throw new IllegalStateException("the engine answered " + method.getName() + " with " + result);
        }
        ObjectNode body = codec.encode((SdkPojo) result, format.nodes());
        return respond(format, 200, body, null);
    }

    private Method operation(WireFormat format, ProtocolRequest request) {
        String name;
        if (format == WireFormat.CBOR) {
            if (!isCborPath(request.path())) {
                throw RpcError.sender(ProtocolException.UNKNOWN_OPERATION, 404,
                        "No operation at " + truncate(request.path()));
            }
            name = request.path().substring(cborPathPrefix.length());
        } else {
            String target = request.target();
            if (target == null || targetPrefix == null || !target.startsWith(targetPrefix)) {
                throw RpcError.sender(ProtocolException.UNKNOWN_OPERATION, 400, target == null
                        ? "Missing X-Amz-Target header" : "Unknown target: " + truncate(target));
            }
            name = target.substring(targetPrefix.length());
        }
        Method method = operations.method(name);
        if (method == null) {
            throw RpcError.sender(ProtocolException.UNKNOWN_OPERATION, format == WireFormat.CBOR ? 404 : 400,
                    "Unknown operation: " + truncate(name));
        }
        CallTrace.operation(name);
        return method;
    }

    private RpcError fromProtocol(ProtocolException e) {
        if (ProtocolException.INVALID_PARAMETER.equals(e.errorType())) {
            // the codec's only InvalidParameterException: a required member missing
            return errors.missingParameter(e.getMessage());
        }
        return RpcError.sender(e.errorType(), e.statusCode(), e.getMessage());
    }

    private SdkClient client(String signedRegion) {
        SdkClient client = clients.forRegion(signedRegion);
        if (client == null) {
            throw errors.invalidValue(RegionClients.unknownRegion(clients.regionOf(signedRegion)));
        }
        return client;
    }

    private boolean isImplemented(SdkClient client, Method method) {
        return clients.isImplemented(client, method);
    }

    private static RpcError unsupported(Method method) {
        String name = method.getName();
        return RpcError.sender(ProtocolException.UNSUPPORTED_OPERATION, 400, "fake-ecs does not support the operation "
                + Character.toUpperCase(name.charAt(0)) + name.substring(1) + " yet");
    }

    private ProtocolResponse error(WireFormat format, RpcError error) {
        CallTrace.failed(error.type(), error.getMessage());
        ObjectNode body = format.nodes().objectNode();
        body.put("__type", error.type());
        body.put("message", error.getMessage());
        return respond(format, error.status(), body, queryCompatible ? error.queryError() : null);
    }

    private ProtocolResponse respond(WireFormat format, int status, JsonNode body, String queryError) {
        byte[] bytes;
        try {
            bytes = format.write(body);
        } catch (RuntimeException e) {
            status = 500;
            ObjectNode fallback = format.nodes().objectNode();
            fallback.put("__type", errors.internal("").type());
            fallback.put("message", "Internal error: response encoding");
            bytes = format.write(fallback);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", format == WireFormat.CBOR ? CBOR_CONTENT_TYPE : jsonContentType);
        headers.put(REQUEST_ID_HEADER, requestIds.next());
        if (format == WireFormat.CBOR) {
            headers.put(SMITHY_PROTOCOL_HEADER, RPC_V2_CBOR);
        }
        if (queryError != null) {
            headers.put(QUERY_ERROR_HEADER, queryError);
        }
        return new ProtocolResponse(status, headers, bytes);
    }

    private static String truncate(String text) {
        return RegionClients.truncate(text);
    }

    /** Configures an {@link RpcProtocolHandler}. */
    public static final class Builder {
        private final Class<? extends SdkClient> clientInterface;
        private String signingName;
        private String targetPrefix;
        private String jsonVersion = "1.0";
        private String cborService;
        private boolean queryCompatible;
        private ServiceProtocolHandler query;
        private Class<?> missing;
        private Class<?> invalid;
        private Class<?> internal;
        private Function<String, ? extends SdkClient> regions;
        private String defaultRegion = "us-east-1";
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder(Class<? extends SdkClient> clientInterface) {
            this.clientInterface = clientInterface;
        }

        /** The SigV4 signing name, e.g. {@code monitoring}. */
        public Builder signingName(String signingName) {
            this.signingName = signingName;
            return this;
        }

        /** The {@code X-Amz-Target} prefix of the AWS JSON protocol, ending with a dot; null: no JSON protocol. */
        public Builder targetPrefix(String targetPrefix) {
            this.targetPrefix = targetPrefix;
            return this;
        }

        /** The AWS JSON version, {@code 1.0} (default) or {@code 1.1}: the content type {@code application/x-amz-json-1.0}. */
        public Builder jsonVersion(String jsonVersion) {
            this.jsonVersion = Objects.requireNonNull(jsonVersion, "jsonVersion");
            return this;
        }

        /** The service name of the Smithy RPC v2 CBOR paths ({@code /service/{name}/operation/{Op}}); null: no CBOR. */
        public Builder cborService(String cborService) {
            this.cborService = cborService;
            return this;
        }

        /** Whether errors carry the {@code x-amzn-query-error} header ({@code awsQueryCompatible} services). */
        public Builder queryCompatible(boolean queryCompatible) {
            this.queryCompatible = queryCompatible;
            return this;
        }

        /** The service's AWS Query handler, which answers its form posts; null: none. */
        public Builder query(ServiceProtocolHandler query) {
            this.query = query;
            return this;
        }

        /**
         * The service's modeled errors for a missing required member, another invalid value and an internal failure
         * (each listed in the service's model tables); null for none ({@code ValidationException},
         * {@code InternalFailure}).
         */
        public Builder errors(Class<?> missingParameter, Class<?> invalidValue, Class<?> internalFailure) {
            this.missing = missingParameter;
            this.invalid = invalidValue;
            this.internal = internalFailure;
            return this;
        }

        /**
         * The engine of each region, by region name; return {@code null} (or throw
         * {@link IllegalArgumentException}) for a region the world does not have.
         */
        public Builder regions(Function<String, ? extends SdkClient> regions) {
            this.regions = regions;
            return this;
        }

        /** The region of requests without a SigV4 credential scope (default {@code us-east-1}). */
        public Builder defaultRegion(String defaultRegion) {
            this.defaultRegion = defaultRegion;
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

        public RpcProtocolHandler build() {
            return new RpcProtocolHandler(this);
        }
    }
}
