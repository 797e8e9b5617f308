package dev.fakeecs.junit.handle;

import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;

import java.util.Objects;

/**
 * A live handle on one container instance (a simulated EC2 host), by ARN: every call re-reads the
 * engine.
 *
 * <pre>{@code
 * EcsContainerInstanceHandle host = prod.containerInstances().get(0);
 * host.availabilityZone();                              // "us-east-1a"
 * assertThat(host).isActive().hasRunningTasksCount(2);
 * }</pre>
 */
public class EcsContainerInstanceHandle {

    private final EcsClusterHandle cluster;
    private final String arn;

    /** A handle on the container instance {@code arn} of {@code cluster}. */
    public EcsContainerInstanceHandle(EcsClusterHandle cluster, String arn) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.arn = Objects.requireNonNull(arn, "arn");
    }

    /** The container instance's ARN. */
    public String arn() {
        return arn;
    }

    /** The container instance id (the last segment of the ARN). */
    public String id() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The cluster the container instance registered with. */
    public EcsClusterHandle cluster() {
        return cluster;
    }

    /**
     * The container instance as DescribeContainerInstances shows it (with its tags), or null if the
     * region does not know it; a deregistered one is INACTIVE. Reading it is not an API call.
     *
     * <pre>{@code host.describe().remainingResources(); }</pre>
     */
    public ContainerInstance describe() {
        return cluster.inspector().containerInstance(cluster.region(), arn);
    }

    /**
     * The host's availability zone (its {@code ecs.availability-zone} attribute), or null if the
     * region does not know it.
     *
     * <pre>{@code prod.containerInstances().stream().map(EcsContainerInstanceHandle::availabilityZone).toList(); }</pre>
     */
    public String availabilityZone() {
        return attribute(describe(), "ecs.availability-zone");
    }

    /** The value of a container instance's attribute, or null. */
    static String attribute(ContainerInstance ci, String name) {
        if (ci == null) {
            return null;
        }
        return ci.attributes().stream().filter(a -> name.equals(a.name())).map(Attribute::value).findFirst()
                .orElse(null);
    }

    @Override
    public String toString() {
        ContainerInstance ci = describe();
        return "container instance " + id() + (ci == null ? "" : " (" + attribute(ci, "ecs.instance-type") + ", "
                + attribute(ci, "ecs.availability-zone") + ")");
    }
}
