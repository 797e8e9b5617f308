package dev.fakeecs.dsl.loadbalancing;

/**
 * One target group of a listener's forward action, by name (or ARN), with its weight (0-999).
 *
 * <pre>{@code
 * ListenerSpec.builder("web-alb", 80, "HTTP").forward("blue-tg", 90).forward("green-tg", 10).build();
 * }</pre>
 *
 * @param targetGroup the target group's declared name (or an ARN)
 * @param weight      its share of the listener's traffic
 */
public record WeightedTargetGroup(String targetGroup, int weight) {
}
