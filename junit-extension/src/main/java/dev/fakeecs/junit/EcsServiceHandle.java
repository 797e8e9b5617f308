package dev.fakeecs.junit;

import dev.fakeecs.internal.deployment.Deployment;
import dev.fakeecs.internal.service.Service;
import dev.fakeecs.internal.task.Task;

import java.util.List;
import java.util.Objects;

/**
 * A live handle on one service of a cluster: every call re-reads the engine, so the handle can be
 * kept across virtual time and passed to {@code EcsAssertions.assertThat}.
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

    public EcsServiceHandle(EcsClusterHandle cluster, String name) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    public EcsClusterHandle cluster() {
        return cluster;
    }

    /** The service's ARN (computed if the service does not exist). */
    public String arn() {
        Service s = state();
        return s == null ? cluster.state().arns().service(cluster.name(), name) : s.arn();
    }

    /** The engine's service, or null if it does not exist. */
    public Service state() {
        return cluster.findService(name);
    }

    /** Whether the service exists (any status). */
    public boolean exists() {
        return state() != null;
    }

    /** The service as DescribeServices shows it, or null if it does not exist. */
    public software.amazon.awssdk.services.ecs.model.Service describe() {
        return cluster.state().read(() -> {
            Service s = state();
            return s == null ? null : cluster.state().services().describe(s);
        });
    }

    /** Handles on the service's tasks whose desired status is RUNNING. */
    public List<EcsTaskHandle> tasks() {
        return cluster.state().read(() -> {
            Service s = state();
            return s == null ? List.<EcsTaskHandle>of() : cluster.state().services().tasksOf(s).stream()
                    .map(t -> new EcsTaskHandle(cluster, t.arn())).toList();
        });
    }

    /** Every task of the service the region remembers, STOPPED ones included, in launch order. */
    public List<EcsTaskHandle> allTasks() {
        return cluster.state().read(() -> cluster.state().tasks().all().stream()
                .filter(t -> name.equals(t.serviceName()) && cluster.name().equals(t.clusterName()))
                .map(Task::arn).map(arn -> new EcsTaskHandle(cluster, arn)).toList());
    }

    /** The PRIMARY deployment, or null before the first one. */
    public EcsDeploymentHandle primaryDeployment() {
        Service s = state();
        Deployment d = s == null ? null : cluster.state().read(s::primary);
        return d == null ? null : new EcsDeploymentHandle(this, d.id());
    }

    /** Handles on every deployment of the service, PRIMARY first. */
    public List<EcsDeploymentHandle> deployments() {
        Service s = state();
        if (s == null) {
            return List.of();
        }
        return cluster.state().read(() -> s.deployments().stream().map(d -> new EcsDeploymentHandle(this, d.id()))
                .toList());
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
