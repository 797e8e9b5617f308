/**
 * The seam between ECS and the AWS services simulated beside it in a region: a neighbour service is a
 * {@link dev.fakeecs.internal.neighbour.RegionalService}, built after ECS in every region, that sees ECS only
 * through the {@link dev.fakeecs.internal.neighbour.EcsNeighbourhood} (events, read-only lookups and the narrow
 * interfaces of {@code internal.targets}).
 */
package dev.fakeecs.internal.neighbour;
