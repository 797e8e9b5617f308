package dev.fakeecs.fault;

/**
 * The faults the fake can inject, named as the control API's {@code type} field names them
 * ({@code POST /_fake-ecs/faults {"type": "TERMINATE_INSTANCE", ...}}); the FIS action each one
 * mirrors is given where there is one (AWS Fault Injection Service's ECS actions).
 *
 * <pre>{@code
 * FaultInjector.of(ecs).inject(FaultSpec.of(FaultType.AZ_OUTAGE)
 *         .availabilityZone("us-east-1a").duration(Duration.ofMinutes(30)).build());
 * }</pre>
 */
public enum FaultType {
    /** aws:ec2:terminate-instances: the host's tasks stop ("Host EC2 (instance i-...) terminated."), it deregisters, its ASG replaces it. */
    TERMINATE_INSTANCE(false),
    /** aws:ec2:stop-instances: tasks stop ("... stopped."), the host stays registered with its agent disconnected; restarts after the duration. */
    STOP_INSTANCE(true),
    /** Agent disconnect / network partition for a duration: tasks stay RUNNING, nothing new is placed there. */
    DISCONNECT_AGENT(true),
    /** aws:ec2:send-spot-instance-interruptions: a notice (2 min by default), DRAINING if the cluster drains Spot, then termination. */
    EC2_SPOT_INTERRUPTION(false),
    /** The Fargate Spot two-minute warning: SIGTERM, stopCode SpotInterruption, "Your Spot Task was interrupted.". */
    FARGATE_SPOT_INTERRUPTION(false),
    /** No Spot capacity (FARGATE_SPOT, optionally in one zone) for a duration: replacements cannot place. */
    SPOT_CAPACITY_UNAVAILABLE(true),
    /** A zone loses power for a duration: its hosts stop, its Fargate tasks are lost, nothing places there. */
    AZ_OUTAGE(true),
    /** The FIS "AZ Availability: Power Interruption" scenario: an AZ outage of 30 minutes unless told otherwise. */
    AZ_POWER_INTERRUPTION(true),
    /** A region's ECS API answers ServerException (HTTP 503) and its tasks are unreachable, for a duration. */
    REGION_OUTAGE(true),
    /** aws:ecs:stop-task. */
    STOP_TASK(false),
    /** A container is killed (exit code 137 by default, with the OutOfMemoryError reason). */
    KILL_CONTAINER(false),
    /** Container health checks fail for a duration: the scheduler replaces the tasks. */
    HEALTH_CHECK_FAILURE(true),
    /** Image pulls fail for a duration: CannotPullContainerError, stopCode TaskFailedToStart. */
    IMAGE_PULL_FAILURE(true),
    /** aws:ecs:drain-container-instances: a percentage of a cluster's hosts DRAINING for a duration. */
    DRAIN_CONTAINER_INSTANCES(true),
    /** aws:fis:inject-api-*-error: an ECS operation fails every Nth call or with a seeded probability. */
    API_ERROR(true),
    /** ECS API calls take longer: virtual time in process, also wall time over the HTTP server. */
    API_LATENCY(true),
    /**
     * A target group's health checks fail for a duration (the application's health endpoint breaking): every
     * probe fails with {@code Target.ResponseCodeMismatch} [503]; needs {@code targetGroup} (ARN or name).
     */
    TARGET_HEALTH_FAILURE(true);

    private final boolean lasting;

    FaultType(boolean lasting) {
        this.lasting = lasting;
    }

    /** True when the fault lasts (until its duration ends or its handle closes); false for one-off events. */
    public boolean lasting() {
        return lasting;
    }

    /** The type of that name, case-insensitive; fails naming the known types. */
    public static FaultType parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("fault type is required; one of " + java.util.Arrays.toString(values()));
        }
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault type " + name + "; one of "
                    + java.util.Arrays.toString(values()));
        }
    }
}
