package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.IpamPools;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAddress;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetMapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a load balancer is addressed, stored and returned (no address is simulated): the IP address type per load
 * balancer type and scheme (CreateLoadBalancer, SetSubnets, SetIpAddressType), the subnet mappings' Elastic IP
 * allocations, private and IPv6 addresses and source NAT prefixes, the customer-owned (Outposts) pool, the IPAM
 * pool (CreateLoadBalancer, ModifyIpPools) and the source NAT prefix switch.
 *
 * <pre>{@code
 * LoadBalancerAddressing.checkIpAddressType("network", "internal", "dualstack");
 * AvailabilityZone zone = LoadBalancerAddressing.zone(lb, "us-east-1a", "subnet-us-east-1a");
 * }</pre>
 */
final class LoadBalancerAddressing {

    private static final List<String> ALB_TYPES = List.of("ipv4", "dualstack", "dualstack-without-public-ipv4");
    private static final List<String> NLB_TYPES = List.of("ipv4", "dualstack");

    private LoadBalancerAddressing() {
    }

    /** ALBs: ipv4, dualstack, dualstack-without-public-ipv4 (internet-facing only); NLBs: ipv4, dualstack. */
    static void checkIpAddressType(String type, String scheme, String ipType) {
        if (!ALB_TYPES.contains(ipType)) {
            throw ElbErrors.validation("IP address type '" + ipType + "' is not valid; valid values: "
                    + String.join(", ", ALB_TYPES));
        }
        if ("network".equals(type) && !NLB_TYPES.contains(ipType)) {
            throw ElbErrors.invalidConfiguration("IP address type '" + ipType + "' is not supported by network "
                    + "load balancers");
        }
        if ("dualstack-without-public-ipv4".equals(ipType) && "internal".equals(scheme)) {
            throw ElbErrors.invalidConfiguration("IP address type 'dualstack-without-public-ipv4' is only "
                    + "supported by internet-facing load balancers");
        }
    }

    /** Source NAT IPv6 prefixes: network load balancers only, {@code on} needs a dualstack load balancer. */
    static void checkSourceNat(String type, String ipType, String value) {
        if (value == null) {
            return;
        }
        if (!List.of("on", "off").contains(value)) {
            throw ElbErrors.validation("EnablePrefixForIpv6SourceNat '" + value + "' is not valid; valid values: "
                    + "on, off");
        }
        if (!"network".equals(type)) {
            throw ElbErrors.invalidConfiguration("Source NAT IPv6 prefixes are supported only by network load "
                    + "balancers");
        }
        if ("on".equals(value) && !"dualstack".equals(ipType)) {
            throw ElbErrors.invalidConfiguration("Source NAT IPv6 prefixes can only be enabled on dualstack load "
                    + "balancers");
        }
    }

    /** The CreateLoadBalancer fields of this class, checked before anything is created. */
    static void checkCreate(String type, CreateLoadBalancerRequest r) {
        String ipType = r.ipAddressTypeAsString() == null ? "ipv4" : r.ipAddressTypeAsString();
        checkSourceNat(type, ipType, r.enablePrefixForIpv6SourceNatAsString());
        if (r.customerOwnedIpv4Pool() != null) {
            if (!r.customerOwnedIpv4Pool().matches("ipv4pool-coip-[a-zA-Z0-9]+")) {
                throw ElbErrors.validation("Customer-owned IPv4 pool '" + r.customerOwnedIpv4Pool()
                        + "' is not valid");
            }
            if (!"application".equals(type)) {
                throw ElbErrors.invalidConfiguration("A customer-owned IPv4 pool can only be specified for "
                        + "application load balancers");
            }
        }
        checkIpamPools(type, r.ipamPools());
        for (SubnetMapping m : r.subnetMappings()) {
            if ("application".equals(type) && (m.allocationId() != null || m.privateIPv4Address() != null
                    || m.iPv6Address() != null)) {
                throw ElbErrors.invalidConfiguration("Elastic IP allocations and private or IPv6 addresses can "
                        + "only be specified for network load balancers");
            }
            if (m.allocationId() != null && "internal".equals(r.schemeAsString())) {
                throw ElbErrors.invalidConfiguration("Elastic IP allocations can only be specified for "
                        + "internet-facing load balancers");
            }
        }
    }

