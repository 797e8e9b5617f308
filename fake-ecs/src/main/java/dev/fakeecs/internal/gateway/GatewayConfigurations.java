package dev.fakeecs.internal.gateway;

import dev.fakeecs.internal.error.EcsErrors;
import software.amazon.awssdk.services.ecs.model.DescribeGatewayAlbConfiguration;
import software.amazon.awssdk.services.ecs.model.GatewayAlbTestTrafficRules;
import software.amazon.awssdk.services.ecs.model.GatewayConfiguration;
import software.amazon.awssdk.services.ecs.model.GatewayElbAccessLogConfiguration;
import software.amazon.awssdk.services.ecs.model.GatewayElbNetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.HostSharedAlbConfiguration;
import software.amazon.awssdk.services.ecs.model.UpdateGatewayAlbConfiguration;
import software.amazon.awssdk.services.ecs.model.UpdateGatewayConfiguration;

/**
 * Checks a gateway's configuration as CreateGateway and UpdateGateway take it and fills in AWS's documented
 * defaults (scheme {@code internet-facing}, HTTPS on port 443, at most 10 ALBs, desync mitigation
 * {@code defensive}, IP address type {@code ipv4}). Errors are InvalidParameterException naming the field.
 *
 * <pre>{@code
 * DescribeGatewayAlbConfiguration effective = GatewayConfigurations.forCreate(request.configuration());
 * effective.port();   // 443
 * }</pre>
 */
public final class GatewayConfigurations {

    /** The documented default of maxAlbCount. */
    public static final int DEFAULT_MAX_ALB_COUNT = 10;
    private static final int HTTPS_PORT = 443;

    private GatewayConfigurations() {
    }

    /** The effective host-shared ALB configuration of a new gateway. */
    public static DescribeGatewayAlbConfiguration forCreate(GatewayConfiguration configuration) {
        EcsErrors.require(configuration, "configuration");
        HostSharedAlbConfiguration alb = configuration.hostSharedAlb();
        if (alb == null) {
            throw EcsErrors.invalidParameter("configuration: exactly one gateway type must be set; "
                    + "the supported type is hostSharedAlb.");
        }
        if (alb.port() != null && alb.port() != HTTPS_PORT) {
            throw EcsErrors.invalidParameter("configuration.hostSharedAlb.port: the gateway supports only HTTPS "
                    + "at port 443.");
        }
        if (alb.protocol() != null && !"HTTPS".equals(alb.protocolAsString())) {
            throw EcsErrors.invalidParameter("configuration.hostSharedAlb.protocol: the gateway supports only HTTPS "
                    + "at port 443.");
        }
        maxAlbCount(alb.maxAlbCount(), "configuration.hostSharedAlb.maxAlbCount");
        GatewayElbNetworkConfiguration network = network(alb.networkConfiguration());
        accessLogs(alb.accessLogs(), "configuration.hostSharedAlb.accessLogs");
        testTraffic(alb.testTrafficRules(), "configuration.hostSharedAlb.testTrafficRules");
        return DescribeGatewayAlbConfiguration.builder()
                .networkConfiguration(network)
                .scheme(alb.scheme() == null ? "internet-facing" : alb.schemeAsString())
                .accessLogs(alb.accessLogs())
                .webACLArn(alb.webACLArn())
                .port(HTTPS_PORT)
                .protocol("HTTPS")
                .maxAlbCount(alb.maxAlbCount() == null ? DEFAULT_MAX_ALB_COUNT : alb.maxAlbCount())
                .currentAlbCount(0)
                .httpDesync(alb.httpDesync() == null ? "defensive" : alb.httpDesyncAsString())
                .testTrafficRules(alb.testTrafficRules())
                .build();
    }

