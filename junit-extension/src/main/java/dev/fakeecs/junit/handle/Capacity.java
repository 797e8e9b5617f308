package dev.fakeecs.junit.handle;

/**
 * Where tasks run: the capacity a cluster declared with {@code @EcsCluster} starts with, and what
 * task assertions check ({@code runsOn}, {@code allRunningOn}).
 *
 * <pre>{@code
 * @EcsCluster(name = "prod", capacity = {Capacity.FARGATE, Capacity.EC2}, ec2Hosts = 3)
 * ...
 * assertThat(orders).tasks().allRunningOn(Capacity.FARGATE);
 * }</pre>
 */
public enum Capacity {
    /** The AWS-managed {@code FARGATE} capacity provider. */
    FARGATE,
    /** The AWS-managed {@code FARGATE_SPOT} capacity provider. */
    FARGATE_SPOT,
    /** Simulated EC2 hosts registered as container instances ({@code @EcsCluster(ec2Hosts = n)} of them). */
    EC2
}
