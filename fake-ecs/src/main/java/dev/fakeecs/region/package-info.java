/**
 * One AWS region of the fake world: {@link dev.fakeecs.region.Region}, with its availability zones
 * ({@code <region>a}, {@code b}, {@code c} by default) and its own ECS control plane as an in-process
 * {@code EcsClient}. Resources in one region never see another's.
 *
 * <pre>{@code
 * Region west = ecs.region("us-west-2");
 * west.api().createCluster(r -> r.clusterName("standby"));
 * }</pre>
 */
package dev.fakeecs.region;
