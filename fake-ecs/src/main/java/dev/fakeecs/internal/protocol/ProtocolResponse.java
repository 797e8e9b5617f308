package dev.fakeecs.internal.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The answer to one request: status, headers ({@code Content-Type}, {@code x-amzn-RequestId}, and whatever the
 * protocol adds, such as {@code smithy-protocol}) and a body in the request's protocol (JSON, CBOR or Query XML).
 *
 * <pre>{@code
 * ProtocolResponse response = handler.handle(request);
 * exchange.sendResponseHeaders(response.statusCode(), response.body().length);
 * }</pre>
 *
 * @param statusCode the HTTP status
 * @param headers    response headers, by name
 * @param body       the body
 */
public record ProtocolResponse(int statusCode, Map<String, String> headers, byte[] body) {

    /** Copies the headers. */
    public ProtocolResponse {
        headers = Map.copyOf(headers);
    }

    /** The body as UTF-8 text. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }
}
