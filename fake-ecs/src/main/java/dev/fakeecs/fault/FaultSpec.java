package dev.fakeecs.fault;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What fault to inject, where and when: the Java form of the control API's
 * {@code POST /_fake-ecs/faults} body. Every field but {@code type} is optional; which ones a
 * type reads is said on {@link FaultType}. Null {@code region} means the world's default region;
 * null {@code at} means now.
 *
 * <pre>{@code
 * FaultSpec spec = FaultSpec.of(FaultType.TERMINATE_INSTANCE).cluster("prod").containerInstance(ciArn).build();
 * FaultSpec same = FaultSpec.fromMap(Map.of("type", "TERMINATE_INSTANCE", "cluster", "prod",
 *         "containerInstance", ciArn));
 * }</pre>
 *
 * @param type              the kind of fault
 * @param region            the region (null: default region)
 * @param availabilityZone  a zone to target (AZ outage, Spot faults)
 * @param cluster           a cluster to target (null: every cluster of the region, where that makes sense)
 * @param containerInstance a container instance ARN or id
 * @param service           a service name or ARN
 * @param task              a task ARN or id
 * @param percentage        the share of matching targets to hit, 1..100 (null: 100, or one for instance faults)
 * @param at                when to start, from now (null: now)
 * @param duration          how long a lasting fault lasts (null: until its handle closes)
 * @param notice            the Spot interruption notice (null: 2 minutes)
 * @param exitCode          KILL_CONTAINER's exit code (null: 137)
 * @param operation         the ECS operation API faults apply to (null: every operation)
 * @param errorCode         API_ERROR's error code (null: ThrottlingException)
 * @param everyNth          API_ERROR: fail every Nth matching call
 * @param probability       API_ERROR: fail each matching call with this probability (seeded)
 * @param latencyMillis     API_LATENCY's delay, 0..{@link #MAX_LATENCY_MILLIS}
 * @param targetGroup       TARGET_HEALTH_FAILURE's target group (ARN or name)
 */
