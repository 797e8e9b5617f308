package dev.fakeecs.internal.elbv2;

import dev.fakeecs.journal.JournalEventType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Target groups: CreateTargetGroup (AWS defaults and ranges, idempotent for identical settings),
 * ModifyTargetGroup, DeleteTargetGroup (refused while a listener or rule forwards to it), lookups for
 * DescribeTargetGroups and the target group attributes.
 *
 * <pre>{@code
 * TargetGroupRecord tg = targetGroups.create(CreateTargetGroupRequest.builder().name("web").protocol("HTTP")
 *         .port(80).vpcId("vpc-1").targetType("ip").build());
 * }</pre>
 */
final class TargetGroups {

    /** Target groups per Region (neighbours.md 1.5). */
    static final int MAX_TARGET_GROUPS = 3000;

    private static final Set<String> PROTOCOLS = Set.of("HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE",
            "QUIC", "TCP_QUIC");
    private static final Set<String> TARGET_TYPES = Set.of("instance", "ip", "lambda", "alb");

    private final ElbResources resources;
    private final TargetHealthChecker health;
    private final ElbTags tags;

    TargetGroups(ElbResources resources, TargetHealthChecker health, ElbTags tags) {
        this.resources = resources;
        this.health = health;
        this.tags = tags;
    }

