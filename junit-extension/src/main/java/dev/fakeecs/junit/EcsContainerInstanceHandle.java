package dev.fakeecs.junit;

import dev.fakeecs.internal.containerinstance.ContainerInstance;

import java.util.Objects;

/**
 * A live handle on one container instance (a simulated EC2 host).
 *
 * <pre>{@code
 * EcsContainerInstanceHandle host = prod.containerInstances().get(0);
 * assertThat(host).isActive().hasRunningTasksCount(2);
 * }</pre>
 */
public class EcsContainerInstanceHandle {

    private final EcsClusterHandle cluster;
    private final String arn;

    public EcsContainerInstanceHandle(EcsClusterHandle cluster, String arn) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.arn = Objects.requireNonNull(arn, "arn");
    }

    public String arn() {
        return arn;
    }

    public String id() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    public EcsClusterHandle cluster() {
        return cluster;
    }

    /** The engine's container instance, or null. */
    public ContainerInstance state() {
        return cluster.state().read(() -> cluster.state().containerInstances().byArn(arn));
    }

    @Override
    public String toString() {
        ContainerInstance ci = state();
        return "container instance " + id() + (ci == null ? "" : " (" + ci.instanceType().name() + ", "
                + ci.availabilityZone() + ")");
    }
}
