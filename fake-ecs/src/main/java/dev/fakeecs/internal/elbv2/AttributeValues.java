package dev.fakeecs.internal.elbv2;

import java.util.List;
import java.util.Map;

/**
 * The checks every ELB v2 attribute list shares (load balancer, target group and listener attributes): a key the
 * list does not have, a number out of its range, a value outside its set, with ELB's messages.
 *
 * <pre>{@code
 * AttributeValues.known(key, current);
 * AttributeValues.between(key, value, 0, 3600);   // 'deregistration_delay.timeout_seconds' value '4000' must be ...
 * }</pre>
 */
final class AttributeValues {

    private AttributeValues() {
    }

    /** Refuses a key the attribute list does not have ({@code InvalidConfigurationRequest}). */
    static void known(String key, Map<String, String> current) {
        if (key == null || !current.containsKey(key)) {
            throw ElbErrors.invalidConfiguration("Key " + key + " not valid");
        }
    }

    /** Refuses anything but a whole number from {@code min} to {@code max} ({@code ValidationError}). */
    static void between(String key, String v, long min, long max) {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            n = min - 1;
        }
        if (n < min || n > max) {
            throw ElbErrors.validation("'" + key + "' value '" + v + "' must be between '" + min + "-" + max
                    + "' inclusive");
        }
    }

    /** Refuses a value outside {@code allowed} ({@code ValidationError}). */
    static void oneOf(String key, String v, List<String> allowed) {
        if (!allowed.contains(v)) {
            throw ElbErrors.validation("'" + key + "' value '" + v + "' must be one of '"
                    + String.join("', '", allowed) + "'");
        }
    }
}
