package dev.fakeecs.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fakeecs.journal.Journal;
import java.time.Duration;
import java.time.Instant;

/**
 * What the control API needs from a fake ECS world. The first four are required; the chaos and
 * simulation calls default to "not supported yet" (answered 501). Throw {@link IllegalArgumentException}
 * for a bad request (answered 400 {@code InvalidParameterException}) and
 * {@link java.util.NoSuchElementException} for an unknown id (answered 404).
 *
 * <pre>{@code
 * ControlApiBackend backend = new ControlApiBackend() {
 *     public Instant now() { return ecs.clock().instant(); }
 *     public Instant advance(Duration d) { return ecs.clock().advance(d); }
 *     public Journal journal() { return ecs.journal(); }
 *     public void reset() { ... }
 * };
 * }</pre>
 */
public interface ControlApiBackend {

    /** The current virtual time. */
    Instant now();

    /** Advances virtual time, running every event due; returns the new time. */
    Instant advance(Duration duration);

    /** The event journal (served streamed, in pages, never as one string). */
    Journal journal();

    /** ECS's events in EventBridge's format ({@code GET /_fake-ecs/events}); by default not served (501). */
    default dev.fakeecs.events.EcsEvents events() {
        throw new UnsupportedOperationException("events");
    }

    /** Forgets all state: a fresh world with the same seed and options. */
    void reset();

    /**
     * Injects a fault described by {@code spec} ({@code {"type": ..., ...}}, fields as in the design);
     * returns its id.
     */
    default String injectFault(JsonNode spec) {
        throw new UnsupportedOperationException("faults");
    }

    /** Ends a fault early; throws {@link java.util.NoSuchElementException} if there is no such fault. */
    default void endFault(String faultId) {
        throw new UnsupportedOperationException("faults");
    }

    /** Declares how containers of {@code image} behave ({@code behavior} as in the design; may be empty). */
    default void declareImage(String image, JsonNode behavior) {
        throw new UnsupportedOperationException("images");
    }

    /** Declares how a lifecycle hook function answers ({@code POST /_fake-ecs/hooks}); returns what to answer. */
    default JsonNode declareHook(JsonNode declaration) {
        throw new UnsupportedOperationException("hooks");
    }

    /**
     * Launches simulated EC2 hosts ({@code {"cluster", "instanceType", "availabilityZone", "count"}})
     * that register as container instances; returns what to answer, e.g. their ARNs.
     */
    default JsonNode launchInstances(JsonNode request) {
        throw new UnsupportedOperationException("instances");
    }

    /**
     * Declares the load a service gets ({@code POST /_fake-ecs/load}: cluster, service, requestsPerSecond, windows
     * with multipliers); returns what to answer.
     */
    default JsonNode declareLoad(JsonNode declaration) {
        throw new UnsupportedOperationException("load");
    }
}
