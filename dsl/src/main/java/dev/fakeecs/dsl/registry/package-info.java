/**
 * ECR registries per region with replication lag ({@link dev.fakeecs.dsl.registry.EcrRegistrySpec}) and
 * image pushes on the timeline ({@link dev.fakeecs.dsl.registry.ImagePush}).
 *
 * <pre>{@code
 * scenario().at(LocalTime.of(18, 30), pushImage("us-east-1", "acme/orders", "2.0"));   // Ecs.pushImage
 * }</pre>
 */
package dev.fakeecs.dsl.registry;
