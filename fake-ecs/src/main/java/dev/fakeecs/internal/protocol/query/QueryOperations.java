package dev.fakeecs.internal.protocol.query;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The operations of an SDK client interface by their wire name ({@code Action}): every method taking one
 * request class and answering a response class, named as the operation with a lower-case first letter
 * ({@code createTargetGroup(CreateTargetGroupRequest)} is {@code CreateTargetGroup}).
 *
 * <pre>{@code
 * QueryOperations ops = QueryOperations.of(ElasticLoadBalancingV2Client.class);
 * Method m = ops.method("CreateTargetGroup");
 * }</pre>
 */
final class QueryOperations {

    private final Map<String, Method> byName;

    private QueryOperations(Map<String, Method> byName) {
        this.byName = byName;
    }

    static QueryOperations of(Class<?> clientInterface) {
        Map<String, Method> map = new TreeMap<>();
        for (Method m : clientInterface.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1
                    || !SdkResponse.class.isAssignableFrom(m.getReturnType())) {
                continue;
            }
            Class<?> parameter = m.getParameterTypes()[0];
            if (!SdkRequest.class.isAssignableFrom(parameter) || Modifier.isAbstract(parameter.getModifiers())) {
                continue;
            }
            String name = m.getName();
            map.put(Character.toUpperCase(name.charAt(0)) + name.substring(1), m);
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException(clientInterface.getName() + " has no SDK operations");
        }
        return new QueryOperations(Map.copyOf(map));
    }

    /** The client method of the operation named {@code action} (case-sensitive), or {@code null}. */
    Method method(String action) {
        return action == null ? null : byName.get(action);
    }

    /** Every operation name. */
    java.util.Set<String> names() {
        return byName.keySet();
    }
}
