package dev.fakeecs.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Objects;

/** The standard control routes over a {@link ControlApiBackend}. */
final class BackendControlApi implements ControlApi {

    private static final String FAULTS = "/faults";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ControlApiBackend backend;

    BackendControlApi(ControlApiBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    @Override
    public ControlResponse handle(String method, String path, JsonNode body) {
        return handle(method, path, null, body);
    }

    @Override
    public ControlResponse handle(String method, String path, String query, JsonNode body) {
        String route = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        try {
            if (route.equals("/journal") && method.equals("GET")) {
                return journal(query);
            }
            if (route.equals("/events") && method.equals("GET")) {
                return events(query);
            }
            return route(method, route, body == null ? NODES.objectNode() : body);
        } catch (IllegalArgumentException e) {
            return ControlResponse.error(400, "InvalidParameterException", String.valueOf(e.getMessage()));
        } catch (NoSuchElementException e) {
            return ControlResponse.error(404, "ResourceNotFoundException", String.valueOf(e.getMessage()));
        } catch (AwsServiceException e) {
            // the engine's own ECS error (ClusterNotFoundException "Cluster not found.", ...): answered as ECS would
            AwsErrorDetails details = e.awsErrorDetails();
            String type = details != null && details.errorCode() != null ? details.errorCode() : "InvalidParameterException";
            String message = details != null && details.errorMessage() != null ? details.errorMessage() : "Invalid request";
            int status = e.statusCode() >= 400 && e.statusCode() < 500 ? e.statusCode() : 400;
            return ControlResponse.error(status, type, message);
        } catch (UnsupportedOperationException e) {
            return ControlResponse.error(501, "UnsupportedOperation",
                    "fake-ecs does not support " + method + " /_fake-ecs" + route + " yet");
        }
    }

    private ControlResponse route(String method, String route, JsonNode body) {
        switch (route) {
            case "/clock":
                return expect("GET", method, route) ? now(backend.now()) : notAllowed(method, route);
            case "/clock/advance":
                return expect("POST", method, route) ? now(backend.advance(seconds(body))) : notAllowed(method, route);
            case "/journal":
                return notAllowed(method, route); // GET is answered by journal(query)
            case "/events":
                return notAllowed(method, route); // GET is answered by events(query)
            case "/reset":
                if (!expect("POST", method, route)) {
                    return notAllowed(method, route);
                }
                backend.reset();
                return ControlResponse.json(NODES.objectNode().put("reset", true).put("now", backend.now().toString()));
            case FAULTS:
                if (!expect("POST", method, route)) {
                    return notAllowed(method, route);
                }
                requireObject(body);
                return ControlResponse.json(NODES.objectNode().put("faultId", backend.injectFault(body)));
            case "/images":
                if (!expect("POST", method, route)) {
                    return notAllowed(method, route);
                }
                String image = text(body, "image");
                backend.declareImage(image, body.has("behavior") ? body.get("behavior") : NODES.objectNode());
                return ControlResponse.json(NODES.objectNode().put("image", image));
            case "/hooks":
                if (!expect("POST", method, route)) {
                    return notAllowed(method, route);
                }
                requireObject(body);
                return ControlResponse.json(backend.declareHook(body));
            case "/load":
                if (!expect("POST", method, route)) {
                    return notAllowed(method, route);
                }
                requireObject(body);
                return ControlResponse.json(backend.declareLoad(body));
            case "/instances":
                if (!expect("POST", method, route)) {
                    return notAllowed(method, route);
                }
                requireObject(body);
                return ControlResponse.json(backend.launchInstances(body));
            default:
                if (route.startsWith(FAULTS + "/") && route.length() > FAULTS.length() + 1) {
                    if (!expect("DELETE", method, route)) {
                        return notAllowed(method, route);
                    }
                    String id = route.substring(FAULTS.length() + 1);
                    backend.endFault(id);
                    return ControlResponse.json(NODES.objectNode().put("faultId", id).put("ended", true));
                }
                return ControlResponse.error(404, "NotFound", "No control endpoint " + method + " /_fake-ecs" + route
                        + "; see /_fake-ecs/clock, /clock/advance, /events, /faults, /hooks, /images, /instances, /journal, /load, /reset");
        }
    }

    /**
     * {@code GET /journal?since=SEQ&limit=N}: the kept entries with {@code seq >= since} (default 0), at
     * most {@code limit} of them (default all), streamed in pages. The headers say which sequence numbers
     * the journal held when the call came: {@code X-Fake-Ecs-Journal-First-Seq} (entries before it were
     * trimmed by the retention) and {@code X-Fake-Ecs-Journal-Next-Seq} (pass it as {@code since} next time).
     */
    private ControlResponse journal(String query) {
        long since = 0;
        long limit = Long.MAX_VALUE;
        java.util.Set<String> seen = new java.util.HashSet<>();
        if (query != null && !query.isEmpty()) {
            for (String parameter : query.split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int eq = parameter.indexOf('=');
                String name = decode(eq < 0 ? parameter : parameter.substring(0, eq));
                String value = decode(eq < 0 ? "" : parameter.substring(eq + 1));
                if (!name.equals("since") && !name.equals("limit")) {
                    throw new IllegalArgumentException("GET /_fake-ecs/journal takes the query parameters since and "
                            + "limit only, not '" + shorten(name) + "'");
                }
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("'" + name + "' is given more than once");
                }
                if (!value.matches("\\d{1,18}")) {
                    throw new IllegalArgumentException("'" + name + "' must be a non-negative whole number (at most 18 "
                            + "digits), not '" + shorten(value) + "'");
                }
                if (name.equals("since")) {
                    since = Long.parseLong(value);
                } else {
                    limit = Long.parseLong(value);
                }
            }
        }
        dev.fakeecs.journal.Journal journal = backend.journal();
        long from = since;
        long max = limit;
        long next = journal.mark(); // the body stops here, whatever is recorded while it streams
        return ControlResponse.streamed(ControlResponse.JSON_LINES,
                java.util.Map.of("X-Fake-Ecs-Journal-First-Seq", Long.toString(journal.firstSequence()),
                        "X-Fake-Ecs-Journal-Next-Seq", Long.toString(next)),
                out -> {
                    java.io.Writer writer = new java.io.BufferedWriter(
                            new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 16384);
                    try {
                        journal.writeJsonLines(writer, from, next, max);
                    } catch (java.io.UncheckedIOException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * {@code GET /events?since=N}: ECS's events in EventBridge's envelope, one per line, in emission order, from the
     * N-th on (default 0), streamed. {@code X-Fake-Ecs-Events-First-Seq} says which is the oldest still kept (the
     * world's retention trims events like journal entries), {@code X-Fake-Ecs-Events-Next-Seq} what to pass as
     * {@code since} next time.
     */
    private ControlResponse events(String query) {
        long since = 0;
        if (query != null && !query.isEmpty()) {
            boolean seen = false;
            for (String parameter : query.split("&")) {
                if (parameter.isEmpty()) {
                    continue;
                }
                int eq = parameter.indexOf('=');
                String name = decode(eq < 0 ? parameter : parameter.substring(0, eq));
                String value = decode(eq < 0 ? "" : parameter.substring(eq + 1));
                if (!name.equals("since")) {
                    throw new IllegalArgumentException("GET /_fake-ecs/events takes the query parameter since only, "
                            + "not '" + shorten(name) + "'");
                }
                if (seen) {
                    throw new IllegalArgumentException("'since' is given more than once");
                }
                seen = true;
                if (!value.matches("\\d{1,18}")) {
                    throw new IllegalArgumentException("'since' must be a non-negative whole number (at most 18 "
                            + "digits), not '" + shorten(value) + "'");
                }
                since = Long.parseLong(value);
            }
        }
        dev.fakeecs.events.EcsEvents events = backend.events();
        long from = since;
        long next = events.mark(); // the body stops here, whatever is emitted while it streams
        return ControlResponse.streamed(ControlResponse.JSON_LINES,
                java.util.Map.of("X-Fake-Ecs-Events-First-Seq", Long.toString(events.firstSequence()),
                        "X-Fake-Ecs-Events-Next-Seq", Long.toString(next)),
                out -> {
                    java.io.Writer writer = new java.io.BufferedWriter(
                            new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 16384);
                    try {
                        events.writeJsonLines(writer, from, next);
                    } catch (java.io.UncheckedIOException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String decode(String raw) {
        try {
            return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the query string is malformed; GET /_fake-ecs/journal takes "
                    + "since=SEQ and limit=N");
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static boolean expect(String expected, String method, String route) {
        return expected.equals(method);
    }

    private static ControlResponse notAllowed(String method, String route) {
        return ControlResponse.error(405, "MethodNotAllowed", method + " is not allowed on /_fake-ecs" + route);
    }

    private static ControlResponse now(Instant now) {
        ObjectNode body = NODES.objectNode().put("now", now.toString());
        return ControlResponse.json(body);
    }

    /** The longest {@code /clock/advance} the control API takes in one call: 30 virtual days. */
    static final long MAX_ADVANCE_SECONDS = 30L * 24 * 3600;

    private static Duration seconds(JsonNode body) {
        requireObject(body);
        JsonNode seconds = body.get("seconds");
        if (seconds == null || !seconds.isNumber()) {
            throw new IllegalArgumentException("'seconds' must be a number, e.g. {\"seconds\": 30}");
        }
        if (seconds.isFloatingPointNumber() && !Double.isFinite(seconds.doubleValue())) {
            throw new IllegalArgumentException("'seconds' must be a finite number: " + seconds.asText());
        }
        BigDecimal value = seconds.decimalValue();
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(MAX_ADVANCE_SECONDS)) > 0) {
            throw new IllegalArgumentException("'seconds' must be between 0 and " + MAX_ADVANCE_SECONDS
                    + " (30 virtual days) per call; advance in several calls to go further: " + value.toPlainString());
        }
        return Duration.ofMillis(value.movePointRight(3).longValue());
    }

    private static String text(JsonNode body, String member) {
        requireObject(body);
        JsonNode value = body.get(member);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalArgumentException("'" + member + "' must be a non-empty string");
        }
        return value.textValue();
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
    }
}
