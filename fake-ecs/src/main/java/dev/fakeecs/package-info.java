/**
 * fake-ecs: an in-memory, deterministic fake of Amazon ECS on a virtual clock.
 *
 * <p>Most users need two types from here: {@link dev.fakeecs.FakeEcs}, the world (account, regions,
 * clock, seeded random source, journal), and {@link dev.fakeecs.VirtualClock}, the {@link java.time.Clock}
 * that moves only when told. Talk to the fake with a real AWS SDK client ({@link dev.fakeecs.FakeEcs#newClient()}),
 * or serve it over HTTP with {@link dev.fakeecs.server.FakeEcsServer} for the AWS CLI, boto3 or the JS SDK.
 *
 * <pre>{@code
 * try (FakeEcs ecs = FakeEcs.builder().seed(42).region("us-east-1").build()) {
 *     EcsClient client = ecs.newClient();
 *     client.createCluster(r -> r.clusterName("prod"));
 *     ecs.clock().advance(Duration.ofMinutes(2));
 * }
 * }</pre>
 *
 * <p>Sub-packages: {@code clock} (scheduled events), {@code region}, {@code journal} (what happened, as
 * JSON lines), {@code image} (how containers of an image behave), {@code quota}, {@code timing},
 * {@code fault} (host loss, Spot, AZ and region outages, chaos), {@code autoscaling} (load models and
 * target tracking), {@code dns}, {@code traffic} and {@code registry} (Route 53 failover, client traffic,
 * ECR replication), {@code server}, and {@code spi} (for the DSL and the JUnit extension only).
 * Everything under {@code dev.fakeecs.internal} is the engine itself and no API.
 */
package dev.fakeecs;
