package dev.fakeecs.internal.server;

import dev.fakeecs.internal.region.RegionEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.internal.containerinstance.SimulatedContainerInstance;
import dev.fakeecs.image.ImageBehavior;
import dev.fakeecs.region.Region;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The control API's world-changing calls, shared by the standalone server and in-JVM servers:
 * declaring image behaviour and launching simulated EC2 hosts.
 *
 * <pre>{@code
 * WorldControls.declareImage(ecs, "acme/web:1", json("{\"exitAfterSeconds\": 30, \"exitCode\": 1}"));
 * WorldControls.launchInstances(ecs, json("{\"cluster\":\"prod\",\"instanceType\":\"m5.large\",\"count\":2}"));
 * }</pre>
 */
public final class WorldControls {

    private WorldControls() {
    }

    /** Long advances run in slices of this much virtual time, the engine lock released between slices. */
    static final Duration ADVANCE_SLICE = Duration.ofHours(1);
    /**
     * How many times, at most, a sliced advance yields between slices while calls are queued on the engine
     * lock (a count, not a wall-clock time: nothing here reads the system clock).
     */
    private static final int MAX_YIELDS = 100_000;

    /**
     * Advances the world's clock by {@code duration} one {@link #ADVANCE_SLICE} at a time, letting calls
     * waiting for the engine lock run between slices. Without such calls the outcome (events, journal,
     * final instant) is that of a single advance: events run in (due time, sequence) order either way.
     */
    public static Instant advanceInSlices(FakeEcs ecs, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("virtual time cannot go backwards: " + duration);
        }
        ReentrantLock lock = ecs.engine().lock();
        Duration remaining = duration;
        while (true) {
            Duration slice = remaining.compareTo(ADVANCE_SLICE) > 0 ? ADVANCE_SLICE : remaining;
            Instant now = ecs.clock().advance(slice);
            remaining = remaining.minus(slice);
            if (remaining.isZero()) {
                return now;
            }
            letQueuedCallsRun(lock);
        }
    }

    private static void letQueuedCallsRun(ReentrantLock lock) {
        if (lock.isHeldByCurrentThread()) {
            return;
        }
        for (int i = 0; i < MAX_YIELDS && lock.hasQueuedThreads(); i++) {
            Thread.yield();
        }
    }

    /**
     * Reads a behaviour object ({@code startSeconds, healthy, healthyAfterSeconds, ..., httpStatus}) and declares it;
     * a field out of range is an {@link IllegalArgumentException} naming it ({@code httpStatus} must be 100-599).
     */
    public static void declareImage(FakeEcs ecs, String image, JsonNode behavior) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("image is required");
        }
        ImageBehavior b = ImageBehavior.DEFAULT;
        JsonNode j = behavior == null ? JsonNodeFactory.instance.objectNode() : behavior;
        if (j.has("startSeconds")) {
            b = b.withStartTime(Duration.ofMillis(Math.round(seconds(j, "startSeconds") * 1000)));
        }
        if (j.has("healthyAfterSeconds")) {
            b = b.healthyAfter(Duration.ofMillis(Math.round(seconds(j, "healthyAfterSeconds") * 1000)));
        }
        if (j.has("healthy") && !bool(j, "healthy")) {
            b = b.unhealthy();
        }
        if (j.has("exitAfterSeconds")) {
            int code = j.has("exitCode") ? wholeNumber(j, "exitCode", Integer.MIN_VALUE, Integer.MAX_VALUE) : 0;
            b = b.exitAfter(Duration.ofMillis(Math.round(seconds(j, "exitAfterSeconds") * 1000)), code);
        }
        if (j.has("failToPull") && bool(j, "failToPull")) {
            b = b.failingToPull();
        }
        if (j.has("cpuPercent")) {
            b = b.withCpuPercent(between(j, "cpuPercent", 0, 100_000));
        }
        if (j.has("memoryMiB")) {
            b = b.withMemoryMiB(wholeNumber(j, "memoryMiB", 0, Integer.MAX_VALUE));
        }
        if (j.has("commandOutput")) {
            b = b.withCommandOutput(j.get("commandOutput").asText());
        }
        if (j.has("httpStatus")) {
            b = b.withHttpStatus(wholeNumber(j, "httpStatus", 100, 599));
        }
        if (j.has("trafficHttpStatus")) {
            b = b.withTrafficHttpStatus(wholeNumber(j, "trafficHttpStatus", 100, 599));
        }
        ecs.declareImage(image, b);
    }

    /**
     * Declares how a deployment lifecycle hook function answers ({@code POST /_fake-ecs/hooks}):
     * {@code {"hookTargetArn", "status": SUCCEEDED|FAILED|IN_PROGRESS, "afterSeconds": 0..86400}}; answers the
     * declaration as stored.
     */
    public static JsonNode declareHook(FakeEcs ecs, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        String arn = text(body, "hookTargetArn", null);
        if (arn == null || arn.isBlank()) {
            throw new IllegalArgumentException("hookTargetArn is required");
        }
        if (!arn.startsWith("arn:aws:lambda:")) {
            throw new IllegalArgumentException("hookTargetArn must be a Lambda function ARN (arn:aws:lambda:...)");
        }
        String status = text(body, "status", null);
        if (status == null || !dev.fakeecs.deployment.LifecycleHooks.STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of SUCCEEDED, FAILED, IN_PROGRESS");
        }
        int after = body.has("afterSeconds") ? wholeNumber(body, "afterSeconds", 0, 86_400) : 0;
        ecs.lifecycleHooks().answer(arn, status, Duration.ofSeconds(after));
        return JsonNodeFactory.instance.objectNode().put("hookTargetArn", arn).put("status", status)
                .put("afterSeconds", after);
    }

    /** Launches {@code count} hosts of a type into a cluster, spread over the zones; answers their ARNs. */
    public static JsonNode launchInstances(FakeEcs ecs, JsonNode request) {
        String cluster = text(request, "cluster", "default");
        String type = text(request, "instanceType", null);
        if (type == null) {
            throw new IllegalArgumentException("instanceType is required");
        }
        int count = request.has("count") ? wholeNumber(request, "count", 1, 1000) : 1;
        Region region = request.has("region") ? ecs.region(request.get("region").asText()) : ecs.defaultRegion();
        String zone = text(request, "availabilityZone", null);
        if (zone != null && !region.availabilityZones().contains(zone)) {
            throw new IllegalArgumentException("availabilityZone " + zone + " is not in " + region.name() + ": "
                    + region.availabilityZones());
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode arns = answer.putArray("containerInstanceArns");
        for (int i = 0; i < count; i++) {
            String az = zone != null ? zone : region.availabilityZones().get(i % region.availabilityZones().size());
            SimulatedContainerInstance ci = RegionEngine.of(region).read(() ->
                    RegionEngine.of(region).containerInstances().launchHost(cluster, type, az, null));
            arns.add(ci.arn());
        }
        return answer;
    }

    /** Injects a fault from its control-API JSON ({@code {"type": "TERMINATE_INSTANCE", ...}}); answers its id. */
    public static String injectFault(FakeEcs ecs, JsonNode spec) {
        if (spec == null || !spec.isObject()) {
            throw new IllegalArgumentException("a fault is a JSON object with at least a type");
        }
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        spec.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                return; // as if absent
            }
            if (v.isContainerNode()) {
                throw new IllegalArgumentException(e.getKey() + " must be a string or a number, not "
                        + (v.isArray() ? "an array" : "an object"));
            }
            fields.put(e.getKey(), v.isNumber() ? v.numberValue() : v.isBoolean() ? v.booleanValue() : v.asText());
        });
        return dev.fakeecs.fault.FaultInjector.of(ecs).inject(dev.fakeecs.fault.FaultSpec.fromMap(fields)).id();
    }

    private static double number(JsonNode j, String field) {
        JsonNode v = j.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return v.asDouble();
    }

    /** The longest image timing ({@code startSeconds}, {@code healthyAfterSeconds}, {@code exitAfterSeconds}): a year. */
    static final double MAX_IMAGE_SECONDS = 365 * 24 * 3600.0;

    private static double seconds(JsonNode j, String field) {
        return between(j, field, 0, MAX_IMAGE_SECONDS);
    }

    private static double between(JsonNode j, String field, double min, double max) {
        double v = number(j, field);
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(field + " must be between " + plain(min) + " and " + plain(max) + ": "
                    + j.get(field).asText());
        }
        return v;
    }

    private static int wholeNumber(JsonNode j, String field, int min, int max) {
        double v = number(j, field);
        if (v != Math.rint(v) || v < min || v > max) {
            throw new IllegalArgumentException(field + " must be a whole number between " + min + " and " + max + ": "
                    + j.get(field).asText());
        }
        return (int) v;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static boolean bool(JsonNode j, String field) {
        JsonNode v = j.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return v.asBoolean();
    }

    private static String text(JsonNode j, String field, String fallback) {
        JsonNode v = j.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.asText();
    }
}
