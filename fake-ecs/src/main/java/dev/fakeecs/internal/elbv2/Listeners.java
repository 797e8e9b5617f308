package dev.fakeecs.internal.elbv2;

import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Listeners: one per port of a load balancer (DuplicateListener), protocol matching the load balancer
 * (HTTP/HTTPS for application, TCP/TLS/UDP/TCP_UDP for network), default actions checked by {@link Actions};
 * each listener has a default rule. Deleting a listener deletes its rules.
 *
 * <pre>{@code
 * ListenerRecord l = listeners.create(CreateListenerRequest.builder().loadBalancerArn(lb).protocol("HTTP").port(80)
 *         .defaultActions(a -> a.type("forward").targetGroupArn(tg)).build());
 * }</pre>
 */
final class Listeners {

    /** Listeners per load balancer (neighbours.md 1.5). */
    static final int MAX_LISTENERS = 50;

    private final ElbResources resources;
    private final TargetHealthChecker health;
    private final ElbTags tags;
    private final Actions actions;

    private final TrustStores trustStores;

    Listeners(ElbResources resources, TargetHealthChecker health, ElbTags tags, Actions actions) {
        this(resources, health, tags, actions, new TrustStores(resources, tags));
    }

    Listeners(ElbResources resources, TargetHealthChecker health, ElbTags tags, Actions actions,
              TrustStores trustStores) {
        this.resources = resources;
        this.health = health;
        this.tags = tags;
        this.actions = actions;
        this.trustStores = trustStores;
    }

    ListenerRecord create(CreateListenerRequest r) {
        LoadBalancerRecord lb = resources.loadBalancer(r.loadBalancerArn());
        tags.check(r.tags());
        String protocol = r.protocolAsString();
        if (protocol == null) {
            throw ElbErrors.validation("A listener protocol must be specified");
        }
        if (r.port() == null) {
            throw ElbErrors.validation("A listener port must be specified");
        }
        ElbErrors.range("port", r.port(), 1, 65535);
        checkProtocol(lb, protocol, r.certificates().isEmpty());
        var certificates = ListenerCertificates.checkDefault(r.certificates());
        SslPolicies.require(r.sslPolicy());
        var mutual = trustStores.checkMutualAuthentication(protocol, r.mutualAuthentication());
        var checked = actions.check(lb, r.defaultActions());
        List<ListenerRecord> existing = resources.listenersOf(lb.arn);
        for (ListenerRecord l : existing) {
            if (l.port == r.port()) {
                if (l.protocol.equals(protocol) && l.defaultActions.equals(checked)) {
                    return l;
                }
                throw ElbErrors.of("DuplicateListener", "A listener with the specified port already exists.");
            }
        }
        if (existing.size() >= MAX_LISTENERS) {
            throw ElbErrors.of("TooManyListeners", "The quota for the number of listeners per load balancer has "
                    + "been reached");
        }
        String arn = resources.listenerArn(lb);
        ListenerRecord l = new ListenerRecord(arn, lb.arn, resources.ruleArn(lb, arn));
        l.port = r.port();
        l.protocol = protocol;
        l.sslPolicy = r.sslPolicy() != null ? r.sslPolicy()
                : Set.of("HTTPS", "TLS").contains(protocol) ? "ELBSecurityPolicy-2016-08" : null;
        l.certificates = certificates;
        l.alpnPolicy = r.alpnPolicy();
        l.mutualAuthentication = mutual;
        health.usageChange(() -> {
            l.defaultActions = checked;
            resources.listeners.put(arn, l);
        });
        if (r.hasTags()) {
            tags.add(List.of(arn), r.tags());
        }
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "listener", "created", "protocol", protocol,
                "port", r.port().toString());
        return l;
    }

    private static void checkProtocol(LoadBalancerRecord lb, String protocol, boolean noCertificates) {
        Set<String> allowed = lb.isApplication() ? Set.of("HTTP", "HTTPS")
                : Set.of("TCP", "TLS", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC");
        if (!allowed.contains(protocol)) {
            throw ElbErrors.of("IncompatibleProtocols", "The listener protocol '" + protocol
                    + "' is not supported by " + (lb.isApplication() ? "application" : "network") + " load balancers");
        }
        if (Set.of("HTTPS", "TLS").contains(protocol) && noCertificates) {
            throw ElbErrors.validation("A certificate must be specified for " + protocol + " listeners");
        }
    }

    ListenerRecord modify(ModifyListenerRequest r) {
        ListenerRecord l = resources.listener(r.listenerArn());
        LoadBalancerRecord lb = resources.loadBalancer(l.loadBalancerArn);
        String protocol = r.protocolAsString() != null ? r.protocolAsString() : l.protocol;
        boolean noCerts = r.hasCertificates() ? r.certificates().isEmpty() : l.certificates.isEmpty();
        checkProtocol(lb, protocol, noCerts);
        var certificates = r.hasCertificates() ? ListenerCertificates.checkDefault(r.certificates()) : l.certificates;
        SslPolicies.require(r.sslPolicy());
        var mutual = r.mutualAuthentication() != null
                ? trustStores.checkMutualAuthentication(protocol, r.mutualAuthentication()) : l.mutualAuthentication;
        if (r.port() != null) {
            ElbErrors.range("port", r.port(), 1, 65535);
            for (ListenerRecord other : resources.listenersOf(lb.arn)) {
                if (other != l && other.port == r.port()) {
                    throw ElbErrors.of("DuplicateListener", "A listener with the specified port already exists.");
                }
            }
        }
        var checked = r.hasDefaultActions() ? actions.check(lb, r.defaultActions()) : l.defaultActions;
        health.usageChange(() -> {
            if (r.port() != null) {
                l.port = r.port();
            }
            l.protocol = protocol;
            if (r.sslPolicy() != null) {
                l.sslPolicy = r.sslPolicy();
            }
            l.certificates = certificates;
            l.mutualAuthentication = mutual;
            if (!Set.of("HTTPS", "TLS").contains(l.protocol)) {
                l.sslPolicy = null;
                l.certificates = List.of();
                l.extraCertificates.clear();
            } else if (l.sslPolicy == null) {
                l.sslPolicy = SslPolicies.DEFAULT;
            }
            if (r.hasAlpnPolicy()) {
                l.alpnPolicy = r.alpnPolicy();
            }
            l.defaultActions = checked;
        });
        resources.region().record(JournalEventType.LOAD_BALANCER, l.arn, "listener", "modified");
        return l;
    }

    void delete(String arn) {
        ListenerRecord l = resources.listener(arn);
        health.usageChange(() -> {
            resources.listeners.remove(arn);
            for (RuleRecord rule : l.rules) {
                resources.rules.remove(rule.arn);
                tags.forget(rule.arn);
            }
        });
        tags.forget(arn);
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "listener", "deleted");
    }

    List<ListenerRecord> select(String loadBalancerArn, List<String> arns) {
        if (loadBalancerArn != null && !arns.isEmpty()) {
            throw ElbErrors.validation("Listener ARNs and a load balancer ARN cannot be specified at the same time");
        }
        if (loadBalancerArn == null && arns.isEmpty()) {
            throw ElbErrors.validation("You must specify either listener ARNs or a load balancer ARN");
        }
        if (loadBalancerArn != null) {
            resources.loadBalancer(loadBalancerArn);
            return resources.listenersOf(loadBalancerArn);
        }
        List<ListenerRecord> out = new ArrayList<>();
        for (String arn : arns) {
            out.add(resources.listener(arn));
        }
        return out;
    }
}
