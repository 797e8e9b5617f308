package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.clock.QueuedEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;

/**
 * One target group: its settings, attributes, registered targets and the timeline of their pending health
 * check work (one queued clock event per target group, at the earliest pending instant).
 *
 * <pre>{@code
 * TargetGroupRecord tg = resources.targetGroup(arn);
 * RegisteredTarget t = tg.targets.get(new Target("10.0.1.7", 8080));
 * }</pre>
 */
final class TargetGroupRecord {

    final String arn;
    final String name;
    final String targetType;
    final String protocol;
    final Integer port;
    final String vpcId;
    final String protocolVersion;
    final String ipAddressType;
    final Instant created;
    String healthCheckProtocol;
    String healthCheckPort;
    boolean healthCheckEnabled;
    String healthCheckPath;
    int intervalSeconds;
    int timeoutSeconds;
    int healthyThreshold;
    int unhealthyThreshold;
    Matcher matcher;
    /** The port the target control agent listens on (stored and returned; null when not given). */
    Integer targetControlPort;
    final Map<String, String> attributes;
    final Map<dev.fakeecs.internal.targets.Target, RegisteredTarget> targets = new LinkedHashMap<>();
    /** instant → work due then (probes, verdicts, drain ends), in order of scheduling. */
    final TreeMap<Instant, java.util.List<HealthWork>> timeline = new TreeMap<>();
    QueuedEvent nextWork;
    /** A fault that makes every health check of the group fail until this instant (null: none). */
    Instant failingUntil;
    boolean failingForever;

    TargetGroupRecord(String arn, String name, String targetType, String protocol, Integer port, String vpcId,
                      String protocolVersion, String ipAddressType, Instant created, Map<String, String> attributes) {
        this.arn = arn;
        this.name = name;
        this.targetType = targetType;
        this.protocol = protocol;
        this.port = port;
        this.vpcId = vpcId;
        this.protocolVersion = protocolVersion;
        this.ipAddressType = ipAddressType;
        this.created = created;
        this.attributes = attributes;
    }

    /** Network load balancer target groups (TCP, UDP, TLS, TCP_UDP). */
    boolean isNetwork() {
        return protocol != null && !protocol.startsWith("HTTP") && !"GENEVE".equals(protocol);
    }

    int deregistrationDelay() {
        return Integer.parseInt(attributes.getOrDefault(TargetGroupAttributes.DEREGISTRATION_DELAY, "300"));
    }

    int slowStart() {
        return Integer.parseInt(attributes.getOrDefault(TargetGroupAttributes.SLOW_START, "0"));
    }

    /** The ARN tail CloudWatch uses as the TargetGroup dimension ({@code targetgroup/{name}/{id}}). */
    String dimension() {
        return arn.substring(arn.lastIndexOf(":") + 1);
    }

    /** One pending piece of health check work. */
    record HealthWork(RegisteredTarget target, Kind kind, long generation) {
    }

    enum Kind { PROBE, TIMEOUT_VERDICT, DRAIN_END }
}
