package dev.fakeecs.internal.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The control API under {@code /_fake-ecs/}: JSON in, JSON out, so tools in any language drive time
 * and chaos. The server strips the {@code /_fake-ecs} prefix: {@code GET /_fake-ecs/clock} arrives
 * as {@code ("GET", "/clock", body)}.
 *
 * <pre>{@code
 * ControlApi api = ControlApi.of(backend);
 * ControlResponse now = api.handle("GET", "/clock", null);             // {"now":"2026-01-01T00:00:00Z"}
 * api.handle("POST", "/clock/advance", json("{\"seconds\": 30}"));    // runs every event due
 * }</pre>
 */
@FunctionalInterface
public interface ControlApi {

    /**
     * Answers one control call.
     *
     * @param method the HTTP method, upper case
     * @param path   the path below {@code /_fake-ecs}, starting with {@code /}, without the query
     * @param body   the JSON body, or {@code null} if there was none
     */
    ControlResponse handle(String method, String path, JsonNode body);

    /**
     * Answers one control call that came with a query string ({@code since=0&limit=100}, raw, or
     * {@code null}); routes that take no parameters ignore it.
     */
    default ControlResponse handle(String method, String path, String query, JsonNode body) {
        return handle(method, path, body);
    }

    /** The standard routes ({@code clock}, {@code clock/advance}, {@code faults}, {@code images}, ...) over a backend. */
    static ControlApi of(ControlApiBackend backend) {
        return new BackendControlApi(backend);
    }

    /** A control API that answers every call 404: for servers without one. */
    static ControlApi none() {
        return (method, path, body) -> ControlResponse.error(404, "NotFound", "This server has no control API");
    }
}
