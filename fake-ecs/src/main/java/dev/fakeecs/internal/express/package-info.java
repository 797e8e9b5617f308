/**
 * ECS Express Mode: the Express Gateway operations and the resources ECS creates and manages for an Express service
 * through the region's simulated Elastic Load Balancing v2, Application Auto Scaling and CloudWatch. Depends on the
 * service, cluster, task definition and control plane domains and on those neighbours; nothing below depends on it
 * (the service domain sees it only through {@code internal.service.ManagedResourcesDirectory}).
 *
 * <pre>{@code
 * ExpressGateways express = RegionEngine.of(fakeEcs.region("us-east-1")).express();
 * }</pre>
 */
package dev.fakeecs.internal.express;
