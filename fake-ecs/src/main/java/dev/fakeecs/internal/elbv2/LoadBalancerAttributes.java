package dev.fakeecs.internal.elbv2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Load balancer attributes: the AWS defaults for application and network load balancers and the checks
 * {@code ModifyLoadBalancerAttributes} applies. Only {@code deletion_protection.enabled} changes behaviour
 * (DeleteLoadBalancer refuses); the rest is stored and returned.
 *
 * <pre>{@code
 * Map<String, String> attrs = LoadBalancerAttributes.defaults("application");
 * LoadBalancerAttributes.check("idle_timeout.timeout_seconds", "120", attrs);
 * }</pre>
 */
final class LoadBalancerAttributes {

    static final String DELETION_PROTECTION = "deletion_protection.enabled";

    private LoadBalancerAttributes() {
    }

    static Map<String, String> defaults(String type) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("access_logs.s3.enabled", "false");
        a.put("access_logs.s3.bucket", "");
        a.put("access_logs.s3.prefix", "");
        a.put(DELETION_PROTECTION, "false");
        if ("network".equals(type)) {
            a.put("load_balancing.cross_zone.enabled", "false");
            a.put("dns_record.client_routing_policy", "any_availability_zone");
        } else {
            a.put("idle_timeout.timeout_seconds", "60");
            a.put("client_keep_alive.seconds", "3600");
            a.put("connection_logs.s3.enabled", "false");
            a.put("connection_logs.s3.bucket", "");
            a.put("connection_logs.s3.prefix", "");
            a.put("routing.http.desync_mitigation_mode", "defensive");
            a.put("routing.http.drop_invalid_header_fields.enabled", "false");
            a.put("routing.http.preserve_host_header.enabled", "false");
            a.put("routing.http.x_amzn_tls_version_and_cipher_suite.enabled", "false");
            a.put("routing.http.xff_client_port.enabled", "false");
            a.put("routing.http.xff_header_processing.mode", "append");
            a.put("routing.http2.enabled", "true");
            a.put("waf.fail_open.enabled", "false");
        }
        a.put("zonal_shift.config.enabled", "false");
        return a;
    }

    static void check(String key, String value, Map<String, String> current) {
        AttributeValues.known(key, current);
        String v = value == null ? "" : value;
        if (key.endsWith(".enabled")) {
            AttributeValues.oneOf(key, v, List.of("true", "false"));
        } else if (key.equals("idle_timeout.timeout_seconds")) {
            AttributeValues.between(key, v, 1, 4000);
        } else if (key.equals("client_keep_alive.seconds")) {
            AttributeValues.between(key, v, 60, 604800);
        } else if (key.equals("routing.http.desync_mitigation_mode")) {
            AttributeValues.oneOf(key, v, List.of("monitor", "defensive", "strictest"));
        } else if (key.equals("routing.http.xff_header_processing.mode")) {
            AttributeValues.oneOf(key, v, List.of("append", "preserve", "remove"));
        } else if (key.equals("dns_record.client_routing_policy")) {
            AttributeValues.oneOf(key, v, List.of("availability_zone_affinity", "partial_availability_zone_affinity",
                    "any_availability_zone"));
        }
    }
}
