package dev.fakeecs.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * @param body        the body bytes (empty for a streamed answer)
 * @param headers     further response headers
 * @param stream      for a streamed answer (the journal), what writes the body; {@code null} otherwise
 */
public record ControlResponse(int status, String contentType, byte[] body, Map<String, String> headers,
                              BodyWriter stream) {

    /** Writes a streamed body, a piece at a time, straight to the response. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The content type of JSON answers. */
    public static final String JSON = "application/json";
    /** The content type of the journal (one JSON object per line). */
    public static final String JSON_LINES = "application/x-ndjson";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Checks the arguments. */
    public ControlResponse {
        Objects.requireNonNull(contentType, "contentType");
        body = body == null ? new byte[0] : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** An answer with a body in memory. */
    public ControlResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, Map.of(), null);
    }

    /** A 200 answer whose body {@code stream} writes straight to the client, never held whole in memory. */
    public static ControlResponse streamed(String contentType, Map<String, String> headers, BodyWriter stream) {
        return new ControlResponse(200, contentType, null, headers, Objects.requireNonNull(stream, "stream"));
    }

    /** True if the body is written by {@link #stream()}. */
    public boolean streamed() {
        return stream != null;
    }

    /** Writes the body, streamed or not, to {@code out}. */
    public void writeBody(OutputStream out) throws IOException {
        if (stream != null) {
            stream.writeTo(out);
        } else {
            out.write(body);
        }
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
        if (stream == null) {
            return new String(body, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            stream.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
