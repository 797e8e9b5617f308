package dev.fakeecs.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.autoscaling.LoadModel;
import dev.fakeecs.autoscaling.ServiceLoad;
import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.region.Region;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /_fake-ecs/load}: the load a service gets, declared in JSON so a test in any language can say
 * "order-service gets 5x load from 19:00 to 21:00". A base rate in requests per second, multiplied inside each
 * window it falls in (windows multiply where they overlap): a daily window by local time of day ({@code "19:00"} to
 * {@code "21:00"}, in {@code timezone}, default UTC; one may cross midnight), or a one-off window by instants
 * ({@code "2026-03-06T19:00:00Z"}). It drives the service's {@code AWS/ECS} CPU and memory metrics (so the alarms
 * and policies that track them) and the requests it offers its target groups, as {@code setServiceLoad} does.
 *
 * <pre>{@code
 * POST /_fake-ecs/load
 * {"cluster": "prod", "service": "order-service", "requestsPerSecond": 60, "requestsPerTaskAtFullCpu": 50,
 *  "windows": [{"from": "19:00", "to": "21:00", "multiplier": 5}]}
 * -> {"cluster": "prod", "service": "order-service", "requestsPerSecondNow": 60.0}
 * }</pre>
 */
final class LoadDeclarations {

    /** Requests per second one task serves at 100 % CPU when the declaration names none. */
    static final double DEFAULT_REQUESTS_PER_TASK = 50;

    private record Window(LocalTime dailyFrom, LocalTime dailyTo, ZoneId zone, Instant from, Instant to,
                          double multiplier) {
        boolean covers(Instant at) {
            if (from != null) {
                return !at.isBefore(from) && at.isBefore(to);
            }
            LocalTime t = at.atZone(zone).toLocalTime();
            return dailyFrom.isBefore(dailyTo) ? !t.isBefore(dailyFrom) && t.isBefore(dailyTo)
                    : !t.isBefore(dailyFrom) || t.isBefore(dailyTo);
        }
    }

    private LoadDeclarations() {
    }

    /** Applies a declaration to the world; answers the service and its load now. */
    static JsonNode declare(FakeEcs ecs, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        String cluster = text(body, "cluster", "default");
        String service = text(body, "service", null);
        if (service == null) {
            throw new IllegalArgumentException("'service' must be a non-empty string");
        }
        double base = number(body, "requestsPerSecond", null);
        double perTask = number(body, "requestsPerTaskAtFullCpu", DEFAULT_REQUESTS_PER_TASK);
        if (!(perTask > 0)) {
            throw new IllegalArgumentException("'requestsPerTaskAtFullCpu' must be positive");
        }
        List<Window> windows = new ArrayList<>();
        JsonNode list = body.get("windows");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("'windows' must be an array of {from, to, multiplier}");
            }
            for (JsonNode w : list) {
                windows.add(window(w));
            }
        }
        LoadModel model = at -> {
            double rps = base;
            for (Window w : windows) {
                if (w.covers(at)) {
                    rps *= w.multiplier();
                }
            }
            return rps;
        };
        ServiceLoad load = body.has("baseMemoryPercent") || body.has("memoryPercentPerRequest")
                ? new ServiceLoad(model, perTask, number(body, "baseMemoryPercent", 30.0),
                        number(body, "memoryPercentPerRequest", 0.5))
                : new ServiceLoad(model, perTask);
        Region region = body.has("region") ? ecs.region(body.get("region").asText()) : ecs.defaultRegion();
        RegionEngine.of(region).serviceLoads().setLoad(cluster, service, load);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("cluster", cluster);
        answer.put("service", service);
        answer.put("requestsPerSecondNow", model.requestsPerSecond(ecs.clock().instant()));
        return answer;
    }

    private static Window window(JsonNode w) {
        if (!w.isObject()) {
            throw new IllegalArgumentException("each window is an object {from, to, multiplier}");
        }
        String from = text(w, "from", null);
        String to = text(w, "to", null);
        if (from == null || to == null) {
            throw new IllegalArgumentException("a window needs 'from' and 'to' (\"19:00\" daily, or instants)");
        }
        double multiplier = number(w, "multiplier", null);
        if (multiplier < 0) {
            throw new IllegalArgumentException("'multiplier' must not be negative");
        }
        try {
            if (from.contains("T")) {
                Instant a = Instant.parse(from);
                Instant b = Instant.parse(to);
                if (!b.isAfter(a)) {
                    throw new IllegalArgumentException("a window's 'to' must be after its 'from'");
                }
                return new Window(null, null, null, a, b, multiplier);
            }
            LocalTime a = LocalTime.parse(from);
            LocalTime b = LocalTime.parse(to);
            if (a.equals(b)) {
                throw new IllegalArgumentException("a daily window's 'from' and 'to' must differ");
            }
            return new Window(a, b, ZoneId.of(text(w, "timezone", "UTC")), null, null, multiplier);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("a window's 'from'/'to' are times of day (\"19:00\") or instants "
                    + "(\"2026-03-06T19:00:00Z\"), and 'timezone' an IANA zone: " + e.getMessage());
        }
    }

    private static String text(JsonNode j, String field, String fallback) {
        JsonNode v = j.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
        }
        return v.textValue();
    }

    private static double number(JsonNode j, String field, Double fallback) {
        JsonNode v = j.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException("'" + field + "' must be a number");
            }
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
            throw new IllegalArgumentException("'" + field + "' must be a non-negative number");
        }
        return v.doubleValue();
    }
}
