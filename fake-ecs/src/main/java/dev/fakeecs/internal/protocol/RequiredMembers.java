package dev.fakeecs.internal.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The required members of each shape of an AWS service, by wire member name. The SDK's generated model
 * classes carry no {@code RequiredTrait}, so the lists are read from tables generated from the service models
 * ({@code required-members.properties} for ECS, {@code <service>-required-members.properties} for the others,
 * see {@link ServiceModelResources}).
 *
 * <pre>{@code
 * List<String> required = RequiredMembers.of(CreateTargetGroupRequest.class);   // [Name]
 * }</pre>
 */
public final class RequiredMembers {

    private static final Map<String, Map<String, List<String>>> BY_SERVICE = new ConcurrentHashMap<>();

    private RequiredMembers() {
    }

    /** The required wire member names of an SDK model class (empty if none). */
    public static List<String> of(Class<?> shapeClass) {
        return forService(ServiceModelResources.serviceOf(shapeClass))
                .getOrDefault(shapeClass.getSimpleName(), List.of());
    }

    /** The required JSON member names of the ECS shape with this simple class name (empty if none). */
    static List<String> of(String shapeName) {
        return all().getOrDefault(shapeName, List.of());
    }

    /** Every ECS shape that has required members. */
    static Map<String, List<String>> all() {
        return forService("ecs");
    }

    private static Map<String, List<String>> forService(String service) {
        return BY_SERVICE.computeIfAbsent(service, s -> {
            Properties properties = ServiceModelResources.table(s, "required-members");
            Map<String, List<String>> map = new java.util.HashMap<>();
            for (String shape : properties.stringPropertyNames()) {
                map.put(shape, List.copyOf(Arrays.asList(properties.getProperty(shape).split(","))));
            }
            return Map.copyOf(map);
        });
    }
}
