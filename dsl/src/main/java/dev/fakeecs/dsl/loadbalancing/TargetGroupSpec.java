package dev.fakeecs.dsl.loadbalancing;

import dev.fakeecs.dsl.internal.Check;
import dev.fakeecs.dsl.internal.Lists;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A target group, read like {@code aws elbv2 create-target-group}: protocol and port, target type, health
 * check settings and matcher, plus the attributes ModifyTargetGroupAttributes sets afterwards (deregistration
 * delay, slow start, any other key). Immutable; wraps the SDK's {@link CreateTargetGroupRequest} so JSON import
 * keeps every member. The VPC defaults to {@value #DEFAULT_VPC} (the fake has no VPC model).
 *
 * <pre>{@code
 * TargetGroupSpec web = TargetGroupSpec.builder("web-tg").http(8080).ip()
 *     .healthCheckPath("/health").healthCheckInterval(Duration.ofSeconds(10)).healthCheckTimeout(Duration.ofSeconds(5))
 *     .healthyThreshold(2).unhealthyThreshold(2).matcher("200-299")
 *     .deregistrationDelay(Duration.ofSeconds(30)).slowStart(Duration.ofSeconds(60))
 *     .build();
 * }</pre>
 */
public final class TargetGroupSpec {

    /** The VPC id a target group gets when it declares none. */
    public static final String DEFAULT_VPC = "vpc-fake-ecs";
    /** Attribute key of the deregistration delay (seconds, 0-3600, default 300). */
    public static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";
    /** Attribute key of the slow start duration (seconds, 0 or 30-900). */
    public static final String SLOW_START = "slow_start.duration_seconds";

    private static final Set<String> PROTOCOLS = Set.of("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE");
    private static final Set<String> TARGET_TYPES = Set.of("instance", "ip", "lambda", "alb");

    private final CreateTargetGroupRequest base;
    private final String region;
    private final Map<String, String> attributes;

    private TargetGroupSpec(Builder b) {
        this.base = b.r;
        this.region = b.region;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    }

    public static Builder builder(String name) {
        return new Builder(CreateTargetGroupRequest.builder().name(name).build());
    }

    /** Wraps an SDK request (as imported from JSON) and attributes, validating them. */
    public static TargetGroupSpec from(CreateTargetGroupRequest request, Map<String, String> attributes) {
        Builder b = new Builder(request);
        b.attributes.putAll(attributes);
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(base);
        b.region = region;
        b.attributes.putAll(attributes);
        return b;
    }

    public String name() { return base.name(); }
    /** The region, or null for the world's default region. */
    public String region() { return region; }
    public String protocol() { return base.protocolAsString(); }
    public Integer port() { return base.port(); }
    /** The target type ({@code instance} when none is declared, as in AWS). */
    public String targetType() { return base.targetType() == null ? "instance" : base.targetTypeAsString(); }
    /** Attributes set after creation (ModifyTargetGroupAttributes), in declaration order. */
    public Map<String, String> attributes() { return attributes; }

    /** The deregistration delay, or null when the AWS default (300 s) applies. */
    public Duration deregistrationDelay() {
        String v = attributes.get(DEREGISTRATION_DELAY);
        return v == null ? null : Duration.ofSeconds(Long.parseLong(v));
    }

    /** The CreateTargetGroup request (VPC filled in with {@value #DEFAULT_VPC} where a VPC is needed). */
    public CreateTargetGroupRequest toRequest() {
        if (base.vpcId() == null && !"lambda".equals(targetType())) {
            return base.toBuilder().vpcId(DEFAULT_VPC).build();
        }
        return base;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetGroupSpec t && t.base.equals(base) && Objects.equals(t.region, region)
                && t.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, region, attributes);
    }

    @Override
    public String toString() {
        return "TargetGroup[" + name() + ", " + protocol() + ":" + port() + ", " + targetType() + "]";
    }

    /** Builds a {@link TargetGroupSpec}; {@link #build()} validates. */
    public static final class Builder {
        private CreateTargetGroupRequest r;
        private String region;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(CreateTargetGroupRequest request) {
            this.r = request;
        }

        private Builder edit(Consumer<CreateTargetGroupRequest.Builder> change) {
            CreateTargetGroupRequest.Builder b = r.toBuilder();
            change.accept(b);
            r = b.build();
            return this;
        }

        /** The region (default: the world's default region). */
        public Builder region(String value) { this.region = value; return this; }
        public Builder protocol(String value) { return edit(b -> b.protocol(value)); }
        public Builder port(int value) { return edit(b -> b.port(value)); }
        /** Protocol HTTP on {@code port}. */
        public Builder http(int port) { return protocol("HTTP").port(port); }
        /** Protocol HTTPS on {@code port}. */
        public Builder https(int port) { return protocol("HTTPS").port(port); }
        /** Protocol TCP on {@code port} (for a network load balancer). */
        public Builder tcp(int port) { return protocol("TCP").port(port); }
        /** {@code instance}, {@code ip}, {@code lambda} or {@code alb}. */
        public Builder targetType(String value) { return edit(b -> b.targetType(value)); }
        /** Target type {@code ip}: what awsvpc (Fargate) tasks register as. */
        public Builder ip() { return targetType("ip"); }
        /** Target type {@code instance}: what bridge and host network tasks register as. */
        public Builder instance() { return targetType("instance"); }
        public Builder vpcId(String value) { return edit(b -> b.vpcId(value)); }
        public Builder healthCheckProtocol(String value) { return edit(b -> b.healthCheckProtocol(value)); }
        /** {@code traffic-port} (default) or a port number. */
        public Builder healthCheckPort(String value) { return edit(b -> b.healthCheckPort(value)); }
        public Builder healthCheckPath(String value) { return edit(b -> b.healthCheckPath(value)); }
        public Builder healthCheckEnabled(boolean value) { return edit(b -> b.healthCheckEnabled(value)); }
        /** Seconds between probes (5-300, default 30). */
        public Builder healthCheckInterval(Duration value) {
            return edit(b -> b.healthCheckIntervalSeconds(Math.toIntExact(value.toSeconds())));
        }
        /** Seconds a probe waits for an answer (2-120, default 5; less than the interval). */
        public Builder healthCheckTimeout(Duration value) {
            return edit(b -> b.healthCheckTimeoutSeconds(Math.toIntExact(value.toSeconds())));
        }
        /** Consecutive passes that bring an unhealthy target back (2-10, default 5). */
        public Builder healthyThreshold(int count) { return edit(b -> b.healthyThresholdCount(count)); }
        /** Consecutive failures that make a target unhealthy (2-10, default 2). */
        public Builder unhealthyThreshold(int count) { return edit(b -> b.unhealthyThresholdCount(count)); }
        /** The HTTP codes a healthy target answers: {@code 200}, {@code 200,202} or {@code 200-299}. */
        public Builder matcher(String httpCodes) { return edit(b -> b.matcher(Matcher.builder().httpCode(httpCodes).build())); }
        /** How long a deregistered target drains before it is gone (0-3600 s; AWS default 300 s). */
        public Builder deregistrationDelay(Duration delay) {
            return attribute(DEREGISTRATION_DELAY, String.valueOf(delay.toSeconds()));
        }
        /** How long a new target ramps up its share of traffic (30-900 s; zero turns slow start off). */
        public Builder slowStart(Duration duration) {
            return attribute(SLOW_START, String.valueOf(duration.toSeconds()));
        }
        /** Any target group attribute, as ModifyTargetGroupAttributes takes it. */
        public Builder attribute(String key, String value) {
            Check.notBlank("targetGroup " + r.name(), "attribute key", key);
            attributes.put(key, Objects.requireNonNull(value, "value"));
            return this;
        }
        public Builder tag(String key, String value) {
            return edit(b -> b.tags(Lists.plus(r.tags(), Tag.builder().key(key).value(value).build())));
        }
        /** Anything else the SDK's CreateTargetGroupRequest has. */
        public Builder sdk(Consumer<CreateTargetGroupRequest.Builder> change) { return edit(change); }

        public TargetGroupSpec build() {
            String name = r.name();
            Check.notBlank("targetGroup", "name", name);
            String spec = "targetGroup " + name;
            Check.that(name.length() <= 32, spec, "name", name, "must be at most 32 characters");
            Check.that(name.matches("[A-Za-z0-9-]+") && !name.startsWith("-") && !name.endsWith("-"), spec, "name",
                    name, "must be letters, digits and hyphens, and must not begin or end with a hyphen");
            String type = r.targetType() == null ? "instance" : r.targetTypeAsString();
            Check.that(TARGET_TYPES.contains(type), spec, "targetType", type,
                    "must be one of instance, ip, lambda, alb");
            if (!"lambda".equals(type)) {
                Check.notBlank(spec, "protocol", r.protocolAsString());
                Check.that(PROTOCOLS.contains(r.protocolAsString()), spec, "protocol", r.protocolAsString(),
                        "must be one of HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE");
                Check.that(r.port() != null, spec, "port", r.port(), "is required for target type " + type);
                Check.range(spec, "port", r.port(), 1, 65535);
            }
            boolean http = "HTTP".equals(r.protocolAsString()) || "HTTPS".equals(r.protocolAsString());
            Integer interval = r.healthCheckIntervalSeconds();
            Integer timeout = r.healthCheckTimeoutSeconds();
            if (interval != null) {
                Check.range(spec, "healthCheckIntervalSeconds", interval, 5, 300);
            }
            if (timeout != null) {
                Check.range(spec, "healthCheckTimeoutSeconds", timeout, 2, 120);
                int effectiveInterval = interval != null ? interval : 30;
                Check.that(timeout < effectiveInterval, spec, "healthCheckTimeoutSeconds", timeout,
                        "must be less than the health check interval (" + effectiveInterval + " s)");
            }
            if (r.healthyThresholdCount() != null) {
                Check.range(spec, "healthyThresholdCount", r.healthyThresholdCount(), 2, 10);
            }
            if (r.unhealthyThresholdCount() != null) {
                Check.range(spec, "unhealthyThresholdCount", r.unhealthyThresholdCount(), 2, 10);
            }
            if (Boolean.FALSE.equals(r.healthCheckEnabled())) {
                Check.that("lambda".equals(type) || "alb".equals(type), spec, "healthCheckEnabled", false,
                        "health checks cannot be disabled for target type " + type);
            }
            if (r.healthCheckPath() != null) {
                Check.that(r.healthCheckPath().startsWith("/") && r.healthCheckPath().length() <= 1024, spec,
                        "healthCheckPath", r.healthCheckPath(), "must start with / and be at most 1024 characters");
            }
            if (r.matcher() != null && r.matcher().httpCode() != null) {
                Check.that(http, spec, "matcher", r.matcher().httpCode(),
                        "HTTP codes can be matched only by HTTP or HTTPS target groups");
                for (String part : r.matcher().httpCode().split("[,-]")) {
                    Check.that(part.matches("\\d{3}") && Integer.parseInt(part) >= 200 && Integer.parseInt(part) <= 499,
                            spec, "matcher", r.matcher().httpCode(),
                            "must be codes between 200 and 499, like 200, 200,202 or 200-299");
                }
            }
            String delay = attributes.get(DEREGISTRATION_DELAY);
            if (delay != null) {
                Check.that(delay.matches("\\d{1,4}") && Integer.parseInt(delay) <= 3600, spec,
                        "deregistrationDelay", delay + " s", "must be between 0 and 3600 seconds");
            }
            String slow = attributes.get(SLOW_START);
            if (slow != null) {
                Check.that(slow.matches("\\d{1,3}") && (Integer.parseInt(slow) == 0
                                || Integer.parseInt(slow) >= 30 && Integer.parseInt(slow) <= 900), spec,
                        "slowStart", slow + " s", "must be 0 (off) or between 30 and 900 seconds");
            }
            return new TargetGroupSpec(this);
        }
    }

}
