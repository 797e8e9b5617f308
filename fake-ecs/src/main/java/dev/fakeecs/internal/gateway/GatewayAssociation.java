package dev.fakeecs.internal.gateway;

import java.time.Instant;

/**
 * The association of one gateway with one cluster. ACTIVE when made; a disassociation is DISASSOCIATING until the
 * cluster has no gateway routes of the gateway and 30 s of virtual time have passed (the fake's rule), then
 * INACTIVE. An INACTIVE association is made ACTIVE again by AssociateGatewayWithCluster.
 *
 * <pre>{@code
 * GatewayAssociation a = new GatewayAssociation(gatewayArn, clusterArn, now);
 * a.status(region.now());   // "ACTIVE"
 * }</pre>
 */
final class GatewayAssociation {

    final String gatewayArn;
    final String clusterArn;
    /** When the association was last made ACTIVE. */
    Instant associatedAt;
    /** When the disassociation was asked for (null while ACTIVE). */
    Instant disassociatingSince;

    GatewayAssociation(String gatewayArn, String clusterArn, Instant associatedAt) {
        this.gatewayArn = gatewayArn;
        this.clusterArn = clusterArn;
        this.associatedAt = associatedAt;
    }

    /** The status at {@code now}; {@code routesLeft} says whether gateway routes still hold the cluster. */
    String status(Instant now, boolean routesLeft) {
        if (disassociatingSince == null) {
            return "ACTIVE";
        }
        return !routesLeft && GatewayTimings.elapsed(disassociatingSince, now) ? "INACTIVE" : "DISASSOCIATING";
    }
}
