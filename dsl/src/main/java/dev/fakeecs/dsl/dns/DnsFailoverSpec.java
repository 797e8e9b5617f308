package dev.fakeecs.dsl.dns;

import dev.fakeecs.dns.Endpoint;
import dev.fakeecs.dns.HealthCheck;
import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.service.LoadCurve;
import dev.fakeecs.traffic.LoadProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Route 53 failover record over two ECS services (PRIMARY and SECONDARY, usually in two
 * regions), their health checks, the record's TTL, and optionally client traffic through it.
 * The record, its health checks and the traffic go live once the primary service first has a
 * healthy RUNNING task (as an operator would create them after the first deployment), so a
 * slow first start does not count as an outage; from then on a {@link dev.fakeecs.dsl.dns.FailoverHandle}
 * ({@code Ecs.failover(ecs, name)}) gives the record and the {@code AvailabilityReport}.
 * Defaults: health checks every 30 s, failure threshold 3, on both endpoints; TTL 60 s. Immutable.
 *
 * <pre>{@code
 * world().region("us-east-1").region("us-west-2")
 *     .dnsFailover("api.food.example", d -> d
 *         .primary("us-east-1", "food-delivery-prod", "order-service")
 *         .secondary("us-west-2", "food-delivery-dr", "order-service")
 *         .healthCheck(Duration.ofSeconds(10), 3)
 *         .ttl(Duration.ofSeconds(60))
 *         .traffic(load(200).between(LocalTime.of(19, 0), LocalTime.of(21, 0), 2000)));
 * }</pre>
 */
public final class DnsFailoverSpec {

    /** A {@link LoadCurve} as the traffic model's requests per second (rounded). */
    public record CurveTraffic(LoadCurve curve) implements LoadProfile {
        @Override
        public long requestsPerSecond(Instant at) {
            return Math.round(curve.rpsAt(at));
        }
    }

    private final String name;
    private final Endpoint primary;
    private final Endpoint secondary;
    private final Duration healthCheckInterval;
    private final int failureThreshold;
    private final boolean secondaryHealthCheck;
    private final Duration ttl;
    private final LoadProfile traffic;

    private DnsFailoverSpec(Builder b) {
        this.name = b.name;
        this.primary = b.primary;
        this.secondary = b.secondary;
        this.healthCheckInterval = b.healthCheckInterval;
        this.failureThreshold = b.failureThreshold;
        this.secondaryHealthCheck = b.secondaryHealthCheck;
        this.ttl = b.ttl;
        this.traffic = b.traffic;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.primary = primary;
        b.secondary = secondary;
        b.healthCheckInterval = healthCheckInterval;
        b.failureThreshold = failureThreshold;
        b.secondaryHealthCheck = secondaryHealthCheck;
        b.ttl = ttl;
        b.traffic = traffic;
        return b;
    }

