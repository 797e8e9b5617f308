package dev.fakeecs.internal.elbv2;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;

/**
 * Whether a health check answer passes the target group's matcher: {@code HttpCode} lists like
 * {@code "200"}, {@code "200,202"} or {@code "200-299"}. TCP health checks (network load balancers) pass on any
 * answer; gRPC target groups (matched on {@code GrpcCode}) pass on any 2XX HTTP answer, the fake's applications
 * answering HTTP only.
 *
 * <pre>{@code
 * boolean ok = Matchers.matches("200-299", 204);   // true
 * }</pre>
 */
final class Matchers {

    private Matchers() {
    }

    static boolean passes(TargetGroupRecord tg, int status) {
        String hc = tg.healthCheckProtocol;
        if (hc != null && !hc.startsWith("HTTP")) {
            return true;
        }
        Matcher m = tg.matcher;
        if ("GRPC".equals(tg.protocolVersion)) {
            return status >= 200 && status < 300;
        }
        return matches(m == null || m.httpCode() == null ? "200" : m.httpCode(), status);
    }

    static boolean matches(String codes, int status) {
        for (String part : codes.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            if (dash > 0) {
                if (status >= Integer.parseInt(p.substring(0, dash).trim())
                        && status <= Integer.parseInt(p.substring(dash + 1).trim())) {
                    return true;
                }
            } else if (!p.isEmpty() && Integer.parseInt(p) == status) {
                return true;
            }
        }
        return false;
    }

    /** Checks a matcher's syntax and range (HTTP 200–499, gRPC 0–99). */
    static void check(Matcher m) {
        if (m == null) {
            return;
        }
        if (m.httpCode() != null) {
            checkCodes(m.httpCode(), 200, 499, "HttpCode");
        }
        if (m.grpcCode() != null) {
            checkCodes(m.grpcCode(), 0, 99, "GrpcCode");
        }
    }

    private static void checkCodes(String codes, int min, int max, String field) {
        try {
            for (String part : codes.split(",")) {
                String p = part.trim();
                int dash = p.indexOf('-');
                int lo = Integer.parseInt(dash > 0 ? p.substring(0, dash).trim() : p);
                int hi = dash > 0 ? Integer.parseInt(p.substring(dash + 1).trim()) : lo;
                if (lo < min || hi > max || lo > hi) {
                    throw ElbErrors.validation("Health check matcher " + field + " '" + codes
                            + "' must be within '" + min + "-" + max + "'");
                }
            }
        } catch (NumberFormatException e) {
            throw ElbErrors.validation("Health check matcher " + field + " '" + codes + "' is not valid");
        }
    }
}
