package dev.fakeecs.internal.protocol;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsRequest;

/**
 * One ECS operation as the SDK's {@link EcsClient} declares it: {@code CreateCluster} is the method
 * {@code createCluster(CreateClusterRequest)}. The table of every operation is built once, by reflection.
 */
final class EcsOperation {

    private static final Map<String, EcsOperation> BY_NAME = scan();

    private final String name;
    private final Class<? extends EcsRequest> requestClass;
    private final Method method;

    private EcsOperation(String name, Class<? extends EcsRequest> requestClass, Method method) {
        this.name = name;
        this.requestClass = requestClass;
        this.method = method;
    }

    /** The operation with this wire name (e.g. {@code "DescribeClusters"}), or {@code null}. */
    static EcsOperation named(String name) {
        return BY_NAME.get(name);
    }

    /** Every operation of the SDK's ECS model, by wire name, sorted. */
    static Map<String, EcsOperation> all() {
        return BY_NAME;
    }

    String name() {
        return name;
    }

    Class<? extends EcsRequest> requestClass() {
        return requestClass;
    }

    Method method() {
        return method;
    }

    private static Map<String, EcsOperation> scan() {
        Map<String, EcsOperation> map = new TreeMap<>();
        for (Method method : EcsClient.class.getMethods()) {
            if (method.getParameterCount() != 1 || !EcsRequest.class.isAssignableFrom(method.getParameterTypes()[0])) {
                continue;
            }
            Class<? extends EcsRequest> requestClass = method.getParameterTypes()[0].asSubclass(EcsRequest.class);
            String simpleName = requestClass.getSimpleName();
            if (!simpleName.endsWith("Request")) {
                continue;
            }
            String name = simpleName.substring(0, simpleName.length() - "Request".length());
            String methodName = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            if (method.getName().equals(methodName)) { // not the xxxPaginator(...) overloads
                map.put(name, new EcsOperation(name, requestClass, method));
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