public record FaultSpec(FaultType type, String region, String availabilityZone, String cluster,
                        String containerInstance, String service, String task, Integer percentage, Duration at,
                        Duration duration, Duration notice, Integer exitCode, String operation, String errorCode,
                        Integer everyNth, Double probability, Long latencyMillis, String targetGroup) {

    /**
     * The longest API_LATENCY delay: one minute. Over HTTP the delay is a real sleep on a server thread, so
     * a longer one would hold threads hostage (SDK clients time out well before).
     */
    public static final long MAX_LATENCY_MILLIS = 60_000;

    public FaultSpec {
        Objects.requireNonNull(type, "type");
        if (percentage != null && (percentage < 1 || percentage > 100)) {
            throw new IllegalArgumentException("percentage must be between 1 and 100: " + percentage);
        }
        if (at != null && at.isNegative()) {
            throw new IllegalArgumentException("atSeconds must not be negative: " + at);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("durationSeconds must be positive: " + duration);
        }
        if (notice != null && notice.isNegative()) {
            throw new IllegalArgumentException("noticeSeconds must not be negative: " + notice);
        }
        if (everyNth != null && everyNth < 1) {
            throw new IllegalArgumentException("everyNth must be at least 1: " + everyNth);
        }
        if (probability != null && !(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1: " + probability);
        }
        if (latencyMillis != null && (latencyMillis < 0 || latencyMillis > MAX_LATENCY_MILLIS)) {
            throw new IllegalArgumentException("latencyMillis must be between 0 and " + MAX_LATENCY_MILLIS
                    + " (one minute): " + latencyMillis);
        }
    }

    /** The spec without a target group (the form before TARGET_HEALTH_FAILURE existed). */
    public FaultSpec(FaultType type, String region, String availabilityZone, String cluster,
                     String containerInstance, String service, String task, Integer percentage, Duration at,
                     Duration duration, Duration notice, Integer exitCode, String operation, String errorCode,
                     Integer everyNth, Double probability, Long latencyMillis) {
        this(type, region, availabilityZone, cluster, containerInstance, service, task, percentage, at, duration,
                notice, exitCode, operation, errorCode, everyNth, probability, latencyMillis, null);
    }

    /** A builder for a fault of this type. */
    public static Builder of(FaultType type) {
        return new Builder(type);
    }

    /**
     * A spec from the control API's JSON fields (numbers may be given as numbers or strings):
     * type, region, availabilityZone, cluster, containerInstance, service, task, percentage,
     * atSeconds, durationSeconds, noticeSeconds, exitCode, operation, errorCode, everyNth,
     * probability, latencyMillis, targetGroup. Unknown fields fail with an IllegalArgumentException.
     */
    public static FaultSpec fromMap(Map<String, ?> fields) {
        return FaultSpecParser.parse(fields);
    }

    /** The FIS "AZ Availability: Power Interruption" preset: the zone loses power for 30 minutes. */
    public static FaultSpec azPowerInterruption(String region, String availabilityZone) {
        return of(FaultType.AZ_POWER_INTERRUPTION).region(region).availabilityZone(availabilityZone).build();
    }

    /** A copy that starts {@code delay} from now. */
    public FaultSpec startingIn(Duration delay) {
        return toBuilder().at(delay).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(type);
        b.region = region;
        b.availabilityZone = availabilityZone;
        b.cluster = cluster;
        b.containerInstance = containerInstance;
        b.service = service;
        b.task = task;
        b.percentage = percentage;
        b.at = at;
        b.duration = duration;
        b.notice = notice;
        b.exitCode = exitCode;
        b.operation = operation;
        b.errorCode = errorCode;
        b.everyNth = everyNth;
        b.probability = probability;
        b.latencyMillis = latencyMillis;
        b.targetGroup = targetGroup;
        return b;
    }

    /** Builds a {@link FaultSpec}; see the record's fields for what each one means. */
    public static final class Builder {
        private final FaultType type;
        private String region;
        private String availabilityZone;
        private String cluster;
        private String containerInstance;
        private String service;
        private String task;
        private Integer percentage;
        private Duration at;
        private Duration duration;
        private Duration notice;
        private Integer exitCode;
        private String operation;
        private String errorCode;
        private Integer everyNth;
        private Double probability;
        private Long latencyMillis;
        private String targetGroup;

        private Builder(FaultType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder region(String v) { this.region = v; return this; }
        public Builder availabilityZone(String v) { this.availabilityZone = v; return this; }
        public Builder cluster(String v) { this.cluster = v; return this; }
        public Builder containerInstance(String v) { this.containerInstance = v; return this; }
        public Builder service(String v) { this.service = v; return this; }
        public Builder task(String v) { this.task = v; return this; }
        public Builder percentage(int v) { this.percentage = v; return this; }
        public Builder at(Duration fromNow) { this.at = fromNow; return this; }
        public Builder duration(Duration v) { this.duration = v; return this; }
        public Builder notice(Duration v) { this.notice = v; return this; }
        public Builder exitCode(int v) { this.exitCode = v; return this; }
        public Builder operation(String v) { this.operation = v; return this; }
        public Builder errorCode(String v) { this.errorCode = v; return this; }
        public Builder everyNth(int v) { this.everyNth = v; return this; }
        public Builder probability(double v) { this.probability = v; return this; }
        public Builder latency(Duration v) { this.latencyMillis = v.toMillis(); return this; }
        public Builder targetGroup(String v) { this.targetGroup = v; return this; }

        public FaultSpec build() {
            return new FaultSpec(type, region, availabilityZone, cluster, containerInstance, service, task, percentage,
                    at, duration, notice, exitCode, operation, errorCode, everyNth, probability, latencyMillis,
                    targetGroup);
        }
    }
}
