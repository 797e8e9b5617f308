package dev.fakeecs.internal.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables generated from AWS service models that the SDK's classes do not carry (required members,
 * numeric ranges, error codes), one set per service, found by the SDK model class's package
 * ({@code software.amazon.awssdk.services.<service>.model}): ECS's are {@code required-members.properties}
 * and {@code member-ranges.properties}, every other service's are prefixed with its package name
 * ({@code elasticloadbalancingv2-required-members.properties}).
 *
 * <pre>{@code
 * Properties ranges = ServiceModelResources.table(CreateTargetGroupRequest.class, "member-ranges");
 * }</pre>
 */
public final class ServiceModelResources {

    private static final String SDK_SERVICES = "software.amazon.awssdk.services.";
    private static final Map<String, Properties> TABLES = new ConcurrentHashMap<>();

    private ServiceModelResources() {
    }

    /** The service a model class belongs to ({@code ecs}, {@code elasticloadbalancingv2}), or {@code ""}. */
    public static String serviceOf(Class<?> shapeClass) {
        String name = shapeClass.getName();
        if (!name.startsWith(SDK_SERVICES)) {
            return "";
        }
        int end = name.indexOf('.', SDK_SERVICES.length());
        return end < 0 ? "" : name.substring(SDK_SERVICES.length(), end);
    }

    /** The table {@code kind} ({@code required-members}, {@code member-ranges}, {@code errors}) of the class's service. */
    public static Properties table(Class<?> shapeClass, String kind) {
        return table(serviceOf(shapeClass), kind);
    }

    /** The table {@code kind} of {@code service} (empty if the service has none). */
    public static Properties table(String service, String kind) {
        return TABLES.computeIfAbsent(service + "/" + kind, key -> load(
                service.equals("ecs") ? kind + ".properties" : service + "-" + kind + ".properties"));
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ServiceModelResources.class.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
