package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.clock.QueuedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One load balancer as the simulation keeps it (mutable, engine lock held).
 *
 * <pre>{@code
 * LoadBalancerRecord lb = resources.loadBalancer(arn);
 * boolean inZone = lb.zones.containsKey("us-east-1a");
 * }</pre>
 */
final class LoadBalancerRecord {

    final String arn;
    final String name;
    final String id;
    final String type;
    final String scheme;
    final Instant created;
    final String vpcId;
    String dnsName;
    String ipAddressType;
    String state = "provisioning";
    /** zone → subnet, in the region's zone order. */
    Map<String, String> zones = new LinkedHashMap<>();
    List<String> securityGroups = new ArrayList<>();
    final Map<String, String> attributes;
    QueuedEvent activation;
    /** zone → the subnet mapping as given (addresses, EIP allocations, IPv6 prefixes); plain subnets have none. */
    Map<String, software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetMapping> mappings =
            new LinkedHashMap<>();
    String customerOwnedIpv4Pool;
    /** The IPAM pool the load balancer takes IPv4 addresses from (null: Amazon's pool). */
    String ipv4IpamPoolId;
    /** {@code on}/{@code off} for dualstack network load balancers with UDP listeners; null when never given. */
    String enablePrefixForIpv6SourceNat;
    /** {@code on}/{@code off} for network load balancers with security groups; null otherwise. */
    String enforceSecurityGroupInboundRulesOnPrivateLinkTraffic;
    /**
     * Requests per virtual second the traffic model sends through the listeners, as a test set it (0: none);
     * null: the load the region's services offer to the target groups the listeners forward to.
     */
    Double requestRate;

    LoadBalancerRecord(String arn, String name, String id, String type, String scheme, Instant created, String vpcId,
                       Map<String, String> attributes) {
        this.arn = arn;
        this.name = name;
        this.id = id;
        this.type = type;
        this.scheme = scheme;
        this.created = created;
        this.vpcId = vpcId;
        this.attributes = attributes;
    }

    boolean isApplication() {
        return "application".equals(type);
    }

    /** The ARN tail CloudWatch uses as the LoadBalancer dimension ({@code app/{name}/{id}}). */
    String dimension() {
        return arn.substring(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
    }
}
