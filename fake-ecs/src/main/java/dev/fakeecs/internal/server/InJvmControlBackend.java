package dev.fakeecs.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fakeecs.FakeEcs;

import java.time.Duration;
import java.time.Instant;

/**
 * The control API of a server started inside a test JVM with {@code FakeEcsServer.start(ecs)}: it
 * drives that very world. Reset is refused (the test owns the world's lifetime).
 */
public final class InJvmControlBackend implements ControlApiBackend {

    private final FakeEcs ecs;

    public InJvmControlBackend(FakeEcs ecs) {
        this.ecs = ecs;
    }

    @Override
    public Instant now() {
        return ecs.clock().instant();
    }

    @Override
    public Instant advance(Duration duration) {
        return WorldControls.advanceInSlices(ecs, duration);
    }

    @Override
    public dev.fakeecs.journal.Journal journal() {
        return ecs.journal();
    }

    @Override
    public dev.fakeecs.events.EcsEvents events() {
        return ecs.events();
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("reset (an in-JVM server's world belongs to the test; use the "
                + "standalone server for reset)");
    }

    @Override
    public String injectFault(com.fasterxml.jackson.databind.JsonNode spec) {
        return WorldControls.injectFault(ecs, spec);
    }

    @Override
    public void endFault(String faultId) {
        dev.fakeecs.fault.FaultInjector.of(ecs).remove(faultId);
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode declareHook(com.fasterxml.jackson.databind.JsonNode declaration) {
        return WorldControls.declareHook(ecs, declaration);
    }

    @Override
    public void declareImage(String image, JsonNode behavior) {
        WorldControls.declareImage(ecs, image, behavior);
    }

    @Override
    public JsonNode launchInstances(JsonNode request) {
        return WorldControls.launchInstances(ecs, request);
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode declareLoad(com.fasterxml.jackson.databind.JsonNode declaration) {
        return LoadDeclarations.declare(ecs, declaration);
    }
}
