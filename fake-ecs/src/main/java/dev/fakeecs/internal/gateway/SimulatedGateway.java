package dev.fakeecs.internal.gateway;

import software.amazon.awssdk.services.ecs.model.DescribeGatewayAlbConfiguration;

import java.time.Instant;

/**
 * One gateway: its name, ARN, infrastructure role, deletion protection, tag propagation and effective host-shared
 * ALB configuration (defaults filled in). Mutable engine state, changed only under the engine lock. ARN (the fake's
 * rule, AWS shows none): {@code arn:aws:ecs:REGION:ACCOUNT:gateway/NAME}.
 *
 * <pre>{@code
 * SimulatedGateway g = gateways.existing("edge");
 * g.status(region.now());   // ACTIVE, or UPDATE_IN_PROGRESS for 30 s after an update, then UPDATE_COMPLETE
 * }</pre>
 */
final class SimulatedGateway {

    final String name;
    final String arn;
    final Instant createdAt;
    final String clientToken;
    String infrastructureRoleArn;
    boolean deletionProtection;
    String propagateTags;
    DescribeGatewayAlbConfiguration hostSharedAlb;
    Instant updatedAt;
    /** When the last UpdateGateway started (null: never updated). */
    Instant updateStartedAt;

    SimulatedGateway(String name, String arn, Instant createdAt, String clientToken) {
        this.name = name;
        this.arn = arn;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.clientToken = clientToken;
    }

    /** The status at {@code now}: ACTIVE until updated, then UPDATE_IN_PROGRESS for 30 s, then UPDATE_COMPLETE. */
    String status(Instant now) {
        if (updateStartedAt == null) {
            return "ACTIVE";
        }
        return GatewayTimings.elapsed(updateStartedAt, now) ? "UPDATE_COMPLETE" : "UPDATE_IN_PROGRESS";
    }

    /** PUBLIC for an internet-facing gateway, PRIVATE for an internal one. */
    String accessType() {
        return "internal".equals(hostSharedAlb.schemeAsString()) ? "PRIVATE" : "PUBLIC";
    }
}
