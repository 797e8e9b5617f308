package dev.fakeecs.dsl.loadbalancing;

import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.internal.Lists;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A load balancer and its listeners, read like {@code aws elbv2 create-load-balancer} plus
 * {@code create-listener}: name, type ({@code application} or {@code network}), scheme, subnets. Immutable;
 * wraps the SDK's {@link CreateLoadBalancerRequest}. A load balancer that declares no subnets gets one per
 * availability zone of its region, named {@code subnet-<az>} (the fake maps such a subnet to that zone).
 *
 * <pre>{@code
 * LoadBalancerSpec alb = LoadBalancerSpec.builder("web-alb").application().internetFacing()
 *     .listener(80, "HTTP", "web-tg")
 *     .listener(8080, "HTTP", l -> l.forward("blue-tg", 90).forward("green-tg", 10))
 *     .build();
 * }</pre>
 */
public final class LoadBalancerSpec {

    private final CreateLoadBalancerRequest base;
    private final String region;
    private final List<ListenerSpec> listeners;

    private LoadBalancerSpec(Builder b) {
        this.base = b.r;
        this.region = b.region;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder(String name) {
        return new Builder(CreateLoadBalancerRequest.builder().name(name).build());
    }

    /** Wraps an SDK request (as imported from CLI JSON), validating it; no listeners. */
    public static LoadBalancerSpec from(CreateLoadBalancerRequest request) {
        return new Builder(request).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(base);
        b.region = region;
        b.listeners.addAll(listeners);
        return b;
    }

    public String name() { return base.name(); }
    /** The region, or null for the world's default region. */
    public String region() { return region; }
    /** {@code application} (default) or {@code network}. */
    public String type() { return base.type() == null ? "application" : base.typeAsString(); }
    /** {@code internet-facing} (default) or {@code internal}. */
    public String scheme() { return base.scheme() == null ? "internet-facing" : base.schemeAsString(); }
    /** The declared subnets (empty: one per zone of the region). */
    public List<String> subnets() { return base.subnets(); }
    public List<ListenerSpec> listeners() { return listeners; }

    /** The CreateLoadBalancer request for a region with these zones (default subnets filled in). */
    public CreateLoadBalancerRequest toRequest(List<String> availabilityZones) {
        if (!base.subnets().isEmpty() || base.hasSubnetMappings()) {
            return base;
        }
        return base.toBuilder().subnets(availabilityZones.stream().map(az -> "subnet-" + az).toList()).build();
    }

    /** The CreateLoadBalancer request as declared. */
    public CreateLoadBalancerRequest toRequest() {
        return base;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadBalancerSpec l && l.base.equals(base) && Objects.equals(l.region, region)
                && l.listeners.equals(listeners);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, region, listeners);
    }

    @Override
    public String toString() {
        return "LoadBalancer[" + name() + ", " + type() + ", " + scheme() + ", listeners=" + listeners.size() + "]";
    }

    /** Builds a {@link LoadBalancerSpec}; {@link #build()} validates. */
    public static final class Builder {
        private CreateLoadBalancerRequest r;
        private String region;
        private final List<ListenerSpec> listeners = new ArrayList<>();

        private Builder(CreateLoadBalancerRequest request) {
            this.r = request;
        }

        private Builder edit(Consumer<CreateLoadBalancerRequest.Builder> change) {
            CreateLoadBalancerRequest.Builder b = r.toBuilder();
            change.accept(b);
            r = b.build();
            return this;
        }

        /** The region (default: the world's default region). */
        public Builder region(String value) { this.region = value; return this; }
        /** {@code application} or {@code network}. */
        public Builder type(String value) { return edit(b -> b.type(value)); }
        /** An Application Load Balancer (the default): HTTP and HTTPS listeners. */
        public Builder application() { return type("application"); }
        /** A Network Load Balancer: TCP, TLS, UDP and TCP_UDP listeners. */
        public Builder network() { return type("network"); }
        /** {@code internet-facing} or {@code internal}. */
        public Builder scheme(String value) { return edit(b -> b.scheme(value)); }
        public Builder internetFacing() { return scheme("internet-facing"); }
        public Builder internal() { return scheme("internal"); }
        /** Subnets (default: {@code subnet-<az>} for each zone of the region); an ALB needs two zones. */
        public Builder subnets(String... subnets) { return edit(b -> b.subnets(subnets)); }
        public Builder securityGroups(String... groups) { return edit(b -> b.securityGroups(groups)); }
        public Builder tag(String key, String value) {
            return edit(b -> b.tags(Lists.plus(r.tags(), Tag.builder().key(key).value(value).build())));
        }
        /** Anything else the SDK's CreateLoadBalancerRequest has. */
        public Builder sdk(Consumer<CreateLoadBalancerRequest.Builder> change) { return edit(change); }

        /** A listener on {@code port} forwarding everything to one target group (by declared name). */
        public Builder listener(int port, String protocol, String targetGroup) {
            return listener(port, protocol, l -> l.forwardTo(targetGroup));
        }

        /** A listener on {@code port}, its forward action and certificate set by {@code listener}. */
        public Builder listener(int port, String protocol, Consumer<ListenerSpec.Builder> listener) {
            ListenerSpec.Builder b = ListenerSpec.builder(r.name(), port, protocol);
            listener.accept(b);
            return listener(b.build());
        }

        /** Adds a listener (replacing a declared one on the same port). */
        public Builder listener(ListenerSpec listener) {
            listeners.removeIf(l -> l.port() == listener.port());
            listeners.add(listener.loadBalancer().equals(r.name()) ? listener : listener.on(r.name()));
            return this;
        }

        public LoadBalancerSpec build() {
            String name = r.name();
            Check.notBlank("loadBalancer", "name", name);
            String spec = "loadBalancer " + name;
            Check.that(name.length() <= 32, spec, "name", name, "must be at most 32 characters");
            Check.that(name.matches("[A-Za-z0-9-]+") && !name.startsWith("-") && !name.endsWith("-"), spec, "name",
                    name, "must be letters, digits and hyphens, and must not begin or end with a hyphen");
            Check.that(!name.startsWith("internal-"), spec, "name", name, "must not begin with internal-");
            String type = r.type() == null ? "application" : r.typeAsString();
            Check.that("application".equals(type) || "network".equals(type), spec, "type", type,
                    "must be application or network");
            String scheme = r.scheme() == null ? "internet-facing" : r.schemeAsString();
            Check.that("internet-facing".equals(scheme) || "internal".equals(scheme), spec, "scheme", scheme,
                    "must be internet-facing or internal");
            if ("application".equals(type) && !r.subnets().isEmpty()) {
                Check.that(r.subnets().size() >= 2, spec, "subnets", r.subnets(),
                        "an application load balancer needs subnets in at least 2 availability zones");
            }
            for (int i = 0; i < listeners.size(); i++) {
                ListenerSpec l = listeners.get(i);
                boolean alb = "HTTP".equals(l.protocol()) || "HTTPS".equals(l.protocol());
                Check.that(alb == "application".equals(type), spec, "listeners[" + i + "].protocol", l.protocol(),
                        "application".equals(type) ? "an application load balancer takes HTTP or HTTPS listeners"
                                : "a network load balancer takes TCP, TLS, UDP or TCP_UDP listeners");
            }
            return new LoadBalancerSpec(this);
        }
    }
}
