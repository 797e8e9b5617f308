package dev.fakeecs.internal.express;

import software.amazon.awssdk.services.ecs.model.ManagedResourceStatus;

import java.time.Instant;

/**
 * One resource ECS manages for an Express service (a load balancer, listener, rule, target group, scalable target,
 * scaling policy, alarm, security group, log group or certificate) and its status: PROVISIONING when created,
 * ACTIVE once provisioned, DEPROVISIONING while the service is deleted, DELETED once removed.
 *
 * <pre>{@code
 * ManagedResource tg = new ManagedResource(targetGroupArn, now);
 * tg.status(ManagedResourceStatus.ACTIVE, later);
 * }</pre>
 */
final class ManagedResource {

    final String arn;
    private ManagedResourceStatus status = ManagedResourceStatus.PROVISIONING;
    private Instant updatedAt;

    ManagedResource(String arn, Instant now) {
        this.arn = arn;
        this.updatedAt = now;
    }

    ManagedResourceStatus status() {
        return status;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Moves to {@code next} (no change, and no new timestamp, when it already is there). */
    void status(ManagedResourceStatus next, Instant now) {
        if (status != next) {
            status = next;
            updatedAt = now;
        }
    }
}
