package dev.fakeecs.junit.handle;

import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

import java.util.List;
import java.util.Objects;

/**
 * A live handle on one service of a cluster, by name: every call re-reads the engine, so the handle
 * can be kept across virtual time and passed to {@code EcsAssertions.assertThat}. The service need
 * not exist yet.
 *
 * <pre>{@code
 * EcsServiceHandle orders = prod.service("orders");
 * orders.describe().runningCount();
 * assertThat(orders).eventually(within(ofMinutes(5))).hasRunningCount(3);
 * }</pre>
 */
public class EcsServiceHandle {

    private final EcsClusterHandle cluster;
    private final String name;

    /** A handle on service {@code name} of {@code cluster}. */
    public EcsServiceHandle(EcsClusterHandle cluster, String name) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The service's name. */
    public String name() {
        return name;
    }

    /** The cluster the service belongs to. */
    public EcsClusterHandle cluster() {
        return cluster;
    }

    /** The service's ARN (whether or not it exists). */
    public String arn() {
        return cluster.inspector().serviceArn(cluster.region(), cluster.name(), name);
    }

    /** Whether the service exists (any status, INACTIVE included). */
    public boolean exists() {
        return describe() != null;
    }

    /**
     * The service as DescribeServices shows it (with its tags, deployments and newest events), or null
     * if it does not exist. Reading it is not an API call: no fault applies and the clock does not move.
     *
     * <pre>{@code orders.describe().deployments().get(0).rolloutState(); }</pre>
     */
    public Service describe() {
        return cluster.inspector().service(cluster.region(), cluster.name(), name);
    }

    /** Handles on the service's tasks whose desired status is RUNNING, in launch order. */
    public List<EcsTaskHandle> tasks() {
        return cluster.inspector().serviceTasks(cluster.region(), cluster.name(), name).stream()
                .map(t -> new EcsTaskHandle(cluster, t.taskArn())).toList();
    }

    /** Every task of the service the region remembers, STOPPED ones included, in launch order. */
    public List<EcsTaskHandle> allTasks() {
        return cluster.inspector().serviceTaskHistory(cluster.region(), cluster.name(), name).stream()
                .map(t -> new EcsTaskHandle(cluster, t.taskArn())).toList();
    }

    /** The PRIMARY deployment, or null before the first one (or when the service does not exist). */
    public EcsDeploymentHandle primaryDeployment() {
        Service s = describe();
        return s == null || s.deployments().isEmpty() ? null
                : new EcsDeploymentHandle(this, s.deployments().get(0).id());
    }

    /** Handles on every deployment of the service, PRIMARY first. */
    public List<EcsDeploymentHandle> deployments() {
        Service s = describe();
        return s == null ? List.of() : s.deployments().stream().map(Deployment::id)
                .map(id -> new EcsDeploymentHandle(this, id)).toList();
    }

    /**
     * Handles on the target groups the service registers its tasks in (its {@code loadBalancers} with a
     * target group), in declaration order; empty when it has none.
     *
     * <pre>{@code assertThat(web.targetGroups().get(0)).hasHealthyTargets(2); }</pre>
     */
    public List<EcsTargetGroupHandle> targetGroups() {
        Service s = describe();
        return s == null ? List.of() : s.loadBalancers().stream().filter(l -> l.targetGroupArn() != null)
                .map(l -> cluster.targetGroup(l.targetGroupArn())).toList();
    }

    /**
     * The service's deployments as DescribeServiceDeployments shows them (strategy stage, status, traffic weights,
     * hooks, alarms, rollback), newest first (at most 20); empty when the service does not exist. A read, not an
     * API call.
     *
     * <pre>{@code shop.serviceDeployments().get(0).lifecycleStageAsString(); }</pre>
     */
    public List<ServiceDeployment> serviceDeployments() {
        return cluster.inspector().serviceDeployments(cluster.region(), cluster.name(), name);
    }

    /** The newest service deployment (what {@code assertThat(service).deployment()} checks), or null. */
    public ServiceDeployment latestServiceDeployment() {
        List<ServiceDeployment> all = serviceDeployments();
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * The production listener rule of the service's first load balancer with an {@code advancedConfiguration}
     * (BLUE_GREEN, LINEAR, CANARY), or null when it has none.
     *
     * <pre>{@code assertThat(shop.productionListenerRule()).hasWeights("shop-blue", 90, "shop-green", 10); }</pre>
     */
    public EcsListenerRuleHandle productionListenerRule() {
        return rule(true);
    }

    /** The test listener rule of the service's first load balancer that has one, or null. */
    public EcsListenerRuleHandle testListenerRule() {
        return rule(false);
    }

    private EcsListenerRuleHandle rule(boolean production) {
        Service s = describe();
        if (s == null) {
            return null;
        }
        return s.loadBalancers().stream().filter(l -> l.advancedConfiguration() != null)
                .map(l -> production ? l.advancedConfiguration().productionListenerRule()
                        : l.advancedConfiguration().testListenerRule())
                .filter(Objects::nonNull).findFirst()
                .map(arn -> new EcsListenerRuleHandle(cluster.ecs(), cluster.region(), arn)).orElse(null);
    }

    /** Sets the desired count (UpdateService). */
    public EcsServiceHandle scale(int desiredCount) {
        return cluster.scale(name, desiredCount);
    }

    @Override
    public String toString() {
        return "service " + name + " in " + cluster;
    }
}
