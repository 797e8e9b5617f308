package dev.fakeecs.internal.protocol;

/**
 * One AWS JSON 1.1 request as the transport received it.
 *
 * <pre>{@code
 * new ProtocolRequest("AmazonEC2ContainerServiceV20141113.ListClusters",
 *         "application/x-amz-json-1.1", null, "{}".getBytes(StandardCharsets.UTF_8));
 * }</pre>
 *
 * @param target        the {@code X-Amz-Target} header, or {@code null} if absent
 * @param contentType   the {@code Content-Type} header, or {@code null}
 * @param authorization the {@code Authorization} header (SigV4), or {@code null}; its credential
 *                      scope names the region
 * @param body          the request body, never {@code null}
 */
public record ProtocolRequest(String target, String contentType, String authorization, byte[] body) {

    /** Substitutes an empty body for {@code null}. */
    public ProtocolRequest {
        body = body == null ? new byte[0] : body;
    }
}
