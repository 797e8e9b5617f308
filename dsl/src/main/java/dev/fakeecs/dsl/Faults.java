package dev.fakeecs.dsl;

import dev.fakeecs.dsl.spec.InvalidSpecException;
import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.fault.FaultAction;
import dev.fakeecs.fault.FaultSpec;
import dev.fakeecs.fault.FaultType;

import java.time.Duration;

/**
 * Faults for scenario timelines, named as FIS and the sentences name them; each returns a
 * {@link FaultAction} (an action for {@code at}/{@code after}/{@code daily}, a window for
 * {@code window}/{@code everyDay}) that the engine's {@link dev.fakeecs.fault.FaultInjector}
 * injects when its time comes. Meant for {@code import static dev.fakeecs.dsl.Faults.*}.
 *
 * <pre>{@code
 * // "at 19:30 the region us-east-1 goes down for 20 minutes"
 * scenario().at(LocalTime.of(19, 30), regionOutage("us-east-1").lasting(Duration.ofMinutes(20)))
 *     .after(Duration.ofMinutes(5), terminateInstance("food-delivery-prod").inZone("us-east-1a"))
 *     .window(LocalTime.of(20, 0), Duration.ofMinutes(10), apiThrottling("RunTask").everyNth(2))
 *     .build();
 * }</pre>
 */
public final class Faults {

    private Faults() {
    }

    /** A region's ECS API answers ServerException (HTTP 503) and its tasks are unreachable. */
    public static FaultAction regionOutage(String region) {
        return FaultAction.of(FaultType.REGION_OUTAGE).inRegion(region);
    }

    /** A zone loses power: its hosts stop, its Fargate tasks are lost, nothing places there. */
    public static FaultAction azOutage(String availabilityZone) {
        return FaultAction.of(FaultType.AZ_OUTAGE).inZone(availabilityZone);
    }

    /** The FIS "AZ Availability: Power Interruption" scenario: an AZ outage of 30 minutes unless {@code lasting} says otherwise. */
    public static FaultAction azPowerInterruption(String availabilityZone) {
        return FaultAction.of(FaultType.AZ_POWER_INTERRUPTION).inZone(availabilityZone);
    }

    /** aws:ec2:terminate-instances on one host of the cluster (drawn with the seed; narrow with {@code inZone}, {@code containerInstance}, {@code percentage}). */
    public static FaultAction terminateInstance(String cluster) {
        return FaultAction.of(FaultType.TERMINATE_INSTANCE).inCluster(cluster);
    }

    /** aws:ec2:stop-instances on one host of the cluster; it starts again when the fault ends. */
    public static FaultAction stopInstance(String cluster) {
        return FaultAction.of(FaultType.STOP_INSTANCE).inCluster(cluster);
    }

    /** The agent of one host of the cluster disconnects: its tasks keep running, nothing new is placed there. */
    public static FaultAction disconnectAgent(String cluster) {
        return FaultAction.of(FaultType.DISCONNECT_AGENT).inCluster(cluster);
    }

    /** The Fargate Spot two-minute warning for the cluster's Fargate Spot tasks (all, or {@code percentage}). */
    public static FaultAction spotInterruption(String cluster) {
        return FaultAction.of(FaultType.FARGATE_SPOT_INTERRUPTION).inCluster(cluster);
    }

    /** aws:ec2:send-spot-instance-interruptions to one Spot host of the cluster (notice 2 minutes). */
    public static FaultAction ec2SpotInterruption(String cluster) {
        return FaultAction.of(FaultType.EC2_SPOT_INTERRUPTION).inCluster(cluster);
    }

    /** No FARGATE_SPOT capacity in the world's first region (narrow with {@code inZone}, {@code inRegion}). */
    public static FaultAction spotCapacityUnavailable() {
        return FaultAction.of(FaultType.SPOT_CAPACITY_UNAVAILABLE);
    }

    /** aws:ecs:stop-task on one task of the cluster (narrow with {@code ofService}, {@code task}, {@code percentage}). */
    public static FaultAction stopTask(String cluster) {
        return FaultAction.of(FaultType.STOP_TASK).inCluster(cluster);
    }

    /** A container of one task of the cluster is killed (exit code 137 unless {@code exitCode} says otherwise). */
    public static FaultAction killContainer(String cluster) {
        return FaultAction.of(FaultType.KILL_CONTAINER).inCluster(cluster);
    }

