package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.targets.Target;
import dev.fakeecs.internal.targets.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * RegisterTargets, DeregisterTargets and DescribeTargetHealth: checks targets as AWS does (instance targets
 * must be running instances of the region, ip targets private IPv4 addresses, at most {@link #MAX_TARGETS} per
 * group) and hands them to the {@link TargetHealthChecker}.
 *
 * <pre>{@code
 * targets.register(tgArn, List.of(TargetDescription.builder().id("10.0.1.7").port(8080).build()));
 * List<TargetHealthDescription> h = targets.describe(tgArn, List.of());
 * }</pre>
 */
final class Targets {

    /** Targets per target group (neighbours.md 1.5). */
    static final int MAX_TARGETS = 1000;

    private final ElbResources resources;
    private final TargetHealthChecker health;

    Targets(ElbResources resources, TargetHealthChecker health) {
        this.resources = resources;
        this.health = health;
    }

    void register(String arn, List<TargetDescription> descriptions) {
        TargetGroupRecord tg = resources.targetGroup(arn);
        if (descriptions == null || descriptions.isEmpty()) {
            throw ElbErrors.validation("At least one target must be specified");
        }
        List<Target> targets = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        List<String> notRunning = new ArrayList<>();
        boolean quic = "QUIC".equals(tg.protocol) || "TCP_QUIC".equals(tg.protocol);
        for (TargetDescription d : descriptions) {
            Target target = target(tg, d);
            String zone = d.availabilityZone();
            if (quic && d.quicServerId() == null) {
                throw ElbErrors.validation("A QUIC server ID must be specified for targets of " + tg.protocol
                        + " target groups");
            }
            if (!quic && d.quicServerId() != null) {
                throw ElbErrors.validation("A QUIC server ID can only be specified for targets of QUIC and TCP_QUIC "
                        + "target groups");
            }
            if (d.quicServerId() != null && !d.quicServerId().matches("0x[0-9a-fA-F]{16}")) {
                throw ElbErrors.validation("QUIC server ID '" + d.quicServerId() + "' must be 0x followed by 16 "
                        + "hexadecimal characters");
            }
            if ("instance".equals(tg.targetType)) {
                String running = d.id().startsWith("i-") ? health.applications().instanceZone(d.id()) : null;
                if (running == null) {
                    notRunning.add(d.id());
                }
                zone = running;
            } else if ("ip".equals(tg.targetType)) {
                checkIp(d.id(), d.availabilityZone());
            } else if ("alb".equals(tg.targetType) && !resources.loadBalancers.containsKey(d.id())) {
                throw ElbErrors.of("InvalidTarget", "The following targets are not valid: '" + d.id() + "'");
            }
            targets.add(target);
            zones.add(zone);
        }
        if (!notRunning.isEmpty()) {
            throw ElbErrors.of("InvalidTarget", "The following targets are not in a running state and cannot be "
                    + "registered: '" + String.join(", ", notRunning) + "'");
        }
        long added = targets.stream().distinct().filter(t -> !tg.targets.containsKey(t)).count();
        if (tg.targets.size() + added > MAX_TARGETS) {
            throw ElbErrors.of("TooManyTargets", "You've reached the limit on the number of targets registered to "
                    + "the target group");
        }
        for (int i = 0; i < targets.size(); i++) {
            health.register(tg, targets.get(i), zones.get(i));
            String serverId = descriptions.get(i).quicServerId();
            RegisteredTarget registered = tg.targets.get(targets.get(i));
            if (serverId != null && registered != null) {
                registered.quicServerId = serverId;
            }
        }
    }

    void deregister(String arn, List<TargetDescription> descriptions) {
        TargetGroupRecord tg = resources.targetGroup(arn);
        if (descriptions == null || descriptions.isEmpty()) {
            throw ElbErrors.validation("At least one target must be specified");
        }
        for (TargetDescription d : descriptions) {
            health.deregister(tg, target(tg, d));
        }
    }

    List<TargetHealthDescription> describe(String arn, List<TargetDescription> filter) {
        TargetGroupRecord tg = resources.targetGroup(arn);
        List<TargetHealthDescription> out = new ArrayList<>();
        if (filter == null || filter.isEmpty()) {
            for (RegisteredTarget t : tg.targets.values()) {
                out.add(render(tg, t.target, t, health.reported(tg, t)));
            }
            return out;
        }
        for (TargetDescription d : filter) {
            Target target = target(tg, d);
            RegisteredTarget t = tg.targets.get(target);
            if (t == null && "instance".equals(tg.targetType)
                    && (!d.id().startsWith("i-") || health.applications().instanceZone(d.id()) == null)) {
                throw ElbErrors.of("InvalidTarget", "The following targets are invalid: '" + d.id() + "'");
            }
            out.add(render(tg, target, t, t == null ? TargetHealth.NOT_REGISTERED : health.reported(tg, t)));
        }
        return out;
    }

    private static Target target(TargetGroupRecord tg, TargetDescription d) {
        if (d.id() == null || d.id().isEmpty()) {
            throw ElbErrors.validation("A target ID must be specified");
        }
        Integer port = d.port() != null ? d.port() : tg.port;
        if (port == null) {
            if ("lambda".equals(tg.targetType)) {
                return new Target(d.id(), 0);
            }
            throw ElbErrors.validation("A port must be specified for target '" + d.id() + "'");
        }
        ElbErrors.range("port", port, 1, 65535);
        return new Target(d.id(), port);
    }

    private static void checkIp(String id, String zone) {
        String[] parts = id.split("\\.");
        int[] octets = new int[4];
        boolean valid = parts.length == 4;
        for (int i = 0; valid && i < 4; i++) {
            try {
                octets[i] = Integer.parseInt(parts[i]);
                valid = octets[i] >= 0 && octets[i] <= 255;
            } catch (NumberFormatException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw ElbErrors.of("InvalidTarget", "The IP address '" + id + "' is not a valid IPv4 address");
        }
        boolean isPrivate = octets[0] == 10 || octets[0] == 172 && octets[1] >= 16 && octets[1] <= 31
                || octets[0] == 192 && octets[1] == 168 || octets[0] == 100 && octets[1] >= 64 && octets[1] <= 127;
        if (!isPrivate && !"all".equals(zone)) {
            throw ElbErrors.of("InvalidTarget", "The IP address '" + id + "' is not within a private range; "
                    + "register it with Availability Zone 'all'");
        }
    }

    private TargetHealthDescription render(TargetGroupRecord tg, Target target, RegisteredTarget t, TargetHealth h) {
        TargetDescription.Builder d = TargetDescription.builder().id(target.id());
        if (!"lambda".equals(tg.targetType)) {
            d.port(target.port());
        }
        if (t != null && t.zone != null && !"instance".equals(tg.targetType)) {
            d.availabilityZone(t.zone);
        }
        if (t != null && t.quicServerId != null) {
            d.quicServerId(t.quicServerId);
        }
        String hcPort = "traffic-port".equals(tg.healthCheckPort) ? String.valueOf(target.port()) : tg.healthCheckPort;
        return TargetHealthDescription.builder()
                .target(d.build())
                .healthCheckPort("lambda".equals(tg.targetType) ? null : hcPort)
                .targetHealth(software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth.builder()
                        .state(h.state()).reason(h.reason()).description(h.description()).build())
                .build();
    }
}