    static void checkIpamPools(String type, IpamPools pools) {
        if (pools == null) {
            return;
        }
        if (!"application".equals(type)) {
            throw ElbErrors.invalidConfiguration("IPAM pools are supported only by application load balancers");
        }
        String id = pools.ipv4IpamPoolId();
        if (id != null && !id.matches("ipam-pool-[a-f0-9]+")) {
            throw ElbErrors.validation("IPAM pool ID '" + id + "' is not valid");
        }
    }

    static void store(LoadBalancerRecord lb, CreateLoadBalancerRequest r) {
        lb.customerOwnedIpv4Pool = r.customerOwnedIpv4Pool();
        lb.ipv4IpamPoolId = r.ipamPools() == null ? null : r.ipamPools().ipv4IpamPoolId();
        lb.enablePrefixForIpv6SourceNat = r.enablePrefixForIpv6SourceNatAsString();
    }

    /** The subnet mappings that carry more than a subnet id, by the zone of their subnet. */
    static Map<String, SubnetMapping> mappingsByZone(Map<String, String> zones, List<SubnetMapping> mappings) {
        Map<String, SubnetMapping> out = new LinkedHashMap<>();
        for (SubnetMapping m : mappings) {
            if (m.allocationId() == null && m.privateIPv4Address() == null && m.iPv6Address() == null
                    && m.sourceNatIpv6Prefix() == null) {
                continue;
            }
            zones.forEach((zone, subnet) -> {
                if (subnet.equals(m.subnetId())) {
                    out.put(zone, m);
                }
            });
        }
        return out;
    }

    /** One zone of DescribeLoadBalancers, with the addresses and prefix its subnet mapping gave. */
    static AvailabilityZone zone(LoadBalancerRecord lb, String zone, String subnet) {
        AvailabilityZone.Builder b = AvailabilityZone.builder().zoneName(zone).subnetId(subnet);
        SubnetMapping m = lb.mappings.get(zone);
        if (m != null) {
            if (m.allocationId() != null || m.privateIPv4Address() != null || m.iPv6Address() != null) {
                b.loadBalancerAddresses(LoadBalancerAddress.builder().allocationId(m.allocationId())
                        .privateIPv4Address(m.privateIPv4Address()).iPv6Address(m.iPv6Address()).build());
            }
            if (m.sourceNatIpv6Prefix() != null) {
                b.sourceNatIpv6Prefixes(m.sourceNatIpv6Prefix());
            }
        }
        return b.build();
    }

    /** ModifyIpPools: sets the IPv4 IPAM pool and/or removes it ({@code RemoveIpamPools=[ipv4]}). */
    static IpamPools modifyIpPools(LoadBalancerRecord lb, IpamPools set, List<String> remove) {
        checkIpamPools(lb.type, set);
        if (!lb.isApplication()) {
            throw ElbErrors.invalidConfiguration("IPAM pools are supported only by application load balancers");
        }
        for (String kind : remove) {
            if (!"ipv4".equals(kind)) {
                throw ElbErrors.validation("Pool type '" + kind + "' is not valid; valid values: ipv4");
            }
        }
        if (set != null && set.ipv4IpamPoolId() != null) {
            lb.ipv4IpamPoolId = set.ipv4IpamPoolId();
        }
        if (remove.contains("ipv4")) {
            lb.ipv4IpamPoolId = null;
        }
        return lb.ipv4IpamPoolId == null ? null : IpamPools.builder().ipv4IpamPoolId(lb.ipv4IpamPoolId).build();
    }
}
