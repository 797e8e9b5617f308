package dev.fakeecs.junit;

/**
 * Capacity an {@link EcsCluster} starts with.
 *
 * <pre>{@code
 * @EcsCluster(name = "prod", capacity = {Capacity.FARGATE, Capacity.EC2}, ec2Hosts = 3)
 * }</pre>
 */
public enum Capacity {
    /** The AWS-managed {@code FARGATE} capacity provider. */
    FARGATE,
    /** The AWS-managed {@code FARGATE_SPOT} capacity provider. */
    FARGATE_SPOT,
    /** Simulated EC2 hosts registered as container instances ({@link EcsCluster#ec2Hosts()} of them). */
    EC2
}
