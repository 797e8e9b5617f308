package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything Elastic Load Balancing keeps in one region: load balancers, target groups, listeners, rules and
 * which load balancers use each target group, plus the ARNs it mints. The operation classes share it; all
 * access happens under the engine lock.
 *
 * <pre>{@code
 * ElbResources res = new ElbResources(region);
 * String arn = res.targetGroupArn("web");
 * Set<String> lbs = res.loadBalancersUsing(arn);
 * }</pre>
 */
final class ElbResources {

    private final RegionContext region;
    final Map<String, LoadBalancerRecord> loadBalancers = new LinkedHashMap<>();
    final Map<String, TargetGroupRecord> targetGroups = new LinkedHashMap<>();
    final Map<String, ListenerRecord> listeners = new LinkedHashMap<>();
    final Map<String, RuleRecord> rules = new LinkedHashMap<>();
    final Map<String, TrustStoreRecord> trustStores = new LinkedHashMap<>();
    private final Map<String, Set<String>> usage = new LinkedHashMap<>();
    private String vpcId;

    ElbResources(RegionContext region) {
        this.region = region;
    }

    RegionContext region() {
        return region;
    }

    private String prefix() {
        return "arn:aws:elasticloadbalancing:" + region.name() + ":" + region.engine().accountId() + ":";
    }

    String hex16() {
        return region.engine().random().hex(16);
    }

    String loadBalancerArn(String type, String name, String id) {
        return prefix() + "loadbalancer/" + ("network".equals(type) ? "net" : "app") + "/" + name + "/" + id;
    }

    String targetGroupArn(String name) {
        return prefix() + "targetgroup/" + name + "/" + hex16();
    }

    String listenerArn(LoadBalancerRecord lb) {
        return prefix() + "listener/" + lb.dimension() + "/" + hex16();
    }

    String ruleArn(LoadBalancerRecord lb, String listenerArn) {
        String listenerId = listenerArn.substring(listenerArn.lastIndexOf('/') + 1);
        return prefix() + "listener-rule/" + lb.dimension() + "/" + listenerId + "/" + hex16();
    }

    String trustStoreArn(String name) {
        return prefix() + "truststore/" + name + "/" + hex16();
    }

    /** The region's one (simulated) VPC for load balancers whose subnets name none. */
    String defaultVpc() {
        if (vpcId == null) {
            vpcId = "vpc-" + region.engine().random().hex(17);
        }
        return vpcId;
    }

    LoadBalancerRecord loadBalancer(String arn) {
        LoadBalancerRecord lb = arn == null ? null : loadBalancers.get(arn);
        if (lb == null) {
            throw ElbErrors.loadBalancerNotFound();
        }
        return lb;
    }

    TargetGroupRecord targetGroup(String arn) {
        TargetGroupRecord tg = arn == null ? null : targetGroups.get(arn);
        if (tg == null) {
            throw ElbErrors.targetGroupNotFound();
        }
        return tg;
    }

    ListenerRecord listener(String arn) {
        ListenerRecord l = arn == null ? null : listeners.get(arn);
        if (l == null) {
            throw ElbErrors.listenerNotFound();
        }
        return l;
    }

    TrustStoreRecord trustStore(String arn) {
        TrustStoreRecord ts = arn == null ? null : trustStores.get(arn);
        if (ts == null) {
            throw ElbErrors.of("TrustStoreNotFound", "The specified trust store does not exist.");
        }
        return ts;
    }

    TargetGroupRecord targetGroupByName(String name) {
        for (TargetGroupRecord tg : targetGroups.values()) {
            if (tg.name.equals(name)) {
                return tg;
            }
        }
        return null;
    }

    /** The load balancers whose listeners or rules forward to the target group (in creation order). */
    Set<String> loadBalancersUsing(String targetGroupArn) {
        return usage.getOrDefault(targetGroupArn, Set.of());
    }

    /** Recomputes which load balancer uses which target group; call after any listener or rule change. */
    void reindex() {
        usage.clear();
        for (ListenerRecord l : listeners.values()) {
            for (String tg : forwardedTargetGroups(l.defaultActions)) {
                usage.computeIfAbsent(tg, k -> new LinkedHashSet<>()).add(l.loadBalancerArn);
            }
            for (RuleRecord r : l.rules) {
                for (String tg : forwardedTargetGroups(r.actions)) {
                    usage.computeIfAbsent(tg, k -> new LinkedHashSet<>()).add(l.loadBalancerArn);
                }
            }
        }
    }

    /** Every target group a list of actions forwards to (both forms). */
    static List<String> forwardedTargetGroups(List<Action> actions) {
        List<String> arns = new ArrayList<>();
        for (Action a : actions) {
            if (!"forward".equals(a.typeAsString())) {
                continue;
            }
            if (a.targetGroupArn() != null && !arns.contains(a.targetGroupArn())) {
                arns.add(a.targetGroupArn());
            }
            if (a.forwardConfig() != null) {
                for (TargetGroupTuple t : a.forwardConfig().targetGroups()) {
                    if (t.targetGroupArn() != null && !arns.contains(t.targetGroupArn())) {
                        arns.add(t.targetGroupArn());
                    }
                }
            }
        }
        return arns;
    }

    /** The load balancer's listeners, in creation order. */
    List<ListenerRecord> listenersOf(String loadBalancerArn) {
        List<ListenerRecord> out = new ArrayList<>();
        for (ListenerRecord l : listeners.values()) {
            if (l.loadBalancerArn.equals(loadBalancerArn)) {
                out.add(l);
            }
        }
        return out;
    }
}