    /** The record name, e.g. {@code api.food.example}. */
    public String name() { return name; }
    public Endpoint primary() { return primary; }
    public Endpoint secondary() { return secondary; }
    /** 10 s (fast) or 30 s (standard). */
    public Duration healthCheckInterval() { return healthCheckInterval; }
    /** Consecutive probes that flip a health check (1-10). */
    public int failureThreshold() { return failureThreshold; }
    /** False when the secondary has no health check (Route 53 then uses it whenever the primary is unhealthy). */
    public boolean secondaryHealthCheck() { return secondaryHealthCheck; }
    public Duration ttl() { return ttl; }
    /** Client traffic through the record, or null for none. */
    public LoadProfile traffic() { return traffic; }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsFailoverSpec s && s.name.equals(name) && s.primary.equals(primary)
                && s.secondary.equals(secondary) && s.healthCheckInterval.equals(healthCheckInterval)
                && s.failureThreshold == failureThreshold && s.secondaryHealthCheck == secondaryHealthCheck
                && s.ttl.equals(ttl) && Objects.equals(s.traffic, traffic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, primary, secondary, healthCheckInterval, failureThreshold, ttl);
    }

    @Override
    public String toString() {
        return "DnsFailover[" + name + ": " + primary + " -> " + secondary + ", checks " + healthCheckInterval + " x "
                + failureThreshold + ", ttl " + ttl + (traffic == null ? "" : ", with traffic") + "]";
    }

    /** Builds a {@link DnsFailoverSpec}; {@link #build()} checks that both endpoints are there. */
    public static final class Builder {
        private final String name;
        private final String where;
        private Endpoint primary;
        private Endpoint secondary;
        private Duration healthCheckInterval = HealthCheck.STANDARD_INTERVAL;
        private int failureThreshold = HealthCheck.DEFAULT_FAILURE_THRESHOLD;
        private boolean secondaryHealthCheck = true;
        private Duration ttl = Duration.ofSeconds(60);
        private LoadProfile traffic;

        private Builder(String name) {
            this.where = "dnsFailover " + name;
            Check.that(name != null && name.length() <= 253
                            && name.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}"),
                    where, "name", name, "must be a lowercase DNS name such as api.food.example");
            this.name = name;
        }

        /** The PRIMARY endpoint: {@code service} of {@code cluster} in {@code region}. */
        public Builder primary(String region, String cluster, String service) {
            this.primary = endpoint("primary", region, cluster, service);
            return this;
        }

        /** The SECONDARY endpoint, answered while the primary's health check is unhealthy. */
        public Builder secondary(String region, String cluster, String service) {
            this.secondary = endpoint("secondary", region, cluster, service);
            return this;
        }

        private Endpoint endpoint(String field, String region, String cluster, String service) {
            Check.that(region != null && region.matches("[a-z]{2}(-[a-z]+)+-\\d"), where, field + ".region", region,
                    "must look like us-east-1");
            Check.notBlank(where, field + ".cluster", cluster);
            Check.notBlank(where, field + ".service", service);
            return Endpoint.of(region, cluster, service);
        }

        /** Route 53 health checks on both endpoints: every {@code interval} (10 or 30 s), flipping after {@code failureThreshold} (1-10) probes. */
        public Builder healthCheck(Duration interval, int failureThreshold) {
            Check.that(HealthCheck.FAST_INTERVAL.equals(interval) || HealthCheck.STANDARD_INTERVAL.equals(interval),
                    where, "healthCheck.interval", interval, "Route 53 probes every 10 or 30 seconds");
            Check.range(where, "healthCheck.failureThreshold", failureThreshold, 1, 10);
            this.healthCheckInterval = interval;
            this.failureThreshold = failureThreshold;
            return this;
        }

        /** No health check on the secondary: Route 53 then answers it whenever the primary is unhealthy. */
        public Builder secondaryWithoutHealthCheck() {
            this.secondaryHealthCheck = false;
            return this;
        }

        /** How long resolvers cache an answer (0 to 2147483647 s; default 60 s). */
        public Builder ttl(Duration value) {
            Check.that(value != null && !value.isNegative() && value.toSeconds() <= Integer.MAX_VALUE
                            && value.toNanosPart() == 0, where, "ttl", value,
                    "must be whole seconds from 0 to 2147483647");
            this.ttl = value;
            return this;
        }

        /** Client traffic through the record, as a load curve in requests per second: {@code traffic(load(200))}. */
        public Builder traffic(LoadCurve curve) {
            this.traffic = new CurveTraffic(Objects.requireNonNull(curve, "curve"));
            return this;
        }

        /** Client traffic through the record, as the engine's {@link LoadProfile}. */
        public Builder traffic(LoadProfile profile) {
            this.traffic = Objects.requireNonNull(profile, "profile");
            return this;
        }

        public DnsFailoverSpec build() {
            Check.that(primary != null, where, "primary", null, "is required: primary(region, cluster, service)");
            Check.that(secondary != null, where, "secondary", null,
                    "is required: secondary(region, cluster, service)");
            Check.that(!primary.equals(secondary), where, "secondary", secondary.toString(),
                    "must differ from the primary");
            return new DnsFailoverSpec(this);
        }
    }
}
