/**
 * The catalogue of simulated services on the wire: builds the {@link dev.fakeecs.internal.protocol.ProtocolRouter}
 * with every service's protocol handler ({@link dev.fakeecs.internal.protocol.catalog.SimulatedServices}). A
 * package of its own because it knows every protocol package, which themselves build on
 * {@code internal.protocol}.
 */
package dev.fakeecs.internal.protocol.catalog;
