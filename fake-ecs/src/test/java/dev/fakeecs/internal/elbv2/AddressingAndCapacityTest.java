package dev.fakeecs.internal.elbv2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CapacityReservationPendingException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CapacityUnitsLimitExceededException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ZonalCapacityReservationState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SetIpAddressType, ModifyIpPools, the addressing fields of CreateLoadBalancer/SetSubnets, capacity reservations. */
class AddressingAndCapacityTest {

    private final ElbWorld w = new ElbWorld();

    private LoadBalancer shown(String arn) {
        return w.elb.describeLoadBalancers(r -> r.loadBalancerArns(arn)).loadBalancers().get(0);
    }

    private String nlb(String scheme) {
        return w.elb.createLoadBalancer(r -> r.name("net-" + scheme).type("network").scheme(scheme)
                .subnets("subnet-us-east-1a")).loadBalancers().get(0).loadBalancerArn();
    }

    @Test
    void should_set_ip_address_types_each_load_balancer_type_allows() {
        String alb = w.alb("web");
        assertThat(w.elb.setIpAddressType(r -> r.loadBalancerArn(alb).ipAddressType("dualstack-without-public-ipv4"))
                .ipAddressTypeAsString()).isEqualTo("dualstack-without-public-ipv4");
        assertThat(shown(alb).ipAddressTypeAsString()).isEqualTo("dualstack-without-public-ipv4");

        String nlb = nlb("internal");
        assertThat(w.elb.setIpAddressType(r -> r.loadBalancerArn(nlb).ipAddressType("dualstack"))
                .ipAddressTypeAsString()).isEqualTo("dualstack");
        assertThatThrownBy(() -> w.elb.setIpAddressType(r -> r.loadBalancerArn(nlb)
                .ipAddressType("dualstack-without-public-ipv4")))
                .isInstanceOf(InvalidConfigurationRequestException.class)
                .hasMessageStartingWith("IP address type 'dualstack-without-public-ipv4' is not supported by "
                        + "network load balancers");
        assertThatThrownBy(() -> w.elb.createLoadBalancer(r -> r.name("inner").scheme("internal")
                .ipAddressType("dualstack-without-public-ipv4").subnets("subnet-us-east-1a", "subnet-us-east-1b")))
                .isInstanceOf(InvalidConfigurationRequestException.class);
        assertThat(w.engine.journal().entries()).anySatisfy(e -> assertThat(e.detail("ipAddressType"))
                .isEqualTo("dualstack"));
    }

    @Test
    void should_store_and_return_create_load_balancer_addressing_fields() {
        String alb = w.elb.createLoadBalancer(r -> r.name("outpost").subnets("subnet-us-east-1a", "subnet-us-east-1b")
                .customerOwnedIpv4Pool("ipv4pool-coip-0123abcd").ipamPools(p -> p.ipv4IpamPoolId("ipam-pool-0a1b2c")))
                .loadBalancers().get(0).loadBalancerArn();
        assertThat(shown(alb).customerOwnedIpv4Pool()).isEqualTo("ipv4pool-coip-0123abcd");
        assertThat(shown(alb).ipamPools().ipv4IpamPoolId()).isEqualTo("ipam-pool-0a1b2c");
        assertThat(w.elb.modifyIpPools(r -> r.loadBalancerArn(alb).removeIpamPoolsWithStrings("ipv4")).ipamPools())
                .isNull();
        assertThat(shown(alb).ipamPools()).isNull();

        String nlb = w.elb.createLoadBalancer(r -> r.name("net").type("network").ipAddressType("dualstack")
                .enablePrefixForIpv6SourceNat("on").subnetMappings(m -> m.subnetId("subnet-us-east-1a")
                        .allocationId("eipalloc-1").sourceNatIpv6Prefix("auto_assigned")))
                .loadBalancers().get(0).loadBalancerArn();
        LoadBalancer n = shown(nlb);
        assertThat(n.enablePrefixForIpv6SourceNatAsString()).isEqualTo("on");
        assertThat(n.availabilityZones().get(0).loadBalancerAddresses().get(0).allocationId()).isEqualTo("eipalloc-1");
        assertThat(n.availabilityZones().get(0).sourceNatIpv6Prefixes()).containsExactly("auto_assigned");

        assertThatThrownBy(() -> w.elb.createLoadBalancer(r -> r.name("bad").type("network")
                .enablePrefixForIpv6SourceNat("on").subnets("subnet-us-east-1a")))
                .isInstanceOf(InvalidConfigurationRequestException.class)
                .hasMessageStartingWith("Source NAT IPv6 prefixes can only be enabled on dualstack load balancers");
        assertThatThrownBy(() -> w.elb.modifyIpPools(r -> r.loadBalancerArn(nlb)
                .ipamPools(p -> p.ipv4IpamPoolId("ipam-pool-0a1b2c"))))
                .isInstanceOf(InvalidConfigurationRequestException.class);
    }

