package dev.fakeecs.internal.placement;

/**
 * Why one container instance could not take a task, as RunTask/StartTask report it in {@code failures}:
 * {@code arn} is the container instance ARN, {@code reason} one of the constants below.
 *
 * <pre>{@code
 * new PlacementFailure("arn:aws:ecs:us-east-1:123456789012:container-instance/c/abc", PlacementFailure.RESOURCE_MEMORY);
 * }</pre>
 */
public record PlacementFailure(String arn, String reason) {

    /**
     * The instance is not ACTIVE (DRAINING or INACTIVE). Real ECS just skips such instances when it picks
     * among the cluster's hosts; the fake reports them with this reason so that StartTask, which names
     * its instances, can answer with it. Callers placing on a whole cluster may leave them out of the
     * candidates instead.
     */
    public static final String INACTIVE = "INACTIVE";
    /** The instance's agent is disconnected. */
    public static final String AGENT = "AGENT";
    public static final String RESOURCE_CPU = "RESOURCE:CPU";
    public static final String RESOURCE_MEMORY = "RESOURCE:MEMORY";
    /** A static TCP host port the task needs is taken (reserved by the agent or used by a task). */
    public static final String RESOURCE_PORTS = "RESOURCE:PORTS";
    public static final String RESOURCE_PORTS_UDP = "RESOURCE:PORTS_UDP";
    public static final String RESOURCE_GPU = "RESOURCE:GPU";
    /** No free elastic network interface for an {@code awsvpc} task. */
    public static final String RESOURCE_ENI = "RESOURCE:ENI";
    /**
     * A placement constraint is not met: a {@code memberOf} expression is false for the instance, or
     * ({@code distinctInstance}) a task of the same group already runs there. ECS uses ATTRIBUTE for both.
     */
    public static final String ATTRIBUTE = "ATTRIBUTE";
}
