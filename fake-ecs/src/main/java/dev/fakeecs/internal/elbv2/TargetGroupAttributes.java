package dev.fakeecs.internal.elbv2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Target group attributes: every key's AWS default (by load balancer family and target type) and the checks
 * {@code ModifyTargetGroupAttributes} applies. Values are stored as the strings AWS returns.
 *
 * <pre>{@code
 * Map<String, String> attrs = TargetGroupAttributes.defaults(false, "ip");
 * TargetGroupAttributes.check("deregistration_delay.timeout_seconds", "30", attrs);
 * }</pre>
 */
final class TargetGroupAttributes {

    static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";
    static final String SLOW_START = "slow_start.duration_seconds";
    static final String ALGORITHM = "load_balancing.algorithm.type";

    private static final Set<String> BOOLEANS = Set.of("stickiness.enabled", "lambda.multi_value_headers.enabled",
            "deregistration_delay.connection_termination.enabled", "preserve_client_ip.enabled",
            "proxy_protocol_v2.enabled", "target_health_state.unhealthy.connection_termination.enabled");

    private TargetGroupAttributes() {
    }

    /** The attributes of a new target group, in the order DescribeTargetGroupAttributes lists them. */
    static Map<String, String> defaults(boolean network, String targetType) {
        Map<String, String> a = new LinkedHashMap<>();
        if ("lambda".equals(targetType)) {
            a.put("lambda.multi_value_headers.enabled", "false");
            return a;
        }
        a.put("stickiness.enabled", "false");
        a.put(DEREGISTRATION_DELAY, "300");
        if (network) {
            a.put("stickiness.type", "source_ip");
            a.put("deregistration_delay.connection_termination.enabled", "false");
            a.put("preserve_client_ip.enabled", "ip".equals(targetType) ? "false" : "true");
            a.put("proxy_protocol_v2.enabled", "false");
            a.put("target_health_state.unhealthy.connection_termination.enabled", "true");
            a.put("target_health_state.unhealthy.draining_interval_seconds", "0");
            a.put("load_balancing.cross_zone.enabled", "use_load_balancer_configuration");
        } else {
            a.put("stickiness.type", "lb_cookie");
            a.put("stickiness.lb_cookie.duration_seconds", "86400");
            a.put("stickiness.app_cookie.cookie_name", "");
            a.put("stickiness.app_cookie.duration_seconds", "86400");
            a.put(ALGORITHM, "round_robin");
            a.put("load_balancing.algorithm.anomaly_mitigation", "off");
            a.put(SLOW_START, "0");
            a.put("load_balancing.cross_zone.enabled", "use_load_balancer_configuration");
        }
        a.put("target_group_health.dns_failover.minimum_healthy_targets.count", "1");
        a.put("target_group_health.dns_failover.minimum_healthy_targets.percentage", "off");
        a.put("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1");
        a.put("target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off");
        return a;
    }

    /** Checks one new value against the key's rule ({@code current}: the attributes before the change). */
    static void check(String key, String value, Map<String, String> current) {
        AttributeValues.known(key, current);
        String v = value == null ? "" : value;
        if (BOOLEANS.contains(key)) {
            AttributeValues.oneOf(key, v, List.of("true", "false"));
            return;
        }
        switch (key) {
            case DEREGISTRATION_DELAY -> AttributeValues.between(key, v, 0, 3600);
            case "stickiness.lb_cookie.duration_seconds", "stickiness.app_cookie.duration_seconds" ->
                    AttributeValues.between(key, v, 1, 604800);
            case SLOW_START -> {
                if (!"0".equals(v)) {
                    AttributeValues.between(key, v, 30, 900);
                }
            }
            case "stickiness.type" -> AttributeValues.oneOf(key, v, current.containsKey("proxy_protocol_v2.enabled")
                    ? List.of("source_ip") : List.of("lb_cookie", "app_cookie"));
            case ALGORITHM -> AttributeValues.oneOf(key, v, List.of("round_robin", "least_outstanding_requests", "weighted_random"));
            case "load_balancing.algorithm.anomaly_mitigation" -> AttributeValues.oneOf(key, v, List.of("on", "off"));
            case "load_balancing.cross_zone.enabled" ->
                    AttributeValues.oneOf(key, v, List.of("true", "false", "use_load_balancer_configuration"));
            case "target_health_state.unhealthy.draining_interval_seconds" -> AttributeValues.between(key, v, 0, 360000);
            case "target_group_health.dns_failover.minimum_healthy_targets.count",
                 "target_group_health.unhealthy_state_routing.minimum_healthy_targets.count" -> {
                if (!"off".equals(v)) {
                    AttributeValues.between(key, v, 1, Integer.MAX_VALUE);
                }
            }
            case "target_group_health.dns_failover.minimum_healthy_targets.percentage",
                 "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage" -> {
                if (!"off".equals(v)) {
                    AttributeValues.between(key, v, 1, 100);
                }
            }
            default -> {
                // free text (stickiness.app_cookie.cookie_name)
            }
        }
    }

    /** Cross-key rules checked on the attributes as they would be after the change. */
    static void checkTogether(Map<String, String> after) {
        if (!"0".equals(after.getOrDefault(SLOW_START, "0"))
                && "least_outstanding_requests".equals(after.get(ALGORITHM))) {
            throw ElbErrors.invalidConfiguration(
                    "Slow start mode is not supported with the least outstanding requests algorithm");
        }
    }
}
