package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.engine.RegionContext;
import dev.fakeecs.internal.neighbour.ApiCalls;
import dev.fakeecs.internal.neighbour.EcsNeighbourhood;
import dev.fakeecs.internal.neighbour.RegionalService;
import dev.fakeecs.internal.targets.OfferedLoad;
import dev.fakeecs.internal.targets.TargetApplications;
import dev.fakeecs.internal.targets.TargetGroupDirectory;
import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2ServiceClientConfiguration;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Elastic Load Balancing v2 in one region: load balancers, target groups, listeners and rules, targets and
 * their health checks on the virtual clock, plus what is stored and returned (certificates, listener
 * attributes, security policies, account limits, capacity reservations, IP pools, trust stores). Implements
 * every operation of the SDK's client interface, so the Query protocol handler calls it as the ECS handler
 * calls the ECS control plane (every operation under the engine lock, after the region's API interceptors and
 * the auto clock step). Errors are the SDK's exception classes with AWS's codes and messages
 * ({@link ElbErrors}).
 *
 * <pre>{@code
 * LoadBalancing elb = RegionEngine.of(ecs.region("us-east-1")).service(LoadBalancing.SERVICE);
 * elb.createTargetGroup(b -> b.name("web").protocol("HTTP").port(80).vpcId("vpc-1").targetType("ip"));
 * }</pre>
 */
public final class LoadBalancing implements ElasticLoadBalancingV2Client {

    /** The service as every region builds it. */
    public static final RegionalService<LoadBalancing> SERVICE = LoadBalancing::new;

    private final RegionContext region;
    private final ApiCalls calls;
    private final ElbResources resources;
    private final TargetHealthChecker health;
    private final ElbTags tags;
    private final LoadBalancers loadBalancers;
    private final TargetGroups targetGroups;
    private final Listeners listeners;
    private final Rules rules;
    private final Targets targets;
    private final ElbRenderer renderer;
    private final TargetGroupsOfRegion directory;
    private final LoadBalancerMetrics metrics;
    private final TrustStores trustStores;
    private final ListenerCertificates certificates;
    private final ListenerAttributes listenerAttributes;
    private final CapacityReservations capacity;

    LoadBalancing(RegionContext region, EcsNeighbourhood ecs) {
        this(region, ecs, ecs::applications);
    }

    /** Tests give their own applications (what answers at each target). */
    LoadBalancing(RegionContext region, EcsNeighbourhood ecs, Supplier<TargetApplications> applications) {
        this(region, ecs, applications, ecs.offeredLoad());
    }

    /** Tests give their own applications and the load offered to each target group. */
    LoadBalancing(RegionContext region, EcsNeighbourhood ecs, Supplier<TargetApplications> applications,
                  OfferedLoad offeredLoad) {
        this.region = region;
        this.calls = ecs.apiCalls();
        this.resources = new ElbResources(region);
        this.health = new TargetHealthChecker(resources, applications);
        this.tags = new ElbTags(resources);
        this.metrics = new LoadBalancerMetrics(resources, health, offeredLoad);
        this.loadBalancers = new LoadBalancers(resources, health, tags, metrics::start);
        this.targetGroups = new TargetGroups(resources, health, tags);
        Actions actions = new Actions(resources);
        this.trustStores = new TrustStores(resources, tags);
        this.listeners = new Listeners(resources, health, tags, actions, trustStores);
        this.certificates = new ListenerCertificates(resources);
        this.listenerAttributes = new ListenerAttributes(resources);
        this.capacity = new CapacityReservations(resources);
        this.rules = new Rules(resources, health, tags, actions);
        this.targets = new Targets(resources, health);
        this.renderer = new ElbRenderer(resources);
        this.directory = new TargetGroupsOfRegion(resources, health);
        ecs.publishTargetGroups(directory);
    }

    private <T> T call(String operation, Supplier<T> body) {
        if (calls != null) {
            return calls.invoke(operation, body);
        }
        return region.read(body);
    }

    /** The region's target groups as ECS uses them (also published to ECS). */
    public TargetGroupDirectory targetGroups() {
        return directory;
    }

