package dev.fakeecs.internal.account;

import dev.fakeecs.internal.error.EcsErrors;
import software.amazon.awssdk.services.ecs.model.SettingName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each ECS account setting accepts and what AWS sets when nobody did: long ARN formats
 * {@code enabled}, {@code awsvpcTrunking} and {@code containerInsights} {@code disabled},
 * {@code fargateTaskRetirementWaitPeriod} {@code 7}, {@code tagResourceAuthorization} {@code on},
 * {@code defaultLogDriverMode} {@code non-blocking}.
 *
 * <pre>{@code
 * SettingRules.defaultValue(SettingName.TASK_LONG_ARN_FORMAT);          // "enabled"
 * SettingRules.validate(SettingName.CONTAINER_INSIGHTS, "enhanced");    // ok
 * }</pre>
 */
public final class SettingRules {

    private static final List<String> ON_OFF = List.of("enabled", "disabled");
    /** ECS's current setting that the SDK's {@link SettingName} does not know yet (sent as a string). */
    public static final String DUAL_STACK_IPV6 = "dualStackIPv6";

    private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        rule(SettingName.SERVICE_LONG_ARN_FORMAT, "enabled", ON_OFF);
        rule(SettingName.TASK_LONG_ARN_FORMAT, "enabled", ON_OFF);
        rule(SettingName.CONTAINER_INSTANCE_LONG_ARN_FORMAT, "enabled", ON_OFF);
        rule(SettingName.AWSVPC_TRUNKING, "disabled", ON_OFF);
        rule(SettingName.CONTAINER_INSIGHTS, "disabled", List.of("enabled", "disabled", "enhanced"));
        rule(SettingName.FARGATE_FIPS_MODE, "disabled", ON_OFF);
        rule(SettingName.TAG_RESOURCE_AUTHORIZATION, "on", List.of("on", "off"));
        rule(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD, "7", List.of("0", "7", "14"));
        rule(SettingName.GUARD_DUTY_ACTIVATE, "disabled", ON_OFF);
        rule(SettingName.DEFAULT_LOG_DRIVER_MODE, "non-blocking", List.of("blocking", "non-blocking"));
        rule(SettingName.FARGATE_EVENT_WINDOWS, "disabled", ON_OFF);
        rule(DUAL_STACK_IPV6, "disabled", ON_OFF);
    }

    private SettingRules() {
    }

    private static void rule(SettingName name, String defaultValue, List<String> values) {
        rule(name.toString(), defaultValue, values);
    }

    private static void rule(String name, String defaultValue, List<String> values) {
        DEFAULTS.put(name, defaultValue);
        VALUES.put(name, values);
    }

    /** Every setting the fake knows by its wire name, in the SDK's order, then dualStackIPv6. */
    public static List<String> names() {
        return List.copyOf(DEFAULTS.keySet());
    }

    /** What AWS uses when neither the principal nor the account set anything. */
    public static String defaultValue(SettingName name) {
        return defaultValue(name.toString());
    }

    /** What AWS uses when neither the principal nor the account set anything (by wire name). */
    public static String defaultValue(String name) {
        return DEFAULTS.get(name);
    }

    /**
     * The wire name of the setting a request names; InvalidParameterException for a missing or
     * unknown name. The raw string decides, so names newer than the SDK's enum (dualStackIPv6) work.
     */
    public static String name(SettingName name, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw EcsErrors.invalidParameter("name can not be null or empty.");
        }
        if (!DEFAULTS.containsKey(raw)) {
            throw EcsErrors.invalidParameter("name should be one of [" + String.join(",", names()) + "]: " + raw);
        }
        return raw;
    }

    /** Checks a value for a setting; InvalidParameterException naming the accepted values. */
    public static void validate(SettingName name, String value) {
        validate(name.toString(), value);
    }

    /** Checks a value for a setting (by wire name); InvalidParameterException naming the accepted values. */
    public static void validate(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw EcsErrors.invalidParameter("value can not be null or empty.");
        }
        if (SettingName.GUARD_DUTY_ACTIVATE.toString().equals(name)) {
            throw EcsErrors.invalidParameter("guardDutyActivate can only be changed through Amazon GuardDuty.");
        }
        List<String> allowed = VALUES.get(name);
        if (!allowed.contains(value)) {
            throw EcsErrors.invalidParameter("value for " + name + " should be one of " + allowed + ": " + value);
        }
    }
}
