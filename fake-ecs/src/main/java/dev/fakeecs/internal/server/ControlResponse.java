package dev.fakeecs.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The answer of a control API call: status, content type and body (JSON, or JSON lines for the journal).
 *
 * <pre>{@code
 * return ControlResponse.json(nodes.objectNode().put("now", clock.instant().toString()));
 * return ControlResponse.error(404, "ResourceNotFoundException", "No fault f-7");
 * }</pre>
 *
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type}
 * @param body        the body bytes
 */
public record ControlResponse(int status, String contentType, byte[] body) {

    /** The content type of JSON answers. */
    public static final String JSON = "application/json";
    /** The content type of the journal (one JSON object per line). */
    public static final String JSON_LINES = "application/x-ndjson";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Checks the arguments. */
    public ControlResponse {
        Objects.requireNonNull(contentType, "contentType");
        body = body == null ? new byte[0] : body;
    }

    /** A 200 JSON answer. */
    public static ControlResponse json(JsonNode body) {
        return json(200, body);
    }

    /** A JSON answer with the given status. */
    public static ControlResponse json(int status, JsonNode body) {
        try {
            return new ControlResponse(status, JSON, MAPPER.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 200 answer of UTF-8 text with the given content type. */
    public static ControlResponse text(String contentType, String text) {
        return new ControlResponse(200, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An error answer {@code {"__type": type, "message": message}}. */
    public static ControlResponse error(int status, String type, String message) {
        ObjectNode body = MAPPER.createObjectNode().put("__type", type).put("message", message);
        return json(status, body);
    }

    /** The body as UTF-8 text. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
