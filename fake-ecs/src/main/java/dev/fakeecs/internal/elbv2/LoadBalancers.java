package dev.fakeecs.internal.elbv2;

import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetMapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Load balancers: CreateLoadBalancer (name rules, scheme, subnets → zones per {@link SubnetZones}, DNS name,
 * provisioning → active after {@link #PROVISIONING}), DeleteLoadBalancer (with its listeners and rules),
 * SetSubnets, SetSecurityGroups and the load balancer attributes.
 *
 * <pre>{@code
 * LoadBalancerRecord lb = loadBalancers.create(CreateLoadBalancerRequest.builder().name("web")
 *         .subnets("subnet-us-east-1a", "subnet-us-east-1b").build());
 * }</pre>
 */
final class LoadBalancers {

    /** How long a new load balancer stays {@code provisioning} (neighbours.md 1.1 rule). */
    static final Duration PROVISIONING = Duration.ofSeconds(60);
    /** Load balancers per Region (neighbours.md 1.5: ALBs per Region). */
    static final int MAX_LOAD_BALANCERS = 50;

    private final ElbResources resources;
    private final TargetHealthChecker health;
    private final ElbTags tags;
    private String defaultSecurityGroup;

    private final Runnable firstLoadBalancer;

    LoadBalancers(ElbResources resources, TargetHealthChecker health, ElbTags tags, Runnable firstLoadBalancer) {
        this.resources = resources;
        this.health = health;
        this.tags = tags;
        this.firstLoadBalancer = firstLoadBalancer;
    }

    LoadBalancerRecord create(CreateLoadBalancerRequest r) {
        checkName(r.name());
        tags.check(r.tags());
        String type = r.typeAsString() == null ? "application" : r.typeAsString();
        if (!Set.of("application", "network").contains(type)) {
            throw ElbErrors.validation("Load balancer type '" + type + "' is not supported; valid values: "
                    + "application, network");
        }
        String scheme = r.schemeAsString() == null ? "internet-facing" : r.schemeAsString();
        if (!Set.of("internet-facing", "internal").contains(scheme)) {
            throw ElbErrors.of("InvalidScheme", "The requested scheme '" + scheme + "' is not valid");
        }
        String ipType = r.ipAddressTypeAsString() == null ? "ipv4" : r.ipAddressTypeAsString();
        LoadBalancerAddressing.checkIpAddressType(type, scheme, ipType);
        LoadBalancerAddressing.checkCreate(type, r);
        Map<String, String> zones = zones(type, r.subnets(), r.subnetMappings());
        List<String> groups = new ArrayList<>(r.securityGroups());
        if (groups.isEmpty() && "application".equals(type)) {
            groups.add(defaultSecurityGroup());
        }
        for (LoadBalancerRecord existing : resources.loadBalancers.values()) {
            if (existing.name.equals(r.name())) {
                if (existing.type.equals(type) && existing.scheme.equals(scheme) && existing.zones.equals(zones)
                        && (r.securityGroups().isEmpty() || existing.securityGroups.equals(groups))) {
                    return existing;
                }
                throw ElbErrors.of("DuplicateLoadBalancerName", "A load balancer with the specified name already exists.");
            }
        }
        if (resources.loadBalancers.size() >= MAX_LOAD_BALANCERS) {
            throw ElbErrors.of("TooManyLoadBalancers", "The quota for the number of load balancers has been reached");
        }
        String id = resources.hex16();
        String arn = resources.loadBalancerArn(type, r.name(), id);
        LoadBalancerRecord lb = new LoadBalancerRecord(arn, r.name(), id, type, scheme, resources.region().now(),
                resources.defaultVpc(), LoadBalancerAttributes.defaults(type));
        String region = resources.region().name();
        lb.dnsName = "network".equals(type)
                ? (r.name() + "-" + resources.hex16() + ".elb." + region + ".amazonaws.com")
                : HostedZones.dnsName(r.name(), resources.region().engine().random().digits(10), region,
                        "internal".equals(scheme));
        if ("network".equals(type) && "internal".equals(scheme)) {
            lb.dnsName = "internal-" + lb.dnsName;
        }
        lb.ipAddressType = ipType;
        lb.zones = zones;
        lb.mappings = LoadBalancerAddressing.mappingsByZone(zones, r.subnetMappings());
        lb.securityGroups = groups;
        LoadBalancerAddressing.store(lb, r);
        resources.loadBalancers.put(arn, lb);
        firstLoadBalancer.run();
        if (r.hasTags()) {
            tags.add(List.of(arn), r.tags());
        }
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "loadBalancer", "created", "type", type,
                "scheme", scheme, "state", "provisioning");
        lb.activation = resources.region().engine().clock().schedule(PROVISIONING, "elbv2 activate " + r.name(), () -> {
            if (resources.loadBalancers.get(arn) == lb) {
                lb.state = "active";
                resources.region().record(JournalEventType.LOAD_BALANCER, arn, "state", "active");
            }
        });
        return lb;
    }

    private String defaultSecurityGroup() {
        if (defaultSecurityGroup == null) {
            defaultSecurityGroup = "sg-" + resources.region().engine().random().hex(17);
        }
        return defaultSecurityGroup;
    }

    private Map<String, String> zones(String type, List<String> subnets, List<SubnetMapping> mappings) {
        List<String> ids = new ArrayList<>(subnets);
        for (SubnetMapping m : mappings) {
            ids.add(m.subnetId());
        }
        if (ids.isEmpty()) {
            throw ElbErrors.validation("At least one subnet must be specified");
        }
        Map<String, String> zones = SubnetZones.zones(ids, resources.region().availabilityZones());
        if ("application".equals(type) && zones.size() < 2) {
            throw ElbErrors.invalidConfiguration("More than 1 availability zone must be specified");
        }
        return zones;
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw ElbErrors.validation("A load balancer name must be specified");
        }
        if (name.length() > 32) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot be longer than '32' characters");
        }
        if (!name.matches("[a-zA-Z0-9-]+")) {
            throw ElbErrors.validation("Load balancer name '" + name + "' can only contain characters that are "
                    + "alphanumeric characters or hyphens(-)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot begin or end with '-'");
        }
        if (name.startsWith("internal-")) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot begin with 'internal-'");
        }
    }

    void delete(String arn) {
        LoadBalancerRecord lb = arn == null ? null : resources.loadBalancers.get(arn);
        if (lb == null) {
            return;
        }
        if ("true".equals(lb.attributes.get(LoadBalancerAttributes.DELETION_PROTECTION))) {
            throw ElbErrors.of("OperationNotPermitted", "Load balancer '" + arn
                    + "' cannot be deleted because deletion protection is enabled");
        }
        health.usageChange(() -> {
            for (ListenerRecord l : resources.listenersOf(arn)) {
                resources.listeners.remove(l.arn);
                tags.forget(l.arn);
                for (RuleRecord rule : l.rules) {
                    resources.rules.remove(rule.arn);
                    tags.forget(rule.arn);
                }
            }
            resources.loadBalancers.remove(arn);
        });
        if (lb.activation != null) {
            lb.activation.cancel();
        }
        tags.forget(arn);
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "loadBalancer", "deleted");
    }

    List<LoadBalancerRecord> select(List<String> arns, List<String> names) {
        if (!arns.isEmpty() && !names.isEmpty()) {
            throw ElbErrors.validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }
        List<LoadBalancerRecord> out = new ArrayList<>();
        if (!arns.isEmpty()) {
            for (String arn : arns) {
                out.add(resources.loadBalancer(arn));
            }
        } else if (!names.isEmpty()) {
            for (String name : names) {
                LoadBalancerRecord found = resources.loadBalancers.values().stream()
                        .filter(lb -> lb.name.equals(name)).findFirst().orElseThrow(ElbErrors::loadBalancerNotFound);
                out.add(found);
            }
        } else {
            out.addAll(resources.loadBalancers.values());
        }
        return out;
    }

    LoadBalancerRecord setSubnets(String arn, List<String> subnets, List<SubnetMapping> mappings) {
        return setSubnets(arn, subnets, mappings, null, null);
    }

    /** SetSubnets with its optional IP address type and source NAT prefix setting (null: unchanged). */
    LoadBalancerRecord setSubnets(String arn, List<String> subnets, List<SubnetMapping> mappings,
                                  String ipAddressType, String enablePrefixForIpv6SourceNat) {
        LoadBalancerRecord lb = resources.loadBalancer(arn);
        Map<String, String> zones = zones(lb.type, subnets, mappings);
        if (ipAddressType != null) {
            LoadBalancerAddressing.checkIpAddressType(lb.type, lb.scheme, ipAddressType);
        }
        String ipType = ipAddressType != null ? ipAddressType : lb.ipAddressType;
        LoadBalancerAddressing.checkSourceNat(lb.type, ipType, enablePrefixForIpv6SourceNat);
        health.usageChange(() -> lb.zones = zones);
        lb.mappings = LoadBalancerAddressing.mappingsByZone(zones, mappings);
        lb.ipAddressType = ipType;
        if (enablePrefixForIpv6SourceNat != null) {
            lb.enablePrefixForIpv6SourceNat = enablePrefixForIpv6SourceNat;
        }
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "availabilityZones",
                String.join(",", zones.keySet()));
        return lb;
    }

    /** SetIpAddressType: the types each load balancer type and scheme allows. */
    LoadBalancerRecord setIpAddressType(String arn, String ipAddressType) {
        LoadBalancerRecord lb = resources.loadBalancer(arn);
        if (ipAddressType == null) {
            throw ElbErrors.validation("An IP address type must be specified");
        }
        LoadBalancerAddressing.checkIpAddressType(lb.type, lb.scheme, ipAddressType);
        LoadBalancerAddressing.checkSourceNat(lb.type, ipAddressType, lb.enablePrefixForIpv6SourceNat);
        lb.ipAddressType = ipAddressType;
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "ipAddressType", ipAddressType);
        return lb;
    }

    LoadBalancerRecord setSecurityGroups(String arn, List<String> groups) {
        return setSecurityGroups(arn, groups, null);
    }

    /** SetSecurityGroups with the network load balancer's PrivateLink enforcement ({@code on}/{@code off}). */
    LoadBalancerRecord setSecurityGroups(String arn, List<String> groups, String enforcePrivateLink) {
        LoadBalancerRecord lb = resources.loadBalancer(arn);
        if (!lb.isApplication() && lb.securityGroups.isEmpty() && !groups.isEmpty()) {
            throw ElbErrors.invalidConfiguration("You cannot add security groups to a Network Load Balancer that "
                    + "was created without security groups");
        }
        if (enforcePrivateLink != null) {
            if (lb.isApplication()) {
                throw ElbErrors.invalidConfiguration("EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic is "
                        + "supported only by network load balancers");
            }
            if (!List.of("on", "off").contains(enforcePrivateLink)) {
                throw ElbErrors.validation("EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic '"
                        + enforcePrivateLink + "' is not valid; valid values: on, off");
            }
            lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic = enforcePrivateLink;
        }
        lb.securityGroups = new ArrayList<>(groups);
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "securityGroups", String.join(",", groups));
        return lb;
    }

    List<LoadBalancerAttribute> attributes(String arn) {
        return render(resources.loadBalancer(arn).attributes);
    }

    List<LoadBalancerAttribute> modifyAttributes(String arn, List<LoadBalancerAttribute> changes) {
        LoadBalancerRecord lb = resources.loadBalancer(arn);
        Map<String, String> after = new LinkedHashMap<>(lb.attributes);
        for (LoadBalancerAttribute a : changes) {
            LoadBalancerAttributes.check(a.key(), a.value(), lb.attributes);
            after.put(a.key(), a.value() == null ? "" : a.value());
        }
        lb.attributes.putAll(after);
        List<String> kv = new ArrayList<>();
        for (LoadBalancerAttribute a : changes) {
            kv.add(a.key());
            kv.add(a.value());
        }
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, kv.toArray(String[]::new));
        return render(lb.attributes);
    }

    private static List<LoadBalancerAttribute> render(Map<String, String> attributes) {
        List<LoadBalancerAttribute> out = new ArrayList<>();
        attributes.forEach((k, v) -> out.add(LoadBalancerAttribute.builder().key(k).value(v).build()));
        return out;
    }
}
