package dev.fakeecs.dsl.loadbalancing;

/**
 * Names inside Elastic Load Balancing ARNs, so JSON written for a real account (ARNs of another world) can
 * be read as declarations by name: {@code arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123abcd}
 * names target group {@code web-tg}; a value that is not an ARN is a name already.
 *
 * <pre>{@code
 * ElbArns.name("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123abcd");   // "web-tg"
 * ElbArns.name("web-tg");                                                                            // "web-tg"
 * }</pre>
 */
public final class ElbArns {

    private ElbArns() {
    }

    /** The name a target group or load balancer ARN carries, or {@code value} itself when it is no ARN. */
    public static String name(String value) {
        if (value == null || !value.startsWith("arn:")) {
            return value;
        }
        int colon = value.lastIndexOf(':');
        String[] parts = value.substring(colon + 1).split("/");
        // targetgroup/<name>/<id>, loadbalancer/app/<name>/<id>, loadbalancer/net/<name>/<id>
        if (parts.length >= 3 && "targetgroup".equals(parts[0])) {
            return parts[1];
        }
        if (parts.length >= 4 && "loadbalancer".equals(parts[0])) {
            return parts[2];
        }
        return value;
    }

    /** Whether {@code value} is an ARN (not a name). */
    public static boolean isArn(String value) {
        return value != null && value.startsWith("arn:");
    }
}
