package dev.fakeecs.internal.protocol;

/**
 * One request to a simulated AWS service as the transport received it: {@code POST /} for the AWS JSON and Query
 * protocols, {@code POST /service/{Service}/operation/{Op}} for Smithy RPC v2 CBOR.
 *
 * <pre>{@code
 * new ProtocolRequest("AmazonEC2ContainerServiceV20141113.ListClusters",
 *         "application/x-amz-json-1.1", null, "{}".getBytes(StandardCharsets.UTF_8));
 * new ProtocolRequest("/service/GraniteServiceVersion20100801/operation/DescribeAlarms", null,
 *         "application/cbor", null, cborBody);
 * }</pre>
 *
 * @param path          the request's raw path ({@code /} unless the protocol routes by path), never {@code null}
 * @param target        the {@code X-Amz-Target} header, or {@code null} if absent
 * @param contentType   the {@code Content-Type} header, or {@code null}
 * @param authorization the {@code Authorization} header (SigV4), or {@code null}; its credential
 *                      scope names the region
 * @param body          the request body, never {@code null}
 */
public record ProtocolRequest(String path, String target, String contentType, String authorization, byte[] body) {

    /** The path of every request of the AWS JSON and Query protocols. */
    public static final String ROOT = "/";

    /** Substitutes {@code /} for a {@code null} path and an empty body for {@code null}. */
    public ProtocolRequest {
        path = path == null || path.isEmpty() ? ROOT : path;
        body = body == null ? new byte[0] : body;
    }

    /** A request to {@code POST /}. */
    public ProtocolRequest(String target, String contentType, String authorization, byte[] body) {
        this(ROOT, target, contentType, authorization, body);
    }
}
