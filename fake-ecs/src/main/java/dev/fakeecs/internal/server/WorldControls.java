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

    /** Reads a behaviour object ({@code startSeconds, healthy, healthyAfterSeconds, ...}) and declares it. */
    public static void declareImage(FakeEcs ecs, String image, JsonNode behavior) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("image is required");
        }
        ImageBehavior b = ImageBehavior.DEFAULT;
        JsonNode j = behavior == null ? JsonNodeFactory.instance.objectNode() : behavior;
        if (j.has("startSeconds")) {
            b = b.withStartTime(Duration.ofMillis(Math.round(number(j, "startSeconds") * 1000)));
        }
        if (j.has("healthyAfterSeconds")) {
            b = b.healthyAfter(Duration.ofMillis(Math.round(number(j, "healthyAfterSeconds") * 1000)));
        }
        if (j.has("healthy") && !bool(j, "healthy")) {
            b = b.unhealthy();
        }
        if (j.has("exitAfterSeconds")) {
            int code = j.has("exitCode") ? (int) number(j, "exitCode") : 0;
            b = b.exitAfter(Duration.ofMillis(Math.round(number(j, "exitAfterSeconds") * 1000)), code);
        }
        if (j.has("failToPull") && bool(j, "failToPull")) {
            b = b.failingToPull();
        }
        if (j.has("cpuPercent")) {
            b = b.withCpuPercent(number(j, "cpuPercent"));
        }
        if (j.has("memoryMiB")) {
            b = b.withMemoryMiB((int) number(j, "memoryMiB"));
        }
        if (j.has("commandOutput")) {
            b = b.withCommandOutput(j.get("commandOutput").asText());
        }
        ecs.declareImage(image, b);
    }

    /** Launches {@code count} hosts of a type into a cluster, spread over the zones; answers their ARNs. */
    public static JsonNode launchInstances(FakeEcs ecs, JsonNode request) {
        String cluster = text(request, "cluster", "default");
        String type = text(request, "instanceType", null);
        if (type == null) {
            throw new IllegalArgumentException("instanceType is required");
        }
        int count = request.has("count") ? (int) number(request, "count") : 1;
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("count must be between 1 and 1000, got " + count);
        }
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
