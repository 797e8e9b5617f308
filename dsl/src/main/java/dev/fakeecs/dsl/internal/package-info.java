/**
 * The DSL's own machinery, no API: argument checks and list helpers the specs share, and the appliers that
 * turn specs into calls on the engine (ECS API calls and the {@code dev.fakeecs.spi.EngineSetup} SPI).
 */
package dev.fakeecs.dsl.internal;
