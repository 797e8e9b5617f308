/**
 * Load balancer targets as ECS and the load balancer see each other: the narrow interfaces through which the
 * ECS service scheduler uses target groups ({@link dev.fakeecs.internal.targets.TargetGroupDirectory}, published
 * by the Elastic Load Balancing v2 simulation) and through which the load balancer's health checks reach the
 * applications ECS runs ({@link dev.fakeecs.internal.targets.TargetApplications}, published by ECS). Neither side
 * reaches into the other's state; both are called under the world's engine lock.
 */
package dev.fakeecs.internal.targets;
