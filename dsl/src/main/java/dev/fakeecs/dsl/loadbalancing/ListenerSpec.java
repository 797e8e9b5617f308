package dev.fakeecs.dsl.loadbalancing;

import dev.fakeecs.dsl.internal.Check;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A listener of a declared load balancer, read like {@code aws elbv2 create-listener}: port and protocol, and a
 * default action that forwards to one target group or to several with weights. Load balancer and target groups
 * are named, not ARNs; the world applier resolves them.
 *
 * <pre>{@code
 * ListenerSpec http = ListenerSpec.builder("web-alb", 80, "HTTP").forwardTo("web-tg").build();
 * ListenerSpec canary = ListenerSpec.builder("web-alb", 8080, "HTTP").forward("blue-tg", 90).forward("green-tg", 10).build();
 * }</pre>
 */
public final class ListenerSpec {

    private static final Set<String> ALB = Set.of("HTTP", "HTTPS");
    private static final Set<String> NLB = Set.of("TCP", "TLS", "UDP", "TCP_UDP");

    private final String loadBalancer;
    private final int port;
    private final String protocol;
    private final List<WeightedTargetGroup> forward;
    private final String certificateArn;
    private final String sslPolicy;
    private final List<ListenerRuleSpec> rules;

    private ListenerSpec(Builder b) {
        this.loadBalancer = b.loadBalancer;
        this.port = b.port;
        this.protocol = b.protocol;
        this.forward = List.copyOf(b.forward);
        this.certificateArn = b.certificateArn;
        this.sslPolicy = b.sslPolicy;
        this.rules = List.copyOf(b.rules);
    }

    /** A listener of load balancer {@code loadBalancer} (its declared name) on {@code port} with {@code protocol}. */
    public static Builder builder(String loadBalancer, int port, String protocol) {
        Builder b = new Builder();
        b.loadBalancer = loadBalancer;
        b.port = port;
        b.protocol = protocol;
        return b;
    }

    /**
     * Reads a CreateListener request (as imported from CLI JSON): the load balancer and target group ARNs stand
     * for their names ({@link ElbArns#name}); only a forward default action is supported.
     */
    public static ListenerSpec from(CreateListenerRequest request) {
        String where = "listener " + request.port() + " of " + ElbArns.name(request.loadBalancerArn());
        Check.notBlank(where, "LoadBalancerArn", request.loadBalancerArn());
        Check.that(request.port() != null, where, "Port", null, "is required");
        Builder b = builder(ElbArns.name(request.loadBalancerArn()), request.port(), request.protocolAsString());
        Check.that(request.defaultActions().size() == 1, where, "DefaultActions", request.defaultActions().size()
                + " actions", "must be exactly one forward action");
        Action action = request.defaultActions().get(0);
        Check.that("forward".equals(action.typeAsString()), where, "DefaultActions[0].Type", action.typeAsString(),
                "only forward actions can be declared");
        if (action.forwardConfig() != null && !action.forwardConfig().targetGroups().isEmpty()) {
            for (TargetGroupTuple t : action.forwardConfig().targetGroups()) {
                b.forward(ElbArns.name(t.targetGroupArn()), t.weight() == null ? 1 : t.weight());
            }
        } else {
            b.forwardTo(ElbArns.name(action.targetGroupArn()));
        }
        if (!request.certificates().isEmpty()) {
            b.certificate(request.certificates().get(0).certificateArn());
        }
        b.sslPolicy = request.sslPolicy();
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = builder(loadBalancer, port, protocol);
        b.forward.addAll(forward);
        b.certificateArn = certificateArn;
        b.sslPolicy = sslPolicy;
        b.rules.addAll(rules);
        return b;
    }

    /** The load balancer's declared name. */
    public String loadBalancer() { return loadBalancer; }
    public int port() { return port; }
    public String protocol() { return protocol; }
    /** The target groups the default action forwards to, with their weights. */
    public List<WeightedTargetGroup> forward() { return forward; }
    public String certificateArn() { return certificateArn; }
    /** The listener's rules besides its default action, in declaration order (created by CreateRule). */
    public List<ListenerRuleSpec> rules() { return rules; }

