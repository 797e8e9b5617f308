/**
 * ECS Gateways: account-level ingress resources (a host-based, shared Application Load Balancer configuration)
 * that platform teams create and associate with clusters, their cluster associations, and the gateway routes and
 * managed infrastructure that services connecting to them would get. Stored and validated as ECS does, with
 * statuses derived from the virtual clock at read time (no scheduled events, no random draws), so worlds that
 * never call the gateway operations are unchanged. Above {@code internal.cluster} and {@code internal.tag}.
 */
package dev.fakeecs.internal.gateway;