    TargetGroupRecord create(CreateTargetGroupRequest r) {
        checkName(r.name());
        tags.check(r.tags());
        String type = r.targetTypeAsString() == null ? "instance" : r.targetTypeAsString();
        if (!TARGET_TYPES.contains(type)) {
            throw ElbErrors.validation("Target type '" + type + "' is not valid; valid values: instance, ip, lambda, alb");
        }
        String protocol = r.protocolAsString();
        boolean lambda = "lambda".equals(type);
        if (lambda) {
            if (protocol != null || r.port() != null || r.vpcId() != null) {
                throw ElbErrors.validation("Protocol, port and VPC ID cannot be specified for target groups with "
                        + "target type 'lambda'");
            }
        } else {
            if (protocol == null) {
                throw ElbErrors.validation("A protocol must be specified");
            }
            if (!PROTOCOLS.contains(protocol)) {
                throw ElbErrors.validation("Protocol '" + protocol + "' is not valid");
            }
            if (r.port() == null) {
                throw ElbErrors.validation("A port must be specified");
            }
            ElbErrors.range("port", r.port(), 1, 65535);
            if (r.vpcId() == null || r.vpcId().isEmpty()) {
                throw ElbErrors.validation("A VPC ID must be specified");
            }
        }
        boolean network = protocol != null && !protocol.startsWith("HTTP") && !"GENEVE".equals(protocol);
        String version = r.protocolVersion();
        if (version != null && (protocol == null || !protocol.startsWith("HTTP"))) {
            throw ElbErrors.validation("A protocol version can only be specified for HTTP and HTTPS target groups");
        }
        if (version == null && protocol != null && protocol.startsWith("HTTP")) {
            version = "HTTP1";
        }
        if (version != null && !Set.of("HTTP1", "HTTP2", "GRPC").contains(version)) {
            throw ElbErrors.validation("Protocol version '" + version + "' is not valid");
        }
        Map<String, String> attributes = TargetGroupAttributes.defaults(network, type);
        TargetGroupRecord candidate = new TargetGroupRecord(null, r.name(), type, protocol, r.port(), r.vpcId(),
                version, lambda ? null : (r.ipAddressTypeAsString() == null ? "ipv4" : r.ipAddressTypeAsString()),
                resources.region().now(), attributes);
        applyHealthCheck(candidate, r, network, lambda);

        ElbErrors.range("targetControlPort", r.targetControlPort(), 1, 65535);
        if (r.targetControlPort() != null && (protocol == null || !protocol.startsWith("HTTP"))) {
            throw ElbErrors.invalidConfiguration("A target control port can only be specified for HTTP and HTTPS "
                    + "target groups");
        }
        TargetGroupRecord existing = resources.targetGroupByName(r.name());
        if (existing != null) {
            if (sameSettings(existing, candidate)) {
                return existing;
            }
            throw ElbErrors.of("DuplicateTargetGroupName", "A target group with the specified name already exists.");
        }
        if (resources.targetGroups.size() >= MAX_TARGET_GROUPS) {
            throw ElbErrors.of("TooManyTargetGroups", "You've reached the limit on the number of target groups for "
                    + "your AWS account");
        }
        String arn = resources.targetGroupArn(r.name());
        TargetGroupRecord tg = new TargetGroupRecord(arn, r.name(), type, protocol, r.port(), r.vpcId(), version,
                candidate.ipAddressType, candidate.created, attributes);
        copyHealthCheck(candidate, tg);
        tg.targetControlPort = r.targetControlPort();
        resources.targetGroups.put(arn, tg);
        if (r.hasTags()) {
            tags.add(List.of(arn), r.tags());
        }
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "targetGroup", "created",
                "targetType", type, "protocol", protocol, "port", r.port() == null ? null : r.port().toString());
        return tg;
    }

    private void applyHealthCheck(TargetGroupRecord tg, CreateTargetGroupRequest r, boolean network, boolean lambda) {
        String hcProtocol = r.healthCheckProtocolAsString();
        if (hcProtocol == null) {
            hcProtocol = lambda ? null : network ? ("TLS".equals(tg.protocol) || "TCP".equals(tg.protocol)
                    || "UDP".equals(tg.protocol) || "TCP_UDP".equals(tg.protocol) || "QUIC".equals(tg.protocol)
                    || "TCP_QUIC".equals(tg.protocol) ? "TCP" : tg.protocol)
                    : "GENEVE".equals(tg.protocol) ? "TCP" : tg.protocol;
        }
        if (hcProtocol != null && !Set.of("HTTP", "HTTPS", "TCP").contains(hcProtocol)) {
            throw ElbErrors.validation("Health check protocol '" + hcProtocol + "' is not valid");
        }
        if (!network && "TCP".equals(hcProtocol) && !"GENEVE".equals(tg.protocol)) {
            throw ElbErrors.invalidConfiguration("Health check protocol 'TCP' is not supported for target groups "
                    + "with the '" + tg.protocol + "' protocol");
        }
        tg.healthCheckProtocol = hcProtocol;
        tg.healthCheckPort = r.healthCheckPort() == null ? "traffic-port" : r.healthCheckPort();
        checkHealthCheckPort(tg.healthCheckPort);
        boolean enabled = r.healthCheckEnabled() == null ? !lambda : r.healthCheckEnabled();
        if (!enabled && ("instance".equals(tg.targetType) || "ip".equals(tg.targetType))) {
            throw ElbErrors.validation("Health checks cannot be disabled for target groups with target type '"
                    + tg.targetType + "'");
        }
        tg.healthCheckEnabled = enabled;
        boolean http = hcProtocol != null && hcProtocol.startsWith("HTTP");
        tg.healthCheckPath = r.healthCheckPath() != null ? r.healthCheckPath()
                : http || lambda ? ("GRPC".equals(tg.protocolVersion) ? "/AWS.ALB/healthcheck" : "/") : null;
        if (r.healthCheckPath() != null) {
            if (!http && !lambda) {
                throw ElbErrors.validation("A health check path can only be specified for HTTP and HTTPS health checks");
            }
            if (r.healthCheckPath().isEmpty() || r.healthCheckPath().length() > 1024) {
                throw ElbErrors.validation("Health check path must be between 1 and 1024 characters");
            }
        }
        tg.intervalSeconds = r.healthCheckIntervalSeconds() != null ? r.healthCheckIntervalSeconds() : lambda ? 35 : 30;
        tg.timeoutSeconds = r.healthCheckTimeoutSeconds() != null ? r.healthCheckTimeoutSeconds()
                : lambda ? 30 : network ? ("HTTP".equals(hcProtocol) ? 6 : 10) : 5;
        tg.healthyThreshold = r.healthyThresholdCount() != null ? r.healthyThresholdCount() : 5;
        tg.unhealthyThreshold = r.unhealthyThresholdCount() != null ? r.unhealthyThresholdCount() : 2;
        tg.matcher = r.matcher() != null ? r.matcher()
                : lambda ? Matcher.builder().httpCode("200").build()
                : "GRPC".equals(tg.protocolVersion) ? Matcher.builder().grpcCode("12").build()
                : http ? Matcher.builder().httpCode(network ? "200-399" : "200").build() : null;
        checkHealthCheckRanges(tg);
    }

    private static void checkHealthCheckPort(String port) {
        if ("traffic-port".equals(port)) {
            return;
        }
        try {
            int p = Integer.parseInt(port);
            if (p >= 1 && p <= 65535) {
                return;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ElbErrors.validation("Health check port '" + port + "' must be 'traffic-port' or between 1 and 65535");
    }

    private static void checkHealthCheckRanges(TargetGroupRecord tg) {
        ElbErrors.range("healthCheckIntervalSeconds", tg.intervalSeconds, 5, 300);
        ElbErrors.range("healthCheckTimeoutSeconds", tg.timeoutSeconds, 2, 120);
        ElbErrors.range("healthyThresholdCount", tg.healthyThreshold, 2, 10);
        ElbErrors.range("unhealthyThresholdCount", tg.unhealthyThreshold, 2, 10);
        if (tg.timeoutSeconds >= tg.intervalSeconds) {
            throw ElbErrors.validation("Health check interval must be greater than the timeout.");
        }
        Matchers.check(tg.matcher);
    }

    private static void copyHealthCheck(TargetGroupRecord from, TargetGroupRecord to) {
        to.healthCheckProtocol = from.healthCheckProtocol;
        to.healthCheckPort = from.healthCheckPort;
        to.healthCheckEnabled = from.healthCheckEnabled;
        to.healthCheckPath = from.healthCheckPath;
        to.intervalSeconds = from.intervalSeconds;
        to.timeoutSeconds = from.timeoutSeconds;
        to.healthyThreshold = from.healthyThreshold;
        to.unhealthyThreshold = from.unhealthyThreshold;
        to.matcher = from.matcher;
    }

    private static boolean sameSettings(TargetGroupRecord a, TargetGroupRecord b) {
        return a.targetType.equals(b.targetType) && Objects.equals(a.protocol, b.protocol)
                && Objects.equals(a.port, b.port) && Objects.equals(a.vpcId, b.vpcId)
                && Objects.equals(a.protocolVersion, b.protocolVersion)
                && Objects.equals(a.healthCheckProtocol, b.healthCheckProtocol)
                && Objects.equals(a.healthCheckPort, b.healthCheckPort) && a.healthCheckEnabled == b.healthCheckEnabled
                && Objects.equals(a.healthCheckPath, b.healthCheckPath) && a.intervalSeconds == b.intervalSeconds
                && a.timeoutSeconds == b.timeoutSeconds && a.healthyThreshold == b.healthyThreshold
                && a.unhealthyThreshold == b.unhealthyThreshold && Objects.equals(a.matcher, b.matcher);
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw ElbErrors.validation("A target group name must be specified");
        }
        if (name.length() > 32) {
            throw ElbErrors.validation("Target group name '" + name + "' cannot be longer than '32' characters");
        }
        if (!name.matches("[a-zA-Z0-9-]+")) {
            throw ElbErrors.validation("Target group name '" + name + "' can only contain characters that are "
                    + "alphanumeric characters or hyphens(-)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw ElbErrors.validation("Target group name '" + name + "' cannot begin or end with '-'");
        }
    }

    TargetGroupRecord modify(ModifyTargetGroupRequest r) {
        TargetGroupRecord tg = resources.targetGroup(r.targetGroupArn());
        TargetGroupRecord trial = new TargetGroupRecord(tg.arn, tg.name, tg.targetType, tg.protocol, tg.port,
                tg.vpcId, tg.protocolVersion, tg.ipAddressType, tg.created, tg.attributes);
        copyHealthCheck(tg, trial);
        if (r.healthCheckProtocolAsString() != null) {
            trial.healthCheckProtocol = r.healthCheckProtocolAsString();
        }
        if (r.healthCheckPort() != null) {
            checkHealthCheckPort(r.healthCheckPort());
            trial.healthCheckPort = r.healthCheckPort();
        }
        if (r.healthCheckPath() != null) {
            trial.healthCheckPath = r.healthCheckPath();
        }
        if (r.healthCheckEnabled() != null) {
            if (!r.healthCheckEnabled() && ("instance".equals(tg.targetType) || "ip".equals(tg.targetType))) {
                throw ElbErrors.validation("Health checks cannot be disabled for target groups with target type '"
                        + tg.targetType + "'");
            }
            trial.healthCheckEnabled = r.healthCheckEnabled();
        }
        if (r.healthCheckIntervalSeconds() != null) {
            trial.intervalSeconds = r.healthCheckIntervalSeconds();
        }
        if (r.healthCheckTimeoutSeconds() != null) {
            trial.timeoutSeconds = r.healthCheckTimeoutSeconds();
        }
        if (r.healthyThresholdCount() != null) {
            trial.healthyThreshold = r.healthyThresholdCount();
        }
        if (r.unhealthyThresholdCount() != null) {
            trial.unhealthyThreshold = r.unhealthyThresholdCount();
        }
        if (r.matcher() != null) {
            trial.matcher = r.matcher();
        }
        checkHealthCheckRanges(trial);
        boolean wasEnabled = tg.healthCheckEnabled;
        copyHealthCheck(trial, tg);
        health.settingsChanged(tg, wasEnabled);
        resources.region().record(JournalEventType.LOAD_BALANCER, tg.arn, "targetGroup", "modified");
        return tg;
    }

    void delete(String arn) {
        TargetGroupRecord tg = arn == null ? null : resources.targetGroups.get(arn);
        if (tg == null) {
            return;
        }
        if (!resources.loadBalancersUsing(arn).isEmpty()) {
            throw ElbErrors.of("ResourceInUse", "The target group '" + arn
                    + "' is currently in use by a listener or a rule");
        }
        resources.targetGroups.remove(arn);
        health.removeAll(tg);
        tags.forget(arn);
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, "targetGroup", "deleted");
    }

    /** DescribeTargetGroups' selection (one of load balancer, ARNs, names; all when none). */
    List<TargetGroupRecord> select(String loadBalancerArn, List<String> arns, List<String> names) {
        int filters = (loadBalancerArn != null ? 1 : 0) + (!arns.isEmpty() ? 1 : 0) + (!names.isEmpty() ? 1 : 0);
        if (filters > 1) {
            throw ElbErrors.validation("Only one of load balancer ARN, target group ARNs or names can be specified");
        }
        List<TargetGroupRecord> out = new ArrayList<>();
        if (loadBalancerArn != null) {
            resources.loadBalancer(loadBalancerArn);
            for (TargetGroupRecord tg : resources.targetGroups.values()) {
                if (resources.loadBalancersUsing(tg.arn).contains(loadBalancerArn)) {
                    out.add(tg);
                }
            }
        } else if (!arns.isEmpty()) {
            for (String arn : arns) {
                out.add(resources.targetGroup(arn));
            }
        } else if (!names.isEmpty()) {
            for (String name : names) {
                TargetGroupRecord tg = resources.targetGroupByName(name);
                if (tg == null) {
                    throw ElbErrors.targetGroupNotFound();
                }
                out.add(tg);
            }
        } else {
            out.addAll(resources.targetGroups.values());
        }
        return out;
    }

    List<TargetGroupAttribute> attributes(String arn) {
        return render(resources.targetGroup(arn).attributes);
    }

    List<TargetGroupAttribute> modifyAttributes(String arn, List<TargetGroupAttribute> changes) {
        TargetGroupRecord tg = resources.targetGroup(arn);
        Map<String, String> after = new LinkedHashMap<>(tg.attributes);
        for (TargetGroupAttribute a : changes) {
            TargetGroupAttributes.check(a.key(), a.value(), tg.attributes);
            after.put(a.key(), a.value() == null ? "" : a.value());
        }
        TargetGroupAttributes.checkTogether(after);
        tg.attributes.putAll(after);
        List<String> kv = new ArrayList<>();
        for (TargetGroupAttribute a : changes) {
            kv.add(a.key());
            kv.add(a.value());
        }
        resources.region().record(JournalEventType.LOAD_BALANCER, arn, kv.toArray(String[]::new));
        return render(tg.attributes);
    }

    private static List<TargetGroupAttribute> render(Map<String, String> attributes) {
        List<TargetGroupAttribute> out = new ArrayList<>();
        attributes.forEach((k, v) -> out.add(TargetGroupAttribute.builder().key(k).value(v).build()));
        return out;
    }
}
