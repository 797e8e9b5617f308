/**
 * Services ({@link dev.fakeecs.dsl.service.ServiceSpec}: launch type or capacity provider strategy,
 * deployment configuration, placement, auto scaling) and the load that drives them
 * ({@link dev.fakeecs.dsl.service.LoadCurve}, {@link dev.fakeecs.dsl.service.LoadMultiplier}).
 *
 * <pre>{@code
 * world().service("order-service", s -> s.cluster("food-delivery-prod")
 *     .taskDefinition(ORDERS).desiredCount(2).autoScaling(2, 20, targetCpu(60))
 *     .loadCurve(load(60).between(LocalTime.of(19, 0), LocalTime.of(21, 0), 600), 50));
 * }</pre>
 */
package dev.fakeecs.dsl.service;
