/**
 * Fault actions for the scenario timeline ({@link dev.fakeecs.dsl.fault.FaultAction}), made by the
 * {@link dev.fakeecs.dsl.Faults} factories and injected through the engine's fault API.
 *
 * <pre>{@code
 * scenario().at(LocalTime.of(19, 30), azOutage("us-east-1a"));   // Faults.azOutage, statically imported
 * }</pre>
 */
package dev.fakeecs.dsl.fault;
