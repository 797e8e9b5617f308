package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The front of every simulated AWS service: takes a request as the transport received it (HTTP server
 * or in-process SDK client) and hands it to the service it belongs to, recognised by its protocol: the
 * {@code X-Amz-Target} prefix for the AWS JSON protocols, else the service named in the SigV4 credential
 * scope, else what its path or content says (a Smithy RPC v2 path {@code /service/{Service}/operation/{Op}}, a
 * Query form post's {@code Version} field, see {@link ServiceProtocolHandler#recognises}). A request no registered
 * service claims gets a JSON {@code UnknownOperationException}; an unsigned one that nothing recognises goes to the
 * first service (ECS); a request to a path its service does not serve ({@link ServiceProtocolHandler#servesPath}) is
 * a JSON 404.
 *
 * <pre>{@code
 * ProtocolRouter router = ProtocolRouter.builder().defaultRegion("us-east-1")
 *     .service(EcsProtocolHandler.builder().regions(name -> ecs.region(name).api()).build())
 *     .build();
 * ProtocolResponse r = router.handle(new ProtocolRequest(target, contentType, authorization, body));
 * }</pre>
 */
public final class ProtocolRouter {

    private final List<ServiceProtocolHandler> services;
    private final String defaultRegion;
    private final int maxBodyBytes;
    private final RequestIds requestIds = new RequestIds();
    private final CallRecorder recorder;

    private ProtocolRouter(Builder builder) {
        this.services = List.copyOf(builder.services);
        this.recorder = builder.recorder;
        this.defaultRegion = builder.defaultRegion;
        this.maxBodyBytes = builder.maxBodyBytes;
        if (services.isEmpty()) {
            throw new IllegalStateException("a protocol router needs at least one service");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A router in front of one ECS handler, with its default region and body limit. */
    public static ProtocolRouter of(EcsProtocolHandler ecs) {
        return builder().service(ecs).defaultRegion(ecs.defaultRegion()).maxBodyBytes(ecs.maxBodyBytes()).build();
    }

    /** The largest request body accepted, in bytes; larger bodies are answered 413. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The region requests without a SigV4 credential scope go to. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /** The registered services, in registration order. */
    public List<ServiceProtocolHandler> services() {
        return services;
    }

    /** Answers one request; never throws for anything the client sent. */
    public ProtocolResponse handle(ProtocolRequest request) {
        ServiceProtocolHandler service = serviceOf(request);
        if (service != null && !service.servesPath(request.path())) {
            return error(404, ProtocolException.UNKNOWN_OPERATION, "No operation at " + truncate(request.path()));
        }
        if (service == null) {
            String target = request.target();
            return error(400, ProtocolException.UNKNOWN_OPERATION, target == null
                    ? "Missing X-Amz-Target header" : "Unknown target: " + truncate(target));
        }
        if (recorder == null) {
            return service.handle(request);
        }
        String region = SigV4Scope.regionOf(request.authorization());
        CallTrace trace = recorder.start(service.signingName(), region == null ? defaultRegion : region);
        CallTrace previous = CallTrace.begin(trace);
        ProtocolResponse response;
        try {
            response = service.handle(request);
        } finally {
            CallTrace.end(previous);
        }
        recorder.finish(trace, response.statusCode());
        return response;
    }

    /** The recorder every answered call goes to, or null when this router records none. */
    public CallRecorder recorder() {
        return recorder;
    }

    /**
     * The 413 answer for a body of {@code size} bytes, for transports that stop reading at the limit.
     *
     * <pre>{@code
     * if (contentLength > router.maxBodyBytes()) return router.tooLarge(contentLength);
     * }</pre>
     */
    public ProtocolResponse tooLarge(long size) {
        String actual = size >= 0 ? size + " bytes" : "The request body";
        return error(413, ProtocolException.REQUEST_TOO_LARGE,
                actual + " exceeds the request size limit of " + maxBodyBytes + " bytes");
    }

    /**
     * The 413 answer for a body of {@code size} bytes in the protocol of the service the request's headers
     * point to (a Query form post is answered in XML), for transports that stop reading at the limit.
     *
     * <pre>{@code
     * if (contentLength > router.maxBodyBytes()) return router.tooLarge(contentLength, target, contentType, authorization);
     * }</pre>
     */
    public ProtocolResponse tooLarge(long size, String target, String contentType, String authorization) {
        return tooLarge(size, ProtocolRequest.ROOT, target, contentType, authorization);
    }

    /**
     * The 413 answer, in the protocol of the service the request's path and headers point to.
     *
     * <pre>{@code
     * if (contentLength > router.maxBodyBytes()) return router.tooLarge(contentLength, path, target, contentType, authorization);
     * }</pre>
     */
    public ProtocolResponse tooLarge(long size, String path, String target, String contentType, String authorization) {
        ProtocolRequest headers = new ProtocolRequest(path, target, contentType, authorization, null);
        ServiceProtocolHandler service = serviceOf(headers);
        ProtocolResponse own = service == null ? null : service.tooLarge(headers, size, maxBodyBytes);
        return own != null ? own : tooLarge(size);
    }

    /**
     * Whether requests to {@code path} are the router's: {@code /} and the Smithy RPC v2 paths under
     * {@code /service/}. Transports answer every other path themselves.
     */
    public static boolean isApiPath(String path) {
        return ProtocolRequest.ROOT.equals(path) || (path != null && path.startsWith(SERVICE_PATH_PREFIX));
    }

    /** The path prefix of the Smithy RPC v2 protocols: {@code /service/{Service}/operation/{Op}}. */
    public static final String SERVICE_PATH_PREFIX = "/service/";

    private ServiceProtocolHandler serviceOf(ProtocolRequest request) {
        String target = request.target();
        if (target != null) {
            for (ServiceProtocolHandler s : services) {
                if (s.targetPrefix() != null && target.startsWith(s.targetPrefix())) {
                    return s;
                }
            }
        }
        String signingName = SigV4Scope.serviceOf(request.authorization());
        for (ServiceProtocolHandler s : services) {
            if (s.signingName().equals(signingName)) {
                return s;
            }
        }
        if (signingName != null) {
            return null;
        }
        if (target == null) {
            ServiceProtocolHandler best = null;
            int sureness = 0;
            for (ServiceProtocolHandler s : services) {
                int r = s.recognises(request);
                if (r > sureness) {
                    best = s;
                    sureness = r;
                }
            }
            if (best != null) {
                return best;
            }
        }
        // Unsigned requests without a known target go to the first service (ECS), which names what is wrong.
        return services.get(0);
    }

    private ProtocolResponse error(int status, String type, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("__type", type).put("message", message);
        return new ProtocolResponse(status, Map.of("Content-Type", EcsProtocolHandler.CONTENT_TYPE,
                EcsProtocolHandler.REQUEST_ID_HEADER, requestIds.next()),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Configures a {@link ProtocolRouter}. */
    public static final class Builder {
        private final List<ServiceProtocolHandler> services = new ArrayList<>();
        private String defaultRegion = "us-east-1";
        private int maxBodyBytes = EcsProtocolHandler.DEFAULT_MAX_BODY_BYTES;
        private CallRecorder recorder;

        private Builder() {
        }

        /** Records every call a service answers (the world's call log); none by default. */
        public Builder recorder(CallRecorder recorder) {
            this.recorder = recorder;
            return this;
        }

        /** Registers a service; the first registered answers requests no other claims. */
        public Builder service(ServiceProtocolHandler service) {
            services.add(Objects.requireNonNull(service, "service"));
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

        public ProtocolRouter build() {
            return new ProtocolRouter(this);
        }
    }
}
