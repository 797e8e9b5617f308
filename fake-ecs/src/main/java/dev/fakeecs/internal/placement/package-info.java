/**
 * Task placement for the EC2 and EXTERNAL launch types, as ECS does it: resource filtering with the real
 * failure reasons, placement constraints ({@code distinctInstance}, {@code memberOf} with the
 * {@linkplain dev.fakeecs.internal.placement.ClusterQuery cluster query language}), chained strategies
 * ({@code binpack}, {@code spread}, {@code random} from the world's seeded random). Fargate tasks are
 * not placed here; which task a service stops on scale-in is {@code internal.service.ScaleInSelector}'s.
 *
 * <pre>{@code
 * TaskPlacer placer = new TaskPlacer(new SeededRandom(42));
 * PlacementResult r = placer.placeOne(new PlacementRequest(instances, ResourceDemand.of(256, 512),
 *         "family:web", List.of(PlacementStrategies.memberOf("attribute:ecs.instance-type =~ m5.*")),
 *         PlacementStrategies.RUN_TASK_DEFAULT));
 * }</pre>
 */
package dev.fakeecs.internal.placement;
