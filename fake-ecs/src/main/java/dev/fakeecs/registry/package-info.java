/**
 * ECR in the fake world: one private registry per region ({@link dev.fakeecs.registry.EcrRegistry}),
 * cross-region replication with a lag ({@link dev.fakeecs.registry.ReplicationRule}), and the pull check
 * that makes tasks pull from them ({@link dev.fakeecs.registry.ImageRegistries}), so a regional failover
 * can meet a stale or missing image.
 *
 * <pre>{@code
 * ImageRegistries ecr = ImageRegistries.of(ecs);
 * ecr.replicate("us-east-1", "us-west-2", Duration.ofMinutes(10));
 * ecr.region("us-east-1").push("acme/orders", "2.0");
 * }</pre>
 */
package dev.fakeecs.registry;