    /** The CreateListener request for a load balancer ARN, each target group name turned into its ARN. */
    public CreateListenerRequest toRequest(String loadBalancerArn, UnaryOperator<String> targetGroupArn) {
        Action.Builder action = Action.builder().type("forward");
        if (forward.size() == 1) {
            action.targetGroupArn(targetGroupArn.apply(forward.get(0).targetGroup()));
        } else {
            List<TargetGroupTuple> tuples = new ArrayList<>();
            for (WeightedTargetGroup w : forward) {
                tuples.add(TargetGroupTuple.builder().targetGroupArn(targetGroupArn.apply(w.targetGroup()))
                        .weight(w.weight()).build());
            }
            action.forwardConfig(ForwardActionConfig.builder().targetGroups(tuples).build());
        }
        CreateListenerRequest.Builder r = CreateListenerRequest.builder().loadBalancerArn(loadBalancerArn)
                .port(port).protocol(protocol).defaultActions(action.build()).sslPolicy(sslPolicy);
        if (certificateArn != null) {
            r.certificates(Certificate.builder().certificateArn(certificateArn).build());
        }
        return r.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListenerSpec l && l.loadBalancer.equals(loadBalancer) && l.port == port
                && l.protocol.equals(protocol) && l.forward.equals(forward)
                && Objects.equals(l.certificateArn, certificateArn) && Objects.equals(l.sslPolicy, sslPolicy)
                && l.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(loadBalancer, port, protocol, forward);
    }

    @Override
    public String toString() {
        return "Listener[" + loadBalancer + " " + protocol + ":" + port + " -> " + forward + "]";
    }

    /** Builds a {@link ListenerSpec}; {@link #build()} validates. */
    public static final class Builder {
        private String loadBalancer;
        private int port;
        private String protocol;
        private final List<WeightedTargetGroup> forward = new ArrayList<>();
        private String certificateArn;
        private String sslPolicy;
        private final List<ListenerRuleSpec> rules = new ArrayList<>();

        private Builder() {
        }

        /**
         * A rule at {@code priority} (1-50000) with its conditions and forward action, e.g. the production rule of a
         * blue/green service (replacing a declared rule of the same priority).
         *
         * <pre>{@code
         * .listener(80, "HTTP", l -> l.forwardTo("web-blue").rule(1, r -> r.pathPattern("/*").forward("web-blue", 100).forward("web-green", 0)))
         * }</pre>
         */
        public Builder rule(int priority, Consumer<ListenerRuleSpec.Builder> rule) {
            ListenerRuleSpec.Builder b = ListenerRuleSpec.builder(loadBalancer, port, priority);
            rule.accept(b);
            return rule(b.build());
        }

        /** Adds a rule (replacing a declared one of the same priority); it moves to this listener. */
        public Builder rule(ListenerRuleSpec rule) {
            rules.removeIf(r -> r.priority() == rule.priority());
            rules.add(rule.loadBalancer().equals(loadBalancer) && rule.port() == port ? rule
                    : rule.on(loadBalancer, port));
            return this;
        }

        /** Forwards all traffic to one target group (by declared name). */
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

        /** The server certificate of an HTTPS or TLS listener. */
        public Builder certificate(String certificateArn) { this.certificateArn = certificateArn; return this; }

        public ListenerSpec build() {
            String where = "listener " + port + " of " + loadBalancer;
            Check.notBlank(where, "loadBalancer", loadBalancer);
            Check.range(where, "port", port, 1, 65535);
            Check.that(protocol != null && (ALB.contains(protocol) || NLB.contains(protocol)), where, "protocol",
                    protocol, "must be one of HTTP, HTTPS (application) or TCP, TLS, UDP, TCP_UDP (network)");
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
            for (ListenerRuleSpec r : rules) {
                Check.that(ALB.contains(protocol), where, "rules", r.ref(),
                        "only HTTP and HTTPS listeners of an application load balancer take rules");
            }
            if ("HTTPS".equals(protocol) || "TLS".equals(protocol)) {
                Check.notBlank(where, "certificate", certificateArn);
            }
            return new ListenerSpec(this);
        }
    }

    /** This listener moved to another load balancer name (used when a load balancer declares it). */
    ListenerSpec on(String loadBalancerName) {
        Builder b = toBuilder();
        b.loadBalancer = loadBalancerName;
        List<ListenerRuleSpec> moved = b.rules.stream().map(r -> r.on(loadBalancerName, port)).toList();
        b.rules.clear();
        b.rules.addAll(moved);
        return b.build();
    }

}
