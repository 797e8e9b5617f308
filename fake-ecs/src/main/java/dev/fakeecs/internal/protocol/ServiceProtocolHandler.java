package dev.fakeecs.internal.protocol;

/**
 * One simulated AWS service as the wire sees it: how its requests are recognised (the {@code X-Amz-Target}
 * prefix of a JSON protocol, the SigV4 signing name) and how it answers them. The {@link ProtocolRouter}
 * sends each request to the one service it belongs to; adding a service to the server and the in-process
 * clients is registering its handler with the router.
 *
 * <pre>{@code
 * ProtocolRouter router = ProtocolRouter.builder().defaultRegion("us-east-1")
 *     .service(EcsProtocolHandler.builder().regions(name -> ecs.region(name).api()).build())
 *     .build();
 * }</pre>
 */
public interface ServiceProtocolHandler {

    /** The service's SigV4 signing name, as in the credential scope ({@code ecs}, {@code elasticloadbalancing}). */
    String signingName();

    /**
     * The {@code X-Amz-Target} prefix of every operation (JSON 1.0/1.1 protocols, ending with a dot), or
     * null for a service that is not recognised by target.
     */
    String targetPrefix();

    /** Answers one request of this service; never throws for anything the client sent. */
    ProtocolResponse handle(ProtocolRequest request);

    /**
     * How surely this service recognises, by its content, a request that carries neither an
     * {@code X-Amz-Target} header nor a SigV4 signing name: 0 not at all (the default), higher is surer (the
     * Query protocol: 1 for a form post, 2 when its {@code Version} field names this service's API version).
     */
    default int recognises(ProtocolRequest request) {
        return 0;
    }

    /**
     * This service's own answer to a request body of {@code size} bytes (negative: unknown) over the limit of
     * {@code limit} bytes, or {@code null} to let the router answer in JSON.
     */
    default ProtocolResponse tooLarge(long size, int limit) {
        return null;
    }

    /**
     * This service's own answer to a request (its headers and path, without its body) whose body of {@code size}
     * bytes is over the limit of {@code limit} bytes, in the protocol the request speaks; by default
     * {@link #tooLarge(long, int)}.
     */
    default ProtocolResponse tooLarge(ProtocolRequest headers, long size, int limit) {
        return tooLarge(size, limit);
    }

    /**
     * Whether this service answers requests to {@code path}: {@code /} by default; a Smithy RPC v2 service also
     * answers {@code /service/{Service}/operation/{Op}}. A request routed to a service that does not serve its path
     * is answered 404 by the router.
     */
    default boolean servesPath(String path) {
        return ProtocolRequest.ROOT.equals(path);
    }
}
