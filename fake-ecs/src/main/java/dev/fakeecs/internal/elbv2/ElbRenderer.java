package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerState;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the simulation's records as the SDK model shapes the API returns.
 *
 * <pre>{@code
 * LoadBalancer shown = renderer.loadBalancer(record);
 * }</pre>
 */
final class ElbRenderer {

    private final ElbResources resources;

    ElbRenderer(ElbResources resources) {
        this.resources = resources;
    }

    LoadBalancer loadBalancer(LoadBalancerRecord lb) {
        List<AvailabilityZone> zones = new ArrayList<>();
        lb.zones.forEach((zone, subnet) -> zones.add(LoadBalancerAddressing.zone(lb, zone, subnet)));
        LoadBalancer.Builder b = LoadBalancer.builder()
                .loadBalancerArn(lb.arn)
                .dnsName(lb.dnsName)
                .canonicalHostedZoneId(HostedZones.canonical(resources.region().name(), lb.type))
                .createdTime(lb.created)
                .loadBalancerName(lb.name)
                .scheme(lb.scheme)
                .vpcId(lb.vpcId)
                .state(LoadBalancerState.builder().code(lb.state).build())
                .type(lb.type)
                .availabilityZones(zones)
                .ipAddressType(lb.ipAddressType);
        if (!lb.securityGroups.isEmpty()) {
            b.securityGroups(lb.securityGroups);
            if (!lb.isApplication()) {
                b.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic(
                        lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic == null
                                ? "on" : lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic);
            }
        }
        b.customerOwnedIpv4Pool(lb.customerOwnedIpv4Pool);
        b.enablePrefixForIpv6SourceNat(lb.enablePrefixForIpv6SourceNat);
        if (lb.ipv4IpamPoolId != null) {
            b.ipamPools(p -> p.ipv4IpamPoolId(lb.ipv4IpamPoolId));
        }
        return b.build();
    }

    TargetGroup targetGroup(TargetGroupRecord tg) {
        return TargetGroup.builder()
                .targetGroupArn(tg.arn)
                .targetGroupName(tg.name)
                .protocol(tg.protocol)
                .port(tg.port)
                .vpcId(tg.vpcId)
                .healthCheckProtocol(tg.healthCheckProtocol)
                .healthCheckPort(tg.healthCheckPort)
                .healthCheckEnabled(tg.healthCheckEnabled)
                .healthCheckIntervalSeconds(tg.intervalSeconds)
                .healthCheckTimeoutSeconds(tg.timeoutSeconds)
                .healthyThresholdCount(tg.healthyThreshold)
                .unhealthyThresholdCount(tg.unhealthyThreshold)
                .healthCheckPath(tg.healthCheckPath)
                .matcher(tg.matcher)
                .loadBalancerArns(new ArrayList<>(resources.loadBalancersUsing(tg.arn)))
                .targetType(tg.targetType)
                .protocolVersion(tg.protocolVersion)
                .ipAddressType(tg.ipAddressType)
                .targetControlPort(tg.targetControlPort)
                .build();
    }

    Listener listener(ListenerRecord l) {
        Listener.Builder b = Listener.builder()
                .listenerArn(l.arn)
                .loadBalancerArn(l.loadBalancerArn)
                .port(l.port)
                .protocol(l.protocol)
                .sslPolicy(l.sslPolicy)
                .defaultActions(l.defaultActions);
        if (!l.certificates.isEmpty()) {
            b.certificates(l.certificates);
        }
        if (!l.alpnPolicy.isEmpty()) {
            b.alpnPolicy(l.alpnPolicy);
        }
        if (l.mutualAuthentication != null) {
            b.mutualAuthentication(l.mutualAuthentication);
        }
        return b.build();
    }

    Rule rule(Rules.Selected selected) {
        RuleRecord r = selected.rule();
        if (r == null) {
            return Rule.builder().ruleArn(selected.listener().defaultRuleArn).priority("default")
                    .conditions(List.of()).actions(selected.listener().defaultActions).isDefault(true).build();
        }
        Rule.Builder b = Rule.builder().ruleArn(r.arn).priority(String.valueOf(r.priority)).conditions(r.conditions)
                .actions(r.actions).isDefault(false);
        if (!r.transforms.isEmpty()) {
            b.transforms(r.transforms);
        }
        return b.build();
    }
}
