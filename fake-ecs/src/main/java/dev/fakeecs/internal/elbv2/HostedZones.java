package dev.fakeecs.internal.elbv2;

import java.util.Map;

/**
 * The Route 53 hosted zone ids Elastic Load Balancing publishes per Region for application and network load
 * balancers (the {@code CanonicalHostedZoneId} of a load balancer); Regions not in the table use us-east-1's.
 *
 * <pre>{@code
 * String zone = HostedZones.canonical("us-east-1", "application");   // Z35SXDOTRQ7X7K
 * }</pre>
 */
final class HostedZones {

    private static final Map<String, String> APPLICATION = Map.ofEntries(
            Map.entry("us-east-1", "Z35SXDOTRQ7X7K"), Map.entry("us-east-2", "Z3AADJGX6KTTL2"),
            Map.entry("us-west-1", "Z368ELLRRE2KJ0"), Map.entry("us-west-2", "Z1H1FL5HABSF5"),
            Map.entry("eu-west-1", "Z32O12XQLNTSW2"), Map.entry("eu-west-2", "ZHURV8PSTC4K8"),
            Map.entry("eu-central-1", "Z215JYRZR1TBD5"), Map.entry("ap-southeast-1", "Z1LMS91P8CMLE5"),
            Map.entry("ap-southeast-2", "Z1GM3OXH4ZPM65"), Map.entry("ap-northeast-1", "Z14GRHDCWA56QT"));
    private static final Map<String, String> NETWORK = Map.ofEntries(
            Map.entry("us-east-1", "Z26RNL4JYFTOTI"), Map.entry("us-east-2", "ZLMOA37VPKANP"),
            Map.entry("us-west-1", "Z24FKFUX50B4VW"), Map.entry("us-west-2", "Z18D5FSROUN65G"),
            Map.entry("eu-west-1", "Z2IFOLAFXWLO4F"), Map.entry("eu-west-2", "ZD4D7Y8KGAS4G"),
            Map.entry("eu-central-1", "Z3F0SRJ5LGBH90"), Map.entry("ap-southeast-1", "ZKVM4W9LS7TM"),
            Map.entry("ap-southeast-2", "ZCT6FZBF4DROD"), Map.entry("ap-northeast-1", "Z31USIVHYNEOWT"));

    private HostedZones() {
    }

    static String canonical(String region, String type) {
        Map<String, String> table = "network".equals(type) ? NETWORK : APPLICATION;
        return table.getOrDefault(region, table.get("us-east-1"));
    }

    /** {@code {name}-{id}.{region}.elb.amazonaws.com}, with {@code internal-} in front for internal ones. */
    static String dnsName(String name, String id, String region, boolean internal) {
        return (internal ? "internal-" : "") + name + "-" + id + "." + region + ".elb.amazonaws.com";
    }
}
