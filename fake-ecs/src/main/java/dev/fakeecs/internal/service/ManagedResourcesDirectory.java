package dev.fakeecs.internal.service;

import software.amazon.awssdk.services.ecs.model.ECSManagedResources;

/**
 * The resources ECS manages for a service on the user's behalf (an Express service's load balancer, target groups,
 * scaling policies, alarms), as DescribeServiceRevisions shows them in {@code ecsManagedResources}. The service
 * domain only reads it; the part that creates those resources publishes it ({@link Services#publishManagedResources}).
 * {@link #NONE} (the default) answers null for every service, so ordinary services show no such field.
 *
 * <pre>{@code
 * services.publishManagedResources(serviceArn -> express.managedResources(serviceArn));
 * }</pre>
 */
@FunctionalInterface
public interface ManagedResourcesDirectory {

    /** No service has managed resources. */
    ManagedResourcesDirectory NONE = serviceArn -> null;

    /** The managed resources of the service with that ARN, or null when ECS manages none for it. */
    ECSManagedResources of(String serviceArn);
}
