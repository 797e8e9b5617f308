package dev.fakeecs.dsl.loadbalancing;

import dev.fakeecs.dsl.internal.Check;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A rule of a declared listener, read like {@code aws elbv2 create-rule}: a priority, path-pattern (and
 * host-header) conditions and a forward action to one or several weighted target groups. This is what ECS
 * blue/green, linear and canary deployments shift traffic with ({@code advancedConfiguration.productionListenerRule}
 * and {@code testListenerRule}); a service names a rule by {@link #ref(String, int, int)} (load balancer, listener
 * port, priority) and the world applier resolves it to the rule's ARN.
 *
 * <pre>{@code
 * .loadBalancer("web-alb", lb -> lb.listener(80, "HTTP", l -> l.forwardTo("web-blue")
 *         .rule(1, r -> r.pathPattern("/*").forward("web-blue", 100).forward("web-green", 0))))
 * .service("web", s -> s.behindLoadBalancer("web-blue", "app", 8080, t -> t.alternateTargetGroup("web-green")
 *         .productionListenerRule(ListenerRuleSpec.ref("web-alb", 80, 1))))
 * }</pre>
 */
public final class ListenerRuleSpec {

    /** The rule reference of a listener's default rule: {@code ref(lb, port, DEFAULT_PRIORITY)}. */
    public static final int DEFAULT_PRIORITY = 0;

    private final String loadBalancer;
    private final int port;
    private final int priority;
    private final List<String> pathPatterns;
    private final List<String> hostHeaders;
    private final List<WeightedTargetGroup> forward;

    private ListenerRuleSpec(Builder b) {
        this.loadBalancer = b.loadBalancer;
        this.port = b.port;
        this.priority = b.priority;
        this.pathPatterns = List.copyOf(b.pathPatterns);
        this.hostHeaders = List.copyOf(b.hostHeaders);
        this.forward = List.copyOf(b.forward);
    }

    /** A rule of the listener on {@code port} of load balancer {@code loadBalancer}, at {@code priority} (1-50000). */
    public static Builder builder(String loadBalancer, int port, int priority) {
        Builder b = new Builder();
        b.loadBalancer = loadBalancer;
        b.port = port;
        b.priority = priority;
        return b;
    }

    /**
     * How a service names a declared rule in {@code advancedConfiguration}: {@code "<loadBalancer>:<port>:<priority>"}
     * ({@code "web-alb:80:1"}); priority {@link #DEFAULT_PRIORITY} names the listener's default rule
     * ({@code "web-alb:80:default"}). The world applier turns it into the rule's ARN.
     *
     * <pre>{@code ListenerRuleSpec.ref("web-alb", 80, 1);   // "web-alb:80:1" }</pre>
     */
    public static String ref(String loadBalancer, int port, int priority) {
        return loadBalancer + ":" + port + ":" + (priority == DEFAULT_PRIORITY ? "default" : Integer.toString(priority));
    }

    /** This rule's {@link #ref(String, int, int)}. */
    public String ref() {
        return ref(loadBalancer, port, priority);
    }

    /**
     * Reads a CreateRule request (as imported from CLI JSON): its {@code ListenerArn} is {@code "<loadBalancer>:<port>"}
     * (as {@link #toRequest} writes it for export) and target group ARNs stand for their names.
     */
    public static ListenerRuleSpec from(CreateRuleRequest request) {
        String listener = request.listenerArn();
        String where = "rule " + request.priority() + " of listener " + listener;
        Check.notBlank(where, "ListenerArn", listener);
        int colon = listener.lastIndexOf(':');
        Check.that(colon > 0 && listener.substring(colon + 1).matches("\\d{1,5}"), where, "ListenerArn", listener,
                "must name the listener as <loadBalancer>:<port>");
        Check.that(request.priority() != null, where, "Priority", null, "is required");
        Builder b = builder(listener.substring(0, colon), Integer.parseInt(listener.substring(colon + 1)),
                request.priority());
        for (RuleCondition c : request.conditions()) {
            List<String> values = c.pathPatternConfig() != null ? c.pathPatternConfig().values()
                    : c.hostHeaderConfig() != null ? c.hostHeaderConfig().values() : c.values();
            if ("path-pattern".equals(c.field())) {
                values.forEach(b::pathPattern);
            } else if ("host-header".equals(c.field())) {
                values.forEach(b::hostHeader);
            } else {
                Check.that(false, where, "Conditions.Field", c.field(), "only path-pattern and host-header can be declared");
            }
        }
        Check.that(request.actions().size() == 1 && "forward".equals(request.actions().get(0).typeAsString()), where,
                "Actions", request.actions().size() + " actions", "must be exactly one forward action");
        Action action = request.actions().get(0);
        if (action.forwardConfig() != null && !action.forwardConfig().targetGroups().isEmpty()) {
            for (TargetGroupTuple t : action.forwardConfig().targetGroups()) {
                b.forward(ElbArns.name(t.targetGroupArn()), t.weight() == null ? 1 : t.weight());
            }
        } else {
            b.forwardTo(ElbArns.name(action.targetGroupArn()));
        }
        return b.build();
    }

