package dev.fakeecs.internal.protocol.query;

import dev.fakeecs.internal.protocol.CallTrace;
import dev.fakeecs.internal.protocol.MemberPaths;
import dev.fakeecs.internal.protocol.ModelConstraints;
import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.RegionClients;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import dev.fakeecs.internal.protocol.RequestIds;
import dev.fakeecs.internal.protocol.SdkOperations;
import dev.fakeecs.internal.protocol.ServiceProtocolHandler;
import dev.fakeecs.internal.protocol.SigV4Scope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The AWS Query protocol in front of an in-process SDK client (Elastic Load Balancing v2 today, CloudWatch's
 * Query flavour later): {@code POST /} with a form body {@code Action=CreateTargetGroup&Version=2015-12-01&Name=..}
 * is decoded onto the operation's SDK request class ({@link QueryRequestDecoder}), checked against the service
 * model (required members, enums, ranges: 400 {@code ValidationError} "1 validation error detected: Value null at
 * 'name' failed to satisfy constraint: Member must not be null"), and handed to the client of the region named by
 * the SigV4 credential scope (else the default region) by reflection; its answer is written as Query XML
 * ({@link QueryXmlWriter}, content type {@code text/xml}).
 *
 * <p>Errors are {@code <ErrorResponse>}s: no {@code Action} 400 {@code MissingAction}; an unknown one 400
 * {@code InvalidAction} "The action Foo is not valid for this web service."; no {@code Version} 400
 * {@code MissingParameter}; another version 400 {@code InvalidAction} "Could not find operation Foo for version
 * 2012-06-01" (both UNCONFIRMED, rule: AWS's Coral front end resolves an operation by action and version); a
 * malformed body 400 {@code MalformedQueryString}; an SDK exception from the engine keeps its error code and
 * status (from {@code awsErrorDetails()}, else the service model's table, else its class name without
 * {@code Exception}); an operation the engine does not implement 400 {@code UnsupportedOperation}; anything else
 * escaping the engine 500 {@code InternalFailure}, naming no Java class; a body over the limit 413. Parameters the
 * model does not know are ignored, as AWS does. Thread-safe; keeps no state besides the request-id counter.
 *
 * <pre>{@code
 * QueryProtocolHandler elb = QueryProtocolHandler.builder(ElasticLoadBalancingV2Client.class)
 *         .apiVersion("2015-12-01")
 *         .xmlNamespace("http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/")
 *         .signingName("elasticloadbalancing")
 *         .regions(name -> RegionEngine.of(world.region(name)).service(LoadBalancing.SERVICE))
 *         .defaultRegion("us-east-1")
 *         .build();
 * }</pre>
 */
public final class QueryProtocolHandler implements ServiceProtocolHandler {

    /** The content type of every answer. */
    public static final String CONTENT_TYPE = "text/xml";
    /** The response header carrying the request id. */
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    /** The default request body limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** At most this many violations are spelled out in one validation message. */
    static final int MAX_REPORTED_VIOLATIONS = 25;

    private final Class<? extends SdkClient> clientInterface;
    private final SdkOperations operations;
    private final String apiVersion;
    private final String namespace;
    private final String signingName;
    private final Function<String, ? extends SdkClient> regions;
    private final String defaultRegion;
    private final int maxBodyBytes;
    private final ServiceErrors errors;
    private final String missingParameterCode;
    private final String invalidValueCode;
    private final RequestIds requestIds = new RequestIds();
    private final RegionClients<SdkClient> clients;

    private static final String MUST_NOT_BE_NULL = "Member must not be null";

    private QueryProtocolHandler(Builder builder) {
        this.missingParameterCode = builder.missingParameterCode;
        this.invalidValueCode = builder.invalidValueCode;
        this.clientInterface = builder.clientInterface;
        this.operations = SdkOperations.of(builder.clientInterface);
        this.apiVersion = Objects.requireNonNull(builder.apiVersion, "apiVersion");
        this.namespace = Objects.requireNonNull(builder.namespace, "xmlNamespace");
        this.signingName = Objects.requireNonNull(builder.signingName, "signingName");
        this.regions = Objects.requireNonNull(builder.regions, "regions");
        this.defaultRegion = Objects.requireNonNull(builder.defaultRegion, "defaultRegion");
        this.clients = new RegionClients<>(clientInterface, regions, defaultRegion);
        this.maxBodyBytes = builder.maxBodyBytes;
        this.errors = ServiceErrors.of(builder.clientInterface);
    }

    /**
     * A builder for the Query protocol of one SDK client interface.
     *
     * <pre>{@code
     * QueryProtocolHandler.builder(ElasticLoadBalancingV2Client.class).apiVersion("2015-12-01")...
     * }</pre>
     */
    public static Builder builder(Class<? extends SdkClient> clientInterface) {
        return new Builder(Objects.requireNonNull(clientInterface, "clientInterface"));
    }

    @Override
    public String signingName() {
        return signingName;
    }

    /** Query operations carry no {@code X-Amz-Target}: always {@code null}. */
    @Override
    public String targetPrefix() {
        return null;
    }

    /** The API version requests must name ({@code 2015-12-01}). */
    public String apiVersion() {
        return apiVersion;
    }

    /** The XML namespace of every answer. */
    public String xmlNamespace() {
        return namespace;
    }

    /** The largest request body accepted, in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * An unsigned request without {@code X-Amz-Target} is this service's if it is a form post (1) and names this
     * service's API version (2).
     */
    @Override
    public int recognises(ProtocolRequest request) {
        if (request.target() != null || !FormParameters.isForm(request.contentType())) {
            return 0;
        }
        try {
            return apiVersion.equals(FormParameters.parse(request.body()).get("Version")) ? 2 : 1;
        } catch (QueryError malformed) {
            return 1;
        }
    }

    @Override
    public ProtocolResponse tooLarge(long size, int limit) {
        String actual = size >= 0 ? size + " bytes" : "The request body";
        return error(new QueryError("RequestEntityTooLarge", 413,
                actual + " exceeds the request size limit of " + limit + " bytes"));
    }

    /** Answers one request; never throws for anything the client sent. */
    @Override
    public ProtocolResponse handle(ProtocolRequest request) {
        QueryError error;
        try {
            return dispatch(request);
        } catch (QueryError e) {
            error = e;
        } catch (SdkServiceException e) {
            error = errors.of(e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // an engine bug: the client learns nothing about the implementation
            error = new QueryError("InternalFailure", 500, "The request processing has failed because of an unknown error.");
        }
        return error(error);
    }

    private ProtocolResponse dispatch(ProtocolRequest request) throws Throwable {
        if (request.body().length > maxBodyBytes) {
            throw new QueryError("RequestEntityTooLarge", 413, request.body().length
                    + " bytes exceeds the request size limit of " + maxBodyBytes + " bytes");
        }
        Map<String, String> parameters = FormParameters.parse(request.body());
        String action = parameters.get("Action");
        if (action == null || action.isEmpty()) {
            throw QueryError.sender("MissingAction", "The request must contain the parameter Action.");
        }
        Method method = operations.method(action);
        if (method == null) {
            throw QueryError.sender("InvalidAction", "The action " + truncate(action) + " is not valid for this web service.");
        }
        CallTrace.operation(action);
        String version = parameters.get("Version");
        if (version == null || version.isEmpty()) {
            throw QueryError.sender("MissingParameter", "The request must contain the parameter Version.");
        }
        if (!version.equals(apiVersion)) {
            throw QueryError.sender("InvalidAction", "Could not find operation " + action + " for version "
                    + truncate(version));
        }
        SdkClient client = client(SigV4Scope.regionOf(request.authorization()));
        // the model's checks are the front end's, before (and whatever) the engine implements
        List<String> violations = new ArrayList<>();
        SdkPojo sdkRequest = QueryRequestDecoder.decode(method.getParameterTypes()[0], parameters, violations);
        CallTrace.request(sdkRequest);
        violations.addAll(ModelConstraints.violations(sdkRequest, MemberPaths.QUERY));
        if (!violations.isEmpty()) {
            boolean onlyMissing = violations.stream().allMatch(v -> v.endsWith(MUST_NOT_BE_NULL));
            throw QueryError.sender(onlyMissing ? missingParameterCode : invalidValueCode, validationMessage(violations));
        }
        if (!isImplemented(client, method)) {
            throw unsupported(action);
        }
        Object result;
        try {
            result = method.invoke(client, sdkRequest);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof UnsupportedOperationException) {
                throw unsupported(action);
            }
            throw e.getCause();
        }
        if (!(result instanceof SdkPojo)) {
            throw new IllegalStateException("the engine answered " + action + " with " + result);
        }
        String id = requestIds.next();
        return respond(200, QueryXmlWriter.response(namespace, action, (SdkPojo) result, id), id);
    }

    private static String validationMessage(List<String> violations) {
        List<String> shown = violations.size() <= MAX_REPORTED_VIOLATIONS
                ? violations : violations.subList(0, MAX_REPORTED_VIOLATIONS);
        String message = ModelConstraints.message(shown);
        if (shown.size() < violations.size()) {
            message = violations.size() + message.substring(message.indexOf(' '));
        }
        return message;
    }

    private SdkClient client(String signedRegion) {
        SdkClient client = clients.forRegion(signedRegion);
        if (client == null) {
            throw QueryError.sender(QueryError.VALIDATION_ERROR, RegionClients.unknownRegion(clients.regionOf(signedRegion)));
        }
        return client;
    }

    private boolean isImplemented(SdkClient client, Method method) {
        return clients.isImplemented(client, method);
    }

    private static QueryError unsupported(String action) {
        return QueryError.sender("UnsupportedOperation", "fake-ecs does not support the operation " + action + " yet");
    }

    private ProtocolResponse error(QueryError error) {
        CallTrace.failed(error.code(), error.getMessage());
        String id = requestIds.next();
        return respond(error.status(), QueryXmlWriter.error(namespace, error.type(), error.code(), error.getMessage(), id), id);
    }

    private ProtocolResponse respond(int status, byte[] body, String requestId) {
        return new ProtocolResponse(status, Map.of("Content-Type", CONTENT_TYPE, REQUEST_ID_HEADER, requestId), body);
    }

    private static String truncate(String text) {
        return RegionClients.truncate(text);
    }

    /** Configures a {@link QueryProtocolHandler}. */
    public static final class Builder {
        private final Class<? extends SdkClient> clientInterface;
        private String apiVersion;
        private String namespace;
        private String signingName;
        private Function<String, ? extends SdkClient> regions;
        private String defaultRegion = "us-east-1";
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private String missingParameterCode = QueryError.VALIDATION_ERROR;
        private String invalidValueCode = QueryError.VALIDATION_ERROR;

        private Builder(Class<? extends SdkClient> clientInterface) {
            this.clientInterface = clientInterface;
        }

        /**
         * The error codes of requests that break the model (default {@code ValidationError} for both): one for a
         * request whose only problems are missing required members, one for any other (CloudWatch:
         * {@code MissingParameter}, {@code InvalidParameterValue}).
         */
        public Builder validationErrorCodes(String missingParameterCode, String invalidValueCode) {
            this.missingParameterCode = Objects.requireNonNull(missingParameterCode, "missingParameterCode");
            this.invalidValueCode = Objects.requireNonNull(invalidValueCode, "invalidValueCode");
            return this;
        }

        /** The API version requests must name in their {@code Version} field, e.g. {@code 2015-12-01}. */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        /** The XML namespace of answers, e.g. {@code http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/}. */
        public Builder xmlNamespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** The SigV4 signing name, e.g. {@code elasticloadbalancing}. */
        public Builder signingName(String signingName) {
            this.signingName = signingName;
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

        public QueryProtocolHandler build() {
            return new QueryProtocolHandler(this);
        }
    }
}