    @Test
    void should_take_set_subnets_and_set_security_groups_options() {
        String nlb = w.elb.createLoadBalancer(r -> r.name("net").type("network").securityGroups("sg-1")
                .subnets("subnet-us-east-1a")).loadBalancers().get(0).loadBalancerArn();
        assertThat(shown(nlb).enforceSecurityGroupInboundRulesOnPrivateLinkTraffic()).isEqualTo("on");
        var sg = w.elb.setSecurityGroups(r -> r.loadBalancerArn(nlb).securityGroups("sg-2")
                .enforceSecurityGroupInboundRulesOnPrivateLinkTraffic("off"));
        assertThat(sg.enforceSecurityGroupInboundRulesOnPrivateLinkTrafficAsString()).isEqualTo("off");
        assertThat(shown(nlb).enforceSecurityGroupInboundRulesOnPrivateLinkTraffic()).isEqualTo("off");

        var subnets = w.elb.setSubnets(r -> r.loadBalancerArn(nlb).subnets("subnet-us-east-1b")
                .ipAddressType("dualstack").enablePrefixForIpv6SourceNat("off"));
        assertThat(subnets.ipAddressTypeAsString()).isEqualTo("dualstack");
        assertThat(subnets.enablePrefixForIpv6SourceNatAsString()).isEqualTo("off");
        assertThat(shown(nlb).ipAddressTypeAsString()).isEqualTo("dualstack");

        String alb = w.alb("web");
        assertThatThrownBy(() -> w.elb.setSecurityGroups(r -> r.loadBalancerArn(alb).securityGroups("sg-1")
                .enforceSecurityGroupInboundRulesOnPrivateLinkTraffic("on")))
                .isInstanceOf(InvalidConfigurationRequestException.class);
    }

    @Test
    void should_provision_a_capacity_reservation_on_the_virtual_clock() {
        String alb = w.alb("web");
        var none = w.elb.describeCapacityReservation(r -> r.loadBalancerArn(alb));
        assertThat(none.minimumLoadBalancerCapacity()).isNull();
        assertThat(none.capacityReservationState()).isEmpty();
        assertThat(none.decreaseRequestsRemaining()).isEqualTo(3);

        var pending = w.elb.modifyCapacityReservation(r -> r.loadBalancerArn(alb)
                .minimumLoadBalancerCapacity(m -> m.capacityUnits(200)));
        assertThat(pending.capacityReservationState()).extracting(z -> z.state().codeAsString())
                .containsExactly("pending", "pending");
        assertThat(pending.lastModifiedTime()).isEqualTo(ElbWorld.START);
        assertThatThrownBy(() -> w.elb.modifyCapacityReservation(r -> r.loadBalancerArn(alb)
                .minimumLoadBalancerCapacity(m -> m.capacityUnits(300))))
                .isInstanceOf(CapacityReservationPendingException.class);

        w.advance(600);
        var provisioned = w.elb.describeCapacityReservation(r -> r.loadBalancerArn(alb));
        assertThat(provisioned.minimumLoadBalancerCapacity().capacityUnits()).isEqualTo(200);
        assertThat(provisioned.capacityReservationState()).extracting(ZonalCapacityReservationState::availabilityZone,
                        ZonalCapacityReservationState::effectiveCapacityUnits)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("us-east-1a", 100.0),
                        org.assertj.core.groups.Tuple.tuple("us-east-1b", 100.0));

        var reset = w.elb.modifyCapacityReservation(r -> r.loadBalancerArn(alb).resetCapacityReservation(true));
        assertThat(reset.minimumLoadBalancerCapacity()).isNull();
        assertThat(reset.decreaseRequestsRemaining()).isEqualTo(2);
        assertThatThrownBy(() -> w.elb.modifyCapacityReservation(r -> r.loadBalancerArn(alb)
                .minimumLoadBalancerCapacity(m -> m.capacityUnits(20000))))
                .isInstanceOf(CapacityUnitsLimitExceededException.class);
    }
}