    /** The load balancer's declared name. */
    public String loadBalancer() { return loadBalancer; }
    /** The port of the listener the rule belongs to. */
    public int port() { return port; }
    public int priority() { return priority; }
    /** Path-pattern condition values ({@code /*}, {@code /api/*}). */
    public List<String> pathPatterns() { return pathPatterns; }
    /** Host-header condition values. */
    public List<String> hostHeaders() { return hostHeaders; }
    /** The target groups the rule forwards to, with their weights. */
    public List<WeightedTargetGroup> forward() { return forward; }

    /** The CreateRule request for a listener ARN, each target group name turned into its ARN. */
    public CreateRuleRequest toRequest(String listenerArn, UnaryOperator<String> targetGroupArn) {
        List<RuleCondition> conditions = new ArrayList<>();
        if (!pathPatterns.isEmpty()) {
            conditions.add(RuleCondition.builder().field("path-pattern").values(pathPatterns).build());
        }
        if (!hostHeaders.isEmpty()) {
            conditions.add(RuleCondition.builder().field("host-header").values(hostHeaders).build());
        }
        List<TargetGroupTuple> tuples = new ArrayList<>();
        for (WeightedTargetGroup w : forward) {
            tuples.add(TargetGroupTuple.builder().targetGroupArn(targetGroupArn.apply(w.targetGroup()))
                    .weight(w.weight()).build());
        }
        Action action = Action.builder().type("forward")
                .forwardConfig(ForwardActionConfig.builder().targetGroups(tuples).build()).build();
        return CreateRuleRequest.builder().listenerArn(listenerArn).priority(priority).conditions(conditions)
                .actions(action).build();
    }

    /** The CreateRule request as declared, the listener written {@code "<loadBalancer>:<port>"} (for JSON export). */
    public CreateRuleRequest toRequest() {
        return toRequest(loadBalancer + ":" + port, UnaryOperator.identity());
    }

    /** This rule moved to another load balancer name and port (used when a listener declares it). */
    ListenerRuleSpec on(String loadBalancerName, int listenerPort) {
        Builder b = builder(loadBalancerName, listenerPort, priority);
        b.pathPatterns.addAll(pathPatterns);
        b.hostHeaders.addAll(hostHeaders);
        b.forward.addAll(forward);
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListenerRuleSpec r && r.loadBalancer.equals(loadBalancer) && r.port == port
                && r.priority == priority && r.pathPatterns.equals(pathPatterns) && r.hostHeaders.equals(hostHeaders)
                && r.forward.equals(forward);
    }

    @Override
    public int hashCode() {
        return Objects.hash(loadBalancer, port, priority, forward);
    }

    @Override
    public String toString() {
        return "Rule[" + ref() + " " + pathPatterns + hostHeaders + " -> " + forward + "]";
    }

    /** Builds a {@link ListenerRuleSpec}; {@link #build()} validates. */
    public static final class Builder {
        private String loadBalancer;
        private int port;
        private int priority;
        private final List<String> pathPatterns = new ArrayList<>();
        private final List<String> hostHeaders = new ArrayList<>();
        private final List<WeightedTargetGroup> forward = new ArrayList<>();

        private Builder() {
        }

        /** A path-pattern condition value ({@code /*}); several values match any of them. */
        public Builder pathPattern(String pattern) { pathPatterns.add(pattern); return this; }

        /** A host-header condition value. */
        public Builder hostHeader(String host) { hostHeaders.add(host); return this; }

        /** Forwards everything the rule matches to one target group (by declared name). */
        public Builder forwardTo(String targetGroup) {
            forward.clear();
            forward.add(new WeightedTargetGroup(targetGroup, 1));
            return this;
        }

        /** Adds a weighted target group to the forward action (weights 0-999, at most 5 groups). */
        public Builder forward(String targetGroup, int weight) {
            forward.add(new WeightedTargetGroup(targetGroup, weight));
            return this;
        }

        public ListenerRuleSpec build() {
            String where = "rule " + priority + " of listener " + port + " of " + loadBalancer;
            Check.notBlank(where, "loadBalancer", loadBalancer);
            Check.range(where, "port", port, 1, 65535);
            Check.range(where, "priority", priority, 1, 50000);
            Check.that(!pathPatterns.isEmpty() || !hostHeaders.isEmpty(), where, "conditions", "none",
                    "a rule needs a condition (pathPattern or hostHeader)");
            Check.range(where, "pathPatterns.size", pathPatterns.size(), 0, 5);
            Check.range(where, "hostHeaders.size", hostHeaders.size(), 0, 5);
            pathPatterns.forEach(p -> Check.that(p != null && !p.isBlank() && p.length() <= 128, where,
                    "pathPattern", p, "must be 1-128 characters"));
            Check.that(!forward.isEmpty(), where, "forward", forward, "must name a target group (forwardTo)");
            Check.range(where, "forward.size", forward.size(), 1, 5);
            for (int i = 0; i < forward.size(); i++) {
                WeightedTargetGroup w = forward.get(i);
                Check.notBlank(where, "forward[" + i + "].targetGroup", w.targetGroup());
                Check.range(where, "forward[" + i + "].weight", w.weight(), 0, 999);
                for (int j = 0; j < i; j++) {
                    Check.that(!forward.get(j).targetGroup().equals(w.targetGroup()), where,
                            "forward[" + i + "].targetGroup", w.targetGroup(), "is already in the forward action");
                }
            }
            return new ListenerRuleSpec(this);
        }
    }
}
