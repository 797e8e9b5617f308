package dev.fakeecs.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Routes one HTTP exchange: {@code POST /} and {@code POST /service/...} (Smithy RPC v2) to the protocol
 * router, {@code GET /} to the health line,
 * {@code /_fake-ecs/...} to the control API; every other answer is a JSON error, never an HTML page.
 */
public final class ServerExchangeHandler implements HttpHandler {

    static final String CONTROL_PREFIX = "/_fake-ecs";
    private static final byte[] HEALTH = "{\"service\":\"fake-ecs\",\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ProtocolRouter protocol;
    private final ControlApi control;

    private final WallLatency wallLatency;
    private final ControlGuard guard;

    /**
     * @param guard who may call the control API; {@code null} turns the control API off (every
     *              {@code /_fake-ecs/} path answers 404)
     */
    public ServerExchangeHandler(ProtocolRouter protocol, ControlApi control, WallLatency wallLatency, ControlGuard guard) {
        this.protocol = protocol;
        this.wallLatency = wallLatency;
        this.control = control;
        this.guard = guard;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (IOException e) {
                throw e;
            } catch (BodyUnreadable e) {
                ControlResponse error = ControlResponse.error(400, "SerializationException",
                        "The request body ended before its Content-Length");
                send(exchange, error.status(), error.contentType(), null, error.body());
            } catch (VirtualMachineError e) {
                // Out of memory (or similar) on a request thread: hand it to the thread's uncaught-exception
                // handler now (the runnable server's halts the JVM) rather than hope it survives the HTTP
                // server's own error handling; then let it propagate.
                Thread thread = Thread.currentThread();
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
                throw e;
            } catch (RuntimeException e) {
                ControlResponse error = ControlResponse.error(500, "ServerException",
                        "Internal error: fake-ecs could not answer " + exchange.getRequestMethod() + " "
                                + exchange.getRequestURI().getRawPath() + "; please report it with the request");
                send(exchange, error.status(), error.contentType(), null, error.body());
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals(CONTROL_PREFIX) || path.startsWith(CONTROL_PREFIX + "/")) {
            control(exchange, method, path.substring(CONTROL_PREFIX.length()));
        } else if (method.equals("POST") && ProtocolRouter.isApiPath(path)) {
            ecs(exchange, path);
        } else if (!path.equals("/")) {
            sendControl(exchange, ControlResponse.error(404, "NotFound", "fake-ecs serves ECS at POST / and its control API under /_fake-ecs/"));
        } else if (method.equals("GET") || method.equals("HEAD")) {
            send(exchange, 200, ControlResponse.JSON, null, HEALTH);
        } else {
            sendControl(exchange, ControlResponse.error(405, "MethodNotAllowed", method + " is not allowed on /; ECS requests are POST /"));
        }
    }

    private void ecs(HttpExchange exchange, String path) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        byte[] body = readBody(exchange, protocol.maxBodyBytes());
        delay(path, headers, body);
        ProtocolResponse response = body == null
                ? protocol.tooLarge(declaredLength(headers), path, headers.getFirst("X-Amz-Target"),
                        headers.getFirst("Content-Type"), headers.getFirst("Authorization"))
                : protocol.handle(new ProtocolRequest(path, headers.getFirst("X-Amz-Target"),
                        headers.getFirst("Content-Type"), headers.getFirst("Authorization"), body));
        send(exchange, response.statusCode(), null, response.headers(), response.body());
    }

    /** The API_LATENCY fault over the wire: a real sleep on this server thread, never under the engine lock. */
    private void delay(String path, Headers headers, byte[] body) {
        if (wallLatency == WallLatency.NONE) {
            return;
        }
        String operation = ApiOperations.name(path, headers.getFirst("X-Amz-Target"), headers.getFirst("Content-Type"), body);
        if (operation == null) {
            return;
        }
        long millis = wallLatency.latencyFor(dev.fakeecs.internal.protocol.SigV4Scope.regionOf(headers.getFirst("Authorization")),
                operation).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void control(HttpExchange exchange, String method, String path) throws IOException {
        byte[] body = readBody(exchange, protocol.maxBodyBytes());
        if (guard == null) {
            sendControl(exchange, ControlResponse.error(404, "NotFound",
                    "The control API is off on this server (started with --control-api off)"));
            return;
        }
        Headers headers = exchange.getRequestHeaders();
        String refusal = guard.refusal(method, headers.getFirst("Host"), headers.getFirst("Origin"),
                headers.getFirst("Content-Type"));
        if (refusal != null) {
            sendControl(exchange, ControlResponse.error(403, "AccessDeniedException", refusal));
            return;
        }
        if (body == null) {
            sendControl(exchange, ControlResponse.error(413, "RequestEntityTooLargeException", "The control request is too large"));
            return;
        }
        JsonNode json = null;
        if (body.length > 0) {
            try {
                json = MAPPER.readTree(body);
            } catch (IOException e) {
                sendControl(exchange, ControlResponse.error(400, "SerializationException", "Malformed JSON"));
                return;
            }
        }
        sendControl(exchange, control.handle(method, path.isEmpty() ? "/" : path, exchange.getRequestURI().getRawQuery(), json));
    }

    /** Bodies up to this size are read (and dropped) even when refused, so the client gets the 413 answer. */
    private static final long DRAIN_LIMIT = 64L << 20;

    /**
     * The body, or {@code null} if it exceeds {@code limit} (declared or actual). A body declared larger
     * than {@link #DRAIN_LIMIT} is not read at all: the answer goes out first and the connection is closed
     * afterwards; a smaller oversized one is drained so the connection can be reused.
     *
     * @throws BodyUnreadable if the body ends before its {@code Content-Length} or cannot be read
     */
    private static byte[] readBody(HttpExchange exchange, int limit) {
        long declared = declaredLength(exchange.getRequestHeaders());
        InputStream in = exchange.getRequestBody();
        try {
            if (declared > limit) {
                drain(in, declared);
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    drain(in, declared);
                    return null;
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new BodyUnreadable();
        }
    }

    /** The request body could not be read in full (it ended before its Content-Length). */
    private static final class BodyUnreadable extends RuntimeException {
        BodyUnreadable() {
            super(null, null, false, false);
        }
    }

    private static void drain(InputStream in, long declared) throws IOException {
        if (declared > DRAIN_LIMIT) {
            return; // the server closes the connection after answering
        }
        byte[] buffer = new byte[65536];
        long total = 0;
        int n;
        while (total <= DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
            total += n;
        }
    }

    private static long declaredLength(Headers headers) {
        String length = headers.getFirst("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void sendControl(HttpExchange exchange, ControlResponse response) throws IOException {
        if (!response.streamed()) {
            send(exchange, response.status(), response.contentType(), response.headers(), response.body());
            return;
        }
        Headers out = exchange.getResponseHeaders();
        response.headers().forEach(out::set);
        out.set("Content-Type", response.contentType());
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), 0); // chunked: the body is written as it is produced
        try (OutputStream stream = exchange.getResponseBody()) {
            response.writeBody(stream);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, Map<String, String> headers,
            byte[] body) throws IOException {
        Headers out = exchange.getResponseHeaders();
        if (headers != null) {
            headers.forEach(out::set);
        }
        if (contentType != null) {
            out.set("Content-Type", contentType);
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        }
    }
}
