package dev.fakeecs.internal.gateway;

import dev.fakeecs.internal.tag.Tags;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayConfiguration;
import software.amazon.awssdk.services.ecs.model.Gateway;
import software.amazon.awssdk.services.ecs.model.GatewaySummary;

import java.time.Instant;

/**
 * Turns gateways into the API's shapes: the full {@code Gateway} of DescribeGateway and the {@code GatewaySummary}
 * of ListGateways, with the status at the given virtual instant.
 *
 * <pre>{@code
 * Gateway shown = renderer.detail(gateway, region.now());
 * }</pre>
 */
final class GatewayRenderer {

    private final Tags tags;

    GatewayRenderer(Tags tags) {
        this.tags = tags;
    }

    Gateway detail(SimulatedGateway g, Instant now) {
        return Gateway.builder()
                .gatewayArn(g.arn)
                .name(g.name)
                .status(g.status(now))
                .infrastructureRoleArn(g.infrastructureRoleArn)
                .deletionProtection(g.deletionProtection)
                .configuration(DescribeGatewayConfiguration.builder().hostSharedAlb(g.hostSharedAlb).build())
                .accessType(g.accessType())
                .propagateTags(g.propagateTags)
                .tags(tags.tagsOf(g.arn))
                .createdAt(g.createdAt)
                .updatedAt(g.updatedAt)
                .build();
    }

    GatewaySummary summary(SimulatedGateway g, Instant now) {
        return GatewaySummary.builder().gatewayArn(g.arn).name(g.name).status(g.status(now)).createdAt(g.createdAt)
                .build();
    }
}