    /** Container health checks of the service's tasks fail; the scheduler replaces them. */
    public static FaultAction healthCheckFailure(String cluster, String service) {
        return FaultAction.of(FaultType.HEALTH_CHECK_FAILURE).inCluster(cluster).ofService(service);
    }

    /**
     * Every Elastic Load Balancing health check of a target group (declared name or ARN) fails with
     * {@code Target.ResponseCodeMismatch} [503]: its targets turn unhealthy and ECS replaces their tasks.
     * <pre>{@code
     * scenario().after(Duration.ofMinutes(5), "health endpoint breaks", targetHealthFailure("web-tg").lasting(Duration.ofMinutes(10)))
     * }</pre>
     */
    public static FaultAction targetHealthFailure(String targetGroup) {
        FaultAction.require(targetGroup != null && !targetGroup.isBlank(), "TARGET_HEALTH_FAILURE", "targetGroup",
                targetGroup, "is required and must not be blank");
        return FaultAction.create(FaultType.TARGET_HEALTH_FAILURE, b -> b.targetGroup(targetGroup));
    }

    /** Image pulls of the cluster's tasks fail with CannotPullContainerError. */
    public static FaultAction imagePullFailure(String cluster) {
        return FaultAction.of(FaultType.IMAGE_PULL_FAILURE).inCluster(cluster);
    }

    /** aws:ecs:drain-container-instances: {@code percent} of the cluster's hosts DRAINING. */
    public static FaultAction drainInstances(String cluster, int percent) {
        return FaultAction.of(FaultType.DRAIN_CONTAINER_INSTANCES).inCluster(cluster).percentage(percent);
    }

    /** aws:fis:inject-api-throttle-error: calls of {@code operation} answer ThrottlingException (every call, or {@code everyNth}, {@code withProbability}). */
    public static FaultAction apiThrottling(String operation) {
        return apiError(operation, "ThrottlingException");
    }

    /** aws:fis:inject-api-*-error: calls of {@code operation} ({@code "*"}: all) answer {@code errorCode}. */
    public static FaultAction apiError(String operation, String errorCode) {
        FaultAction.require(errorCode != null && errorCode.matches("[A-Z][A-Za-z]+"), "API_ERROR", "errorCode",
                errorCode, "must be an AWS error code such as ThrottlingException");
        return FaultAction.create(FaultType.API_ERROR, b -> b.errorCode(errorCode)).operation(operation);
    }

    /** ECS API calls take {@code latency} (at most one minute) longer (virtual time in process). */
    public static FaultAction apiLatency(Duration latency) {
        FaultAction.require(latency != null && !latency.isNegative() && !latency.isZero(), "API_LATENCY", "latency",
                latency, "must be positive");
        FaultAction.require(latency.compareTo(Duration.ofMillis(FaultSpec.MAX_LATENCY_MILLIS)) <= 0, "API_LATENCY", "latency",
                latency, "must be at most one minute");
        return FaultAction.create(FaultType.API_LATENCY, b -> b.latency(latency));
    }

    /**
     * A seeded chaos period for a timeline entry: {@code faultsPerHour} faults of every type over
     * {@code period} in {@code cluster}, with the engine's invariants checked after every event
     * until the period ends (a broken invariant fails the advancing call, naming the seed).
     *
     * <pre>{@code
     * scenario().at(LocalTime.of(19, 0), "dinner chaos", chaosMonkey("food-delivery-prod", 6, Duration.ofHours(2)))
     * }</pre>
     */
    public static java.util.function.Consumer<dev.fakeecs.FakeEcs> chaosMonkey(String cluster, double faultsPerHour,
                                                                            Duration period) {
        Check.notBlank("chaos monkey", "cluster", cluster);
        if (faultsPerHour <= 0) {
            throw new InvalidSpecException("chaos monkey", "faultsPerHour", faultsPerHour, "must be positive");
        }
        if (period == null || period.isZero() || period.isNegative()) {
            throw new InvalidSpecException("chaos monkey", "period", period, "must be positive");
        }
        return ecs -> dev.fakeecs.fault.ChaosMonkey.builder(ecs).cluster(cluster).faultsPerHour(faultsPerHour)
                .build().schedule(period);
    }
}
