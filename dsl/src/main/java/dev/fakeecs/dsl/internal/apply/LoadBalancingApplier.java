package dev.fakeecs.dsl.internal.apply;

import dev.fakeecs.FakeEcs;
import dev.fakeecs.dsl.loadbalancing.ElbArns;
import dev.fakeecs.dsl.loadbalancing.ListenerRuleSpec;
import dev.fakeecs.dsl.loadbalancing.ListenerSpec;
import dev.fakeecs.dsl.loadbalancing.LoadBalancerSpec;
import dev.fakeecs.dsl.loadbalancing.TargetGroupSpec;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brings one region's Elastic Load Balancing to the declared state through the region's in-process
 * {@link ElasticLoadBalancingV2Client} (so the journal and faults see real API calls): target groups first
 * (CreateTargetGroup, or ModifyTargetGroup when one of that name exists; then ModifyTargetGroupAttributes),
 * then load balancers (CreateLoadBalancer when missing), their listeners (CreateListener, or ModifyListener
 * on a port already taken) and the listeners' rules (CreateRule, or ModifyRule at a priority already taken). A
 * service's production or test rule that exists and forwards to the same target groups keeps its current weights,
 * which ECS blue/green, linear and canary deployments shift: re-applying a declaration does not move traffic back.
 * {@link #listenerRuleArn} turns declared rule references into rule ARNs. {@link #targetGroupArn} then turns declared names into ARNs for the services.
 *
 * <pre>{@code
 * LoadBalancingApplier elb = new LoadBalancingApplier(ecs, "us-east-1");
 * elb.apply(spec.targetGroups(), spec.loadBalancers());
 * String arn = elb.targetGroupArn("web-tg");
 * }</pre>
 */
public final class LoadBalancingApplier {

    private final FakeEcs ecs;
    private final String region;
    private final Map<String, String> targetGroupArns = new LinkedHashMap<>();
    private final Map<String, String> ruleArns = new LinkedHashMap<>();
    private Set<String> ecsManaged = Set.of();
    private ElasticLoadBalancingV2Client client;

    /** Applies declarations of {@code region} (IllegalArgumentException if the world lacks it). */
    public LoadBalancingApplier(FakeEcs ecs, String region) {
        this.ecs = ecs;
        this.region = ecs.region(region).name();
    }

    private ElasticLoadBalancingV2Client elb() {
        if (client == null) {
            client = ecs.newLoadBalancingClient(region);
        }
        return client;
    }

    /** Creates or updates the target groups, then the load balancers and their listeners (all of this region). */
    public void apply(List<TargetGroupSpec> targetGroups, List<LoadBalancerSpec> loadBalancers) {
        apply(targetGroups, loadBalancers, Set.of());
    }

    /**
     * Like {@link #apply(List, List)}; the rules named in {@code ecsManagedRules} ({@link ListenerRuleSpec#ref}
     * references of services' production and test listener rules) keep their current weights when they exist and
     * forward to the same target groups: ECS deployments shift those, and re-applying must not move traffic back.
     */
    public void apply(List<TargetGroupSpec> targetGroups, List<LoadBalancerSpec> loadBalancers,
                      Set<String> ecsManagedRules) {
        this.ecsManaged = Set.copyOf(ecsManagedRules);
        for (TargetGroupSpec t : targetGroups) {
            targetGroupArns.put(t.name(), applyTargetGroup(t));
        }
        for (LoadBalancerSpec lb : loadBalancers) {
            applyLoadBalancer(lb);
        }
    }

    /**
     * The ARN of a target group by declared name (or an ARN, kept unless it names a declared group). A name
     * that was not declared is looked up in the region; an unknown one is returned as it is, for ECS to reject.
     */
    public String targetGroupArn(String nameOrArn) {
        String name = ElbArns.name(nameOrArn);
        String arn = targetGroupArns.get(name);
        if (arn != null) {
            return arn;
        }
        if (ElbArns.isArn(nameOrArn)) {
            return nameOrArn;
        }
        return find(name).map(TargetGroup::targetGroupArn).orElse(nameOrArn);
    }

    private Optional<TargetGroup> find(String name) {
        try {
            return elb().describeTargetGroups(r -> r.names(name)).targetGroups().stream().findFirst();
        } catch (TargetGroupNotFoundException e) {
            return Optional.empty();
        }
    }

    private String applyTargetGroup(TargetGroupSpec spec) {
        CreateTargetGroupRequest request = spec.toRequest();
        Optional<TargetGroup> existing = find(spec.name());
        String arn;
        if (existing.isEmpty()) {
            arn = elb().createTargetGroup(request).targetGroups().get(0).targetGroupArn();
        } else {
            arn = existing.get().targetGroupArn();
            elb().modifyTargetGroup(r -> r.targetGroupArn(existing.get().targetGroupArn())
                    .healthCheckProtocol(request.healthCheckProtocol()).healthCheckPort(request.healthCheckPort())
                    .healthCheckPath(request.healthCheckPath()).healthCheckEnabled(request.healthCheckEnabled())
                    .healthCheckIntervalSeconds(request.healthCheckIntervalSeconds())
                    .healthCheckTimeoutSeconds(request.healthCheckTimeoutSeconds())
                    .healthyThresholdCount(request.healthyThresholdCount())
                    .unhealthyThresholdCount(request.unhealthyThresholdCount()).matcher(request.matcher()));
        }
        if (!spec.attributes().isEmpty()) {
            List<TargetGroupAttribute> attributes = spec.attributes().entrySet().stream()
                    .map(e -> TargetGroupAttribute.builder().key(e.getKey()).value(e.getValue()).build()).toList();
            elb().modifyTargetGroupAttributes(r -> r.targetGroupArn(arn).attributes(attributes));
        }
        return arn;
    }

    private void applyLoadBalancer(LoadBalancerSpec spec) {
        String arn;
        try {
            arn = elb().describeLoadBalancers(r -> r.names(spec.name())).loadBalancers().get(0).loadBalancerArn();
        } catch (LoadBalancerNotFoundException e) {
            arn = elb().createLoadBalancer(spec.toRequest(ecs.region(region).availabilityZones())).loadBalancers()
                    .stream().map(LoadBalancer::loadBalancerArn).findFirst().orElseThrow();
        }
        String lbArn = arn;
        List<Listener> existing = elb().describeListeners(r -> r.loadBalancerArn(lbArn)).listeners();
        for (ListenerSpec l : spec.listeners()) {
            CreateListenerRequest request = l.toRequest(lbArn, this::targetGroupArn);
            Optional<Listener> onPort = existing.stream().filter(x -> x.port() == l.port()).findFirst();
            String listenerArn;
            if (onPort.isEmpty()) {
                listenerArn = elb().createListener(request).listeners().get(0).listenerArn();
            } else {
                listenerArn = onPort.get().listenerArn();
                // forwarding to the same target groups: keep the weights (ECS deployments shift them)
                boolean managed = ecsManaged.contains(ListenerRuleSpec.ref(spec.name(), l.port(),
                        ListenerRuleSpec.DEFAULT_PRIORITY));
                List<Action> actions = managed && sameTargetGroups(onPort.get().defaultActions(),
                        request.defaultActions()) ? onPort.get().defaultActions() : request.defaultActions();
                elb().modifyListener(r -> r.listenerArn(listenerArn).port(request.port())
                        .protocol(request.protocol()).defaultActions(actions)
                        .certificates(request.certificates()).sslPolicy(request.sslPolicy()));
            }
            applyRules(spec.name(), l, listenerArn);
        }
    }

    private void applyRules(String loadBalancer, ListenerSpec listener, String listenerArn) {
        List<Rule> existing = "application".equals(type(listenerArn)) ? elb()
                .describeRules(r -> r.listenerArn(listenerArn)).rules() : List.of();
        existing.stream().filter(r -> Boolean.TRUE.equals(r.isDefault())).findFirst().ifPresent(r -> ruleArns
                .put(ListenerRuleSpec.ref(loadBalancer, listener.port(), ListenerRuleSpec.DEFAULT_PRIORITY),
                        r.ruleArn()));
        for (ListenerRuleSpec rule : listener.rules()) {
            CreateRuleRequest request = rule.toRequest(listenerArn, this::targetGroupArn);
            Optional<Rule> atPriority = existing.stream()
                    .filter(r -> String.valueOf(rule.priority()).equals(r.priority())).findFirst();
            String arn;
            if (atPriority.isEmpty()) {
                arn = elb().createRule(request).rules().get(0).ruleArn();
            } else {
                arn = atPriority.get().ruleArn();
                List<Action> actions = ecsManaged.contains(rule.ref())
                        && sameTargetGroups(atPriority.get().actions(), request.actions())
                        ? atPriority.get().actions() : request.actions();
                elb().modifyRule(r -> r.ruleArn(arn).conditions(request.conditions()).actions(actions));
            }
            ruleArns.put(rule.ref(), arn);
        }
    }

    /** Whether two action lists forward to the same set of target groups (weights aside). */
    private static boolean sameTargetGroups(List<Action> current, List<Action> declared) {
        return !forwardTargets(current).isEmpty() && forwardTargets(current).equals(forwardTargets(declared));
    }

    private static Set<String> forwardTargets(List<Action> actions) {
        Set<String> arns = new TreeSet<>();
        for (Action a : actions) {
            if (!"forward".equals(a.typeAsString())) {
                continue;
            }
            if (a.forwardConfig() != null && !a.forwardConfig().targetGroups().isEmpty()) {
                a.forwardConfig().targetGroups().forEach(t -> arns.add(t.targetGroupArn()));
            } else if (a.targetGroupArn() != null) {
                arns.add(a.targetGroupArn());
            }
        }
        return arns;
    }

    private static String type(String listenerArn) {
        return listenerArn.contains(":listener/net/") ? "network" : "application";
    }

    /**
     * The ARN of a listener rule by its declared reference ({@link ListenerRuleSpec#ref}: load balancer, listener
     * port and priority, or {@code default} for the listener's default rule). An ARN, or an unknown reference, is
     * returned as it is, for ECS to accept or reject.
     */
    public String listenerRuleArn(String refOrArn) {
        if (refOrArn == null || ElbArns.isArn(refOrArn)) {
            return refOrArn;
        }
        return ruleArns.getOrDefault(refOrArn, refOrArn);
    }
}
