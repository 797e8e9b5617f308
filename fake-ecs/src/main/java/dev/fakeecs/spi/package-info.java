/**
 * The engine's service provider interface: the small, named doors through which fake-ecs's own
 * modules built on the engine (the DSL and the JUnit extension) reach into a world, instead of
 * depending on the engine's internals ({@code dev.fakeecs.internal}). Each door is an interface
 * with a static {@code of(FakeEcs)} factory; answers use the AWS SDK's model objects.
 *
 * <p>Not for tests: a test talks to the fake through the ECS API ({@code ecs.api()} or a real SDK
 * client), the DSL, the JUnit handles and assertions, and the journal. This package may change
 * between versions as those modules need.
 *
 * <pre>{@code
 * EngineInspector engine = EngineInspector.of(ecs);         // read-only, no API call, no fault
 * engine.service("us-east-1", "prod", "orders").runningCount();
 * }</pre>
 */
package dev.fakeecs.spi;