    /** {@code current} with the fields an UpdateGateway sets replaced (null: nothing to change). */
    public static DescribeGatewayAlbConfiguration forUpdate(DescribeGatewayAlbConfiguration current,
                                                            UpdateGatewayConfiguration configuration) {
        if (configuration == null) {
            return current;
        }
        UpdateGatewayAlbConfiguration alb = configuration.hostSharedAlb();
        if (alb == null) {
            throw EcsErrors.invalidParameter("configuration: exactly one gateway type must be set; "
                    + "the supported type is hostSharedAlb.");
        }
        maxAlbCount(alb.maxAlbCount(), "configuration.hostSharedAlb.maxAlbCount");
        accessLogs(alb.accessLogs(), "configuration.hostSharedAlb.accessLogs");
        testTraffic(alb.testTrafficRules(), "configuration.hostSharedAlb.testTrafficRules");
        if (alb.maxAlbCount() != null && alb.maxAlbCount() < current.currentAlbCount()) {
            throw EcsErrors.invalidParameter("configuration.hostSharedAlb.maxAlbCount can not be less than the "
                    + "gateway's current number of load balancers (" + current.currentAlbCount() + ").");
        }
        DescribeGatewayAlbConfiguration.Builder b = current.toBuilder();
        if (alb.networkConfiguration() != null && alb.networkConfiguration().inboundSecurityGroup() != null) {
            GatewayElbNetworkConfiguration network = current.networkConfiguration();
            b.networkConfiguration(network.toBuilder()
                    .inboundSecurityGroup(alb.networkConfiguration().inboundSecurityGroup()).build());
        }
        if (alb.maxAlbCount() != null) {
            b.maxAlbCount(alb.maxAlbCount());
        }
        if (alb.webACLArn() != null) {
            b.webACLArn(alb.webACLArn().isEmpty() ? null : alb.webACLArn());
        }
        if (alb.accessLogs() != null) {
            b.accessLogs(alb.accessLogs());
        }
        if (alb.httpDesync() != null) {
            b.httpDesync(alb.httpDesyncAsString());
        }
        if (alb.testTrafficRules() != null) {
            b.testTrafficRules(alb.testTrafficRules());
        }
        return b.build();
    }

    private static GatewayElbNetworkConfiguration network(GatewayElbNetworkConfiguration network) {
        if (network == null) {
            return GatewayElbNetworkConfiguration.builder().ipAddressType("ipv4").build();
        }
        if (network.hasSubnets()) {
            if (network.subnets().isEmpty()) {
                throw EcsErrors.invalidParameter("configuration.hostSharedAlb.networkConfiguration.subnets can not "
                        + "be empty.");
            }
            for (String subnet : network.subnets()) {
                if (subnet == null || subnet.isBlank()) {
                    throw EcsErrors.invalidParameter("configuration.hostSharedAlb.networkConfiguration.subnets can "
                            + "not contain an empty subnet.");
                }
            }
        }
        return network.ipAddressType() == null ? network.toBuilder().ipAddressType("ipv4").build() : network;
    }

    private static void maxAlbCount(Integer count, String field) {
        if (count != null && count < 1) {
            throw EcsErrors.invalidParameter(field + " must be at least 1.");
        }
    }

    private static void accessLogs(GatewayElbAccessLogConfiguration logs, String field) {
        if (logs == null) {
            return;
        }
        if (logs.destination() == null || logs.destination().s3() == null) {
            throw EcsErrors.invalidParameter(field + ".destination: exactly one destination must be set; "
                    + "the supported destination is s3.");
        }
        EcsErrors.require(logs.destination().s3().bucket(), field + ".destination.s3.bucket");
    }

    private static void testTraffic(GatewayAlbTestTrafficRules rules, String field) {
        if (rules == null) {
            return;
        }
        if (rules.header() == null) {
            throw EcsErrors.invalidParameter(field + ".header can not be null or empty.");
        }
        EcsErrors.require(rules.header().name(), field + ".header.name");
        if (!rules.header().hasValues() || rules.header().values().isEmpty()) {
            throw EcsErrors.invalidParameter(field + ".header.values can not be null or empty.");
        }
    }
}
