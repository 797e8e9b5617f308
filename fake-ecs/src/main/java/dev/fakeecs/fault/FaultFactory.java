package dev.fakeecs.fault;

import dev.fakeecs.fault.Ec2SpotInterruptionFault;
import java.time.Duration;

/** Makes the behaviour for a fault spec (one {@link ActiveFault} per {@link FaultType}), checking first that the spec has what its type needs. */
final class FaultFactory {

    /** How long the AZ power interruption preset lasts unless told otherwise (FIS scenario default). */
    static final Duration POWER_INTERRUPTION = Duration.ofMinutes(30);

    private FaultFactory() {
    }

    public static ActiveFault create(FaultContext ctx) {
        FaultSpec spec = ctx.spec();
        return switch (spec.type()) {
            case TERMINATE_INSTANCE -> new TerminateInstanceFault(ctx, true);
            case STOP_INSTANCE -> new TerminateInstanceFault(ctx, false);
            case DISCONNECT_AGENT -> new AgentDisconnectFault(ctx);
            case EC2_SPOT_INTERRUPTION -> new Ec2SpotInterruptionFault(ctx);
            case FARGATE_SPOT_INTERRUPTION -> new FargateSpotInterruptionFault(ctx);
            case SPOT_CAPACITY_UNAVAILABLE -> new SpotCapacityFault(ctx);
            case AZ_OUTAGE, AZ_POWER_INTERRUPTION -> new ZoneOutageFault(requireZone(ctx));
            case REGION_OUTAGE -> new RegionOutageFault(ctx);
            case STOP_TASK -> new TaskKillFault(ctx, false);
            case KILL_CONTAINER -> new TaskKillFault(ctx, true);
            case HEALTH_CHECK_FAILURE -> new HealthCheckFailureFault(requireSelection(ctx));
            case IMAGE_PULL_FAILURE -> new ImagePullFailureFault(ctx);
            case DRAIN_CONTAINER_INSTANCES -> new DrainFault(require(ctx, spec.cluster(), "cluster"));
            case API_ERROR -> new ApiErrorFault(ctx);
            case API_LATENCY -> new ApiLatencyFault(require(ctx, spec.latencyMillis(), "latencyMillis"));
            case TARGET_HEALTH_FAILURE -> new TargetHealthFailureFault(require(ctx, spec.targetGroup(), "targetGroup"));
        };
    }

    /** The duration a lasting fault runs for (null: until its handle closes). */
    public static Duration duration(FaultSpec spec) {
        if (spec.duration() == null && spec.type() == FaultType.AZ_POWER_INTERRUPTION) {
            return POWER_INTERRUPTION;
        }
        return spec.duration();
    }

    private static FaultContext requireZone(FaultContext ctx) {
        require(ctx, ctx.spec().availabilityZone(), "availabilityZone");
        if (!ctx.region().availabilityZones().contains(ctx.spec().availabilityZone())) {
            throw new IllegalArgumentException("availabilityZone " + ctx.spec().availabilityZone()
                    + " is not a zone of " + ctx.region().name() + " " + ctx.region().availabilityZones());
        }
        return ctx;
    }

    private static FaultContext requireSelection(FaultContext ctx) {
        FaultSpec spec = ctx.spec();
        if (spec.task() == null && spec.service() == null && spec.cluster() == null) {
            throw new IllegalArgumentException(spec.type() + " needs a task, a service or a cluster");
        }
        return ctx;
    }

    private static FaultContext require(FaultContext ctx, Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(ctx.spec().type() + " needs " + field);
        }
        return ctx;
    }
}