    /** Per-minute traffic and host count figures of the region's load balancers and target groups. */
    public LoadBalancerMetrics metrics() {
        return metrics;
    }

    /**
     * Makes every health check of a target group (ARN or name) fail with {@code Target.ResponseCodeMismatch}
     * [503] from now on for {@code duration} (null: until {@link #restoreHealthChecks}); the application's
     * health endpoint broke. Returns the target group's ARN.
     */
    public String failHealthChecks(String targetGroup, Duration duration) {
        return region.read(() -> {
            TargetGroupRecord tg = resolve(targetGroup);
            tg.failingForever = duration == null;
            tg.failingUntil = duration == null ? null : region.now().plus(duration);
            region.record(JournalEventType.TARGET_HEALTH, tg.arn, "healthChecks", "failing",
                    "until", tg.failingUntil == null ? null : tg.failingUntil.toString());
            return tg.arn;
        });
    }

    /** Ends a {@link #failHealthChecks} fault early. */
    public void restoreHealthChecks(String targetGroup) {
        region.read(() -> {
            TargetGroupRecord tg = resolve(targetGroup);
            if (tg.failingForever || tg.failingUntil != null && region.now().isBefore(tg.failingUntil)) {
                region.record(JournalEventType.TARGET_HEALTH, tg.arn, "healthChecks", "restored");
            }
            tg.failingForever = false;
            tg.failingUntil = null;
            return null;
        });
    }

    private TargetGroupRecord resolve(String targetGroup) {
        TargetGroupRecord tg = resources.targetGroups.get(targetGroup);
        if (tg == null) {
            tg = resources.targetGroupByName(targetGroup);
        }
        if (tg == null) {
            throw new IllegalArgumentException("no target group " + targetGroup + " in " + region.name());
        }
        return tg;
    }

    /**
     * A target group (ARN or name) as DescribeTargetGroups shows it, or null when the region has none of that name:
     * a read for tests and tools, not an API call (no interceptor, fault or clock step).
     */
    public TargetGroup inspectTargetGroup(String targetGroup) {
        return region.read(() -> {
            TargetGroupRecord tg = resources.targetGroups.get(targetGroup);
            if (tg == null) {
                tg = resources.targetGroupByName(targetGroup);
            }
            return tg == null ? null : renderer.targetGroup(tg);
        });
    }

    /** Every registered target of a target group (ARN) with its health, as DescribeTargetHealth shows them; not an API call. */
    public List<TargetHealthDescription> inspectTargetHealth(String targetGroupArn) {
        return region.read(() -> resources.targetGroups.containsKey(targetGroupArn)
                ? targets.describe(targetGroupArn, null) : List.of());
    }

    /**
     * The per-minute traffic figures of a load balancer (ARN or name) or, with {@code targetGroup} (ARN or name),
     * of that target group behind it, oldest first; with {@code loadBalancer} null, the target group's minutes
     * summed over every load balancer that forwards to it. Empty when either is unknown. Not an API call.
     */
    public List<LoadBalancerMetrics.Minute> inspectTraffic(String loadBalancer, String targetGroup) {
        return region.read(() -> {
            TargetGroupRecord tg = null;
            if (targetGroup != null) {
                tg = resources.targetGroups.get(targetGroup);
                if (tg == null) {
                    tg = resources.targetGroupByName(targetGroup);
                }
                if (tg == null) {
                    return List.<LoadBalancerMetrics.Minute>of();
                }
            }
            if (loadBalancer == null) {
                if (tg == null) {
                    return List.<LoadBalancerMetrics.Minute>of();
                }
                java.util.Map<java.time.Instant, LoadBalancerMetrics.Minute> merged = new java.util.TreeMap<>();
                for (String lb : resources.loadBalancersUsing(tg.arn)) {
                    for (LoadBalancerMetrics.Minute m : metrics.minutes(lb, tg.arn)) {
                        merged.merge(m.minute(), m, LoadBalancerMetrics.Minute::plus);
                    }
                }
                return List.copyOf(merged.values());
            }
            LoadBalancerRecord lb = resources.loadBalancers.get(loadBalancer);
            if (lb == null) {
                lb = resources.loadBalancers.values().stream().filter(l -> l.name.equals(loadBalancer)).findFirst()
                        .orElse(null);
            }
            return lb == null ? List.<LoadBalancerMetrics.Minute>of() : metrics.minutes(lb.arn, tg == null ? null : tg.arn);
        });
    }

