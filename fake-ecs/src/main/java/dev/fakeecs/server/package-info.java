/**
 * The HTTP server: {@link dev.fakeecs.server.FakeEcsServer} speaks the ECS wire protocol and the
 * {@code /_fake-ecs/} control API for a world, in a test ({@link dev.fakeecs.server.FakeEcsServer#start})
 * or as the runnable jar ({@link dev.fakeecs.server.FakeEcsServerMain}).
 *
 * <pre>{@code
 * FakeEcsServer server = FakeEcsServer.start(ecs);
 * System.setProperty("aws.endpointUrlEcs", server.endpoint().toString());
 * }</pre>
 */
package dev.fakeecs.server;
