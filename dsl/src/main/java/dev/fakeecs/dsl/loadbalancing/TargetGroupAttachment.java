package dev.fakeecs.dsl.loadbalancing;

import dev.fakeecs.dsl.internal.Check;

/**
 * A service behind a load balancer: its tasks' container {@code containerName} on {@code containerPort} register
 * in target group {@code targetGroup} (a declared name; an ARN is accepted too). What CreateService's
 * {@code loadBalancers} entry says, by name; with {@code advanced} also its {@code advancedConfiguration}
 * (alternate target group and listener rules of BLUE_GREEN, LINEAR and CANARY deployments).
 *
 * <pre>{@code
 * Ecs.service("web").taskDefinition(WEB).desiredCount(2).behindLoadBalancer("web-tg", "app", 8080);
 * }</pre>
 *
 * @param targetGroup   the target group's declared name (or ARN)
 * @param containerName the container that serves the traffic
 * @param containerPort the container port it listens on
 * @param advanced      the advanced configuration, or null
 */
public record TargetGroupAttachment(String targetGroup, String containerName, int containerPort,
                                    AdvancedLoadBalancing advanced) {

    /** Requires a target group, a container name and a container port between 1 and 65535. */
    public TargetGroupAttachment {
        String field = "loadBalancers";
        Check.notBlank("service", field + ".targetGroup", targetGroup);
        Check.notBlank("target group " + targetGroup, field + ".containerName", containerName);
        Check.range("target group " + targetGroup, field + ".containerPort", containerPort, 1, 65535);
        if (advanced != null) {
            Check.that(!ElbArns.name(advanced.alternateTargetGroup()).equals(ElbArns.name(targetGroup)),
                    "target group " + targetGroup, field + ".advancedConfiguration.alternateTargetGroup",
                    advanced.alternateTargetGroup(), "must differ from the target group");
        }
    }

    /** An attachment without advanced configuration. */
    public TargetGroupAttachment(String targetGroup, String containerName, int containerPort) {
        this(targetGroup, containerName, containerPort, null);
    }

    /** The target group's name (the name inside an ARN). */
    public String targetGroupName() {
        return ElbArns.name(targetGroup);
    }
}