    /** The ARNs of the region's target groups, in creation order. */
    public List<String> targetGroupArns() {
        return region.read(() -> List.copyOf(resources.targetGroups.keySet()));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public ElasticLoadBalancingV2ServiceClientConfiguration serviceClientConfiguration() {
        throw new UnsupportedOperationException("the in-process load balancing API has no client configuration");
    }

    @Override
    public void close() {
    }

    // ---- load balancers

    @Override
    public CreateLoadBalancerResponse createLoadBalancer(CreateLoadBalancerRequest r) {
        return call("CreateLoadBalancer", () -> CreateLoadBalancerResponse.builder()
                .loadBalancers(renderer.loadBalancer(loadBalancers.create(r))).build());
    }

    @Override
    public DescribeLoadBalancersResponse describeLoadBalancers(DescribeLoadBalancersRequest r) {
        return call("DescribeLoadBalancers", () -> {
            Markers.Page<LoadBalancerRecord> page = Markers.page(loadBalancers.select(r.loadBalancerArns(), r.names()),
                    r.marker(), r.pageSize(), "lb");
            return DescribeLoadBalancersResponse.builder()
                    .loadBalancers(page.items().stream().map(renderer::loadBalancer).toList())
                    .nextMarker(page.nextMarker()).build();
        });
    }

    @Override
    public DeleteLoadBalancerResponse deleteLoadBalancer(DeleteLoadBalancerRequest r) {
        return call("DeleteLoadBalancer", () -> {
            loadBalancers.delete(r.loadBalancerArn());
            return DeleteLoadBalancerResponse.builder().build();
        });
    }

    @Override
    public SetSubnetsResponse setSubnets(SetSubnetsRequest r) {
        return call("SetSubnets", () -> {
            LoadBalancerRecord lb = loadBalancers.setSubnets(r.loadBalancerArn(), r.subnets(), r.subnetMappings(),
                    r.ipAddressTypeAsString(), r.enablePrefixForIpv6SourceNatAsString());
            LoadBalancer shown = renderer.loadBalancer(lb);
            return SetSubnetsResponse.builder().availabilityZones(shown.availabilityZones())
                    .ipAddressType(lb.ipAddressType)
                    .enablePrefixForIpv6SourceNat(lb.enablePrefixForIpv6SourceNat).build();
        });
    }

    @Override
    public SetSecurityGroupsResponse setSecurityGroups(SetSecurityGroupsRequest r) {
        return call("SetSecurityGroups", () -> {
            LoadBalancerRecord lb = loadBalancers.setSecurityGroups(r.loadBalancerArn(), r.securityGroups(),
                    r.enforceSecurityGroupInboundRulesOnPrivateLinkTrafficAsString());
            LoadBalancer shown = renderer.loadBalancer(lb);
            return SetSecurityGroupsResponse.builder().securityGroupIds(lb.securityGroups)
                    .enforceSecurityGroupInboundRulesOnPrivateLinkTraffic(
                            shown.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic()).build();
        });
    }

    @Override
    public DescribeLoadBalancerAttributesResponse describeLoadBalancerAttributes(
            DescribeLoadBalancerAttributesRequest r) {
        return call("DescribeLoadBalancerAttributes", () -> DescribeLoadBalancerAttributesResponse.builder()
                .attributes(loadBalancers.attributes(r.loadBalancerArn())).build());
    }

    @Override
    public ModifyLoadBalancerAttributesResponse modifyLoadBalancerAttributes(ModifyLoadBalancerAttributesRequest r) {
        return call("ModifyLoadBalancerAttributes", () -> ModifyLoadBalancerAttributesResponse.builder()
                .attributes(loadBalancers.modifyAttributes(r.loadBalancerArn(), r.attributes())).build());
    }

    // ---- target groups

    @Override
    public CreateTargetGroupResponse createTargetGroup(CreateTargetGroupRequest r) {
        return call("CreateTargetGroup", () -> CreateTargetGroupResponse.builder()
                .targetGroups(renderer.targetGroup(targetGroups.create(r))).build());
    }

    @Override
    public DescribeTargetGroupsResponse describeTargetGroups(DescribeTargetGroupsRequest r) {
        return call("DescribeTargetGroups", () -> {
            Markers.Page<TargetGroupRecord> page = Markers.page(
                    targetGroups.select(r.loadBalancerArn(), r.targetGroupArns(), r.names()), r.marker(),
                    r.pageSize(), "tg");
            return DescribeTargetGroupsResponse.builder()
                    .targetGroups(page.items().stream().map(renderer::targetGroup).toList())
                    .nextMarker(page.nextMarker()).build();
        });
    }

    @Override
    public ModifyTargetGroupResponse modifyTargetGroup(ModifyTargetGroupRequest r) {
        return call("ModifyTargetGroup", () -> ModifyTargetGroupResponse.builder()
                .targetGroups(renderer.targetGroup(targetGroups.modify(r))).build());
    }

    @Override
    public DeleteTargetGroupResponse deleteTargetGroup(DeleteTargetGroupRequest r) {
        return call("DeleteTargetGroup", () -> {
            targetGroups.delete(r.targetGroupArn());
            return DeleteTargetGroupResponse.builder().build();
        });
    }

    @Override
    public DescribeTargetGroupAttributesResponse describeTargetGroupAttributes(DescribeTargetGroupAttributesRequest r) {
        return call("DescribeTargetGroupAttributes", () -> DescribeTargetGroupAttributesResponse.builder()
                .attributes(targetGroups.attributes(r.targetGroupArn())).build());
    }

    @Override
    public ModifyTargetGroupAttributesResponse modifyTargetGroupAttributes(ModifyTargetGroupAttributesRequest r) {
        return call("ModifyTargetGroupAttributes", () -> ModifyTargetGroupAttributesResponse.builder()
                .attributes(targetGroups.modifyAttributes(r.targetGroupArn(), r.attributes())).build());
    }

    // ---- listeners and rules

    @Override
    public CreateListenerResponse createListener(CreateListenerRequest r) {
        return call("CreateListener", () -> CreateListenerResponse.builder()
                .listeners(renderer.listener(listeners.create(r))).build());
    }

    @Override
    public DescribeListenersResponse describeListeners(DescribeListenersRequest r) {
        return call("DescribeListeners", () -> {
            Markers.Page<ListenerRecord> page = Markers.page(listeners.select(r.loadBalancerArn(), r.listenerArns()),
                    r.marker(), r.pageSize(), "listener");
            return DescribeListenersResponse.builder()
                    .listeners(page.items().stream().map(renderer::listener).toList())
                    .nextMarker(page.nextMarker()).build();
        });
    }

    @Override
    public ModifyListenerResponse modifyListener(ModifyListenerRequest r) {
        return call("ModifyListener", () -> ModifyListenerResponse.builder()
                .listeners(renderer.listener(listeners.modify(r))).build());
    }

    @Override
    public DeleteListenerResponse deleteListener(DeleteListenerRequest r) {
        return call("DeleteListener", () -> {
            listeners.delete(r.listenerArn());
            return DeleteListenerResponse.builder().build();
        });
    }

    @Override
    public CreateRuleResponse createRule(CreateRuleRequest r) {
        return call("CreateRule", () -> {
            RuleRecord rule = rules.create(r);
            return CreateRuleResponse.builder()
                    .rules(renderer.rule(new Rules.Selected(resources.listener(rule.listenerArn), rule))).build();
        });
    }

    @Override
    public DescribeRulesResponse describeRules(DescribeRulesRequest r) {
        return call("DescribeRules", () -> {
            Markers.Page<Rules.Selected> page = Markers.page(rules.select(r.listenerArn(), r.ruleArns()),
                    r.marker(), r.pageSize(), "rule");
            return DescribeRulesResponse.builder().rules(page.items().stream().map(renderer::rule).toList())
                    .nextMarker(page.nextMarker()).build();
        });
    }

    @Override
    public ModifyRuleResponse modifyRule(ModifyRuleRequest r) {
        return call("ModifyRule", () -> ModifyRuleResponse.builder().rules(renderer.rule(rules.modify(r))).build());
    }

    @Override
    public DeleteRuleResponse deleteRule(DeleteRuleRequest r) {
        return call("DeleteRule", () -> {
            rules.delete(r.ruleArn());
            return DeleteRuleResponse.builder().build();
        });
    }

    @Override
    public SetRulePrioritiesResponse setRulePriorities(SetRulePrioritiesRequest r) {
        return call("SetRulePriorities", () -> {
            List<RuleRecord> changed = rules.setPriorities(r.rulePriorities());
            return SetRulePrioritiesResponse.builder().rules(changed.stream()
                    .map(rule -> renderer.rule(new Rules.Selected(resources.listener(rule.listenerArn), rule)))
                    .toList()).build();
        });
    }

    // ---- targets

    @Override
    public RegisterTargetsResponse registerTargets(RegisterTargetsRequest r) {
        return call("RegisterTargets", () -> {
            targets.register(r.targetGroupArn(), r.targets());
            return RegisterTargetsResponse.builder().build();
        });
    }

    @Override
    public DeregisterTargetsResponse deregisterTargets(DeregisterTargetsRequest r) {
        return call("DeregisterTargets", () -> {
            targets.deregister(r.targetGroupArn(), r.targets());
            return DeregisterTargetsResponse.builder().build();
        });
    }

    @Override
    public DescribeTargetHealthResponse describeTargetHealth(DescribeTargetHealthRequest r) {
        return call("DescribeTargetHealth", () -> DescribeTargetHealthResponse.builder()
                .targetHealthDescriptions(TargetHealthIncludes.apply(resources.targetGroup(r.targetGroupArn()),
                        targets.describe(r.targetGroupArn(), r.targets()), r.includeAsStrings())).build());
    }

    // ---- tags

    @Override
    public AddTagsResponse addTags(AddTagsRequest r) {
        return call("AddTags", () -> {
            tags.add(r.resourceArns(), r.tags());
            return AddTagsResponse.builder().build();
        });
    }

    @Override
    public RemoveTagsResponse removeTags(RemoveTagsRequest r) {
        return call("RemoveTags", () -> {
            tags.remove(r.resourceArns(), r.tagKeys());
            return RemoveTagsResponse.builder().build();
        });
    }

    @Override
    public DescribeTagsResponse describeTags(DescribeTagsRequest r) {
        return call("DescribeTags", () -> DescribeTagsResponse.builder()
                .tagDescriptions(tags.describe(r.resourceArns())).build());
    }

    // ---- addressing, certificates, listener attributes, security policies, limits, capacity

    @Override
    public SetIpAddressTypeResponse setIpAddressType(SetIpAddressTypeRequest r) {
        return call("SetIpAddressType", () -> SetIpAddressTypeResponse.builder()
                .ipAddressType(loadBalancers.setIpAddressType(r.loadBalancerArn(), r.ipAddressTypeAsString())
                        .ipAddressType).build());
    }

    @Override
    public ModifyIpPoolsResponse modifyIpPools(ModifyIpPoolsRequest r) {
        return call("ModifyIpPools", () -> {
            LoadBalancerRecord lb = resources.loadBalancer(r.loadBalancerArn());
            IpamPools pools = LoadBalancerAddressing.modifyIpPools(lb, r.ipamPools(), r.removeIpamPoolsAsStrings());
            region.record(JournalEventType.LOAD_BALANCER, lb.arn, "ipv4IpamPoolId", lb.ipv4IpamPoolId);
            return ModifyIpPoolsResponse.builder().ipamPools(pools).build();
        });
    }

    @Override
    public AddListenerCertificatesResponse addListenerCertificates(AddListenerCertificatesRequest r) {
        return call("AddListenerCertificates", () -> AddListenerCertificatesResponse.builder()
                .certificates(certificates.add(r.listenerArn(), r.certificates())).build());
    }

    @Override
    public RemoveListenerCertificatesResponse removeListenerCertificates(RemoveListenerCertificatesRequest r) {
        return call("RemoveListenerCertificates", () -> {
            certificates.remove(r.listenerArn(), r.certificates());
            return RemoveListenerCertificatesResponse.builder().build();
        });
    }

    @Override
    public DescribeListenerCertificatesResponse describeListenerCertificates(DescribeListenerCertificatesRequest r) {
        return call("DescribeListenerCertificates", () -> {
            Markers.Page<Certificate> page = Markers.page(certificates.describe(r.listenerArn()), r.marker(),
                    r.pageSize(), "certificate");
            return DescribeListenerCertificatesResponse.builder().certificates(page.items())
                    .nextMarker(page.nextMarker()).build();
        });
    }

    @Override
    public DescribeListenerAttributesResponse describeListenerAttributes(DescribeListenerAttributesRequest r) {
        return call("DescribeListenerAttributes", () -> DescribeListenerAttributesResponse.builder()
                .attributes(listenerAttributes.describe(r.listenerArn())).build());
    }

    @Override
    public ModifyListenerAttributesResponse modifyListenerAttributes(ModifyListenerAttributesRequest r) {
        return call("ModifyListenerAttributes", () -> ModifyListenerAttributesResponse.builder()
                .attributes(listenerAttributes.modify(r.listenerArn(), r.attributes())).build());
    }

    @Override
    public DescribeSslPoliciesResponse describeSSLPolicies(DescribeSslPoliciesRequest r) {
        return call("DescribeSSLPolicies", () -> {
            Markers.Page<SslPolicy> page = Markers.page(SslPolicies.select(r.names(), r.loadBalancerTypeAsString()),
                    r.marker(), r.pageSize(), "sslpolicy");
            return DescribeSslPoliciesResponse.builder().sslPolicies(page.items()).nextMarker(page.nextMarker())
                    .build();
        });
    }

    @Override
    public DescribeAccountLimitsResponse describeAccountLimits(DescribeAccountLimitsRequest r) {
        return call("DescribeAccountLimits", () -> {
            Markers.Page<Limit> page = Markers.page(AccountLimits.all(), r.marker(), r.pageSize(), "limit");
            return DescribeAccountLimitsResponse.builder().limits(page.items()).nextMarker(page.nextMarker()).build();
        });
    }

    @Override
    public DescribeCapacityReservationResponse describeCapacityReservation(DescribeCapacityReservationRequest r) {
        return call("DescribeCapacityReservation", () -> capacity.describe(r.loadBalancerArn()));
    }

    @Override
    public ModifyCapacityReservationResponse modifyCapacityReservation(ModifyCapacityReservationRequest r) {
        return call("ModifyCapacityReservation", () -> capacity.modify(r.loadBalancerArn(),
                r.minimumLoadBalancerCapacity(), r.resetCapacityReservation()));
    }

    // ---- trust stores and resource policies

    @Override
    public CreateTrustStoreResponse createTrustStore(CreateTrustStoreRequest r) {
        return call("CreateTrustStore", () -> CreateTrustStoreResponse.builder()
                .trustStores(trustStores.render(trustStores.create(r))).build());
    }

    @Override
    public ModifyTrustStoreResponse modifyTrustStore(ModifyTrustStoreRequest r) {
        return call("ModifyTrustStore", () -> ModifyTrustStoreResponse.builder()
                .trustStores(trustStores.render(trustStores.modify(r.trustStoreArn(), r.caCertificatesBundleS3Bucket(),
                        r.caCertificatesBundleS3Key(), r.caCertificatesBundleS3ObjectVersion()))).build());
    }

    @Override
    public DeleteTrustStoreResponse deleteTrustStore(DeleteTrustStoreRequest r) {
        return call("DeleteTrustStore", () -> {
            trustStores.delete(r.trustStoreArn());
            return DeleteTrustStoreResponse.builder().build();
        });
    }

    @Override
    public DescribeTrustStoresResponse describeTrustStores(DescribeTrustStoresRequest r) {
        return call("DescribeTrustStores", () -> {
            Markers.Page<TrustStoreRecord> page = Markers.page(trustStores.select(r.trustStoreArns(), r.names()),
                    r.marker(), r.pageSize(), "truststore");
            return DescribeTrustStoresResponse.builder()
                    .trustStores(page.items().stream().map(trustStores::render).toList())
                    .nextMarker(page.nextMarker()).build();
        });
    }

    @Override
    public DescribeTrustStoreAssociationsResponse describeTrustStoreAssociations(
            DescribeTrustStoreAssociationsRequest r) {
        return call("DescribeTrustStoreAssociations", () -> {
            Markers.Page<TrustStoreAssociation> page = Markers.page(
                    trustStores.describeAssociations(r.trustStoreArn()), r.marker(), r.pageSize(), "association");
            return DescribeTrustStoreAssociationsResponse.builder().trustStoreAssociations(page.items())
                    .nextMarker(page.nextMarker()).build();
        });
    }

    @Override
    public DeleteSharedTrustStoreAssociationResponse deleteSharedTrustStoreAssociation(
            DeleteSharedTrustStoreAssociationRequest r) {
        return call("DeleteSharedTrustStoreAssociation", () -> {
            trustStores.deleteSharedAssociation(r.trustStoreArn(), r.resourceArn());
            return DeleteSharedTrustStoreAssociationResponse.builder().build();
        });
    }

    @Override
    public AddTrustStoreRevocationsResponse addTrustStoreRevocations(AddTrustStoreRevocationsRequest r) {
        return call("AddTrustStoreRevocations", () -> AddTrustStoreRevocationsResponse.builder()
                .trustStoreRevocations(trustStores.addRevocations(r.trustStoreArn(), r.revocationContents())).build());
    }

    @Override
    public RemoveTrustStoreRevocationsResponse removeTrustStoreRevocations(RemoveTrustStoreRevocationsRequest r) {
        return call("RemoveTrustStoreRevocations", () -> {
            trustStores.removeRevocations(r.trustStoreArn(), r.revocationIds());
            return RemoveTrustStoreRevocationsResponse.builder().build();
        });
    }

    @Override
    public DescribeTrustStoreRevocationsResponse describeTrustStoreRevocations(
            DescribeTrustStoreRevocationsRequest r) {
        return call("DescribeTrustStoreRevocations", () -> {
            Markers.Page<DescribeTrustStoreRevocation> page = Markers.page(
                    trustStores.describeRevocations(r.trustStoreArn(), r.revocationIds()), r.marker(), r.pageSize(),
                    "revocation");
            return DescribeTrustStoreRevocationsResponse.builder().trustStoreRevocations(page.items())
                    .nextMarker(page.nextMarker()).build();
        });
    }

    @Override
    public GetTrustStoreCaCertificatesBundleResponse getTrustStoreCaCertificatesBundle(
            GetTrustStoreCaCertificatesBundleRequest r) {
        return call("GetTrustStoreCaCertificatesBundle", () -> GetTrustStoreCaCertificatesBundleResponse.builder()
                .location(trustStores.bundleLocation(r.trustStoreArn())).build());
    }

    @Override
    public GetTrustStoreRevocationContentResponse getTrustStoreRevocationContent(
            GetTrustStoreRevocationContentRequest r) {
        return call("GetTrustStoreRevocationContent", () -> GetTrustStoreRevocationContentResponse.builder()
                .location(trustStores.revocationLocation(r.trustStoreArn(), r.revocationId())).build());
    }

    /** Resource policies come from sharing a trust store through AWS RAM, which this world has not: none exist. */
    @Override
    public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest r) {
        return call("GetResourcePolicy", () -> {
            throw ElbErrors.of("ResourceNotFound", "The specified resource does not exist.");
        });
    }
}
